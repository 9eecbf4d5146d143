//! The staff screen (NEC's side): a folder of received submissions, chosen in the system's
//! dialog, and optionally last year's to compare with, verified and written into one Excel
//! workbook the user names in another, telling the window how many files are read.

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use csr_core::collect::Progress;
use csr_core::usecase::{self, CollectReport};
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_opener::OpenerExt;

use super::files::blocking;
use crate::dialogs::{self, DialogText};
use crate::error::{Result, ShellError};
use crate::state::AppState;

/// Asks for the folder of received PDFs; remembers it and returns it to show, or `None`
/// when the user cancelled.
#[tauri::command]
pub async fn choose_collect_folder(app: AppHandle, dialog: DialogText) -> Result<Option<PathBuf>> {
    blocking(move || {
        let Some(folder) = dialogs::pick_folder(&app, &dialog) else { return Ok(None) };
        *app.state::<AppState>().collect_folder.lock().unwrap_or_else(|p| p.into_inner()) = Some(folder.clone());
        Ok(Some(folder))
    })
    .await
}

/// Last year's folder, to compare with (as the command line's `--previous`); chosen in the
/// dialog like the received folder, the only other folder read.
static PREVIOUS: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Asks for last year's folder of submissions; remembers it and returns it to show, or `None`
/// when the user cancelled (the folder chosen before, if any, stays).
#[tauri::command]
pub async fn choose_previous_folder(app: AppHandle, dialog: DialogText) -> Result<Option<PathBuf>> {
    blocking(move || {
        let Some(folder) = dialogs::pick_folder(&app, &dialog) else { return Ok(None) };
        *PREVIOUS.lock().unwrap_or_else(|p| p.into_inner()) = Some(folder.clone());
        Ok(Some(folder))
    })
    .await
}

/// Compares with no earlier year.
#[tauri::command]
pub fn clear_previous_folder() {
    *PREVIOUS.lock().unwrap_or_else(|p| p.into_inner()) = None;
}

/// How often, at most, the window hears how far the reading is.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// Asks where to save the workbook, then reads every submission in the chosen folder (and
/// last year's, if chosen) and writes it, telling the window "collect-progress" ({done,
/// total}) as files are read; `None` when the user cancelled the dialog.
#[tauri::command]
pub async fn collect_submissions(app: AppHandle, lang: String, dialog: DialogText) -> Result<Option<CollectReport>> {
    let lang = csr_core::lang::Lang::parse(&lang)?;
    blocking(move || {
        let state = app.state::<AppState>();
        let folder = state.collect_folder.lock().unwrap_or_else(|p| p.into_inner()).clone().ok_or_else(|| {
            ShellError::Core(csr_core::Error::Invalid {
                field: "folder".into(),
                message: "no folder is chosen yet: choose the folder of received PDFs first.".into(),
            })
        })?;
        let name = usecase::workbook_file_name(lang, csr_core::clock::today());
        let Some(output) = dialogs::save_file(&app, &dialog, &name, "xlsx") else { return Ok(None) };
        let previous: Vec<PathBuf> = PREVIOUS.lock().unwrap_or_else(|p| p.into_inner()).iter().cloned().collect();
        let last = Mutex::new(None::<Instant>);
        let progress = |p: Progress| {
            let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
            if p.done == p.total || last.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) {
                *last = Some(Instant::now());
                let _ = app.emit("collect-progress", p);
            }
        };
        let report = usecase::collect_to(&[folder], &previous, 0, state.catalog(), lang, &output, &progress)?;
        *state.last_workbook.lock().unwrap_or_else(|p| p.into_inner()) = report.written.first().cloned();
        Ok(Some(report))
    })
    .await
}

/// Opens the workbook just written (in Excel or the system's spreadsheet program).
#[tauri::command]
pub fn open_workbook(app: AppHandle) -> Result<()> {
    let state = app.state::<AppState>();
    let path = state
        .last_workbook
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
        .filter(|p| p.is_file())
        // Not "pdf_missing": the UI would speak of a PDF.
        .ok_or_else(|| ShellError::Opener("The workbook is no longer where it was saved: create it again.".into()))?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| ShellError::Opener(format!("The system could not open {} ({e}). Open it from its folder.", path.display())))
}
