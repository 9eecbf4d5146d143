//! The supplier's side: which of its own submissions a feedback file answers. A file is
//! matched by the fingerprint of the submission's data; one for another supplier, for a
//! submission this database does not hold, or opened before is refused, saying which. The
//! store supplies what it holds (phase 2 of issue 25 keeps each submission's fingerprint and
//! the ids of the feedback files opened); this decides.

use super::model::Feedback;
use crate::error::{Error, Result};

/// A company of the supplier's database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Company<'a> {
    pub supplier_code: &'a str,
    pub legal_name: &'a str,
}

/// A submission the supplier's database holds: the fingerprint of the data its PDF carried
/// (empty for one submitted before the app kept fingerprints), when and for which period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held<'a> {
    pub assessment_id: i64,
    pub sha256: &'a str,
    pub company: Company<'a>,
    pub submitted_at: &'a str,
    pub period: &'a str,
}

/// A feedback file opened before, by its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opened<'a> {
    pub id: &'a str,
    pub opened_at: &'a str,
}

/// What the supplier's database holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Known<'a> {
    pub companies: Vec<Company<'a>>,
    pub submissions: Vec<Held<'a>>,
    pub opened: Vec<Opened<'a>>,
}

/// The same supplier: the same supplier code where both have one, else the same legal name
/// (as `collect` groups submissions).
fn same_supplier(a: Company, b: Company) -> bool {
    let (ca, cb) = (a.supplier_code.trim(), b.supplier_code.trim());
    if !ca.is_empty() && !cb.is_empty() {
        ca.eq_ignore_ascii_case(cb)
    } else {
        a.legal_name.trim() == b.legal_name.trim()
    }
}

fn describe(c: Company) -> String {
    match c.supplier_code.trim() {
        "" => c.legal_name.trim().to_string(),
        code => format!("{} ({code})", c.legal_name.trim()),
    }
}

/// The assessment that `feedback` answers, or why it cannot be taken.
pub fn answered_assessment(feedback: &Feedback, known: &Known) -> Result<i64> {
    let s = &feedback.submission;
    if let Some(o) = known.opened.iter().find(|o| o.id == feedback.id) {
        return Err(Error::FeedbackAlreadyOpened { opened_at: o.opened_at.to_string(), period: s.period.clone() });
    }
    let theirs = Company { supplier_code: s.supplier_code.as_deref().unwrap_or(""), legal_name: &s.legal_name };
    if let Some(h) = known.submissions.iter().find(|h| h.sha256 == s.sha256) {
        return if same_supplier(h.company, theirs) {
            Ok(h.assessment_id)
        } else {
            Err(Error::FeedbackForAnotherSupplier { theirs: describe(theirs), ours: describe(h.company) })
        };
    }
    // A submission made before the app kept fingerprints, or a PDF of it made again in the
    // other language (whose pages, and so whose fingerprint, differ): the same supplier's
    // submission of that period at that very second.
    if let Some(h) = known
        .submissions
        .iter()
        .find(|h| h.submitted_at == s.submitted_at && h.period == s.period && same_supplier(h.company, theirs))
    {
        return Ok(h.assessment_id);
    }
    match known.companies.first() {
        Some(&ours) if !known.companies.iter().any(|&c| same_supplier(c, theirs)) => {
            Err(Error::FeedbackForAnotherSupplier { theirs: describe(theirs), ours: describe(ours) })
        }
        _ => Err(Error::FeedbackUnknownSubmission {
            period: s.period.clone(),
            submitted_at: s.submitted_at.get(..10).unwrap_or(&s.submitted_at).to_string(),
            fingerprint: s.sha256.get(..16).unwrap_or(&s.sha256).to_string(),
        }),
    }
}
