//! Submitting (the PDF for NEC) and previews, in files the user chooses in the system's
//! dialog; opening the PDF just written, showing it in its folder, and the email to NEC.

use std::path::PathBuf;

use csr_core::lang::Lang;
use csr_core::mail::{self, Email};
use csr_core::usecase::{self, FileKind, WrittenPdf};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_opener::OpenerExt;

use super::files::blocking;
use crate::dialogs::{self, DialogText};
use crate::error::{Result, ShellError};
use crate::state::AppState;

/// Which PDF to write.
#[derive(Clone, Copy)]
enum Kind {
    Submission,
    Preview,
}

/// Asks where to save, then writes the PDF; remembers it as the file "open" and "show in
/// folder" act on. `None` when the user cancelled.
async fn write(app: AppHandle, id: i64, lang: String, dialog: DialogText, kind: Kind) -> Result<Option<WrittenPdf>> {
    let lang = Lang::parse(&lang)?;
    blocking(move || {
        let state = app.state::<AppState>();
        let file_kind = match kind {
            Kind::Submission => FileKind::Submission,
            Kind::Preview => FileKind::Preview,
        };
        let suggested = state.with_store(|s| s.record(id)).map(|r| usecase::suggested_file_name(&r, file_kind, lang))?;
        let Some(path) = dialogs::save_file(&app, &dialog, &suggested, "pdf") else { return Ok(None) };
        let written = state.with_store(|s| match kind {
            Kind::Submission => usecase::submit(s, state.catalog(), id, lang, &path),
            Kind::Preview => usecase::preview_pdf(s, state.catalog(), id, lang, &path),
        })?;
        *state.last_pdf.lock().unwrap_or_else(|p| p.into_inner()) = Some(written.path.clone());
        Ok(Some(written))
    })
    .await
}

/// Submits a ready assessment: marked submitted in the same step that writes its PDF.
#[tauri::command]
pub async fn submit(app: AppHandle, id: i64, lang: String, dialog: DialogText) -> Result<Option<WrittenPdf>> {
    write(app, id, lang, dialog, Kind::Submission).await
}

/// A preview PDF ("DRAFT — not submitted" on every page); the status stays as it is.
#[tauri::command]
pub async fn preview_pdf(app: AppHandle, id: i64, lang: String, dialog: DialogText) -> Result<Option<WrittenPdf>> {
    write(app, id, lang, dialog, Kind::Preview).await
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

/// The e-mail to NEC for assessment `id`'s submission, in `lang` (the core writes it; the
/// panel shows it, to be copied where no mail program opens).
#[tauri::command]
pub fn submission_email(state: State<'_, AppState>, id: i64, lang: String) -> Result<Email> {
    let lang = Lang::parse(&lang)?;
    let record = state.with_store(|s| s.record(id))?;
    Ok(usecase::compose_submission_email(&record, lang)?)
}

/// Opens the user's mail program with the e-mail to NEC for assessment `id` (the user
/// attaches the PDF: a mail link cannot). Returns the e-mail opened. Where no mail program
/// opens, the error says so in the user's language with the system's own words.
#[tauri::command]
pub fn open_submission_email(app: tauri::AppHandle, state: State<'_, AppState>, id: i64, lang: String) -> Result<Email> {
    let lang = Lang::parse(&lang)?;
    let record = state.with_store(|s| s.record(id))?;
    let email = usecase::compose_submission_email(&record, lang)?;
    let url = usecase::mailto_link(&email)?;
    app.opener().open_url(&url, None::<&str>).map_err(|e| {
        // The system's words name the whole link (a page of percent codes): shortened to its start.
        let reason = e.to_string().replace(&url, &format!("mailto:{}?…", email.to));
        ShellError::NoMailProgram(mail::could_not_open(lang, &email.to, &reason))
    })?;
    Ok(email)
}
