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
        let events = state.with_store(|s| usecase::reminders_to(s, state.catalog(), id, lang, &path))?;
        Ok(Some(SavedReminders { path, events }))
    })
    .await
}

/// The dates of the newest assessments that have come since the supplier last marked them
/// seen, up to the supplier's today, texts in `lang`.
#[tauri::command]
pub async fn came_due(state: tauri::State<'_, AppState>, lang: String) -> Result<usecase::CameDue> {
    let lang = Lang::parse(&lang)?;
    state.with_store(|s| usecase::came_due(s, state.catalog(), lang, csr_core::clock::today()))
}

/// The supplier has seen the dates that came through today.
#[tauri::command]
pub async fn mark_dates_seen(state: tauri::State<'_, AppState>) -> Result<()> {
    state.with_store(|s| usecase::mark_dates_seen(s, csr_core::clock::today()))
}
