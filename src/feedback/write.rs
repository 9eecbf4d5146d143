//! Composing a feedback file from what NEC's staff typed (on the command line, or in the
//! workbook), checked by the same rules a reader applies, and its text and file name.

use std::path::Path;

use super::model::{Author, Feedback, Language, Request, SubmissionRef, Target};
use super::{canonical, rules, EXTENSION, FORMAT, FORMAT_VERSION};
use crate::catalog::Catalog;
use crate::error::{Error, Result};

/// What NEC's staff wrote about one submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub language: Language,
    /// Blank fields are left out; a blank organisation becomes NEC's name in `language`.
    pub author: Author,
    /// The general note (blank: none).
    pub note: String,
    pub requests: Vec<RequestDraft>,
}

/// One request as typed: `target` is an item id ("II-3") or a policy id ("reach").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestDraft {
    pub target: String,
    pub text: String,
    pub due: Option<String>,
}

/// NEC's name in the feedback's language, the organisation when none is given.
fn nec(language: Language) -> &'static str {
    let lang = crate::lang::Lang::parse(language.as_str()).unwrap_or_else(|_| crate::lang::Lang::english());
    &lang.words().nec_name
}

/// Trimmed, with Windows and old Mac line ends as line feeds; none when blank.
fn clean(s: &str) -> Option<String> {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The feedback file for `submission`, written at `written_at` (RFC 3339): request ids are
/// given in order per item or policy ("II-3#1", "II-3#2"), the id is the hash of the rest.
/// A request on an id the guideline does not have, an empty request, a date not in the
/// calendar or any other broken rule is refused naming the request.
pub fn compose(draft: &Draft, submission: SubmissionRef, written_at: &str, catalog: &Catalog) -> Result<Feedback> {
    let mut requests: Vec<Request> = Vec::with_capacity(draft.requests.len());
    for r in &draft.requests {
        let field = format!("Request on {}", r.target.trim());
        let target = Target::resolve(catalog, r.target.trim()).ok_or_else(|| {
            Error::invalid(
                &field,
                format!(
                    "\"{}\" is neither an action item of the guideline (I-1 to VII-8, see `csr-assess catalog`) nor a Part 2 \
                     policy ({}).",
                    r.target.trim(),
                    catalog.policies().iter().map(|p| p.id.as_str()).collect::<Vec<_>>().join(", ")
                ),
            )
        })?;
        let text = clean(&r.text).ok_or_else(|| Error::invalid(&field, "has no text. Write what NEC asks for."))?;
        let due = match r.due.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) if rules::is_date(d) => Some(d.to_string()),
            Some(d) => {
                return Err(Error::invalid(
                    format!("{field}, due date"),
                    format!("\"{d}\" is not a calendar date. Write it as year-month-day, for example 2027-03-31."),
                ))
            }
            None => None,
        };
        let n = 1 + requests.iter().filter(|q| q.target().map(Target::id) == Some(target.id())).count();
        let (item, policy) = match target {
            Target::Item(id) => (Some(id.to_string()), None),
            Target::Policy(id) => (None, Some(id.to_string())),
        };
        requests.push(Request { id: rules::request_id(target.id(), n), item, policy, text, due });
    }
    let a = &draft.author;
    let mut feedback = Feedback {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        id: String::new(),
        written_at: written_at.to_string(),
        generator: format!("csr-self-assessment {}", env!("CARGO_PKG_VERSION")),
        language: draft.language,
        author: Author {
            name: a.name.as_deref().and_then(clean),
            email: a.email.as_deref().and_then(clean),
            organisation: clean(&a.organisation).unwrap_or_else(|| nec(draft.language).to_string()),
        },
        submission,
        note: clean(&draft.note),
        requests,
    };
    feedback.id = canonical::id_of(&feedback);
    rules::check(&feedback, catalog).map_err(|f| Error::invalid(f.location, f.message))?;
    Ok(feedback)
}

/// The file's text: pretty JSON in UTF-8, with a final line feed.
pub fn to_text(feedback: &Feedback) -> String {
    let mut text = serde_json::to_string_pretty(feedback).expect("feedback serializes");
    text.push('\n');
    text
}

/// A file name for the feedback: `CSR-feedback_<supplier code, else name>_<period>.csrfeedback`,
/// safe on Windows, macOS and Linux, keeping Japanese characters.
pub fn file_name(feedback: &Feedback) -> String {
    let s = &feedback.submission;
    let who = s.supplier_code.as_deref().filter(|c| !c.trim().is_empty()).unwrap_or(&s.legal_name);
    crate::files::file_name("CSR-feedback", &[who, &s.period], EXTENSION)
}

/// Refuses an output name that does not end in `.csrfeedback`: the supplier's app knows the
/// file by its extension.
pub fn check_file_name(path: &Path) -> Result<()> {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case(EXTENSION) => Ok(()),
        _ => Err(Error::invalid(
            "output",
            format!(
                "{} should end in .{EXTENSION}: the supplier's app opens feedback files by this ending (for example \
                 CSR-feedback_NEC-SUP-004711_FY2026.{EXTENSION}).",
                path.display()
            ),
        )),
    }
}
