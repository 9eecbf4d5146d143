//! Creating the PDF submission, opening it, showing it in its folder, and composing the
//! email to NEC.

use std::path::PathBuf;

use csr_core::model::Status;
use csr_core::{changes, mail, pdf, write_atomic, Catalog};
use tauri::State;
use tauri_plugin_opener::OpenerExt;

use crate::error::{Result, ShellError};
use crate::paths;
use crate::state::AppState;

/// What the UI shows once the PDF is written.
#[derive(serde::Serialize)]
pub struct CreatedPdf {
    path: PathBuf,
    file_name: String,
    size: usize,
    sha256: String,
    status: Status,
}

/// Where the save dialog proposes the PDF: the suggested name in the user's Documents
/// folder (else the home folder), not the folder the app happened to start in.
#[tauri::command]
pub async fn suggested_pdf_name(app: tauri::AppHandle, state: State<'_, AppState>, id: i64) -> Result<String> {
    use tauri::Manager;
    let name = pdf::file_name(&state.with_store(|s| s.record(id))?);
    let folder = app.path().document_dir().or_else(|_| app.path().home_dir()).ok().filter(|d| d.is_dir());
    Ok(match folder {
        Some(folder) => folder.join(name).to_string_lossy().into_owned(),
        None => name,
    })
}

/// Renders the submission, writes it atomically to `path` and marks the assessment submitted.
#[tauri::command]
pub async fn create_pdf(state: State<'_, AppState>, id: i64, path: String, lang: String) -> Result<CreatedPdf> {
    let path = paths::new_file(&path, "pdf")?;
    let record = state.with_store(|s| s.record(id))?;
    let changes = state.with_store(|s| changes::since_carried_from(s, &record, Catalog::get()))?;
    // Rendering and the synced write take a while: off the async runtime's threads.
    let (path, submission) = tauri::async_runtime::spawn_blocking(move || -> Result<_> {
        let submission = pdf::render_with_changes(&record, Catalog::get(), &lang, changes.as_ref())?;
        write_atomic(&path, &submission.pdf)?;
        Ok((path, submission))
    })
    .await
    .map_err(|e| ShellError::Internal(e.to_string()))??;
    let assessment = state.with_store(|s| s.set_status(id, Status::Submitted))?;
    *state.last_pdf.lock().unwrap_or_else(|p| p.into_inner()) = Some(path.clone());
    Ok(CreatedPdf {
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        path,
        size: submission.pdf.len(),
        sha256: submission.sha256,
        status: assessment.status,
    })
}

/// The PDF written in this session (the only file these commands open).
fn last_pdf(state: &AppState) -> Result<PathBuf> {
    state
        .last_pdf
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
        .filter(|p| p.is_file())
        .ok_or_else(|| ShellError::PdfMissing("The PDF is no longer where it was saved. Create it again.".into()))
}

fn could_not_open(what: &std::path::Path, e: impl std::fmt::Display) -> ShellError {
    ShellError::Opener(format!("The system could not open {} ({e}).", what.display()))
}

/// Opens the PDF in the system's viewer (to read or print it).
#[tauri::command]
pub fn open_pdf(app: tauri::AppHandle, state: State<'_, AppState>) -> Result<()> {
    let path = last_pdf(&state)?;
    app.opener().open_path(path.to_string_lossy(), None::<&str>).map_err(|e| could_not_open(&path, e))
}

/// Shows the PDF in its folder; where the desktop offers no file-manager service, opens
/// the folder instead.
#[tauri::command]
pub fn show_pdf_in_folder(app: tauri::AppHandle, state: State<'_, AppState>) -> Result<()> {
    let path = last_pdf(&state)?;
    if app.opener().reveal_item_in_dir(&path).is_ok() {
        return Ok(());
    }
    let folder = path.parent().unwrap_or(&path).to_path_buf();
    app.opener().open_path(folder.to_string_lossy(), None::<&str>).map_err(|e| could_not_open(&folder, e))
}

/// Opens the user's mail program with a message to NEC (the UI writes subject and body in
/// its language and tells the user to attach the PDF).
#[tauri::command]
pub fn compose_email(app: tauri::AppHandle, to: String, subject: String, body: String) -> Result<()> {
    let url = mail::mailto(&to, &subject, &body)?;
    app.opener().open_url(url, None::<&str>).map_err(|e| {
        ShellError::NoMailProgram(format!(
            "The mail program could not be opened ({e}). Write the email to {to} yourself and attach the PDF."
        ))
    })
}
