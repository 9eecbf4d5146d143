//! Export and import of interchange files chosen in the system's file dialogs.

use std::io::Read;

use csr_core::{interchange, write_atomic, Catalog};
use tauri::State;

use crate::error::Result;
use crate::paths;
use crate::state::AppState;

#[tauri::command]
pub async fn export_assessment(state: State<'_, AppState>, id: i64, path: String) -> Result<()> {
    let path = paths::new_file(&path, "json")?;
    let record = state.with_store(|s| s.record(id))?;
    Ok(write_atomic(&path, interchange::export(&record, Catalog::get()).as_bytes())?)
}

/// Reads and checks the whole file before storing anything; returns the new assessment's id.
#[tauri::command]
pub async fn import_assessment(state: State<'_, AppState>, path: String) -> Result<i64> {
    let path = paths::existing_file(&path, "json")?;
    // At most one byte more than the limit: enough for the core to reject a file too large.
    let mut bytes = Vec::new();
    std::fs::File::open(&path)
        .and_then(|f| f.take(interchange::MAX_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| csr_core::Error::Io { action: "read", path: path.clone(), source: e })?;
    let record = interchange::import(&bytes, Catalog::get())?;
    state.with_store(|s| s.insert_record(&record))
}
