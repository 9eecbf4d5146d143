//! Company profiles.

use csr_core::model::{Company, CompanyProfile};
use csr_core::usecase::{self, SavedProfile};
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
pub async fn list_companies(state: State<'_, AppState>) -> Result<Vec<Company>> {
    state.with_store(|s| s.companies())
}

/// Saves the company profile (`id` null: the first start's new company), based on the
/// company's revision it was read at (`Company.revision`; a save based on an older one is
/// refused as kind "conflict", naming the fields saved meanwhile), returning it with the
/// evaluation of the open assessment `open` (if any) after the save.
#[tauri::command]
pub async fn save_profile(
    state: State<'_, AppState>,
    id: Option<i64>,
    profile: CompanyProfile,
    revision: Option<i64>,
    open: Option<i64>,
) -> Result<SavedProfile> {
    state.with_store(|s| usecase::save_profile(s, state.catalog(), id, &profile, revision, open))
}
