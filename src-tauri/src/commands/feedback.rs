//! NEC's feedback on the supplier's side: the requests an assessment shows, with NEC's notes,
//! and the supplier's reply to one (opening a feedback file is `files::import_assessment`).

use csr_core::model::{Reply, Revision};
use csr_core::usecase::{self, NecFeedback, Saved};
use tauri::State;

use crate::error::Result;
use crate::state::AppState;

/// NEC's requests assessment `id` shows (its own and those carried forward to it, until
/// answered), NEC's notes, and how many are open.
#[tauri::command]
pub async fn nec_feedback(state: State<'_, AppState>, id: i64) -> Result<NecFeedback> {
    state.with_store(|s| usecase::nec_feedback(s, id))
}

/// Saves the reply to NEC's request `request` on submission `sha256`, shown in assessment
/// `id`. `revision`: the request's revision the reply was read at; a reply based on an older
/// one is refused (kind "conflict"). Returns the receipt with the assessment's evaluation.
#[tauri::command]
pub async fn reply_to_request(
    state: State<'_, AppState>,
    id: i64,
    sha256: String,
    request: String,
    reply: Reply,
    revision: i64,
) -> Result<Saved> {
    let reply = Reply { revision: Revision(Some(revision)), ..reply };
    state.with_store(|s| usecase::reply_to_request(s, state.catalog(), id, &sha256, &request, &reply))
}
