//! Snapshots of the database: take one now, list them, restore one; and going on with a
//! database marked damaged when the user has a copy.

use csr_core::store::{self, BackupReason, Snapshot};
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
pub async fn back_up_now(state: State<'_, AppState>) -> Result<Snapshot> {
    state.with_store(|s| s.back_up(BackupReason::Manual))
}

/// The snapshots, newest first, each checked (a damaged one says what is wrong and is never
/// restored); also when the database did not open (the damage screen offers the newest good one).
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<Snapshot>> {
    Ok(state.db_path.as_deref().map(store::backup::list).unwrap_or_default())
}

/// Restores a snapshot and says what it brought back (the assessments, their answers, when
/// the backup was taken), for the window to confirm it.
#[tauri::command]
pub async fn restore_backup(state: State<'_, AppState>, name: String) -> Result<csr_core::usecase::Restored> {
    state.restore_backup(&name)?;
    state.with_store(|s| csr_core::usecase::restored(s, &name))
}

/// "I have a copy, continue" on the damage screen: the damage mark is removed and saving
/// is possible again; the file itself is not changed.
#[tauri::command]
pub async fn continue_after_damage(state: State<'_, AppState>) -> Result<()> {
    state.continue_after_damage()
}
