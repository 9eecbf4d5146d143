//! Importing an interchange file as a new assessment: the whole file is read and checked
//! before anything is stored.

use std::io::Read;
use std::path::Path;

use crate::catalog::Catalog;
use crate::error::{Error, ImportFault, Result};
use crate::interchange;
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
    store.insert_record(&record)
}
