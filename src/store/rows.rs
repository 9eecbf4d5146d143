//! Rows and model types: each table's columns (in the order its checksum covers them), the
//! values a write binds, and the checked reading of a row back into the model.

use rusqlite::types::{Value, ValueRef};
use rusqlite::Row;
use serde::de::DeserializeOwned;

use super::sums;
use crate::model::{
    Answer, Assessment, Cascade, Company, Declaration, NecRequest, Part2Answer, Rating, RequestStatus, Revision, Status,
};

/// A JSON column; errors become `FromSqlConversionFailure` so the caller maps them.
pub fn json<T: DeserializeOwned>(row: &Row, idx: usize) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e)))
}

fn bad_value(idx: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, format!("unknown {what}").into())
}

fn status(row: &Row, idx: usize) -> rusqlite::Result<Status> {
    let s: String = row.get(idx)?;
    Status::parse(&s).ok_or_else(|| bad_value(idx, "status"))
}

pub fn rating(row: &Row, idx: usize) -> rusqlite::Result<Option<Rating>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| Rating::parse(&s).ok_or_else(|| bad_value(idx, "rating"))).transpose()
}

pub fn cascade(row: &Row, idx: usize) -> rusqlite::Result<Option<Cascade>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| Cascade::parse(&s).ok_or_else(|| bad_value(idx, "cascade"))).transpose()
}

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn opt_text(s: Option<&str>) -> Value {
    s.map_or(Value::Null, text)
}

fn to_json<T: serde::Serialize>(v: &T) -> Value {
    Value::Text(serde_json::to_string(v).expect("model types serialize"))
}

/// The checksum of a row about to be written with `values`.
pub fn sum_of(table: &str, values: &[Value]) -> Value {
    Value::Text(sums::of_values(table, values.iter().map(ValueRef::from)))
}

/// `?1, ?2, …, ?n` for an INSERT of `n` values.
pub fn placeholders(n: usize) -> String {
    (1..=n).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ")
}

// ---- answer ----------------------------------------------------------------------------

pub const ANSWER: &str = "answer";
pub const ANSWER_COLUMNS: &str = "assessment_id, item_id, rating, na_reason, description, evidence, action_plan, \
     marked_for_review, to_reconfirm, updated_at, revision";
pub const ANSWER_N: usize = 11;

/// An answer row (selected as [`ANSWER_COLUMNS`], then `checksum`), checked.
pub fn answer(row: &Row) -> rusqlite::Result<Answer> {
    sums::check_row(ANSWER, row, ANSWER_N)?;
    Ok(Answer {
        item_id: row.get(1)?,
        rating: rating(row, 2)?,
        na_reason: row.get(3)?,
        description: row.get(4)?,
        evidence: json(row, 5)?,
        action_plan: json(row, 6)?,
        marked_for_review: row.get(7)?,
        to_reconfirm: row.get(8)?,
        updated_at: row.get(9)?,
        revision: Revision(Some(row.get(10)?)),
    })
}

/// The values of an answer row, in [`ANSWER_COLUMNS`] order.
pub fn answer_values(
    assessment_id: i64,
    a: &Answer,
    to_reconfirm: bool,
    updated_at: &str,
    revision: i64,
) -> Vec<Value> {
    vec![
        Value::Integer(assessment_id),
        text(&a.item_id),
        opt_text(a.rating.map(|r| r.as_str())),
        text(&a.na_reason),
        text(&a.description),
        to_json(&a.evidence),
        to_json(&a.action_plan),
        Value::Integer(a.marked_for_review.into()),
        Value::Integer(to_reconfirm.into()),
        text(updated_at),
        Value::Integer(revision),
    ]
}

// ---- part2_answer ----------------------------------------------------------------------

pub const PART2: &str = "part2_answer";
pub const PART2_COLUMNS: &str =
    "assessment_id, policy_id, acknowledged, cascaded, disclosures, notes, to_reconfirm, updated_at, revision";
pub const PART2_N: usize = 9;

pub fn part2(row: &Row) -> rusqlite::Result<Part2Answer> {
    sums::check_row(PART2, row, PART2_N)?;
    Ok(Part2Answer {
        policy_id: row.get(1)?,
        acknowledged: row.get(2)?,
        cascaded: cascade(row, 3)?,
        disclosures: json(row, 4)?,
        notes: row.get(5)?,
        to_reconfirm: row.get(6)?,
        updated_at: row.get(7)?,
        revision: Revision(Some(row.get(8)?)),
    })
}

pub fn part2_values(
    assessment_id: i64,
    a: &Part2Answer,
    to_reconfirm: bool,
    updated_at: &str,
    revision: i64,
) -> Vec<Value> {
    vec![
        Value::Integer(assessment_id),
        text(&a.policy_id),
        Value::Integer(a.acknowledged.into()),
        opt_text(a.cascaded.map(|c| c.as_str())),
        to_json(&a.disclosures),
        text(&a.notes),
        Value::Integer(to_reconfirm.into()),
        text(updated_at),
        Value::Integer(revision),
    ]
}

// ---- assessment ------------------------------------------------------------------------

pub const ASSESSMENT: &str = "assessment";
pub const ASSESSMENT_COLUMNS: &str = "id, company_id, period, status, catalog_version, created_at, updated_at, \
     submitted_at, carried_from, position, declaration, deleted_at, declaration_revision, manifest";
pub const ASSESSMENT_N: usize = 14;

/// An assessment row as stored: the model's view, and what only the store keeps.
#[derive(Debug, Clone)]
pub struct AssessmentRow {
    pub assessment: Assessment,
    pub deleted_at: Option<String>,
    /// "answers-manifest;part2-manifest" (see [`sums::manifest`]).
    pub manifest: String,
}

pub fn assessment(row: &Row) -> rusqlite::Result<AssessmentRow> {
    sums::check_row(ASSESSMENT, row, ASSESSMENT_N)?;
    let mut declaration: Declaration = json(row, 10)?;
    declaration.revision = Revision(Some(row.get(12)?));
    Ok(AssessmentRow {
        assessment: Assessment {
            id: row.get(0)?,
            company_id: row.get(1)?,
            period: row.get(2)?,
            status: status(row, 3)?,
            catalog_version: row.get(4)?,
            created_at: row.get(5)?,
            updated_at: row.get(6)?,
            submitted_at: row.get(7)?,
            carried_from: row.get(8)?,
            position: row.get(9)?,
            declaration,
        },
        deleted_at: row.get(11)?,
        manifest: row.get(13)?,
    })
}

pub fn assessment_values(r: &AssessmentRow) -> Vec<Value> {
    let a = &r.assessment;
    let declaration = Declaration { revision: Revision::default(), ..a.declaration.clone() };
    vec![
        Value::Integer(a.id),
        Value::Integer(a.company_id),
        text(&a.period),
        text(a.status.as_str()),
        text(&a.catalog_version),
        text(&a.created_at),
        text(&a.updated_at),
        opt_text(a.submitted_at.as_deref()),
        a.carried_from.map_or(Value::Null, Value::Integer),
        opt_text(a.position.as_deref()),
        to_json(&declaration),
        opt_text(r.deleted_at.as_deref()),
        Value::Integer(a.declaration.revision.0.unwrap_or(1)),
        text(&r.manifest),
    ]
}

// ---- company ---------------------------------------------------------------------------

pub const COMPANY: &str = "company";
pub const COMPANY_COLUMNS: &str = "id, profile, created_at, updated_at, revision";
pub const COMPANY_N: usize = 5;

/// A company row: the model's view and its creation time.
pub fn company(row: &Row) -> rusqlite::Result<(Company, String)> {
    sums::check_row(COMPANY, row, COMPANY_N)?;
    Ok((
        Company {
            id: row.get(0)?,
            profile: json(row, 1)?,
            updated_at: row.get(3)?,
            revision: Revision(Some(row.get(4)?)),
        },
        row.get(2)?,
    ))
}

pub fn company_values(c: &Company, created_at: &str) -> Vec<Value> {
    vec![
        Value::Integer(c.id),
        to_json(&c.profile),
        text(created_at),
        text(&c.updated_at),
        Value::Integer(c.revision.0.unwrap_or(1)),
    ]
}

// ---- setting ---------------------------------------------------------------------------

pub const SETTING: &str = "setting";

pub fn setting(row: &Row) -> rusqlite::Result<(String, String)> {
    sums::check_row(SETTING, row, 2)?;
    Ok((row.get(0)?, row.get(1)?))
}

pub fn setting_values(key: &str, value: &str) -> Vec<Value> {
    vec![text(key), text(value)]
}

// ---- manifest --------------------------------------------------------------------------

pub const MANIFEST: &str = "manifest";

/// The file's own manifest: which companies, assessments and settings it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileManifest {
    pub companies: String,
    pub assessments: String,
    pub settings: String,
}

pub fn file_manifest(row: &Row) -> rusqlite::Result<FileManifest> {
    sums::check_row(MANIFEST, row, 4)?;
    Ok(FileManifest { companies: row.get(1)?, assessments: row.get(2)?, settings: row.get(3)? })
}

pub fn file_manifest_values(m: &FileManifest) -> Vec<Value> {
    vec![Value::Integer(1), text(&m.companies), text(&m.assessments), text(&m.settings)]
}

// ---- submission ------------------------------------------------------------------------

pub const SUBMISSION: &str = "submission";
pub const SUBMISSION_COLUMNS: &str = "assessment_id, submitted_at, sha256";
pub const SUBMISSION_N: usize = 3;

/// One submission of an assessment: when, and the fingerprint of the data its PDF carried
/// (none for a submission made before the app kept fingerprints).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionRow {
    pub assessment_id: i64,
    pub submitted_at: String,
    pub sha256: Option<String>,
}

pub fn submission(row: &Row) -> rusqlite::Result<SubmissionRow> {
    sums::check_row(SUBMISSION, row, SUBMISSION_N)?;
    Ok(SubmissionRow { assessment_id: row.get(0)?, submitted_at: row.get(1)?, sha256: row.get(2)? })
}

pub fn submission_values(s: &SubmissionRow) -> Vec<Value> {
    vec![Value::Integer(s.assessment_id), text(&s.submitted_at), opt_text(s.sha256.as_deref())]
}

// ---- feedback --------------------------------------------------------------------------

pub const FEEDBACK: &str = "feedback";
pub const FEEDBACK_COLUMNS: &str = "id, assessment_id, submission_sha256, written_at, language, author_name, \
     author_email, author_organisation, note, opened_at, text";
pub const FEEDBACK_N: usize = 11;

/// What a feedback file NEC sent says of itself: its id (the hash of its content), the
/// submission it answers, when, in which language, who wrote it and NEC's note.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FeedbackAbout {
    pub id: String,
    pub submission_sha256: String,
    pub written_at: String,
    pub language: String,
    pub author_name: Option<String>,
    pub author_email: Option<String>,
    pub author_organisation: String,
    pub note: Option<String>,
}

/// A feedback file opened on an assessment: what it says of itself, the assessment whose
/// submission it answers, and when it was opened.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FeedbackNote {
    #[serde(flatten)]
    pub about: FeedbackAbout,
    pub assessment_id: i64,
    pub opened_at: String,
}

/// A feedback file as stored: opened on an assessment, with its text as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackRow {
    pub opened: FeedbackNote,
    pub text: String,
}

pub fn feedback(row: &Row) -> rusqlite::Result<FeedbackRow> {
    sums::check_row(FEEDBACK, row, FEEDBACK_N)?;
    Ok(FeedbackRow {
        opened: FeedbackNote {
            about: FeedbackAbout {
                id: row.get(0)?,
                submission_sha256: row.get(2)?,
                written_at: row.get(3)?,
                language: row.get(4)?,
                author_name: row.get(5)?,
                author_email: row.get(6)?,
                author_organisation: row.get(7)?,
                note: row.get(8)?,
            },
            assessment_id: row.get(1)?,
            opened_at: row.get(9)?,
        },
        text: row.get(10)?,
    })
}

pub fn feedback_values(f: &FeedbackRow) -> Vec<Value> {
    let (opened, about) = (&f.opened, &f.opened.about);
    vec![
        text(&about.id),
        Value::Integer(opened.assessment_id),
        text(&about.submission_sha256),
        text(&about.written_at),
        text(&about.language),
        opt_text(about.author_name.as_deref()),
        opt_text(about.author_email.as_deref()),
        text(&about.author_organisation),
        opt_text(about.note.as_deref()),
        text(&opened.opened_at),
        text(&f.text),
    ]
}

// ---- nec_request -----------------------------------------------------------------------

pub const NEC_REQUEST: &str = "nec_request";
pub const NEC_REQUEST_COLUMNS: &str = "assessment_id, submission_sha256, request_id, target_kind, target_id, text, \
     due, asked_at, asked_by, language, received_at, feedback_id, status, reply, reason, replied_at, replied_in, revision";
pub const NEC_REQUEST_N: usize = 18;

/// One of NEC's requests as stored: the request and reply, the assessment whose row it is
/// (whose submission NEC answered), the feedback that brought it (empty when an imported
/// file did) and the assessment the reply was given in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRow {
    pub assessment_id: i64,
    pub request: NecRequest,
    pub feedback_id: String,
    pub replied_in: Option<i64>,
}

pub fn nec_request(row: &Row) -> rusqlite::Result<RequestRow> {
    sums::check_row(NEC_REQUEST, row, NEC_REQUEST_N)?;
    let kind: String = row.get(3)?;
    let target: String = row.get(4)?;
    let (item, policy) = match kind.as_str() {
        "item" => (Some(target), None),
        "policy" => (None, Some(target)),
        _ => return Err(bad_value(3, "request target")),
    };
    let status: String = row.get(12)?;
    Ok(RequestRow {
        assessment_id: row.get(0)?,
        request: NecRequest {
            submission_sha256: row.get(1)?,
            id: row.get(2)?,
            item,
            policy,
            text: row.get(5)?,
            due: row.get(6)?,
            asked_at: row.get(7)?,
            asked_by: row.get(8)?,
            language: row.get(9)?,
            received_at: row.get(10)?,
            status: RequestStatus::parse(&status).ok_or_else(|| bad_value(12, "request status"))?,
            reply: row.get(13)?,
            reason: row.get(14)?,
            replied_at: row.get(15)?,
            revision: Revision(Some(row.get(17)?)),
        },
        feedback_id: row.get(11)?,
        replied_in: row.get(16)?,
    })
}

pub fn nec_request_values(r: &RequestRow) -> Vec<Value> {
    let q = &r.request;
    let (kind, target) = match (&q.item, &q.policy) {
        (Some(item), _) => ("item", item.as_str()),
        (None, Some(policy)) => ("policy", policy.as_str()),
        (None, None) => ("item", ""),
    };
    vec![
        Value::Integer(r.assessment_id),
        text(&q.submission_sha256),
        text(&q.id),
        text(kind),
        text(target),
        text(&q.text),
        opt_text(q.due.as_deref()),
        text(&q.asked_at),
        text(&q.asked_by),
        text(&q.language),
        text(&q.received_at),
        text(&r.feedback_id),
        text(q.status.as_str()),
        text(&q.reply),
        text(&q.reason),
        opt_text(q.replied_at.as_deref()),
        r.replied_in.map_or(Value::Null, Value::Integer),
        Value::Integer(q.revision.0.unwrap_or(1)),
    ]
}
