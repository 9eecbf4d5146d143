//! Saving answers, Part 2 answers and the declaration; scoring and the submission check.

use csr_core::model::{Answer, Declaration, Part2Answer, Revision};
use csr_core::usecase::{self, Evaluation, Saved};
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

#[tauri::command]
/// `revision` is the stored revision the UI's answer was read at (0: none stored); a save
/// based on an older one is refused (kind "conflict"), never silently overwriting. Returns
/// the receipt with the new score, so the UI does not ask for it again.
pub async fn save_answer(state: State<'_, AppState>, id: i64, answer: Answer, revision: i64) -> Result<Saved> {
    let answer = Answer { revision: Revision(Some(revision)), ..answer };
    state.with_store(|s| usecase::save_answer(s, state.catalog(), id, &answer))
}

/// As [`save_answer`], for a Part 2 answer.
#[tauri::command]
pub async fn save_part2(
    state: State<'_, AppState>,
    id: i64,
    answer: Part2Answer,
    revision: i64,
) -> Result<Saved> {
    let answer = Part2Answer { revision: Revision(Some(revision)), ..answer };
    state.with_store(|s| usecase::save_part2(s, state.catalog(), id, &answer))
}

/// `revision`: the declaration's revision it was read at (`declaration.revision` of the
/// record); a save based on an older one is refused (kind "conflict", naming what was saved
/// meanwhile). Without it the declaration is saved as it is (views that do not track
/// revisions yet); a revision inside `declaration` is never taken for it.
#[tauri::command]
pub async fn save_declaration(
    state: State<'_, AppState>,
    id: i64,
    declaration: Declaration,
    revision: Option<i64>,
) -> Result<Saved> {
    let declaration = Declaration { revision: Revision(revision), ..declaration };
    state.with_store(|s| usecase::save_declaration(s, state.catalog(), id, &declaration))
}

/// Confirms carried-over answers unchanged ("still true"), a whole group at once.
#[tauri::command]
pub async fn confirm_unchanged(
    state: State<'_, AppState>,
    id: i64,
    items: Vec<String>,
    policies: Vec<String>,
) -> Result<Saved> {
    state.with_store(|s| usecase::confirm_unchanged(s, state.catalog(), id, &items, &policies))
}

/// The score and the submission check, from one read of the assessment.
#[tauri::command]
pub async fn evaluate(state: State<'_, AppState>, id: i64) -> Result<Evaluation> {
    state.with_store(|s| usecase::evaluate(s, state.catalog(), id))
}
