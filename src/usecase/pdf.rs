//! Writing the PDF of an assessment as it stands: a submitted assessment gives a copy of its
//! submission (the same attached data), any other a preview marked "not submitted" on every
//! page, which never changes the status.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::evaluate::changes_since_carried_from;
use crate::catalog::Catalog;
use crate::changes::Changes;
use crate::error::Result;
use crate::lang::Lang;
use crate::model::{AssessmentRecord, Status};
use crate::store::Store;
use crate::{pdf, write_atomic};

/// What was written, for the UI's result panel and the CLI's message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrittenPdf {
    pub path: PathBuf,
    pub file_name: String,
    pub size: usize,
    /// SHA-256 of the attached data, as printed on the cover.
    pub sha256: String,
    /// The assessment's status as the PDF states it.
    pub status: Status,
    pub submitted_at: Option<String>,
    /// A preview ("DRAFT — not submitted" on every page), not a submission.
    pub preview: bool,
}

/// Submitting keeps the fingerprint of the data the PDF carries with the submission.
impl crate::store::Fingerprinted for WrittenPdf {
    fn fingerprint(&self) -> Option<&str> {
        Some(&self.sha256)
    }
}

/// Writes the PDF of assessment `id` (labels in `lang`) to `path`; the status stays as it is.
pub fn preview_pdf(store: &Store, catalog: &Catalog, id: i64, lang: Lang, path: &Path) -> Result<WrittenPdf> {
    let record = store.record(id)?;
    let changes = changes_since_carried_from(store, &record, catalog)?;
    write_pdf(&record, catalog, lang, changes.as_ref(), path)
}

/// Renders `record` (with its changes since last year, if any) and writes it atomically to
/// `path`.
pub(super) fn write_pdf(
    record: &AssessmentRecord,
    catalog: &Catalog,
    lang: Lang,
    changes: Option<&Changes>,
    path: &Path,
) -> Result<WrittenPdf> {
    let rendered = pdf::render_with_changes(record, catalog, lang, changes)?;
    write_atomic(path, &rendered.pdf)?;
    Ok(WrittenPdf {
        path: path.to_path_buf(),
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        size: rendered.pdf.len(),
        sha256: rendered.sha256,
        status: record.assessment.status,
        submitted_at: record.assessment.submitted_at.clone(),
        preview: !pdf::is_submission(record),
    })
}
