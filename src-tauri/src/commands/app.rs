//! Start-up status, catalog, settings, About, and our advice: the facts of its legal notes
//! for the company, and installing a signed update of it.

use csr_core::applicability::LawFacts;
use csr_core::catalog::content;
use csr_core::model::CompanyProfile;
use csr_core::usecase::{self, CatalogView};
use serde_json::{json, Value};
use tauri::{AppHandle, Manager, State};

use crate::dialogs::{self, DialogText};
use crate::error::{Result, ShellError};
use crate::state::AppState;

/// Whether the database opened; if not, why (the UI shows it with what to do).
#[tauri::command]
pub fn startup_status(state: State<'_, AppState>) -> Option<crate::error::ShellError> {
    state.startup_error()
}

/// Versions and where the data is, for the About box.
#[tauri::command]
pub fn app_info(app: tauri::AppHandle, state: State<'_, AppState>) -> Value {
    let g = &state.catalog().guideline.guideline;
    json!({
        "name": app.package_info().name,
        "version": app.package_info().version.to_string(),
        "catalog_version": state.catalog().version(),
        "guideline": g.title,
        "guideline_edition": g.edition,
        "database": state.db_path,
        "backups": state.db_path.as_deref().map(csr_core::store::backup::folder),
        "read_only": state.with_store(|s| Ok(s.read_only_reason().map(str::to_string))).ok().flatten(),
        // Which advice content is in use (version, date, built in or from which file), and
        // the files of the content folder that were not used, with the reason.
        "content": csr_core::Catalog::status(),
    })
}

/// The language of the operating system, for a first start ("ja" or "en").
#[tauri::command]
pub fn system_language() -> &'static str {
    csr_core::lang::system_language().code()
}

/// The whole catalog: the guideline's text, our advice, the disclosure questions, our
/// translations, and every language's formats and words.
#[tauri::command]
pub fn get_catalog(state: State<'_, AppState>) -> CatalogView<'static> {
    usecase::catalog_view(state.catalog())
}

/// Every language the app speaks (English first): its name, formats and words. Read at
/// start, before anything else, also when the database did not open.
#[tauri::command]
pub fn get_languages() -> Vec<&'static csr_core::lang::LangData> {
    csr_core::lang::Lang::all().map(csr_core::lang::Lang::data).collect()
}

#[tauri::command]
pub async fn get_setting(state: State<'_, AppState>, key: String) -> Result<Option<String>> {
    state.with_store(|s| s.setting(&key))
}

#[tauri::command]
pub async fn set_setting(state: State<'_, AppState>, key: String, value: String) -> Result<()> {
    state.with_store(|s| s.set_setting(&key, &value))
}

/// The facts of the legal notes of an item's or a policy's advice for the company `profile`
/// (the open assessment's), on the supplier's today: what each note means for it and whether
/// it is due for review. The UI only renders them.
#[tauri::command]
pub fn advice_facts(state: State<'_, AppState>, id: String, profile: Option<CompanyProfile>) -> Result<LawFacts> {
    Ok(usecase::advice_facts(state.catalog(), &id, profile.as_ref())?)
}

/// Asks which advice update to open (a signed content file) and installs it beside the
/// database: the content now in use, or `None` when the user cancelled. A damaged, changed,
/// wrongly signed or not newer file is refused and changes nothing.
#[tauri::command]
pub async fn open_content_file(app: AppHandle, dialog: DialogText) -> Result<Option<content::ContentStatus>> {
    crate::commands::files::blocking(move || {
        let db = app.state::<AppState>().db_path.clone().ok_or(ShellError::Core(csr_core::Error::NoDataFolder))?;
        let Some(path) = dialogs::open_file(&app, &dialog, &["json"]) else { return Ok(None) };
        Ok(Some(usecase::install_content(&path, &db)?))
    })
    .await
}
