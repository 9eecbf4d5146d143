//! Reading rows back, checked: each row against its checksum, an assessment's answer, Part 2,
//! submission, feedback and request rows against its manifest, and the companies, assessments and settings against the
//! file's manifest. Used by the store's reads, by its writes (which check what they change
//! first) and by the whole-file check of backups (`check.rs`), so all three judge alike.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};

use super::rows::{self, AssessmentRow, FileManifest};
use super::{sqlite, sums};
use crate::error::{Error, Result};
use crate::model::{Answer, Company, Part2Answer};

/// Damage found here, without the file's path (the store adds it on the way out).
pub fn damage(detail: impl Into<String>) -> Error {
    sqlite::damaged(Path::new(""), detail, "")
}

/// SQLite's failure, sorted (damage or not), without the file's path.
pub fn sql(e: rusqlite::Error) -> Error {
    sqlite::classify(Path::new(""), e)
}

/// An assessment row, deleted or not.
pub fn assessment_row(conn: &Connection, id: i64) -> Result<Option<AssessmentRow>> {
    let sql_text = format!("SELECT {}, checksum FROM assessment WHERE id = ?1", rows::ASSESSMENT_COLUMNS);
    conn.prepare_cached(&sql_text).and_then(|mut s| s.query_row([id], rows::assessment).optional()).map_err(sql)
}

/// An assessment that is not deleted; one that is not there is `NotFound` only when the
/// file's manifest agrees that no such assessment was ever saved.
pub fn live_assessment(conn: &Connection, id: i64) -> Result<AssessmentRow> {
    match assessment_row(conn, id)? {
        Some(row) if row.deleted_at.is_none() => Ok(row),
        Some(_) => Err(Error::not_found(format!("Assessment {id}"))),
        None => {
            check_ids(conn, Part::Assessments)?;
            Err(Error::not_found(format!("Assessment {id}")))
        }
    }
}

/// Every assessment row (deleted ones too), checked against the file's manifest.
pub fn assessments(conn: &Connection) -> Result<Vec<AssessmentRow>> {
    let sql_text = format!("SELECT {}, checksum FROM assessment ORDER BY id", rows::ASSESSMENT_COLUMNS);
    let list: Vec<AssessmentRow> =
        conn.prepare_cached(&sql_text).and_then(|mut s| s.query_map([], rows::assessment)?.collect()).map_err(sql)?;
    let ids: Vec<String> = list.iter().map(|r| r.assessment.id.to_string()).collect();
    compare_ids(&file_manifest(conn)?.assessments, &ids, Part::Assessments)?;
    Ok(list)
}

/// The (key, checksum) pairs of rows as stored, in key order (what a manifest covers),
/// without reading the rows' content.
pub type Entries = Vec<(String, String)>;

/// The rows an assessment's manifest covers: its answers and Part 2 answers and, from layout
/// 4, its submissions, the feedback files opened on them and NEC's requests they brought.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowEntries {
    pub answers: Entries,
    pub part2: Entries,
    pub submissions: Entries,
    pub feedback: Entries,
    pub requests: Entries,
}

impl RowEntries {
    /// The manifest of these rows: "answers;part2", and ";submissions;feedback;requests" once
    /// there are any of those (so that a manifest of layout 3 stays what it was).
    pub fn manifest(&self) -> String {
        let m = |e: &Entries| sums::manifest(e.iter().map(|(k, s)| (k.as_str(), s.as_str())));
        if self.submissions.is_empty() && self.feedback.is_empty() && self.requests.is_empty() {
            format!("{};{}", m(&self.answers), m(&self.part2))
        } else {
            format!(
                "{};{};{};{};{}",
                m(&self.answers),
                m(&self.part2),
                m(&self.submissions),
                m(&self.feedback),
                m(&self.requests)
            )
        }
    }
}

pub fn entries(conn: &Connection, id: i64) -> Result<RowEntries> {
    let mut e = RowEntries { answers: answer_entries(conn, id)?, part2: part2_entries(conn, id)?, ..Default::default() };
    add_layout_4(conn, id, &mut e)?;
    Ok(e)
}

/// Adds the entries of layout 4's rows, where the file has its tables (a backup of layout 3
/// is checked by its own layout's rules; the store's own file is always of the latest).
fn add_layout_4(conn: &Connection, id: i64, e: &mut RowEntries) -> Result<()> {
    if !has_layout_4(conn)? {
        return Ok(());
    }
    e.submissions =
        keyed_sums(conn, id, "SELECT submitted_at, checksum FROM submission WHERE assessment_id = ?1 ORDER BY submitted_at")?;
    e.feedback = keyed_sums(conn, id, "SELECT id, checksum FROM feedback WHERE assessment_id = ?1 ORDER BY id")?;
    e.requests = keyed_sums(
        conn,
        id,
        "SELECT submission_sha256 || '/' || request_id, checksum FROM nec_request WHERE assessment_id = ?1 \
         ORDER BY submission_sha256, request_id",
    )?;
    Ok(())
}

/// Whether the file has layout 4's tables.
pub fn has_layout_4(conn: &Connection) -> Result<bool> {
    conn.prepare_cached("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'nec_request'")
        .and_then(|mut s| s.query_row([], |r| r.get::<_, i64>(0)))
        .map(|n| n > 0)
        .map_err(sql)
}

fn keyed_sums(conn: &Connection, id: i64, sql_text: &str) -> Result<Entries> {
    conn.prepare_cached(sql_text)
        .and_then(|mut s| {
            s.query_map([id], |r| {
                let sum: Option<String> = r.get(1)?;
                Ok((r.get(0)?, sum.ok_or_else(|| sums::mismatch(1, "the row carries no checksum"))?))
            })?
            .collect()
        })
        .map_err(sql)
}

fn answer_entries(conn: &Connection, id: i64) -> Result<Entries> {
    keyed_sums(conn, id, "SELECT item_id, checksum FROM answer WHERE assessment_id = ?1 ORDER BY item_id")
}

fn part2_entries(conn: &Connection, id: i64) -> Result<Entries> {
    keyed_sums(conn, id, "SELECT policy_id, checksum FROM part2_answer WHERE assessment_id = ?1 ORDER BY policy_id")
}

/// Checks an assessment's rows (as `entries` found them) against its manifest.
pub fn check_manifest(row: &AssessmentRow, found: &RowEntries) -> Result<()> {
    if found.manifest() == row.manifest {
        return Ok(());
    }
    let id = row.assessment.id;
    let mut saved = row.manifest.split(';');
    let (count_a, count_p) =
        (saved.next().and_then(sums::manifest_count), saved.next().and_then(sums::manifest_count));
    let (answers, part2) = (found.answers.len() as u64, found.part2.len() as u64);
    let detail = match (count_a, count_p) {
        (Some(a), Some(p)) if a != answers || p != part2 => format!(
            "assessment {id} holds {answers} answers and {part2} Part 2 answers where {a} and {p} were saved (rows are missing or were added)"
        ),
        (Some(_), Some(_)) if found.manifest().split(';').take(2).eq(row.manifest.split(';').take(2)) => format!(
            "the submissions of assessment {id}, or NEC's feedback and requests on them, are not the ones saved (a row is missing, was added or was changed)"
        ),
        _ => format!("the answers of assessment {id} are not the ones saved (a row was replaced or its key changed)"),
    };
    Err(damage(detail))
}

fn answer_query(one: bool) -> String {
    format!(
        "SELECT {}, checksum FROM answer WHERE assessment_id = ?1 {} ORDER BY item_id",
        rows::ANSWER_COLUMNS,
        if one { "AND item_id = ?2" } else { "" }
    )
}

fn part2_query(one: bool) -> String {
    format!(
        "SELECT {}, checksum FROM part2_answer WHERE assessment_id = ?1 {} ORDER BY policy_id",
        rows::PART2_COLUMNS,
        if one { "AND policy_id = ?2" } else { "" }
    )
}

fn answers_with_sums(conn: &Connection, id: i64) -> Result<(Vec<Answer>, Entries)> {
    let list: Vec<(Answer, String)> = conn
        .prepare_cached(&answer_query(false))
        .and_then(|mut s| s.query_map([id], |r| Ok((rows::answer(r)?, r.get(rows::ANSWER_N)?)))?.collect())
        .map_err(sql)?;
    let entries = list.iter().map(|(a, sum)| (a.item_id.clone(), sum.clone())).collect();
    Ok((list.into_iter().map(|(a, _)| a).collect(), entries))
}

fn part2_with_sums(conn: &Connection, id: i64) -> Result<(Vec<Part2Answer>, Entries)> {
    let list: Vec<(Part2Answer, String)> = conn
        .prepare_cached(&part2_query(false))
        .and_then(|mut s| s.query_map([id], |r| Ok((rows::part2(r)?, r.get(rows::PART2_N)?)))?.collect())
        .map_err(sql)?;
    let entries = list.iter().map(|(a, sum)| (a.policy_id.clone(), sum.clone())).collect();
    Ok((list.into_iter().map(|(a, _)| a).collect(), entries))
}

/// The answers of an assessment, every row checked and all of them against its manifest.
pub fn answers(conn: &Connection, row: &AssessmentRow) -> Result<Vec<Answer>> {
    let id = row.assessment.id;
    let (list, answers) = answers_with_sums(conn, id)?;
    let mut found = RowEntries { answers, part2: part2_entries(conn, id)?, ..Default::default() };
    add_layout_4(conn, id, &mut found)?;
    check_manifest(row, &found)?;
    Ok(list)
}

/// The Part 2 answers of an assessment, checked as [`answers`].
pub fn part2(conn: &Connection, row: &AssessmentRow) -> Result<Vec<Part2Answer>> {
    let id = row.assessment.id;
    let (list, part2) = part2_with_sums(conn, id)?;
    let mut found = RowEntries { answers: answer_entries(conn, id)?, part2, ..Default::default() };
    add_layout_4(conn, id, &mut found)?;
    check_manifest(row, &found)?;
    Ok(list)
}

/// Both, from one read of each table.
pub fn answers_and_part2(conn: &Connection, row: &AssessmentRow) -> Result<(Vec<Answer>, Vec<Part2Answer>)> {
    let id = row.assessment.id;
    let (answers, a) = answers_with_sums(conn, id)?;
    let (part2, p) = part2_with_sums(conn, id)?;
    let mut found = RowEntries { answers: a, part2: p, ..Default::default() };
    add_layout_4(conn, id, &mut found)?;
    check_manifest(row, &found)?;
    Ok((answers, part2))
}

/// The submissions, feedback and requests rows of an assessment, each checked (the caller
/// checks the manifest, which [`answers_and_part2`] and the others do).
pub fn submissions(conn: &Connection, id: i64) -> Result<Vec<rows::SubmissionRow>> {
    let q = format!(
        "SELECT {}, checksum FROM submission WHERE assessment_id = ?1 ORDER BY submitted_at",
        rows::SUBMISSION_COLUMNS
    );
    conn.prepare_cached(&q).and_then(|mut s| s.query_map([id], rows::submission)?.collect()).map_err(sql)
}

pub fn feedback_of(conn: &Connection, id: i64) -> Result<Vec<rows::FeedbackRow>> {
    let q = format!("SELECT {}, checksum FROM feedback WHERE assessment_id = ?1 ORDER BY opened_at, id", rows::FEEDBACK_COLUMNS);
    conn.prepare_cached(&q).and_then(|mut s| s.query_map([id], rows::feedback)?.collect()).map_err(sql)
}

pub fn requests_of(conn: &Connection, id: i64) -> Result<Vec<rows::RequestRow>> {
    let q = format!(
        "SELECT {}, checksum FROM nec_request WHERE assessment_id = ?1 ORDER BY asked_at, submission_sha256, request_id",
        rows::NEC_REQUEST_COLUMNS
    );
    conn.prepare_cached(&q).and_then(|mut s| s.query_map([id], rows::nec_request)?.collect()).map_err(sql)
}

/// One stored answer, its row checked (the caller checks the manifest).
pub fn answer(conn: &Connection, id: i64, item: &str) -> Result<Option<Answer>> {
    conn.prepare_cached(&answer_query(true))
        .and_then(|mut s| s.query_row(params![id, item], rows::answer).optional())
        .map_err(sql)
}

/// One stored Part 2 answer, its row checked.
pub fn part2_answer(conn: &Connection, id: i64, policy: &str) -> Result<Option<Part2Answer>> {
    conn.prepare_cached(&part2_query(true))
        .and_then(|mut s| s.query_row(params![id, policy], rows::part2).optional())
        .map_err(sql)
}

/// A company and its creation time; one that is not there is `None` only when the file's
/// manifest agrees.
pub fn company(conn: &Connection, id: i64) -> Result<Option<(Company, String)>> {
    let sql_text = format!("SELECT {}, checksum FROM company WHERE id = ?1", rows::COMPANY_COLUMNS);
    let found =
        conn.prepare_cached(&sql_text).and_then(|mut s| s.query_row([id], rows::company).optional()).map_err(sql)?;
    if found.is_none() {
        check_ids(conn, Part::Companies)?;
    }
    Ok(found)
}

/// Every company, oldest first, checked against the file's manifest.
pub fn companies(conn: &Connection) -> Result<Vec<(Company, String)>> {
    let sql_text = format!("SELECT {}, checksum FROM company ORDER BY id", rows::COMPANY_COLUMNS);
    let list: Vec<(Company, String)> =
        conn.prepare_cached(&sql_text).and_then(|mut s| s.query_map([], rows::company)?.collect()).map_err(sql)?;
    let ids: Vec<String> = list.iter().map(|(c, _)| c.id.to_string()).collect();
    compare_ids(&file_manifest(conn)?.companies, &ids, Part::Companies)?;
    Ok(list)
}

/// A setting's value; a missing one is `None` only when the file's manifest agrees.
pub fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    let found = conn
        .prepare_cached("SELECT key, value, checksum FROM setting WHERE key = ?1")
        .and_then(|mut s| s.query_row([key], rows::setting).optional())
        .map_err(sql)?;
    if found.is_none() {
        check_ids(conn, Part::Settings)?;
    }
    Ok(found.map(|(_, v)| v))
}

/// Every setting, checked.
pub fn settings(conn: &Connection) -> Result<Vec<(String, String)>> {
    let list: Vec<(String, String)> = conn
        .prepare_cached("SELECT key, value, checksum FROM setting ORDER BY key")
        .and_then(|mut s| s.query_map([], rows::setting)?.collect())
        .map_err(sql)?;
    let keys: Vec<String> = list.iter().map(|(k, _)| k.clone()).collect();
    compare_ids(&file_manifest(conn)?.settings, &keys, Part::Settings)?;
    Ok(list)
}

/// The parts of the file's manifest.
#[derive(Debug, Clone, Copy)]
pub enum Part {
    Companies,
    Assessments,
    Settings,
}

impl Part {
    fn query(self) -> &'static str {
        match self {
            Part::Companies => "SELECT id FROM company ORDER BY id",
            Part::Assessments => "SELECT id FROM assessment ORDER BY id",
            Part::Settings => "SELECT key FROM setting ORDER BY key",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Part::Companies => "company profiles",
            Part::Assessments => "assessments",
            Part::Settings => "settings",
        }
    }

    pub fn of(self, m: &FileManifest) -> &str {
        match self {
            Part::Companies => &m.companies,
            Part::Assessments => &m.assessments,
            Part::Settings => &m.settings,
        }
    }
}

/// The file's manifest row; a file of the current layout without one is damaged.
pub fn file_manifest(conn: &Connection) -> Result<FileManifest> {
    conn.prepare_cached("SELECT id, companies, assessments, settings, checksum FROM manifest WHERE id = 1")
        .and_then(|mut s| s.query_row([], rows::file_manifest).optional())
        .map_err(sql)?
        .ok_or_else(|| damage("its list of what it holds (the manifest row) is missing"))
}

/// The keys of one part as the tables hold them now.
pub fn ids(conn: &Connection, part: Part) -> Result<Vec<String>> {
    conn.prepare_cached(part.query())
        .and_then(|mut s| {
            s.query_map([], |r| {
                Ok(match r.get_ref(0)? {
                    rusqlite::types::ValueRef::Integer(i) => i.to_string(),
                    other => other.as_str().map(str::to_string)?,
                })
            })?
            .collect()
        })
        .map_err(sql)
}

/// A manifest of keys (ids, setting names): their count and a digest.
pub fn ids_manifest(keys: &[String]) -> String {
    sums::manifest(keys.iter().map(|k| (k.as_str(), "")))
}

fn compare_ids(saved: &str, keys: &[String], part: Part) -> Result<()> {
    if ids_manifest(keys) == saved {
        return Ok(());
    }
    let detail = match sums::manifest_count(saved) {
        Some(n) if n != keys.len() as u64 => {
            format!("it holds {} {} where {n} were saved (rows are missing or were added)", keys.len(), part.what())
        }
        _ => format!("its {} are not the ones saved", part.what()),
    };
    Err(damage(detail))
}

/// Checks one part of the file's manifest against the tables.
pub fn check_ids(conn: &Connection, part: Part) -> Result<()> {
    let keys = ids(conn, part)?;
    compare_ids(part.of(&file_manifest(conn)?), &keys, part)
}

/// One request row of assessment `id`, checked.
pub fn request(conn: &Connection, id: i64, sha256: &str, request_id: &str) -> Result<Option<rows::RequestRow>> {
    let q = format!(
        "SELECT {}, checksum FROM nec_request WHERE assessment_id = ?1 AND submission_sha256 = ?2 AND request_id = ?3",
        rows::NEC_REQUEST_COLUMNS
    );
    conn.prepare_cached(&q)
        .and_then(|mut s| s.query_row(params![id, sha256, request_id], rows::nec_request).optional())
        .map_err(sql)
}
