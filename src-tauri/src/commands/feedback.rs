//! NEC's feedback on the supplier's side: the requests an assessment shows, with NEC's notes,
//! the supplier's reply to one, and a feedback file handed to the app by a double click (at
//! start, or to the running window through the single-instance guard). Opening one through
//! the import dialog is `files::import_assessment`.

use std::path::{Path, PathBuf};

use csr_core::model::{Reply, Revision};
use csr_core::usecase::{self, Imported, NecFeedback, Saved};
use tauri::{AppHandle, Emitter, Manager, State};

use crate::error::Result;
use crate::state::AppState;

/// The feedback file among a launch's arguments (after the program's name): the first one
/// named `*.csrfeedback`, as the system passes a double-clicked file.
pub fn handed_file(args: &[String]) -> Option<PathBuf> {
    args.iter().skip(1).map(PathBuf::from).find(|p| {
        p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case(csr_core::feedback::EXTENSION))
    })
}

/// Opens the file at `path` as the import dialog does.
fn open(state: &AppState, path: &Path) -> Result<Imported> {
    let file = std::fs::File::open(path).map_err(|e| csr_core::Error::Io {
        action: "open",
        path: path.to_path_buf(),
        source: e,
    })?;
    state.with_store(|s| usecase::import_file(s, state.catalog(), file, path))
}

/// A feedback file double-clicked while the app runs (the second launch's arguments, passed
/// on by the single-instance guard): opened off the main thread, and the window told what
/// happened (event "file-opened": `{imported}` or `{error: {kind, message}}`).
pub fn open_handed(app: &AppHandle, path: PathBuf) {
    let app = app.clone();
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        let payload = match open(&state, &path) {
            Ok(imported) => serde_json::json!({ "imported": imported }),
            Err(e) => serde_json::json!({ "error": e }),
        };
        let _ = app.emit("file-opened", payload);
    });
}

/// The feedback file the app was started with (a double click while it was closed), opened
/// now that the window asks; `None` when there was none (or it was taken already).
#[tauri::command]
pub async fn opened_at_start(state: State<'_, AppState>) -> Result<Option<Imported>> {
    let handed = state.handed_file.lock().unwrap_or_else(|p| p.into_inner()).take();
    handed.map(|path| open(&state, &path)).transpose()
}

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
