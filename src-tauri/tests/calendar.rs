//! The review's "save the dates as a calendar file" in the real app, in English and in
//! Japanese: the file is proposed with the language's name, holds every date of the
//! assessment (read back by Python's icalendar, the project's venv), and the card says how
//! many dates it saved, and where.

mod seed;
mod support;

use std::path::PathBuf;
use std::process::Command;

use support::{serial, string, App};

/// The project's Python with icalendar (scripts/setup.sh makes it).
fn python() -> PathBuf {
    let home = std::env::var("HOME").unwrap();
    PathBuf::from(format!("{home}/.cache/csr-self-assessment/venv/bin/python"))
}

/// The summaries of the events of the calendar file at `path`, read by icalendar.
fn summaries(path: &std::path::Path) -> Vec<String> {
    let script = "import sys, icalendar\n\
                  cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
                  for e in cal.walk('VEVENT'):\n    print(str(e['SUMMARY']))";
    let out = Command::new(python()).args(["-c", script]).arg(path).output().expect("the venv's python runs");
    assert!(out.status.success(), "icalendar reads the file: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dates_saved_as_a_calendar_file_in_english() {
    dates_as_calendar("en").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dates_saved_as_a_calendar_file_in_japanese() {
    dates_as_calendar("ja").await;
}

async fn dates_as_calendar(lang: &str) {
    let _one = serial().await;
    if !python().exists() && std::env::var_os("CSR_TESTS_REQUIRE_TOOLS").is_none() {
        eprintln!("skipped: the project's venv with icalendar is missing (scripts/setup.sh makes it)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    // Every fourth item is "mostly" with an action plan due 2026-12-31.
    let id = seed::completed_assessment(&db, "FY2026");
    let record = csr_core::Store::open(&db, csr_core::Catalog::get()).unwrap().record(id).unwrap();
    let plans = record.answers.iter().filter(|a| a.action_plan.due.is_some()).count();
    assert!(plans > 0);
    // The dialog proposes a name in the user's Documents folder.
    let documents = dir.path().join("Documents");
    std::fs::create_dir_all(&documents).unwrap();
    std::fs::create_dir_all(dir.path().join("xdg/config")).unwrap();
    let dirs = format!("XDG_DOCUMENTS_DIR=\"{}\"\n", documents.display());
    std::fs::write(dir.path().join("xdg/config/user-dirs.dirs"), dirs).unwrap();
    let app = App::start_with_db(dir.path(), &db).await;
    app.goto("/assessments").await;
    app.click(&format!("button[data-lang='{lang}']")).await;
    app.wait_for(&format!("html[lang='{lang}']")).await;
    app.goto(&format!("/a/{id}/review")).await;
    assert_eq!(app.text("#calendar-title").await, string(lang, "calendar.title"));
    let ics = dir.path().join("dates.ics");
    app.answer_file_dialogs_with(&ics).await;
    app.click("[data-action='save-reminders']").await;
    app.wait_for("[data-testid='calendar-saved']:not([hidden])").await;
    app.script("document.querySelector(\"[data-testid='calendar-card']\").scrollIntoView()", vec![]).await;
    app.screenshot_here(&format!("calendar-{lang}")).await;

    // The name proposed is the language's.
    let proposed = std::fs::read_to_string(dir.path().join("dialog-answer.proposed")).unwrap();
    let proposed = PathBuf::from(proposed);
    assert_eq!(proposed.parent(), Some(documents.as_path()), "the dialog starts in Documents");
    let name = proposed.file_name().unwrap().to_str().unwrap();
    let start = if lang == "ja" { "CSRセルフアセスメント-期限_" } else { "CSR-self-assessment-dates_" };
    assert!(name.starts_with(start) && name.ends_with(".ics"), "{name}");

    // Every action plan's due date is an event, in the app's language.
    let events = summaries(&ics);
    assert_eq!(events.len(), plans, "one event per action plan due: {events:?}");
    let label = if lang == "ja" { "改善計画の期限：文書化する（" } else { "Action plan due: 文書化する (" };
    assert!(events.iter().all(|s| s.starts_with(label)), "{events:?}");
    let said = app.text("[data-testid='calendar-saved']").await;
    let expected = string(lang, "calendar.saved").replace("{n}", &plans.to_string()).replace("{path}", ics.to_str().unwrap());
    assert_eq!(said, expected);
    app.close().await;
}
