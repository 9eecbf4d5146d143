//! The app and its database under bad luck: a change made elsewhere while the app is open
//! is not overwritten, and a damaged database is repaired from the newest backup.

mod seed;
mod support;

use csr_core::model::Evidence;
use csr_core::store::BackupReason;
use csr_core::Store;
use support::{serial, App};

#[tokio::test(flavor = "multi_thread")]
async fn a_change_made_elsewhere_is_shown_beside_what_the_user_typed_and_kept() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let (_, id) = seed::company_with_empty_assessment(&db, "FY2026");
    let app = App::start(dir.path()).await;
    app.wait_for(".assessments").await;
    app.click(&format!("tr[data-id='{id}'] [data-action='open']")).await;
    app.wait_hash(&format!("#/a/{id}/item/I-1")).await;
    app.click("input[data-field='rating'][value='partly']").await;
    app.wait_saved().await;

    // The command line (another program) adds evidence while the app shows I-1.
    Store::open(&db)
        .unwrap()
        .edit_answer(id, "I-1", |a| {
            a.evidence.push(Evidence { name: "CLIで追加した規程".into(), ..Default::default() });
            Ok(())
        })
        .unwrap();
    app.type_into("[data-field='description']", "画面で入力した説明").await;
    let dialog = app.wait_for("dialog.modal table.conflict").await;
    let text = dialog.text().await.unwrap();
    assert!(text.contains("CLIで追加した規程"), "the stored answer is shown: {text}");
    assert!(text.contains("画面で入力した説明"), "what was typed is shown: {text}");
    app.screenshot_here("storage-conflict").await;
    app.click("dialog.modal button[value='typed']").await;
    app.wait_saved().await;
    app.close().await;
    let stored = Store::open(&db).unwrap().answers(id).unwrap().remove(0);
    assert_eq!(stored.description, "画面で入力した説明");
    assert!(stored.evidence.is_empty(), "the user chose to keep what they typed, knowingly");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_database_offers_the_newest_backup_and_restores_it() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let (_, id) = seed::company_with_empty_assessment(&db, "FY2026");
    let snap = Store::open(&db).unwrap().back_up(BackupReason::Manual).unwrap();
    let mut data = std::fs::read(&db).unwrap();
    data[18] = 9; // a flipped header byte
    std::fs::write(&db, &data).unwrap();

    let app = App::start(dir.path()).await;
    app.wait_for(".fatal").await;
    app.wait_for("[data-action='restore-newest']").await;
    let text = app.text(".restore-offer").await;
    assert!(text.contains("A good backup") && text.contains("1 assessments"), "{text}");
    app.screenshot_here("storage-restore-offer").await;
    app.click("[data-action='restore-newest']").await;
    app.click("dialog.modal button[value='ok']").await;
    app.wait_for(&format!("tr[data-id='{id}']")).await;
    app.close().await;
    assert_eq!(Store::open(&db).unwrap().list_assessments().unwrap().len(), 1);
    let kept: Vec<_> = std::fs::read_dir(dir.path().join("backups")).unwrap().flatten().collect();
    assert!(
        kept.iter().any(|e| e.file_name().to_string_lossy().starts_with("replaced-")),
        "the damaged file is kept: {kept:?}"
    );
    assert!(kept.iter().any(|e| e.file_name().to_string_lossy() == snap.name));
}

/// The day's automatic backup cannot be made (here: a file named `backups` where its folder
/// goes): the change is saved, and the window says the backup is missing and what to do.
#[tokio::test(flavor = "multi_thread")]
async fn a_failed_automatic_backup_is_told_in_both_languages() {
    let _one = serial().await;
    for lang in ["en", "ja"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db.sqlite3");
        let (_, id) = seed::company_with_empty_assessment(&db, "FY2026");
        Store::open(&db).unwrap().set_setting("language", lang).unwrap();
        let _ = std::fs::remove_dir_all(dir.path().join("backups"));
        std::fs::write(dir.path().join("backups"), "not a folder").unwrap();
        let app = App::start(dir.path()).await;
        app.goto(&format!("/a/{id}/item/I-1")).await;
        app.click("input[data-field='rating'][value='partly']").await;
        app.wait_saved().await;
        let said = app.text(".toast-warning").await;
        for piece in support::template_pieces(&support::string(lang, "backups.failed")) {
            assert!(said.contains(&piece), "{lang}: {piece:?} in {said}");
        }
        assert!(said.contains("backup folder"), "the reason is named: {said}");
        app.close().await;
        let saved = Store::open(&db).unwrap().record(id).unwrap();
        assert_eq!(saved.answer("I-1").unwrap().rating, Some(csr_core::model::Rating::Partly), "the change was saved");
    }
}
