//! Starting from last year's answers; export and import through the file dialogs (a period
//! already here is refused, saying how to replace it or keep both); a malformed file is
//! refused with a readable message and changes nothing.

mod seed;
mod support;

use csr_core::{interchange, Catalog, Store};
use support::{serial, App};

fn without_export_time(text: &str) -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
    v["exported_at"] = serde_json::Value::Null;
    v
}

#[tokio::test(flavor = "multi_thread")]
async fn carry_forward_export_and_import() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let last_year = seed::completed_assessment(&db, "FY2025");

    let app = App::start(dir.path()).await;
    app.wait_for(".assessments").await;

    // Start from last year's answers.
    app.click("[data-action='new']").await;
    app.type_into("#new-period", "FY2026").await;
    app.script("const s = document.querySelector('#new-source'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));",
        vec![serde_json::json!(last_year.to_string())]).await;
    app.click("#new-form button[type='submit']").await;
    app.wait_hash("#/a/2/item/I-1").await;
    app.wait_for(".reconfirm-banner:not([hidden])").await;
    assert_eq!(app.value("[data-field='description']").await, "I-1 昨年度の取り組み");
    assert_eq!(app.find_all(".mark-reconfirm").await.len(), 3, "group I shows three items to re-confirm");
    app.screenshot("09-carried-over").await;
    // Confirming clears the mark; the next item still has it.
    app.click("[data-action='confirm-unchanged']").await;
    app.wait_for(".reconfirm-banner[hidden]").await;
    app.wait_saved().await;
    app.click("[data-step-link='next']").await;
    app.wait_hash("#/a/2/item/I-2").await;
    app.wait_for(".reconfirm-banner:not([hidden])").await;

    // The list says how many are left to re-confirm: the items but the one confirmed, and
    // every Part 2 policy.
    app.click("[data-nav='assessments']").await;
    app.wait_for(".assessments tr[data-id='2']").await;
    let left = Catalog::get().item_count() - 1 + Catalog::get().policies().len();
    let badge = app.text("tr[data-id='2'] .badge.reconfirm").await;
    assert_eq!(badge, format!("{left} to re-confirm"), "{badge}");
    app.screenshot("10-assessments").await;

    // Export through the (answered) save dialog.
    let exported = dir.path().join("FY2025.json");
    app.answer_file_dialogs_with(&exported).await;
    app.click(&format!("tr[data-id='{last_year}'] [data-action='export']")).await;
    app.wait_for(".toast").await;
    let store = Store::open(&db, csr_core::Catalog::get()).unwrap();
    let expected = interchange::export(&store.record(last_year).unwrap(), Catalog::get());
    drop(store);
    assert_eq!(without_export_time(&std::fs::read_to_string(&exported).unwrap()), without_export_time(&expected));

    // Import it back: FY2025 is here already, so nothing is imported and the window says how
    // to replace it or keep both (a second FY2025 would lack the first one's links).
    app.click("[data-action='import']").await;
    let dialog = app.wait_for("dialog.modal[open]").await;
    let text = dialog.text().await.unwrap();
    assert!(text.contains("This assessment is already in the app. Nothing was imported."), "{text}");
    assert!(text.contains("FY2025 of 株式会社みらい電子 is in the list of assessments already"), "{text}");
    app.click("dialog.modal button[value='ok']").await;
    assert_eq!(Store::open(&db, csr_core::Catalog::get()).unwrap().list_assessments().unwrap().len(), 2);
    // Renamed first, both are kept: a third assessment, opened at its stored position.
    Store::open(&db, csr_core::Catalog::get()).unwrap().rename_assessment(last_year, "FY2025 (old)").unwrap();
    app.answer_file_dialogs_with(&exported).await;
    app.click("[data-action='import']").await;
    app.wait_for(".item-step, .review-step, .submit-step").await;
    let list = Store::open(&db, csr_core::Catalog::get()).unwrap().list_assessments().unwrap();
    assert_eq!(list.len(), 3);
    let imported = Store::open(&db, csr_core::Catalog::get()).unwrap().record(3).unwrap();
    assert_eq!(imported.answers, Store::open(&db, csr_core::Catalog::get()).unwrap().record(last_year).unwrap().answers);
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_file_shows_a_readable_message_and_changes_nothing() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let id = seed::completed_assessment(&db, "FY2025");
    let good = interchange::export(&Store::open(&db, csr_core::Catalog::get()).unwrap().record(id).unwrap(), Catalog::get());
    let bad = dir.path().join("edited by hand.json");
    std::fs::write(&bad, good.replacen("\"item_id\": \"V-2\"", "\"item_id\": \"V-9\"", 1)).unwrap();
    let before = Store::open(&db, csr_core::Catalog::get()).unwrap().list_assessments().unwrap();

    let app = App::start(dir.path()).await;
    app.wait_for(".assessments").await;
    app.answer_file_dialogs_with(&bad).await;
    app.click("[data-action='import']").await;
    let dialog = app.wait_for("dialog.modal[open]").await;
    let text = dialog.text().await.unwrap();
    assert!(text.contains("This file cannot be imported. Nothing was changed."), "{text}");
    assert!(text.contains("its content breaks a rule at the place named below"), "{text}");
    // The place is shown at once, not folded under "Details for support".
    assert!(app.find_all("dialog.modal details").await.is_empty(), "nothing to unfold");
    let details = app.text("dialog.modal .error-reason .technical").await;
    assert!(details.contains("answers[") && details.contains("V-9"), "the message names the place: {details}");
    app.screenshot_here("11-import-error").await;
    app.click("dialog.modal button[value='ok']").await;
    app.close().await;
    assert_eq!(Store::open(&db, csr_core::Catalog::get()).unwrap().list_assessments().unwrap(), before);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_that_is_not_ours_is_shown_as_a_clear_error_and_left_alone() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("not-a-database.sqlite3");
    std::fs::write(&db, "This is a text file someone saved here.\n").unwrap();
    let app = App::start_with_db(dir.path(), &db).await;
    app.wait_for(".fatal").await;
    let text = app.text(".fatal").await;
    assert!(text.contains("could not be opened"), "{text}");
    assert!(text.contains("The app has not changed the file"), "{text}");
    assert!(text.contains("not-a-database.sqlite3"), "{text}");
    app.close().await;
    assert_eq!(std::fs::read_to_string(&db).unwrap(), "This is a text file someone saved here.\n");
}
