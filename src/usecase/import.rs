//! Importing an interchange file as a new assessment: the whole file is read and checked
//! before anything is stored.

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
    let mut bytes = Vec::new();
    source
        .take(interchange::MAX_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("read", name, e))?;
    let record = if bytes.starts_with(b"%PDF-") {
        let json = crate::pdf::extract(&bytes).map_err(|e| Error::Import {
            fault: ImportFault::NotAnAssessment,
            location: "the whole file".into(),
            message: format!(
                "{} is a PDF, but not a submission made by this app (no assessment data is attached to it: {e}). \
                 Choose the .json file the app exported, or the PDF the app created for NEC.",
                name.display()
            ),
        })?;
        interchange::import(json.as_bytes(), catalog)?
    } else {
        interchange::import(&bytes, catalog)?
    };
    refuse_a_second(store, &record, name)?;
    store.insert_record(&record)
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
