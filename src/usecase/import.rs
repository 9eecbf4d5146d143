//! Importing a file: an interchange file (or a submission PDF) as a new assessment, or NEC's
//! feedback file, told apart by its name and its `format`. The whole file is read and
//! checked before anything is stored.

use std::io::Read;
use std::path::Path;

use crate::catalog::Catalog;
use crate::error::{Error, ImportFault, Result};
use crate::interchange;
use crate::model::{normalize_period, AssessmentSummary};
use crate::store::Store;

/// Reads at most one byte more than an interchange file may have (enough for the check to
/// refuse a file too large without reading all of it), checks it, and stores it; returns
/// the new assessment's id. `name` names the source in a read error. A submission PDF of
/// this app is imported from the data attached to it (as `csr-assess extract` gives it).
pub fn import_from(store: &mut Store, catalog: &Catalog, source: impl Read, name: &Path) -> Result<i64> {
    let bytes = read_at_most(source, interchange::MAX_BYTES, name)?;
    import_assessment_bytes(store, catalog, &bytes, name)
}

/// The first `max` bytes of `source` and one more, so that a check can refuse a file too
/// large without reading all of it.
fn read_at_most(source: impl Read, max: usize, name: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    source.take(max as u64 + 1).read_to_end(&mut bytes).map_err(|e| Error::io("read", name, e))?;
    Ok(bytes)
}

/// An assessment file's or a submission PDF's `bytes`, checked whole, then stored. A PDF's
/// data is kept with its fingerprint (the SHA-256 of the attached data), which NEC's
/// feedback on that submission names.
fn import_assessment_bytes(store: &mut Store, catalog: &Catalog, bytes: &[u8], name: &Path) -> Result<i64> {
    if !bytes.starts_with(b"%PDF-") {
        let record = interchange::import(bytes, catalog)?;
        refuse_a_second(store, &record, name)?;
        return store.insert_record(&record);
    }
    let json = crate::pdf::extract(bytes).map_err(|e| Error::Import {
        fault: ImportFault::NotAnAssessment,
        location: "the whole file".into(),
        message: format!(
            "{} is a PDF, but not a submission made by this app (no assessment data is attached to it: {e}). \
             Choose the .json file the app exported, or the PDF the app created for NEC.",
            name.display()
        ),
    })?;
    let record = interchange::import(json.as_bytes(), catalog)?;
    refuse_a_second(store, &record, name)?;
    let sha256 = crate::fingerprint::sha256_hex(json.as_bytes());
    store.insert_record_from(&record, Some(&sha256))
}

/// Refuses a file whose company already has an assessment of the same period here. Users
/// import to move an assessment to this computer or to look at one again; a second row of
/// the same name, which would not carry the first one's link to the year it was started
/// from (and so would lose the PDF's page of changes), is never what they want. The message
/// says how to replace it (delete, then import) or keep both (rename first).
fn refuse_a_second(store: &Store, record: &crate::model::AssessmentRecord, name: &Path) -> Result<()> {
    let period = normalize_period(&record.assessment.period).to_lowercase();
    let company = record.company.display_name();
    let same = |a: &&AssessmentSummary| normalize_period(&a.period).to_lowercase() == period && a.company_name.trim() == company;
    match store.list_assessments()?.iter().find(same) {
        Some(existing) => Err(Error::PeriodExists {
            file: name.to_path_buf(),
            company: existing.company_name.clone(),
            period: existing.period.clone(),
        }),
        None => Ok(()),
    }
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Imported {
    /// A new assessment.
    Assessment { id: i64 },
    /// NEC's feedback, kept on the assessment whose submission it answers.
    Feedback(super::receive::OpenedFeedback),
}

/// Imports whatever `source` (named `name`) is: NEC's feedback file (by its name ending in
/// `.csrfeedback`, or its `format`) is opened as feedback, anything else is imported as an
/// assessment ([`import_from`]). A submission PDF's data is kept with its fingerprint, which
/// NEC's feedback on it names.
pub fn import_file(store: &mut Store, catalog: &Catalog, source: impl Read, name: &Path) -> Result<Imported> {
    let bytes = read_at_most(source, interchange::MAX_BYTES.max(crate::feedback::MAX_BYTES), name)?;
    if super::receive::is_feedback(&bytes, name) {
        return super::receive::open_feedback_bytes(store, catalog, &bytes, name).map(Imported::Feedback);
    }
    import_assessment_bytes(store, catalog, &bytes, name).map(|id| Imported::Assessment { id })
}
