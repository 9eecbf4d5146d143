//! Company profiles.

use csr_core::model::{Company, CompanyProfile};
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
pub async fn list_companies(state: State<'_, AppState>) -> Result<Vec<Company>> {
    state.with_store(|s| s.companies())
}

#[tauri::command]
pub async fn create_company(state: State<'_, AppState>, profile: CompanyProfile) -> Result<Company> {
    state.with_store(|s| s.create_company(&profile))
}

/// `revision`: the company's revision the profile was read at (`Company.revision`); a save
/// based on an older one is refused (kind "conflict", naming the fields saved meanwhile).
/// Without it the profile is saved as it is (views that do not track revisions yet).
#[tauri::command]
pub async fn save_company(
    state: State<'_, AppState>,
    id: i64,
    profile: CompanyProfile,
    revision: Option<i64>,
) -> Result<Company> {
    state.with_store(|s| s.save_company(id, &profile, revision))
}
