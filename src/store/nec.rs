//! NEC's feedback on the supplier's side: the submissions feedback can answer, the feedback
//! files opened (each once), NEC's requests and the supplier's replies. A request is kept on
//! the assessment whose submission NEC answered, and shown there and in every assessment
//! carried forward from it, until it is answered: an assessment shows its own requests and
//! those of the assessments it was carried forward from, except the ones answered in one of
//! those earlier assessments.

use std::collections::HashSet;

use super::read;
use super::rows::{FeedbackRow, RequestRow};
pub use super::rows::{FeedbackAbout, FeedbackNote};
use super::tx::Editing;
use super::{SaveReceipt, Store};
use crate::clock;
use crate::error::{Error, Result};
use crate::model::{CompanyProfile, NecRequest, Reply, RequestStatus, Revision};

/// No chain of assessments carried forward is longer: one a year for a century.
const MAX_CHAIN: usize = 100;

/// What the database holds that a feedback file may answer, for the caller to decide which
/// assessment one answers (see `crate::feedback::receive`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Holdings {
    pub companies: Vec<CompanyProfile>,
    pub submissions: Vec<HeldSubmission>,
    /// The feedback files opened: their ids and when they were opened.
    pub opened: Vec<(String, String)>,
}

/// A submission of an assessment that is not deleted.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldSubmission {
    pub assessment_id: i64,
    /// The fingerprint of the data its PDF carried; none for one made before the app kept it.
    pub sha256: Option<String>,
    pub submitted_at: String,
    pub period: String,
    pub company: CompanyProfile,
}

/// A feedback file to keep: what it says of itself, its text as received and its requests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub about: FeedbackAbout,
    pub text: String,
    /// Its requests, as the supplier keeps them (open, received now).
    pub requests: Vec<NecRequest>,
}

/// What opening a feedback file did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Opened {
    /// The assessment whose submission it answers.
    pub assessment_id: i64,
    pub period: String,
    /// Requests new to the database, and requests it revised (a later feedback on the same
    /// submission that repeats a request's id: its text and due date are NEC's new ones, the
    /// reply stays).
    pub added: usize,
    pub revised: usize,
    pub opened_at: String,
}

/// Assessment `id` and those it was carried forward from, nearest first (deleted ones too:
/// a request follows through an assessment moved to the bin). A chain that loops or runs
/// longer than any real one is damage.
fn chain(conn: &rusqlite::Connection, id: i64) -> Result<Vec<super::rows::AssessmentRow>> {
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    let mut next = Some(id);
    while let Some(at) = next {
        if !seen.insert(at) || rows.len() > MAX_CHAIN {
            return Err(read::damage(format!(
                "the assessments that assessment {id} was carried forward from form a loop"
            )));
        }
        let Some(row) = read::assessment_row(conn, at)? else {
            // Carried forward from an assessment that is no longer in the file (never deleted
            // outright by the app): the chain ends here, as `changes` ends it.
            break;
        };
        next = row.assessment.carried_from;
        rows.push(row);
    }
    Ok(rows)
}

/// The request rows assessment `id` shows (see the module's opening comment), each row
/// checked and each earlier assessment's rows against its manifest; nearest first.
fn shown(conn: &rusqlite::Connection, id: i64) -> Result<Vec<RequestRow>> {
    let chain = chain(conn, id)?;
    let earlier: HashSet<i64> = chain.iter().skip(1).map(|r| r.assessment.id).collect();
    let mut out: Vec<RequestRow> = Vec::new();
    let mut keys = HashSet::new();
    for (n, row) in chain.iter().enumerate() {
        if n > 0 {
            read::check_manifest(row, &read::entries(conn, row.assessment.id)?)?;
        }
        for r in read::requests_of(conn, row.assessment.id)? {
            let answered_earlier =
                n > 0 && r.request.is_answered() && earlier.contains(&r.replied_in.unwrap_or(r.assessment_id));
            if answered_earlier || !keys.insert((r.request.submission_sha256.clone(), r.request.id.clone())) {
                continue;
            }
            out.push(r);
        }
    }
    Ok(out)
}

impl Store {
    /// The requests assessment `id` shows, in the order NEC asked them (then by item).
    pub(super) fn shown_requests(&self, conn: &rusqlite::Connection, id: i64) -> Result<Vec<NecRequest>> {
        let mut list: Vec<NecRequest> = shown(conn, id)?.into_iter().map(|r| r.request).collect();
        let position = |r: &NecRequest| match (&r.item, &r.policy) {
            (Some(item), _) => self.catalog.item_position(item).unwrap_or(usize::MAX),
            (None, Some(p)) => {
                self.catalog.item_count() + self.catalog.policies().iter().position(|x| &x.id == p).unwrap_or(0)
            }
            _ => usize::MAX,
        };
        let number = |r: &NecRequest| r.id.rsplit('#').next().and_then(|n| n.parse::<u32>().ok()).unwrap_or(0);
        list.sort_by(|a, b| {
            a.asked_at.cmp(&b.asked_at).then(position(a).cmp(&position(b))).then(number(a).cmp(&number(b)))
        });
        Ok(list)
    }

    /// The feedback files opened on assessment `id` and on the one it was carried forward
    /// from (last year's), oldest first: NEC's notes shown beside the requests.
    pub fn feedback_notes(&self, id: i64) -> Result<Vec<FeedbackNote>> {
        let found = (|| {
            let chain = chain(&self.conn, id)?;
            let mut notes = Vec::new();
            for row in chain.iter().take(2).rev() {
                read::check_manifest(row, &read::entries(&self.conn, row.assessment.id)?)?;
                notes.extend(read::feedback_of(&self.conn, row.assessment.id)?.into_iter().map(|row| row.opened));
            }
            Ok(notes)
        })();
        found.map_err(|e| self.seen(e))
    }

    /// What a feedback file may answer: the companies, the submissions of assessments that
    /// are not deleted, and the feedback files opened.
    pub fn holdings(&self) -> Result<Holdings> {
        holdings(&self.conn).map_err(|e| self.seen(e))
    }

    /// Keeps a feedback file: in one transaction, after a backup (as an import), `decide`
    /// names the assessment it answers from what the database holds (or refuses it), the file
    /// is stored with its requests (a request already held is revised: NEC's text and due
    /// date are taken, the reply stays), and nothing else changes: the assessment keeps its
    /// status.
    pub fn receive_feedback(
        &mut self,
        received: &Received,
        decide: impl Fn(&Holdings) -> Result<i64>,
    ) -> Result<Opened> {
        // Refused files take no backup: decide once before, and again inside the transaction.
        decide(&self.holdings()?)?;
        self.backup_before(super::backup::Reason::BeforeImport)?;
        let now = clock::now();
        self.write(|tx| {
            let id = decide(&holdings(tx)?)?;
            let mut editing = Editing::open(tx, id)?;
            let period = editing.row.assessment.period.clone();
            editing.put_feedback(&FeedbackRow {
                opened: FeedbackNote { about: received.about.clone(), assessment_id: id, opened_at: now.clone() },
                text: received.text.clone(),
            })?;
            let (mut added, mut revised) = (0, 0);
            for r in &received.requests {
                let row = match editing.request(&r.submission_sha256, &r.id)? {
                    Some(stored) => {
                        revised += 1;
                        let q = &stored.request;
                        RequestRow {
                            request: NecRequest {
                                text: r.text.clone(),
                                due: r.due.clone(),
                                asked_at: r.asked_at.clone(),
                                asked_by: r.asked_by.clone(),
                                language: r.language.clone(),
                                revision: Revision(Some(q.revision.0.unwrap_or(1) + 1)),
                                ..q.clone()
                            },
                            feedback_id: received.about.id.clone(),
                            ..stored
                        }
                    }
                    None => {
                        added += 1;
                        RequestRow {
                            assessment_id: id,
                            request: NecRequest {
                                received_at: now.clone(),
                                status: RequestStatus::Open,
                                reply: String::new(),
                                reason: String::new(),
                                replied_at: None,
                                revision: Revision(Some(1)),
                                ..r.clone()
                            },
                            feedback_id: received.about.id.clone(),
                            replied_in: None,
                        }
                    }
                };
                editing.put_request(&row)?;
            }
            editing.save()?;
            Ok(Opened { assessment_id: id, period, added, revised, opened_at: now.clone() })
        })
    }

    /// Saves the supplier's reply to NEC's request `request_id` on submission `sha256`, as
    /// shown in assessment `id` (on its own submission, or carried forward to it). The reply
    /// is part of assessment `id`, which it changes like any answer (a submitted one becomes
    /// a draft again: the next submission carries the reply to NEC). A reply based on a
    /// revision that has moved on is refused ([`Error::Conflict`]).
    pub fn reply_to_request(&mut self, id: i64, sha256: &str, request_id: &str, reply: &Reply) -> Result<SaveReceipt> {
        let reply = reply.normalized();
        reply.validate()?;
        let now = clock::now();
        self.write(|tx| {
            let mut editing = Editing::open(tx, id)?;
            let Some(stored) = shown(tx, id)?
                .into_iter()
                .find(|r| r.request.submission_sha256 == sha256 && r.request.id == request_id)
            else {
                return Err(Error::not_found(format!("NEC's request {request_id}")));
            };
            let stored_revision = stored.request.revision.0.unwrap_or(1);
            if reply.revision.0.is_some_and(|based_on| based_on != stored_revision) {
                return Err(Error::Conflict { what: format!("Your reply to NEC's request {request_id}") });
            }
            let has_reply = reply.status != RequestStatus::Open || !reply.reply.is_empty();
            let revision = stored_revision + 1;
            let row = RequestRow {
                request: NecRequest {
                    status: reply.status,
                    reply: reply.reply.clone(),
                    reason: reply.reason.clone(),
                    replied_at: has_reply.then(|| now.clone()),
                    revision: Revision(Some(revision)),
                    ..stored.request.clone()
                },
                replied_in: has_reply.then_some(id),
                ..stored.clone()
            };
            let mut receipt = editing.touch(&now);
            receipt.revision = Some(revision);
            if stored.assessment_id == id {
                editing.put_request(&row)?;
            } else {
                let owner = read::assessment_row(tx, stored.assessment_id)?
                    .ok_or_else(|| read::damage(format!("assessment {} is missing", stored.assessment_id)))?;
                let mut owner = Editing::of(tx, owner)?;
                owner.put_request(&row)?;
                owner.save()?;
            }
            editing.save()?;
            Ok(receipt)
        })
    }
}

fn holdings(conn: &rusqlite::Connection) -> Result<Holdings> {
    let companies = read::companies(conn)?;
    let mut h =
        Holdings { companies: companies.iter().map(|(c, _)| c.profile.clone()).collect(), ..Default::default() };
    for row in read::assessments(conn)? {
        read::check_manifest(&row, &read::entries(conn, row.assessment.id)?)?;
        for f in read::feedback_of(conn, row.assessment.id)? {
            h.opened.push((f.opened.about.id, f.opened.opened_at));
        }
        if row.deleted_at.is_some() {
            continue;
        }
        let company = companies
            .iter()
            .find(|(c, _)| c.id == row.assessment.company_id)
            .ok_or_else(|| read::damage(format!("the company of assessment {} is missing", row.assessment.id)))?;
        for s in read::submissions(conn, row.assessment.id)? {
            h.submissions.push(HeldSubmission {
                assessment_id: s.assessment_id,
                sha256: s.sha256,
                submitted_at: s.submitted_at,
                period: row.assessment.period.clone(),
                company: company.0.profile.clone(),
            });
        }
    }
    Ok(h)
}
