//! NEC's side: writing feedback on received submissions, for one submission PDF (the CLI's
//! `feedback`; the staff screen in phase 2) or for every supplier whose rows NEC's staff
//! filled in the workbook of `collect` (`feedback-from-workbook`). A submission is answered
//! only once it verifies: its attached data must be the data its pages print, and a
//! submission, not a preview.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::feedback::{self, workbook, Author, Draft, Feedback, Language, SubmissionRef};
use crate::model::Status;
use crate::{clock, interchange, pdf, write_atomic, write_atomic_all};

/// Larger files are not read: a submission PDF is about 130 KB, a long one a few MB (the
/// limit `collect` keeps too).
const MAX_PDF_BYTES: u64 = 32 << 20;

/// One feedback file written, for the CLI's message and the staff screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrittenFeedback {
    pub path: PathBuf,
    /// The feedback's id (the hash of its content).
    pub id: String,
    pub supplier_code: Option<String>,
    pub legal_name: String,
    pub period: String,
    /// The fingerprint of the submission answered.
    pub sha256: String,
    pub has_note: bool,
    pub requests: usize,
}

impl WrittenFeedback {
    fn of(f: &Feedback, path: PathBuf) -> WrittenFeedback {
        let s = &f.submission;
        WrittenFeedback {
            path,
            id: f.id.clone(),
            supplier_code: s.supplier_code.clone(),
            legal_name: s.legal_name.clone(),
            period: s.period.clone(),
            sha256: s.sha256.clone(),
            has_note: f.note.is_some(),
            requests: f.requests.len(),
        }
    }
}

/// Reads and verifies the submission PDF at `submission`, and writes `draft` as feedback on
/// it to `output` (a `.csrfeedback` file, written atomically). A PDF that does not verify,
/// is no submission of this app or is a preview is refused with
/// [`Error::UnverifiedSubmission`]; a request on an id the guideline does not have, with
/// [`Error::Invalid`]. Nothing is written then.
pub fn feedback_on_pdf(submission: &Path, draft: &Draft, output: &Path, catalog: &Catalog) -> Result<WrittenFeedback> {
    feedback::check_file_name(output)?;
    let answered = verified_submission(submission, catalog)?;
    let f = feedback::compose(draft, answered, &clock::now(), catalog)?;
    write_atomic(output, feedback::to_text(&f).as_bytes())?;
    Ok(WrittenFeedback::of(&f, output.to_path_buf()))
}

/// What a verified submission PDF says of itself, for the feedback to name it.
fn verified_submission(path: &Path, catalog: &Catalog) -> Result<SubmissionRef> {
    let refuse = |detail: String| Error::UnverifiedSubmission { path: path.to_path_buf(), detail };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_PDF_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| Error::io("read", path, e))?;
    if bytes.len() as u64 > MAX_PDF_BYTES {
        return Err(refuse(format!("it is over {} MB, far larger than a submission PDF.", MAX_PDF_BYTES >> 20)));
    }
    if !bytes.starts_with(b"%PDF-") {
        return Err(refuse("it is not a PDF. Choose the submission PDF the supplier sent.".into()));
    }
    let (json, v) = pdf::read(&bytes).map_err(|e| refuse(e.to_string()))?;
    if !v.matches {
        return Err(refuse(format!(
            "it does not verify. Its attached data has the SHA-256 {}, but the PDF prints {}, and {} of its {} pages \
             carry the attached data's short fingerprint: the data was changed after the PDF was made, or attached to \
             another PDF's pages. Ask the supplier for the original PDF.",
            v.attached_sha256,
            v.printed_sha256.as_deref().unwrap_or("no fingerprint"),
            v.pages_with_fingerprint,
            v.pages
        )));
    }
    let record = interchange::import(json.as_bytes(), catalog).map_err(|e| match e {
        Error::NewerFormat { found, .. } => refuse(format!(
            "it was made by a newer version of the app (format version {found}). Install the newest version to read it."
        )),
        other => refuse(format!("its attached data is not a valid assessment ({other}).")),
    })?;
    let a = &record.assessment;
    let submitted_at =
        match (a.status, &a.submitted_at) {
            (Status::Submitted, Some(t)) => t.clone(),
            _ => return Err(refuse(
                "it is a preview (every page says \"DRAFT — not submitted\"), not a submission. Feedback answers a \
                 submission: ask the supplier to submit and send the submission PDF."
                    .into(),
            )),
        };
    let code = record.company.supplier_code.trim();
    Ok(SubmissionRef {
        sha256: v.attached_sha256,
        supplier_code: (!code.is_empty()).then(|| code.to_string()),
        legal_name: record.company.display_name().to_string(),
        period: a.period.clone(),
        submitted_at,
    })
}

/// Reads the workbook NEC's staff filled in (see [`workbook::columns`]) and writes one
/// feedback file into `folder` for each supplier with a note or a request, named
/// `CSR-feedback_<supplier>_<period>.csrfeedback`. `language` is the language NEC wrote in
/// (default: the workbook's). The whole workbook is checked first: a fault anywhere writes
/// nothing. Returns the files written, in the workbook's order.
pub fn feedback_from_workbook(
    book: &Path,
    folder: &Path,
    author: &Author,
    language: Option<Language>,
    catalog: &Catalog,
) -> Result<Vec<WrittenFeedback>> {
    let filled = workbook::read(book, catalog)?;
    let language = language.or_else(|| Language::parse(filled.lang.code())).unwrap_or(Language::En);
    let now = clock::now();
    let mut composed = Vec::with_capacity(filled.feedback.len());
    for s in filled.feedback {
        let draft = Draft { language, author: author.clone(), note: s.note, requests: s.requests };
        let f = feedback::compose(&draft, s.submission, &now, catalog).map_err(|e| {
            let sheet =
                workbook::columns::collected_in(filled.lang).sheet_submissions;
            Error::FeedbackWorkbook {
                path: book.to_path_buf(),
                place: format!("sheet “{sheet}”, row {}", s.row),
                message: e.to_string(),
            }
        })?;
        composed.push(f);
    }
    if !composed.is_empty() {
        std::fs::create_dir_all(folder).map_err(|e| Error::io("create the folder", folder, e))?;
    }
    let mut names = HashSet::new();
    let mut written = Vec::with_capacity(composed.len());
    let mut texts = Vec::with_capacity(composed.len());
    for f in &composed {
        let mut name = feedback::file_name(f);
        // Two suppliers whose names clean to one file name (or differ in case only, which
        // Windows and macOS do not tell apart): the later one's name carries its fingerprint.
        if !names.insert(name.to_lowercase()) {
            let stem = name.trim_end_matches(&format!(".{}", feedback::EXTENSION)).to_string();
            name = format!("{stem}_{}.{}", &f.submission.sha256[..12], feedback::EXTENSION);
            names.insert(name.to_lowercase());
        }
        let path = folder.join(&name);
        texts.push(feedback::to_text(f));
        written.push(WrittenFeedback::of(f, path));
    }
    write_atomic_all(written.iter().zip(&texts).map(|(w, t)| (w.path.as_path(), t.as_bytes())))?;
    Ok(written)
}
