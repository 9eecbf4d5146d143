//! The desktop app: a Tauri window showing the static UI in `ui/`, over the core.
//! The shell only translates the UI's commands into core calls (see `commands/`).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod dialogs;
mod error;
mod navigation;
mod state;

use commands::{answers, app, assessments, files, profile, submission};
use tauri::Manager;

fn main() {
    // Before any thread starts: the local time zone cannot be read safely afterwards.
    csr_core::clock::init_local_offset();
    tauri::Builder::default()
        .plugin(navigation::guard())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(state::AppState::open())
        .setup(|app| {
            // The PDF font is installed as a resource beside the app (see tauri.conf.json).
            if let Ok(font) = app.path().resolve("fonts/ipaexg.ttf", tauri::path::BaseDirectory::Resource) {
                if font.is_file() {
                    csr_core::pdf::use_font_file(font);
                }
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            app::startup_status,
            app::app_info,
            app::get_catalog,
            app::get_setting,
            app::set_setting,
            profile::list_companies,
            profile::create_company,
            profile::save_company,
            assessments::list_assessments,
            assessments::create_assessment,
            assessments::create_assessment_from,
            assessments::rename_assessment,
            assessments::delete_assessment,
            assessments::restore_assessment,
            assessments::get_record,
            assessments::set_position,
            answers::save_answer,
            answers::save_part2,
            answers::save_declaration,
            answers::evaluate,
            files::export_assessment,
            files::import_assessment,
            submission::submit,
            submission::preview_pdf,
            submission::open_pdf,
            submission::show_pdf_in_folder,
            submission::compose_email,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"))
        .expect("the app could not start its window");
}
