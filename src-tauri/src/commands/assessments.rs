//! Assessments: list, create, carry forward, rename, delete, restore, read, position.

use csr_core::model::{Assessment, AssessmentSummary};
use csr_core::usecase::{self, Start};
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
pub async fn list_assessments(state: State<'_, AppState>) -> Result<Vec<AssessmentSummary>> {
    state.with_store(|s| s.list_assessments())
}

/// Starts an assessment: empty (for the first company, or a new empty profile), or carried
/// forward from `from`.
#[tauri::command]
pub async fn start_assessment(state: State<'_, AppState>, period: String, from: Option<i64>) -> Result<Assessment> {
    state.with_store(|s| usecase::start_assessment(s, &Start { period, from, company: None }))
}

#[tauri::command]
pub async fn rename_assessment(state: State<'_, AppState>, id: i64, period: String) -> Result<Assessment> {
    state.with_store(|s| s.rename_assessment(id, &period))
}

#[tauri::command]
pub async fn delete_assessment(state: State<'_, AppState>, id: i64) -> Result<()> {
    state.with_store(|s| s.delete_assessment(id))
}

#[tauri::command]
pub async fn restore_assessment(state: State<'_, AppState>, id: i64) -> Result<Assessment> {
    state.with_store(|s| s.restore_assessment(id))
}

/// The assessment to edit: its record (an answer for every item and policy) and its evaluation.
#[tauri::command]
pub async fn open_assessment(state: State<'_, AppState>, id: i64) -> Result<usecase::OpenAssessment> {
    state.with_store(|s| usecase::open_assessment(s, state.catalog(), id))
}

#[tauri::command]
pub async fn set_position(state: State<'_, AppState>, id: i64, position: String) -> Result<()> {
    state.with_store(|s| s.set_position(id, &position))
}
