//! Answers to action items and to Part 2 policies.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::assessments::touch;
use super::{checksums, rows};
use super::{SaveReceipt, Store};
use crate::catalog::Catalog;
use crate::clock;
use crate::error::{Error, Result};
use crate::model::{Answer, Part2Answer, Revision};

impl Store {
    /// The stored answers of an assessment, in catalog order.
    pub fn answers(&self, assessment_id: i64) -> Result<Vec<Answer>> {
        let mut list = read_answers(&self.conn, assessment_id, None).map_err(|e| self.damaged(e))?;
        let catalog = Catalog::get();
        list.sort_by_key(|a| catalog.item_position(&a.item_id).unwrap_or(usize::MAX));
        Ok(list)
    }

    /// Saves one item's answer in one transaction. Saving is touching: the answer is no
    /// longer "to re-confirm". An answer with nothing in it is removed. When the answer
    /// carries the revision it was read at and the stored one has moved on (another window
    /// or program saved meanwhile), nothing is saved: [`Error::Conflict`].
    pub fn save_answer(&mut self, assessment_id: i64, answer: &Answer) -> Result<SaveReceipt> {
        let answer = &answer.normalized();
        answer.validate(Catalog::get())?;
        let now = clock::now();
        self.write(|tx| {
            if let Some(based_on) = answer.revision.0 {
                let stored = answer_revision(tx, assessment_id, &answer.item_id)?;
                if stored.unwrap_or(0) != based_on {
                    return Err(Error::Conflict { what: format!("The answer to {}", answer.item_id) });
                }
            }
            store_answer(tx, assessment_id, answer, &now)
        })
    }

    /// Reads one item's answer, lets `edit` change it, and saves it, all in one write
    /// transaction: two programs editing the same answer at once never lose a change
    /// (the command line's `answer` adds evidence this way).
    pub fn edit_answer(
        &mut self,
        assessment_id: i64,
        item_id: &str,
        edit: impl FnOnce(&mut Answer) -> Result<()>,
    ) -> Result<SaveReceipt> {
        let now = clock::now();
        self.write(|tx| {
            let mut answer = read_answers(tx, assessment_id, Some(item_id))
                .map_err(Error::from)?
                .pop()
                .unwrap_or_else(|| Answer::new(item_id));
            edit(&mut answer)?;
            answer.item_id = item_id.to_string();
            let answer = answer.normalized();
            answer.validate(Catalog::get())?;
            store_answer(tx, assessment_id, &answer, &now)
        })
    }

    /// Confirms carried-over answers as still true, all in one transaction: `items` and
    /// `policies` are no longer "to re-confirm", and nothing else in them changes. Ids that
    /// are not carried over (already confirmed, or never answered) are left as they are;
    /// an id the catalog does not know is refused before anything is written.
    pub fn confirm_unchanged(&mut self, assessment_id: i64, items: &[String], policies: &[String]) -> Result<SaveReceipt> {
        let catalog = Catalog::get();
        if let Some(bad) = items.iter().find(|i| catalog.item_position(i).is_none()) {
            return Err(crate::error::Error::not_found(format!("Action item {bad}")));
        }
        if let Some(bad) = policies.iter().find(|p| !catalog.policies().iter().any(|x| &x.id == *p)) {
            return Err(crate::error::Error::not_found(format!("Part 2 policy {bad}")));
        }
        let now = clock::now();
        self.write(|tx| {
            let receipt = touch(tx, assessment_id, &now)?;
            for item in items {
                tx.execute(
                    "UPDATE answer SET to_reconfirm = 0, updated_at = ?3
                     WHERE assessment_id = ?1 AND item_id = ?2 AND to_reconfirm = 1",
                    params![assessment_id, item, now],
                )?;
            }
            for policy in policies {
                tx.execute(
                    "UPDATE part2_answer SET to_reconfirm = 0, updated_at = ?3
                     WHERE assessment_id = ?1 AND policy_id = ?2 AND to_reconfirm = 1",
                    params![assessment_id, policy, now],
                )?;
            }
            Ok(receipt)
        })
    }

    /// The stored Part 2 answers of an assessment, in catalog order.
    pub fn part2_answers(&self, assessment_id: i64) -> Result<Vec<Part2Answer>> {
        let mut list = read_part2(&self.conn, assessment_id, None).map_err(|e| self.damaged(e))?;
        let order: Vec<&str> = Catalog::get().policies().iter().map(|p| p.id.as_str()).collect();
        list.sort_by_key(|a| order.iter().position(|id| *id == a.policy_id).unwrap_or(usize::MAX));
        Ok(list)
    }

    /// Saves one policy's answer in one transaction; saving clears "to re-confirm".
    /// A stale revision is refused as in [`Store::save_answer`].
    pub fn save_part2(&mut self, assessment_id: i64, answer: &Part2Answer) -> Result<SaveReceipt> {
        let answer = &answer.normalized();
        answer.validate(Catalog::get())?;
        let now = clock::now();
        self.write(|tx| {
            if let Some(based_on) = answer.revision.0 {
                let stored = part2_revision(tx, assessment_id, &answer.policy_id)?;
                if stored.unwrap_or(0) != based_on {
                    return Err(Error::Conflict { what: format!("The answer to the {} policy", answer.policy_id) });
                }
            }
            store_part2(tx, assessment_id, answer, &now)
        })
    }

    /// Reads, edits and saves one policy's answer in one transaction (see [`Store::edit_answer`]).
    pub fn edit_part2(
        &mut self,
        assessment_id: i64,
        policy_id: &str,
        edit: impl FnOnce(&mut Part2Answer) -> Result<()>,
    ) -> Result<SaveReceipt> {
        let now = clock::now();
        self.write(|tx| {
            let mut answer = read_part2(tx, assessment_id, Some(policy_id))
                .map_err(Error::from)?
                .pop()
                .unwrap_or_else(|| Part2Answer::new(policy_id));
            edit(&mut answer)?;
            answer.policy_id = policy_id.to_string();
            let answer = answer.normalized();
            answer.validate(Catalog::get())?;
            store_part2(tx, assessment_id, &answer, &now)
        })
    }
}

fn read_answers(conn: &Connection, assessment_id: i64, item: Option<&str>) -> rusqlite::Result<Vec<Answer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT item_id, rating, na_reason, description, evidence, action_plan,
                marked_for_review, to_reconfirm, updated_at, revision, checksum
         FROM answer WHERE assessment_id = ?1 AND (?2 IS NULL OR item_id = ?2)",
    )?;
    let list = stmt
        .query_map(params![assessment_id, item], |r| {
            let answer = Answer {
                item_id: r.get(0)?,
                rating: rows::rating(r, 1)?,
                na_reason: r.get(2)?,
                description: r.get(3)?,
                evidence: rows::json(r, 4)?,
                action_plan: rows::json(r, 5)?,
                marked_for_review: r.get(6)?,
                to_reconfirm: r.get(7)?,
                updated_at: r.get(8)?,
                revision: Revision(Some(r.get(9)?)),
            };
            rows::verify_checksum(r, 10, &checksums::answer(&answer))?;
            Ok(answer)
        })?
        .collect();
    list
}

fn read_part2(conn: &Connection, assessment_id: i64, policy: Option<&str>) -> rusqlite::Result<Vec<Part2Answer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT policy_id, acknowledged, cascaded, disclosures, notes, to_reconfirm, updated_at, revision, checksum
         FROM part2_answer WHERE assessment_id = ?1 AND (?2 IS NULL OR policy_id = ?2)",
    )?;
    let list = stmt
        .query_map(params![assessment_id, policy], |r| {
            let answer = Part2Answer {
                policy_id: r.get(0)?,
                acknowledged: r.get(1)?,
                cascaded: rows::cascade(r, 2)?,
                disclosures: rows::json(r, 3)?,
                notes: r.get(4)?,
                to_reconfirm: r.get(5)?,
                updated_at: r.get(6)?,
                revision: Revision(Some(r.get(7)?)),
            };
            rows::verify_checksum(r, 8, &checksums::part2(&answer))?;
            Ok(answer)
        })?
        .collect();
    list
}

fn answer_revision(tx: &Transaction, id: i64, item: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row("SELECT revision FROM answer WHERE assessment_id = ?1 AND item_id = ?2", params![id, item], |r| {
            r.get(0)
        })
        .optional()?)
}

fn part2_revision(tx: &Transaction, id: i64, policy: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT revision FROM part2_answer WHERE assessment_id = ?1 AND policy_id = ?2",
            params![id, policy],
            |r| r.get(0),
        )
        .optional()?)
}

fn store_answer(tx: &Transaction, assessment_id: i64, answer: &Answer, now: &str) -> Result<SaveReceipt> {
    let mut receipt = touch(tx, assessment_id, now)?;
    if answer.is_empty() {
        tx.execute(
            "DELETE FROM answer WHERE assessment_id = ?1 AND item_id = ?2",
            params![assessment_id, answer.item_id],
        )?;
    } else {
        upsert_answer(tx, assessment_id, answer, false, now)?;
        receipt.revision = answer_revision(tx, assessment_id, &answer.item_id)?;
    }
    Ok(receipt)
}

fn store_part2(tx: &Transaction, assessment_id: i64, answer: &Part2Answer, now: &str) -> Result<SaveReceipt> {
    let mut receipt = touch(tx, assessment_id, now)?;
    upsert_part2(tx, assessment_id, answer, false, now)?;
    receipt.revision = part2_revision(tx, assessment_id, &answer.policy_id)?;
    Ok(receipt)
}

pub(super) fn upsert_answer(tx: &Transaction, id: i64, a: &Answer, to_reconfirm: bool, now: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO answer(assessment_id, item_id, rating, na_reason, description, evidence,
                            action_plan, marked_for_review, to_reconfirm, updated_at, checksum)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT(assessment_id, item_id) DO UPDATE SET
            rating = excluded.rating, na_reason = excluded.na_reason,
            description = excluded.description, evidence = excluded.evidence,
            action_plan = excluded.action_plan, marked_for_review = excluded.marked_for_review,
            to_reconfirm = excluded.to_reconfirm, updated_at = excluded.updated_at,
            checksum = excluded.checksum, revision = answer.revision + 1",
        params![
            id,
            a.item_id,
            a.rating.map(|r| r.as_str()),
            a.na_reason,
            a.description,
            serde_json::to_string(&a.evidence).expect("evidence serializes"),
            serde_json::to_string(&a.action_plan).expect("plans serialize"),
            a.marked_for_review,
            to_reconfirm,
            now,
            checksums::answer(a),
        ],
    )?;
    Ok(())
}

pub(super) fn upsert_part2(tx: &Transaction, id: i64, a: &Part2Answer, to_reconfirm: bool, now: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO part2_answer(assessment_id, policy_id, acknowledged, cascaded, disclosures,
                                  notes, to_reconfirm, updated_at, checksum)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT(assessment_id, policy_id) DO UPDATE SET
            acknowledged = excluded.acknowledged, cascaded = excluded.cascaded,
            disclosures = excluded.disclosures, notes = excluded.notes,
            to_reconfirm = excluded.to_reconfirm, updated_at = excluded.updated_at,
            checksum = excluded.checksum, revision = part2_answer.revision + 1",
        params![
            id,
            a.policy_id,
            a.acknowledged,
            a.cascaded.map(|c| c.as_str()),
            serde_json::to_string(&a.disclosures).expect("disclosures serialize"),
            a.notes,
            to_reconfirm,
            now,
            checksums::part2(a),
        ],
    )?;
    Ok(())
}
