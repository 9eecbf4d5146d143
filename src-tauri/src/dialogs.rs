//! The system's file dialogs, opened from Rust: the files the app writes or reads are the
//! ones the user chose in them, never a path the page names.

use std::path::PathBuf;

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

/// What the dialog shows, in the UI's language (titles and filter names only: a page
/// cannot choose a file through them).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct DialogText {
    pub title: String,
    pub filter: String,
}

impl DialogText {
    /// At most 200 characters of each, on one line.
    fn tidy(s: &str) -> String {
        s.chars().filter(|c| !c.is_control()).take(200).collect()
    }
}

/// Asks where to save a `.{extension}` file, suggesting `file_name` in the Documents folder;
/// `None` when the user cancels. The extension is added when the user left it out.
pub fn save_file(app: &AppHandle, text: &DialogText, file_name: &str, extension: &str) -> Option<PathBuf> {
    let documents = app.path().document_dir().ok().filter(|d| d.is_dir());
    let chosen = match test_answer(documents.as_deref().map(|d| d.join(file_name))) {
        Some(answer) => answer,
        None => {
            let mut dialog = app
                .dialog()
                .file()
                .set_title(DialogText::tidy(&text.title))
                .add_filter(DialogText::tidy(&text.filter), &[extension])
                .set_file_name(file_name);
            if let Some(documents) = documents {
                dialog = dialog.set_directory(documents);
            }
            dialog.blocking_save_file()?.into_path().ok()
        }
    }?;
    let has_extension = chosen.extension().is_some_and(|e| e.eq_ignore_ascii_case(extension));
    Some(if has_extension { chosen } else { chosen.with_extension(extension) })
}

/// Asks which `.{extension}` file to open, starting in the Documents folder; `None` when
/// the user cancels.
pub fn open_file(app: &AppHandle, text: &DialogText, extensions: &[&str]) -> Option<PathBuf> {
    if let Some(answer) = test_answer(app.path().document_dir().ok()) {
        return answer;
    }
    let mut dialog = app
        .dialog()
        .file()
        .set_title(DialogText::tidy(&text.title))
        .add_filter(DialogText::tidy(&text.filter), extensions);
    if let Ok(documents) = app.path().document_dir() {
        dialog = dialog.set_directory(documents);
    }
    dialog.blocking_pick_file()?.into_path().ok()
}

/// Asks for a folder (the received submissions), starting in the Documents folder; `None`
/// when the user cancels.
pub fn pick_folder(app: &AppHandle, text: &DialogText) -> Option<PathBuf> {
    if let Some(answer) = test_answer(app.path().document_dir().ok()) {
        return answer;
    }
    let mut dialog = app.dialog().file().set_title(DialogText::tidy(&text.title));
    if let Ok(documents) = app.path().document_dir() {
        dialog = dialog.set_directory(documents);
    }
    dialog.blocking_pick_folder()?.into_path().ok()
}

/// The end-to-end tests cannot click in a system dialog, so a debug build answers it from
/// the file named by `CSR_ASSESS_TEST_DIALOG` when that is set (its content is the path;
/// empty means "cancelled"), and writes what the dialog would have proposed (`proposed`:
/// the folder and file name) beside it, in `<that file>.proposed`. The environment is the
/// tester's, not the page's, and release builds have no such answer at all.
#[cfg(debug_assertions)]
fn test_answer(proposed: Option<PathBuf>) -> Option<Option<PathBuf>> {
    let file = std::env::var_os("CSR_ASSESS_TEST_DIALOG")?;
    let mut record = PathBuf::from(&file).into_os_string();
    record.push(".proposed");
    let _ = std::fs::write(record, proposed.map(|p| p.to_string_lossy().into_owned()).unwrap_or_default());
    let answer = std::fs::read_to_string(file).unwrap_or_default();
    let answer = answer.trim();
    Some((!answer.is_empty()).then(|| PathBuf::from(answer)))
}

#[cfg(not(debug_assertions))]
fn test_answer(_proposed: Option<PathBuf>) -> Option<Option<PathBuf>> {
    None
}
