//! The supplier's side of NEC's feedback: opening a feedback file (by the import dialog, a
//! double-click, drag and drop or `csr-assess import`), which keeps NEC's requests on the
//! submitted assessment it answers, and replying to a request.

use std::io::Read;
use std::path::Path;

use serde::Serialize;

use super::evaluate::Evaluation;
use super::save::Saved;
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::feedback::{self, receive, Feedback};
use crate::lang::Lang;
use crate::model::{NecRequest, Reply, RequestStatus, Revision};
use crate::store::{FeedbackAbout, FeedbackNote, Holdings, Received, Store};

/// What opening a feedback file did, for the app's notice and the CLI's message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenedFeedback {
    /// The assessment whose submission it answers (where its requests now show).
    pub assessment_id: i64,
    pub period: String,
    /// The feedback's id (the hash of its content).
    pub id: String,
    /// The requests it holds, those new here and those it revised.
    pub requests: usize,
    pub added: usize,
    pub revised: usize,
    pub has_note: bool,
    /// The language NEC wrote in.
    pub language: String,
    /// Who wrote it.
    pub from: String,
    pub written_at: String,
    pub opened_at: String,
}

/// Whether `bytes` (named `name`) are a feedback file rather than an assessment: its name ends
/// in `.csrfeedback`, or its `format` says so.
pub fn is_feedback(bytes: &[u8], name: &Path) -> bool {
    if name.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case(feedback::EXTENSION)) {
        return true;
    }
    #[derive(serde::Deserialize)]
    struct Header {
        #[serde(default)]
        format: Option<serde_json::Value>,
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice::<Header>(bytes)
        .ok()
        .and_then(|h| h.format)
        .is_some_and(|f| f.as_str() == Some(feedback::FORMAT))
}

/// Reads at most one byte more than a feedback file may have from `source` (named `name` in
/// a read error), checks it strictly and keeps it: see [`open_feedback_bytes`].
pub fn open_feedback(store: &mut Store, catalog: &Catalog, source: impl Read, name: &Path) -> Result<OpenedFeedback> {
    let mut bytes = Vec::new();
    source.take(feedback::MAX_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(|e| Error::io("read", name, e))?;
    open_feedback_bytes(store, catalog, &bytes, name)
}

/// Checks a feedback file (its form, its content and that it is unchanged since NEC wrote
/// it), matches it to the submitted assessment it answers, and keeps it with its requests, in
/// one transaction after a backup. A damaged or edited file, one for another supplier, for a
/// submission this database does not hold, or one opened before is refused, naming which;
/// nothing changes then. A file that cannot be read is named (`name`) in the message.
pub fn open_feedback_bytes(store: &mut Store, catalog: &Catalog, bytes: &[u8], name: &Path) -> Result<OpenedFeedback> {
    let f = feedback::read(bytes, catalog).map_err(|e| match e {
        Error::Feedback { location, message, fault } => {
            Error::Feedback { location: format!("{}, {location}", name.display()), message, fault }
        }
        other => other,
    })?;
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).into_owned();
    let received = received(&f, text);
    let opened = store.receive_feedback(&received, |held| decide(&f, held))?;
    Ok(OpenedFeedback {
        assessment_id: opened.assessment_id,
        period: opened.period,
        id: f.id.clone(),
        requests: f.requests.len(),
        added: opened.added,
        revised: opened.revised,
        has_note: f.note.is_some(),
        language: f.language.as_str().to_string(),
        from: from(&f),
        written_at: f.written_at.clone(),
        opened_at: opened.opened_at,
    })
}

/// Who wrote the feedback: the organisation, and the person where named.
fn from(f: &Feedback) -> String {
    let lang = Lang::parse(f.language.as_str()).unwrap_or_else(|_| Lang::english());
    match f.author.name.as_deref() {
        Some(name) => lang.with_paren(&f.author.organisation, name),
        None => f.author.organisation.clone(),
    }
}

/// The file as the store keeps it.
fn received(f: &Feedback, text: String) -> Received {
    let asked_by = from(f);
    Received {
        about: FeedbackAbout {
            id: f.id.clone(),
            submission_sha256: f.submission.sha256.clone(),
            written_at: f.written_at.clone(),
            language: f.language.as_str().to_string(),
            author_name: f.author.name.clone(),
            author_email: f.author.email.clone(),
            author_organisation: f.author.organisation.clone(),
            note: f.note.clone(),
        },
        text,
        requests: f
            .requests
            .iter()
            .map(|r| NecRequest {
                submission_sha256: f.submission.sha256.clone(),
                id: r.id.clone(),
                item: r.item.clone(),
                policy: r.policy.clone(),
                text: r.text.clone(),
                due: r.due.clone(),
                asked_at: f.written_at.clone(),
                asked_by: asked_by.clone(),
                language: f.language.as_str().to_string(),
                received_at: String::new(),
                status: RequestStatus::Open,
                reply: String::new(),
                reason: String::new(),
                replied_at: None,
                revision: Revision::default(),
            })
            .collect(),
    }
}

/// Which assessment `f` answers, by what the database holds (see [`receive`]).
fn decide(f: &Feedback, held: &Holdings) -> Result<i64> {
    let companies: Vec<receive::Company> = held
        .companies
        .iter()
        .map(|c| receive::Company { supplier_code: &c.supplier_code, legal_name: c.display_name() })
        .collect();
    let submissions = held
        .submissions
        .iter()
        .map(|s| receive::Held {
            assessment_id: s.assessment_id,
            sha256: s.sha256.as_deref().unwrap_or(""),
            company: receive::Company { supplier_code: &s.company.supplier_code, legal_name: s.company.display_name() },
            submitted_at: &s.submitted_at,
            period: &s.period,
        })
        .collect();
    let opened = held.opened.iter().map(|(id, at)| receive::Opened { id, opened_at: at }).collect();
    receive::answered_assessment(f, &receive::Known { companies, submissions, opened })
}

/// Saves the reply to NEC's request `request_id` on submission `sha256`, shown in assessment
/// `id`; returns the receipt with the assessment's evaluation (the reply changes the
/// assessment as an answer does).
pub fn reply_to_request(
    store: &mut Store,
    catalog: &Catalog,
    id: i64,
    sha256: &str,
    request_id: &str,
    reply: &Reply,
) -> Result<Saved> {
    let receipt = store.reply_to_request(id, sha256, request_id, reply)?;
    Ok(Saved { receipt, evaluation: Evaluation::of(store, &store.record(id)?, catalog)? })
}

/// NEC's requests shown in assessment `id` and NEC's notes on it and on last year's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NecFeedback {
    pub requests: Vec<NecRequest>,
    pub notes: Vec<FeedbackNote>,
    /// How many requests are not answered yet.
    pub open: usize,
}

pub fn nec_feedback(store: &Store, id: i64) -> Result<NecFeedback> {
    let requests = store.record(id)?.nec_requests;
    let open = requests.iter().filter(|r| !r.is_answered()).count();
    Ok(NecFeedback { notes: store.feedback_notes(id)?, requests, open })
}
