//! Saving answers, Part 2 answers and the declaration; scoring and the submission check.

use csr_core::model::{Answer, Declaration, Part2Answer};
use csr_core::store::SaveReceipt;
use csr_core::usecase::{self, Evaluation, SavedAnswer};
use csr_core::Catalog;
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

/// Saves the answer; returns the receipt with the new score and submission check.
#[tauri::command]
pub async fn save_answer(state: State<'_, AppState>, id: i64, answer: Answer) -> Result<SavedAnswer> {
    state.with_store(|s| usecase::save_answer(s, Catalog::get(), id, &answer))
}

#[tauri::command]
pub async fn save_part2(state: State<'_, AppState>, id: i64, answer: Part2Answer) -> Result<SaveReceipt> {
    state.with_store(|s| s.save_part2(id, &answer))
}

#[tauri::command]
pub async fn save_declaration(state: State<'_, AppState>, id: i64, declaration: Declaration) -> Result<SaveReceipt> {
    state.with_store(|s| s.save_declaration(id, &declaration))
}

/// The score and the submission check, from one read of the assessment.
#[tauri::command]
pub async fn evaluate(state: State<'_, AppState>, id: i64) -> Result<Evaluation> {
    state.with_store(|s| usecase::evaluate(s, Catalog::get(), id))
}
