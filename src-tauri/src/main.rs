//! The desktop app: a Tauri window showing the static UI in `ui/`, over the core.
//! The shell only translates the UI's commands into core calls (see `commands/`).
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod dialogs;
mod error;
mod navigation;
mod no_window;
mod state;
mod ui_font;

use commands::{answers, app, assessments, backups, collect, contract, feedback, files, profile, reminders, submission};
use tauri::Manager;

fn main() {
    no_window::report_main_thread_panics();
    no_window::require_webview2();
    // Before any thread starts: the local time zone cannot be read safely afterwards.
    csr_core::clock::init_local_offset();
    // Our advice: the built-in content, or a newer signed one in content/ beside the database.
    let content_folder = csr_core::store::default_path().ok().map(|db| csr_core::catalog::content::folder_beside(&db));
    csr_core::Catalog::choose(content_folder.as_deref());
    let run = tauri::Builder::default()
        // First: a second launch (a double click on the icon) focuses this window instead of
        // opening a second one on the same database.
        .plugin(tauri_plugin_single_instance::init(|app, args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
            // A double-clicked feedback file of NEC's goes to this window.
            if let Some(path) = feedback::handed_file(&args) {
                feedback::open_handed(app, path);
            }
        }))
        .plugin(navigation::guard())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .register_uri_scheme_protocol(ui_font::SCHEME, |_ctx, request| ui_font::respond(request.uri().path()))
        .manage(state::AppState::open())
        .setup(|app| {
            // The PDF font is installed as a resource beside the app (see tauri.conf.json).
            if let Ok(font) = app.path().resolve("fonts/ipaexg.ttf", tauri::path::BaseDirectory::Resource) {
                if font.is_file() {
                    ui_font::set_path(font.clone());
                    csr_core::pdf::use_font_file(font);
                }
            }
            // The windows of tauri.conf.json are created before setup runs.
            no_window::window_opened();
            let _ = app.state::<state::AppState>().events.set(app.handle().clone());
            // Started by a double click on NEC's feedback file: opened once the window asks.
            let args: Vec<String> = std::env::args().collect();
            *app.state::<state::AppState>().handed_file.lock().unwrap_or_else(|p| p.into_inner()) = feedback::handed_file(&args);
            // The full integrity check reads every page: not at open, but once, soon after
            // the window is up. Damage found stops writes like damage seen in a read.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                std::thread::sleep(std::time::Duration::from_secs(3));
                let state = handle.state::<state::AppState>();
                let _ = state.with_store(|s| s.verify());
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            app::startup_status,
            app::app_info,
            app::system_language,
            app::get_catalog,
            app::get_languages,
            app::get_setting,
            app::set_setting,
            profile::list_companies,
            profile::save_profile,
            assessments::list_assessments,
            assessments::start_assessment,
            assessments::rename_assessment,
            assessments::delete_assessment,
            assessments::restore_assessment,
            assessments::open_assessment,
            assessments::set_position,
            answers::save_answer,
            answers::save_part2,
            answers::save_declaration,
            answers::evaluate,
            files::export_assessment,
            files::import_assessment,
            reminders::save_reminders,
            reminders::came_due,
            reminders::mark_dates_seen,
            submission::submit,
            submission::preview_pdf,
            submission::open_pdf,
            submission::show_pdf_in_folder,
            submission::submission_email,
            submission::open_submission_email,
            contract::profile_problems,
            answers::confirm_unchanged,
            backups::back_up_now,
            backups::list_backups,
            backups::restore_backup,
            backups::continue_after_damage,
            collect::choose_collect_folder,
            collect::collect_submissions,
            collect::open_workbook,
            app::advice_facts,
            app::open_content_file,
            collect::choose_previous_folder,
            collect::clear_previous_folder,
            feedback::nec_feedback,
            feedback::reply_to_request,
            feedback::opened_at_start,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(e) = run {
        no_window::window_failed(&e.to_string());
    }
}
