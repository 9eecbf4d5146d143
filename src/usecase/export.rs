//! Exporting an assessment as an interchange file.

use std::path::Path;

use crate::catalog::Catalog;
use crate::error::Result;
use crate::store::Store;
use crate::{interchange, write_atomic};

/// The interchange file's text (for standard output).
pub fn export_text(store: &Store, catalog: &Catalog, id: i64) -> Result<String> {
    Ok(interchange::export(&store.record(id)?, catalog))
}

/// Writes the interchange file to `path` (atomically: a failure leaves any older file whole).
pub fn export_to(store: &Store, catalog: &Catalog, id: i64, path: &Path) -> Result<()> {
    write_atomic(path, export_text(store, catalog, id)?.as_bytes())
}
