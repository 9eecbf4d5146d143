//! The writes that several parts of the store share, inside the caller's transaction: an
//! assessment opened for editing (its rows checked against its manifest first, the manifest
//! and the row's checksum written back at the end), new companies and assessments, settings,
//! and the file's manifest. Every row written here carries its checksum.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::read::{self, sql, Part};
use super::rows::{self, AssessmentRow, FileManifest};
use crate::error::Result;
use crate::model::{Answer, Assessment, Company, CompanyProfile, Declaration, Part2Answer, Revision, Status};

/// What a save did, for the UI's "Saved" indicator and its notice when a ready or
/// submitted assessment turns back into a draft.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SaveReceipt {
    pub updated_at: String,
    pub status: Status,
    /// The status before the save, when the save changed it back to draft.
    pub reverted_from: Option<Status>,
    /// The saved record's new revision (the one the next save is based on); `None` when
    /// the save removed the answer or saved something that has no revision.
    pub revision: Option<i64>,
}

/// `INSERT INTO table(columns, checksum) VALUES (…) ON CONFLICT(keys) DO UPDATE SET …`.
fn upsert_sql(table: &str, columns: &str, keys: &[&str]) -> String {
    let cols: Vec<&str> = columns.split(',').map(str::trim).collect();
    let sets: Vec<String> = cols
        .iter()
        .chain(std::iter::once(&"checksum"))
        .filter(|c| !keys.contains(c))
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO {table}({columns}, checksum) VALUES ({}) ON CONFLICT({}) DO UPDATE SET {}",
        rows::placeholders(cols.len() + 1),
        keys.join(", "),
        sets.join(", ")
    )
}

fn answer_upsert() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| upsert_sql("answer", rows::ANSWER_COLUMNS, &["assessment_id", "item_id"]))
}

fn part2_upsert() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| upsert_sql("part2_answer", rows::PART2_COLUMNS, &["assessment_id", "policy_id"]))
}

fn submission_upsert() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| upsert_sql("submission", rows::SUBMISSION_COLUMNS, &["assessment_id", "submitted_at"]))
}

fn request_upsert() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        upsert_sql("nec_request", rows::NEC_REQUEST_COLUMNS, &["assessment_id", "submission_sha256", "request_id"])
    })
}

/// Runs `sql` with `values` and their checksum; returns the checksum.
fn upsert_row(conn: &Connection, sql_text: &str, table: &str, values: Vec<Value>) -> Result<String> {
    let sum = match rows::sum_of(table, &values) {
        Value::Text(s) => s,
        _ => unreachable!("sums are text"),
    };
    execute_with_sum(conn, sql_text, table, values)?;
    Ok(sum)
}

fn assessment_update() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let cols: Vec<&str> = rows::ASSESSMENT_COLUMNS.split(',').map(str::trim).collect();
        let sets: Vec<String> = cols.iter().enumerate().skip(1).map(|(i, c)| format!("{c} = ?{}", i + 1)).collect();
        format!("UPDATE assessment SET {}, checksum = ?{} WHERE id = ?1", sets.join(", "), cols.len() + 1)
    })
}

/// Runs `sql` with `values` and their checksum (for `table`) as the last parameter.
fn execute_with_sum(conn: &Connection, sql_text: &str, table: &str, mut values: Vec<Value>) -> Result<usize> {
    let sum = rows::sum_of(table, &values);
    values.push(sum);
    conn.prepare_cached(sql_text).and_then(|mut s| s.execute(params_from_iter(values))).map_err(sql)
}

/// An assessment being changed: read and checked (its row, and its answer and Part 2 rows
/// against its manifest) before anything is written, so a change never builds on damage;
/// [`Editing::save`] writes its row back with the new manifest and checksum.
pub struct Editing<'c> {
    conn: &'c Connection,
    pub row: AssessmentRow,
    answers: BTreeMap<String, String>,
    part2: BTreeMap<String, String>,
    submissions: BTreeMap<String, String>,
    feedback: BTreeMap<String, String>,
    requests: BTreeMap<String, String>,
}

impl<'c> Editing<'c> {
    /// Opens assessment `id` (not deleted) for editing.
    pub fn open(conn: &'c Connection, id: i64) -> Result<Editing<'c>> {
        let row = read::live_assessment(conn, id)?;
        Editing::of(conn, row)
    }

    /// Opens an assessment row already read (deleted or not).
    pub fn of(conn: &'c Connection, row: AssessmentRow) -> Result<Editing<'c>> {
        let found = read::entries(conn, row.assessment.id)?;
        read::check_manifest(&row, &found)?;
        Ok(Editing {
            conn,
            row,
            answers: found.answers.into_iter().collect(),
            part2: found.part2.into_iter().collect(),
            submissions: found.submissions.into_iter().collect(),
            feedback: found.feedback.into_iter().collect(),
            requests: found.requests.into_iter().collect(),
        })
    }

    pub fn id(&self) -> i64 {
        self.row.assessment.id
    }

    /// The stored answer to `item`, if any (its row checked).
    pub fn answer(&self, item: &str) -> Result<Option<Answer>> {
        read::answer(self.conn, self.id(), item)
    }

    pub fn part2_answer(&self, policy: &str) -> Result<Option<Part2Answer>> {
        read::part2_answer(self.conn, self.id(), policy)
    }

    /// Stores `a` (revision: one more than the stored one); returns the new revision.
    pub fn put_answer(&mut self, a: &Answer, to_reconfirm: bool, now: &str) -> Result<i64> {
        let revision = self.answer(&a.item_id)?.and_then(|s| s.revision.0).map_or(1, |r| r + 1);
        self.write_answer(a, to_reconfirm, now, revision)
    }

    /// Stores `a` at the revision it carries (a change of bookkeeping only, such as
    /// confirming a carried answer unchanged, which must not make an open window stale).
    pub fn restamp_answer(&mut self, a: &Answer, to_reconfirm: bool, now: &str) -> Result<i64> {
        self.write_answer(a, to_reconfirm, now, a.revision.0.unwrap_or(1))
    }

    fn write_answer(&mut self, a: &Answer, to_reconfirm: bool, now: &str, revision: i64) -> Result<i64> {
        let values = rows::answer_values(self.id(), a, to_reconfirm, now, revision);
        let sum = rows::sum_of(rows::ANSWER, &values);
        execute_with_sum(self.conn, answer_upsert(), rows::ANSWER, values)?;
        if let Value::Text(sum) = sum {
            self.answers.insert(a.item_id.clone(), sum);
        }
        Ok(revision)
    }

    pub fn remove_answer(&mut self, item: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM answer WHERE assessment_id = ?1 AND item_id = ?2", params![self.id(), item])
            .map_err(sql)?;
        self.answers.remove(item);
        Ok(())
    }

    pub fn put_part2(&mut self, a: &Part2Answer, to_reconfirm: bool, now: &str) -> Result<i64> {
        let revision = self.part2_answer(&a.policy_id)?.and_then(|s| s.revision.0).map_or(1, |r| r + 1);
        self.write_part2(a, to_reconfirm, now, revision)
    }

    /// Stores `a` at the revision it carries (see [`Editing::restamp_answer`]).
    pub fn restamp_part2(&mut self, a: &Part2Answer, to_reconfirm: bool, now: &str) -> Result<i64> {
        self.write_part2(a, to_reconfirm, now, a.revision.0.unwrap_or(1))
    }

    fn write_part2(&mut self, a: &Part2Answer, to_reconfirm: bool, now: &str, revision: i64) -> Result<i64> {
        let values = rows::part2_values(self.id(), a, to_reconfirm, now, revision);
        let sum = rows::sum_of(rows::PART2, &values);
        execute_with_sum(self.conn, part2_upsert(), rows::PART2, values)?;
        if let Value::Text(sum) = sum {
            self.part2.insert(a.policy_id.clone(), sum);
        }
        Ok(revision)
    }

    /// Records a submission of this assessment at `submitted_at`, with the fingerprint of the
    /// data its PDF carries.
    pub fn put_submission(&mut self, submitted_at: &str, sha256: Option<&str>) -> Result<()> {
        let s = rows::SubmissionRow {
            assessment_id: self.id(),
            submitted_at: submitted_at.to_string(),
            sha256: sha256.map(str::to_string),
        };
        let sum = upsert_row(self.conn, submission_upsert(), rows::SUBMISSION, rows::submission_values(&s))?;
        self.submissions.insert(s.submitted_at, sum);
        Ok(())
    }

    /// Stores a feedback file opened on one of this assessment's submissions.
    pub fn put_feedback(&mut self, f: &rows::FeedbackRow) -> Result<()> {
        let sql_text = format!(
            "INSERT INTO feedback({}, checksum) VALUES ({})",
            rows::FEEDBACK_COLUMNS,
            rows::placeholders(rows::FEEDBACK_N + 1)
        );
        let sum = upsert_row(self.conn, &sql_text, rows::FEEDBACK, rows::feedback_values(f))?;
        self.feedback.insert(f.opened.about.id.clone(), sum);
        Ok(())
    }

    /// The stored request `request_id` of submission `sha256` of this assessment, if any.
    pub fn request(&self, sha256: &str, request_id: &str) -> Result<Option<rows::RequestRow>> {
        read::request(self.conn, self.id(), sha256, request_id)
    }

    /// Stores one of NEC's requests (its row is this assessment's: `r.assessment_id` is set).
    pub fn put_request(&mut self, r: &rows::RequestRow) -> Result<()> {
        let r = rows::RequestRow { assessment_id: self.id(), ..r.clone() };
        let sum = upsert_row(self.conn, request_upsert(), rows::NEC_REQUEST, rows::nec_request_values(&r))?;
        self.requests.insert(format!("{}/{}", r.request.submission_sha256, r.request.id), sum);
        Ok(())
    }

    /// Records a change of content: `updated_at` moves on and a ready or submitted
    /// assessment turns back into a draft, as the receipt says.
    pub fn touch(&mut self, now: &str) -> SaveReceipt {
        let a = &mut self.row.assessment;
        let before = a.status;
        a.updated_at = now.to_string();
        a.status = Status::Draft;
        SaveReceipt {
            updated_at: now.to_string(),
            status: Status::Draft,
            reverted_from: (before != Status::Draft).then_some(before),
            revision: None,
        }
    }

    /// Replaces the declaration; returns its new revision.
    pub fn set_declaration(&mut self, d: &Declaration) -> i64 {
        let revision = self.row.assessment.declaration.revision.0.unwrap_or(1) + 1;
        self.row.assessment.declaration = Declaration { revision: Revision(Some(revision)), ..d.clone() };
        revision
    }

    /// Writes the assessment's row back, with the manifest of its rows as they now are.
    pub fn save(mut self) -> Result<Assessment> {
        let listed = |m: &mut BTreeMap<String, String>| -> read::Entries { std::mem::take(m).into_iter().collect() };
        let found = read::RowEntries {
            answers: listed(&mut self.answers),
            part2: listed(&mut self.part2),
            submissions: listed(&mut self.submissions),
            feedback: listed(&mut self.feedback),
            requests: listed(&mut self.requests),
        };
        self.row.manifest = found.manifest();
        execute_with_sum(self.conn, assessment_update(), rows::ASSESSMENT, rows::assessment_values(&self.row))?;
        Ok(self.row.assessment)
    }
}

/// A new assessment of `company_id` (its rows follow through [`Editing`]); returns its row.
pub fn insert_assessment(conn: &Connection, mut a: Assessment) -> Result<AssessmentRow> {
    let check = FileCheck::start(conn)?;
    a.id = next_id(conn, "assessment")?;
    a.declaration.revision = Revision(Some(1));
    let row = AssessmentRow { assessment: a, deleted_at: None, manifest: read::RowEntries::default().manifest() };
    let values = rows::assessment_values(&row);
    let sql_text = format!(
        "INSERT INTO assessment({}, checksum) VALUES ({})",
        rows::ASSESSMENT_COLUMNS,
        rows::placeholders(rows::ASSESSMENT_N + 1)
    );
    execute_with_sum(conn, &sql_text, rows::ASSESSMENT, values)?;
    check.finish(conn)?;
    Ok(row)
}

/// Marks an assessment deleted (`Some(time)`) or brings it back (`None`).
pub fn set_deleted(conn: &Connection, id: i64, deleted_at: Option<&str>) -> Result<bool> {
    let Some(row) = read::assessment_row(conn, id)? else {
        read::check_ids(conn, Part::Assessments)?;
        return Ok(false);
    };
    if row.deleted_at.is_some() == deleted_at.is_some() {
        return Ok(false);
    }
    let mut editing = Editing::of(conn, row)?;
    editing.row.deleted_at = deleted_at.map(str::to_string);
    editing.save()?;
    Ok(true)
}

fn next_id(conn: &Connection, table: &str) -> Result<i64> {
    conn.query_row(&format!("SELECT coalesce(max(id), 0) + 1 FROM {table}"), [], |r| r.get(0)).map_err(sql)
}

/// A new company with `profile`; returns it.
pub fn insert_company(conn: &Connection, profile: &CompanyProfile, now: &str) -> Result<Company> {
    let check = FileCheck::start(conn)?;
    let company = Company {
        id: next_id(conn, "company")?,
        profile: profile.clone(),
        updated_at: now.into(),
        revision: Revision(Some(1)),
    };
    let sql_text = format!(
        "INSERT INTO company({}, checksum) VALUES ({})",
        rows::COMPANY_COLUMNS,
        rows::placeholders(rows::COMPANY_N + 1)
    );
    execute_with_sum(conn, &sql_text, rows::COMPANY, rows::company_values(&company, now))?;
    check.finish(conn)?;
    Ok(company)
}

/// Replaces a company's profile (revision one more); `None` when there is no such company.
pub fn update_company(conn: &Connection, id: i64, profile: &CompanyProfile, now: &str) -> Result<Option<Company>> {
    let Some((old, created_at)) = read::company(conn, id)? else { return Ok(None) };
    let company = Company {
        id,
        profile: profile.clone(),
        updated_at: now.into(),
        revision: Revision(Some(old.revision.0.unwrap_or(1) + 1)),
    };
    let sql_text =
        "UPDATE company SET profile = ?2, created_at = ?3, updated_at = ?4, revision = ?5, checksum = ?6 WHERE id = ?1";
    execute_with_sum(conn, sql_text, rows::COMPANY, rows::company_values(&company, &created_at))?;
    Ok(Some(company))
}

/// The company whose stored profile equals `profile`, if any (import attaches to it).
pub fn find_company(conn: &Connection, profile: &CompanyProfile) -> Result<Option<i64>> {
    Ok(read::companies(conn)?.into_iter().find(|(c, _)| &c.profile == profile).map(|(c, _)| c.id))
}

/// Stores a setting (adding its key to the file's manifest when it is new).
pub fn put_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    let new =
        conn.query_row("SELECT 1 FROM setting WHERE key = ?1", [key], |_| Ok(())).optional().map_err(sql)?.is_none();
    let check = if new { Some(FileCheck::start(conn)?) } else { None };
    let sql_text = "INSERT INTO setting(key, value, checksum) VALUES (?1, ?2, ?3) \
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value, checksum = excluded.checksum";
    execute_with_sum(conn, sql_text, rows::SETTING, rows::setting_values(key, value))?;
    if let Some(check) = check {
        check.finish(conn)?;
    }
    Ok(())
}

/// The file's manifest around a change that adds rows: checked before (so an addition
/// never hides a loss), written after.
pub struct FileCheck(());

impl FileCheck {
    pub fn start(conn: &Connection) -> Result<FileCheck> {
        for part in [Part::Companies, Part::Assessments, Part::Settings] {
            read::check_ids(conn, part)?;
        }
        Ok(FileCheck(()))
    }

    pub fn finish(self, conn: &Connection) -> Result<()> {
        write_file_manifest(conn)
    }
}

/// Writes the file's manifest from the tables as they are (the migration that introduces
/// it, and [`FileCheck::finish`]).
pub fn write_file_manifest(conn: &Connection) -> Result<()> {
    let m = FileManifest {
        companies: read::ids_manifest(&read::ids(conn, Part::Companies)?),
        assessments: read::ids_manifest(&read::ids(conn, Part::Assessments)?),
        settings: read::ids_manifest(&read::ids(conn, Part::Settings)?),
    };
    let sql_text = "INSERT INTO manifest(id, companies, assessments, settings, checksum) VALUES (?1, ?2, ?3, ?4, ?5) \
                    ON CONFLICT(id) DO UPDATE SET companies = excluded.companies, \
                    assessments = excluded.assessments, settings = excluded.settings, checksum = excluded.checksum";
    execute_with_sum(conn, sql_text, rows::MANIFEST, rows::file_manifest_values(&m))?;
    Ok(())
}
