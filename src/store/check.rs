//! The row check of a whole file: every row a user wrote against its checksum, every
//! assessment against its manifest, the file against its own manifest. The store's full
//! check runs it after SQLite's `integrity_check`, and so does every backup before it is
//! kept, listed as good, or restored: a backup is judged exactly as the database is.

use rusqlite::{Connection, OptionalExtension};

use super::read::{self, damage, sql};
use super::sums;
use crate::error::Result;
use crate::model::{Answer, Part2Answer, Revision};

/// What a checked file holds: assessments that are not deleted, and their answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub assessments: i64,
    pub answers: i64,
}

/// Checks the rows of a file of layout `version` (older layouts by their own rules: layout
/// 2 had checksums on answers only, layout 1 none). Damage is returned without the path.
pub fn rows(conn: &Connection, version: i64) -> Result<Counts> {
    if version >= 3 {
        return current(conn);
    }
    if version == 2 {
        layout_2(conn)?;
    }
    counts(conn)
}

fn current(conn: &Connection) -> Result<Counts> {
    let companies: Vec<i64> = read::companies(conn)?.into_iter().map(|(c, _)| c.id).collect();
    read::settings(conn)?;
    let mut counts = Counts { assessments: 0, answers: 0 };
    let layout_4 = read::has_layout_4(conn)?;
    for row in read::assessments(conn)? {
        let (answers, _) = read::answers_and_part2(conn, &row)?;
        if layout_4 {
            // Every row of layout 4 against its checksum (their keys are in the manifest).
            read::submissions(conn, row.assessment.id)?;
            read::feedback_of(conn, row.assessment.id)?;
            read::requests_of(conn, row.assessment.id)?;
        }
        if !companies.contains(&row.assessment.company_id) {
            return Err(damage(format!("the company of assessment {} is missing", row.assessment.id)));
        }
        if row.deleted_at.is_none() {
            counts.assessments += 1;
            counts.answers += answers.len() as i64;
        }
    }
    Ok(counts)
}

fn counts(conn: &Connection) -> Result<Counts> {
    let assessments =
        conn.query_row("SELECT count(*) FROM assessment WHERE deleted_at IS NULL", [], |r| r.get(0)).map_err(sql)?;
    let answers = conn
        .query_row(
            "SELECT count(*) FROM answer x JOIN assessment a ON a.id = x.assessment_id WHERE a.deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .map_err(sql)?;
    Ok(Counts { assessments, answers })
}

/// Layout 2: the checksum of each answer's and Part 2 answer's content, where it has one.
pub fn layout_2(conn: &Connection) -> Result<()> {
    let mut stmt = conn
        .prepare(
            "SELECT item_id, rating, na_reason, description, evidence, action_plan, marked_for_review, checksum
             FROM answer",
        )
        .map_err(sql)?;
    let mut rows = stmt.query([]).map_err(sql)?;
    while let Some(r) = rows.next().map_err(sql)? {
        let a = Answer {
            item_id: r.get(0).map_err(sql)?,
            rating: super::rows::rating(r, 1).map_err(sql)?,
            na_reason: r.get(2).map_err(sql)?,
            description: r.get(3).map_err(sql)?,
            evidence: super::rows::json(r, 4).map_err(sql)?,
            action_plan: super::rows::json(r, 5).map_err(sql)?,
            marked_for_review: r.get(6).map_err(sql)?,
            to_reconfirm: false,
            updated_at: None,
            revision: Revision::default(),
        };
        let stored: Option<String> = r.get(7).map_err(sql)?;
        if stored.is_some_and(|s| s != sums::answer_v2(&a)) {
            return Err(damage(format!(
                "the answer to {} is not what was saved (its checksum does not match)",
                a.item_id
            )));
        }
    }
    drop(rows);
    let mut stmt = conn
        .prepare("SELECT policy_id, acknowledged, cascaded, disclosures, notes, checksum FROM part2_answer")
        .map_err(sql)?;
    let mut rows = stmt.query([]).map_err(sql)?;
    while let Some(r) = rows.next().map_err(sql)? {
        let a = Part2Answer {
            policy_id: r.get(0).map_err(sql)?,
            acknowledged: r.get(1).map_err(sql)?,
            cascaded: super::rows::cascade(r, 2).map_err(sql)?,
            disclosures: super::rows::json(r, 3).map_err(sql)?,
            notes: r.get(4).map_err(sql)?,
            to_reconfirm: false,
            updated_at: None,
            revision: Revision::default(),
        };
        let stored: Option<String> = r.get(5).map_err(sql)?;
        if stored.is_some_and(|s| s != sums::part2_v2(&a)) {
            return Err(damage(format!(
                "the answer to the {} policy is not what was saved (its checksum does not match)",
                a.policy_id
            )));
        }
    }
    Ok(())
}

/// SQLite's full structural check (every page); its own words go to support.
pub fn integrity(conn: &Connection) -> Result<()> {
    let lines: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(sql)?;
    if lines.len() == 1 && lines[0] == "ok" {
        return Ok(());
    }
    let support = lines.into_iter().take(3).collect::<Vec<_>>().join("; ");
    Err(super::sqlite::damaged(
        std::path::Path::new(""),
        "SQLite's full check of the file found damaged pages",
        support,
    ))
}

/// The layout version of the file on `conn`, if it can be read.
pub fn version(conn: &Connection) -> Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0)).optional().map_err(sql).map(|v| v.unwrap_or(0))
}
