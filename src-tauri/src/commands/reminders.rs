//! The assessment's dates as a calendar file, saved where the user chooses in the system's
//! dialog (opened here, in Rust: the page names no path).

use std::path::PathBuf;

use csr_core::lang::Lang;
use csr_core::usecase::{self, FileKind};
use serde::Serialize;
use tauri::{AppHandle, Manager};

use super::files::blocking;
use crate::dialogs::{self, DialogText};
use crate::error::Result;
use crate::state::AppState;

/// What was written: the file and how many dates it holds.
#[derive(Debug, Serialize)]
pub struct SavedReminders {
    pub path: PathBuf,
    pub events: usize,
}

/// Asks where to save the calendar file of assessment `id` (texts in `lang`) and writes it;
/// `None` when the user cancelled.
#[tauri::command]
pub async fn save_reminders(app: AppHandle, id: i64, lang: String, dialog: DialogText) -> Result<Option<SavedReminders>> {
    let lang = Lang::parse(&lang)?;
    blocking(move || {
        let state = app.state::<AppState>();
        let suggested = state.with_store(|s| s.record(id)).map(|r| usecase::suggested_file_name(&r, FileKind::Reminders, lang))?;
        let Some(path) = dialogs::save_file(&app, &dialog, &suggested, "ics") else { return Ok(None) };
        let events = state.with_store(|s| usecase::reminders_to(s, state.catalog(), id, lang.code(), &path))?;
        Ok(Some(SavedReminders { path, events }))
    })
    .await
}
