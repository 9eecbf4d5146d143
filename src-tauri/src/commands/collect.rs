//! The staff screen (NEC's side): a folder of received submissions, chosen in the system's
//! dialog, verified and written into one Excel workbook the user names in another.

use std::path::PathBuf;

use csr_core::usecase::{self, CollectReport};
use tauri::{AppHandle, Manager};
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

/// Asks where to save the workbook, then reads every submission in the chosen folder and
/// writes it; `None` when the user cancelled the dialog.
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
        let report = usecase::collect_to(&[folder], &[], 0, lang, &output, &|_| {})?;
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
