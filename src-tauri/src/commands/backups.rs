//! Snapshots of the database: take one now, list them, restore one.

use csr_core::store::{self, BackupReason, Snapshot};
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<Snapshot> {
    state.with_store(|s| s.back_up(BackupReason::Manual))
}

/// The snapshots, newest first; also when the database did not open (the damaged-database
/// screen offers the newest one).
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<Snapshot>> {
    Ok(state.db_path.as_deref().map(store::backup::list).unwrap_or_default())
}

#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, name: String) -> Result<()> {
    state.restore_backup(&name)
}
