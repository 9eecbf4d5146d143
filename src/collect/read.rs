//! Reads and verifies one received file: a submission PDF (its attached data must be ours,
//! parse, be a known format version, and match the fingerprint printed on every page) or an
//! interchange `.json` file. Any problem is returned as a [`Problem`] with details, never as
//! a panic or an error of the whole run.

use std::io::Read;
use std::path::Path;

use serde::Deserialize;

use super::labels::Problem;
use crate::catalog::Catalog;
use crate::error::Error;
use crate::interchange::{self, CatalogRef};
use crate::model::AssessmentRecord;
use crate::pdf::{self, Verdict};

/// Larger files are not read: a submission PDF is about 130 KB, a long one a few MB.
pub const MAX_FILE_BYTES: u64 = 32 << 20;

/// How the file carried its data, and what was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// A PDF whose printed fingerprint, on every one of its pages, matches the attached data;
    /// `pages_checked` when the data also records what each page prints and every page does
    /// (PDFs made before the app recorded it cannot be checked so far).
    Pdf { pages: usize, pages_checked: bool },
    /// An interchange file: it carries no printed fingerprint to check.
    Json,
}

/// A verified submission.
pub struct Received {
    pub file: String,
    pub source: Source,
    /// SHA-256 of the assessment data (for a PDF, the attached data's, as printed on it).
    pub sha256: String,
    pub stamp: Stamp,
    pub record: AssessmentRecord,
}

/// The interchange fields the assessment record does not keep.
#[derive(Debug, Deserialize)]
pub struct Stamp {
    pub format_version: u64,
    pub exported_at: String,
    pub catalog: CatalogRef,
}

pub type Outcome = Result<Received, (Problem, String)>;

/// Reads and verifies the file at `path`. A panic in a parser (the file is hostile or
/// damaged in a way no check foresaw) is reported as an unreadable file.
pub fn file(path: &Path, catalog: &Catalog) -> Outcome {
    std::panic::catch_unwind(|| read(path, catalog)).unwrap_or_else(|_| {
        Err((Problem::NotSubmission, "The PDF reader failed on this file; it is damaged or not a submission.".into()))
    })
}

fn read(path: &Path, catalog: &Catalog) -> Outcome {
    let bytes = bounded_read(path)?;
    let (json, source, sha256) = if bytes.starts_with(b"%PDF-") {
        let (json, v) = pdf::read(&bytes).map_err(|e| (Problem::NotSubmission, e.to_string()))?;
        let pages_checked = match v.verdict {
            Verdict::Valid => true,
            Verdict::PagesUnchecked => false,
            Verdict::DataMismatch => return Err((Problem::Mismatch, v.explain())),
            Verdict::Changed if v.has_active_content() => return Err((Problem::ActiveContent, v.explain())),
            Verdict::Changed => return Err((Problem::PagesChanged, v.explain())),
        };
        (json.into_bytes(), Source::Pdf { pages: v.pages, pages_checked }, v.attached_sha256)
    } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
        return Err((Problem::NotSubmission, "The file is named .pdf but is not a PDF.".into()));
    } else {
        let sha = pdf::sha256_hex(&bytes);
        (bytes, Source::Json, sha)
    };
    let record = interchange::import(&json, catalog).map_err(|e| match e {
        Error::NewerFormat { .. } => (Problem::NewerFormat, e.to_string()),
        Error::Import { location, message, .. } => (Problem::InvalidData, format!("At {location}: {message}")),
        other => (Problem::InvalidData, other.to_string()),
    })?;
    // The import has checked the whole text, so this cannot fail on a sound file.
    let text = std::str::from_utf8(json.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&json)).unwrap_or("");
    let stamp: Stamp = serde_json::from_str(text).map_err(|e| (Problem::InvalidData, e.to_string()))?;
    Ok(Received { file: path.display().to_string(), source, sha256, stamp, record })
}

/// The file's bytes, refusing one over [`MAX_FILE_BYTES`] without reading all of it.
fn bounded_read(path: &Path) -> Result<Vec<u8>, (Problem, String)> {
    let unreadable = |e: std::io::Error| (Problem::Unreadable, Error::io("read", path, e).to_string());
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err((
            Problem::TooLarge,
            format!("The file is over {} MB; a submission is far smaller. It was not read.", MAX_FILE_BYTES >> 20),
        ));
    }
    Ok(bytes)
}
