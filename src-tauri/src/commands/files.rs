//! Export and import of interchange files, in files the user chooses in the system's dialogs
//! (opened here, in Rust: the page names no path).

use std::path::PathBuf;

use csr_core::lang::Lang;
use csr_core::usecase::{self, FileKind};
use tauri::{AppHandle, Manager};

use crate::dialogs::{self, DialogText};
use crate::error::{Result, ShellError};
use crate::state::AppState;

/// Runs `f` off the async runtime's threads (dialogs block; writes are synced to disk).
pub async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tauri::async_runtime::spawn_blocking(f).await.map_err(|e| ShellError::Internal(e.to_string()))?
}

/// Asks where to save the assessment and writes it there; the path written, or `None` when
/// the user cancelled.
#[tauri::command]
pub async fn export_assessment(app: AppHandle, id: i64, lang: String, dialog: DialogText) -> Result<Option<PathBuf>> {
    let lang = Lang::parse(&lang)?;
    blocking(move || {
        let state = app.state::<AppState>();
        let suggested = state.with_store(|s| s.record(id)).map(|r| usecase::suggested_file_name(&r, FileKind::Export, lang))?;
        let Some(path) = dialogs::save_file(&app, &dialog, &suggested, "json") else { return Ok(None) };
        state.with_store(|s| usecase::export_to(s, state.catalog(), id, &path))?;
        Ok(Some(path))
    })
    .await
}

/// Asks which file to import, then reads and checks the whole file before storing anything:
/// an assessment file (or a submission PDF) becomes a new assessment, NEC's feedback file
/// (told by its content) is kept on the submitted assessment it answers. What was done, or
/// `None` when the user cancelled.
#[tauri::command]
pub async fn import_assessment(app: AppHandle, dialog: DialogText) -> Result<Option<usecase::Imported>> {
    blocking(move || {
        let extensions = ["json", csr_core::feedback::EXTENSION];
        let Some(path) = dialogs::open_file(&app, &dialog, &extensions) else { return Ok(None) };
        let file = std::fs::File::open(&path).map_err(|e| csr_core::Error::Io { action: "open", path: path.clone(), source: e })?;
        let state = app.state::<AppState>();
        let imported = state.with_store(|s| usecase::import_file(s, state.catalog(), file, &path))?;
        Ok(Some(imported))
    })
    .await
}
