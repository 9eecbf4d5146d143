//! Submitting: one step with one truth. Only a ready assessment is submitted; the status
//! becomes `submitted` with its time in the transaction whose record the PDF is rendered
//! from, and stays as it was if the PDF cannot be written.

use std::path::Path;

use super::evaluate::{changes_since_carried_from, circumstances};
use super::pdf::{write_pdf, WrittenPdf};
use crate::catalog::Catalog;
use crate::clock;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::readiness;
use crate::store::Store;

/// Submits assessment `id`: checks it, marks it submitted now, and writes the submission
/// PDF (labels in `lang`) to `path`. A not-ready assessment is refused with
/// [`Error::NotReady`], listing what is missing; nothing is written then.
pub fn submit(store: &mut Store, catalog: &Catalog, id: i64, lang: Lang, path: &Path) -> Result<WrittenPdf> {
    let now = clock::now();
    // Submitting changes no answer: last year's changes are read before, outside the write.
    let changes = changes_since_carried_from(store, &store.record(id)?, catalog)?;
    store.submit_with(
        id,
        &now,
        |record| {
            let check = readiness::check(record, catalog, &circumstances());
            if check.ready {
                Ok(())
            } else {
                Err(Error::NotReady { findings: check.findings })
            }
        },
        |record| write_pdf(record, catalog, lang, changes.as_ref(), path),
        |written| {
            // The database kept the old status: the file must not claim otherwise.
            let _ = std::fs::remove_file(&written.path);
        },
    )
}
