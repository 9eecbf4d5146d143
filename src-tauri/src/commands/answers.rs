//! Saving answers, Part 2 answers and the declaration; scoring and the submission check.

use csr_core::changes::{self, Changes};
use csr_core::model::{Answer, Declaration, Part2Answer, Revision};
use csr_core::readiness::{self, Readiness};
use csr_core::scoring::{self, Score};
use csr_core::store::SaveReceipt;
use csr_core::Catalog;
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
/// `revision` is the stored revision the UI's answer was read at (0: none stored); a save
/// based on an older one is refused (kind "conflict"), never silently overwriting.
pub async fn save_answer(state: State<'_, AppState>, id: i64, answer: Answer, revision: i64) -> Result<SaveReceipt> {
    state.with_store(|s| s.save_answer(id, &Answer { revision: Revision(Some(revision)), ..answer }))
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
#[derive(serde::Serialize)]
pub struct Evaluation {
    score: Score,
    readiness: Readiness,
    /// What changed since the assessment this one was carried forward from, if any.
    changes: Option<Changes>,
}

#[tauri::command]
pub async fn evaluate(state: State<'_, AppState>, id: i64) -> Result<Evaluation> {
    let record = state.with_store(|s| s.record(id))?;
    let catalog = Catalog::get();
    let score = scoring::score(&record, catalog);
    let changes = state.with_store(|s| changes::since_carried_from(s, &record, catalog))?;
    Ok(Evaluation { readiness: readiness::check_scored(&record, catalog, &score), score, changes })
}
