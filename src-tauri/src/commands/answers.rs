//! Saving answers, Part 2 answers and the declaration; scoring and the submission check.

use csr_core::model::{Answer, Declaration, Part2Answer, Revision};
use csr_core::store::SaveReceipt;
use csr_core::usecase::{self, Evaluation, SavedAnswer};
use csr_core::Catalog;
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
/// `revision` is the stored revision the UI's answer was read at (0: none stored); a save
/// based on an older one is refused (kind "conflict"), never silently overwriting. Returns
/// the receipt with the new score, so the UI does not ask for it again.
pub async fn save_answer(state: State<'_, AppState>, id: i64, answer: Answer, revision: i64) -> Result<SavedAnswer> {
    let answer = Answer { revision: Revision(Some(revision)), ..answer };
    state.with_store(|s| usecase::save_answer(s, Catalog::get(), id, &answer))
}

#[tauri::command]
pub async fn save_part2(
    state: State<'_, AppState>,
    id: i64,
    answer: Part2Answer,
    revision: i64,
) -> Result<SaveReceipt> {
    state.with_store(|s| s.save_part2(id, &Part2Answer { revision: Revision(Some(revision)), ..answer }))
}

#[tauri::command]
pub async fn save_declaration(state: State<'_, AppState>, id: i64, declaration: Declaration) -> Result<SaveReceipt> {
    state.with_store(|s| s.save_declaration(id, &declaration))
}

/// Confirms carried-over answers unchanged ("still true"), a whole group at once.
#[tauri::command]
pub async fn confirm_unchanged(
    state: State<'_, AppState>,
    id: i64,
    items: Vec<String>,
    policies: Vec<String>,
) -> Result<SaveReceipt> {
    state.with_store(|s| s.confirm_unchanged(id, &items, &policies))
}

/// The score and the submission check, from one read of the assessment.
#[tauri::command]
pub async fn evaluate(state: State<'_, AppState>, id: i64) -> Result<Evaluation> {
    state.with_store(|s| usecase::evaluate(s, Catalog::get(), id))
}
