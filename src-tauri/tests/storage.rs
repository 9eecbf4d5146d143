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
    Store::open(&db, csr_core::Catalog::get())
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
    let stored = Store::open(&db, csr_core::Catalog::get()).unwrap().answers(id).unwrap().remove(0);
    assert_eq!(stored.description, "画面で入力した説明");
    assert!(stored.evidence.is_empty(), "the user chose to keep what they typed, knowingly");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_database_offers_the_newest_backup_and_restores_it() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let (_, id) = seed::company_with_empty_assessment(&db, "FY2026");
    let snap = Store::open(&db, csr_core::Catalog::get()).unwrap().back_up(BackupReason::Manual).unwrap();
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
    assert_eq!(Store::open(&db, csr_core::Catalog::get()).unwrap().list_assessments().unwrap().len(), 1);
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
        Store::open(&db, csr_core::Catalog::get()).unwrap().set_setting("language", lang).unwrap();
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
        let saved = Store::open(&db, csr_core::Catalog::get()).unwrap().record(id).unwrap();
        assert_eq!(saved.answer("I-1").unwrap().rating, Some(csr_core::model::Rating::Partly), "the change was saved");
    }
}

/// Makes the answer whose description holds `marker` read back as something else (one
/// character changed in every copy of its row: the live one, and stale ones a page split
/// left in free space). Opening and listing still work; the full check finds it.
fn alter_answer_text(db: &std::path::Path, marker: &str) {
    let mut data = std::fs::read(db).unwrap();
    let needle = marker.as_bytes();
    let mut found = 0;
    while let Some(at) = data.windows(needle.len()).position(|w| w == needle) {
        data[at] = b'X';
        found += 1;
    }
    assert!(found > 0, "{marker} is in the file");
    std::fs::write(db, &data).unwrap();
}

/// Damage that only the background check reads (an answer's text changed on disk): the
/// window shows the damage screen as soon as the check finds it, in the user's language;
/// the mark beside the file stops every other program's saves and survives a restart; "I
/// have a copy, continue" lifts it.
#[tokio::test(flavor = "multi_thread")]
async fn damage_found_by_the_background_check_shows_the_damage_screen_at_once() {
    let _one = serial().await;
    for lang in ["en", "ja"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db.sqlite3");
        let (company, id) = seed::company_with_empty_assessment(&db, "FY2026");
        {
            let mut store = Store::open(&db, csr_core::Catalog::get()).unwrap();
            store.set_setting("language", lang).unwrap();
            store
                .edit_answer(id, "I-2", |a| {
                    a.description = "qdamage-target: our policy is on the notice board".into();
                    Ok(())
                })
                .unwrap();
            // A newer assessment: the start reads the newest one's dates (what came due), so
            // the damage is in an older one, which only the background check reads.
            store.create_assessment(company, "FY2027").unwrap();
        }
        alter_answer_text(&db, "qdamage-target");

        let app = App::start(dir.path()).await;
        // The list draws first (it reads no answer's text); the check runs 3 s after start.
        app.wait_for(".assessments").await;
        let title = support::string(lang, "startup.damaged_title");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !app.page_text().await.contains(&title) {
            assert!(std::time::Instant::now() < deadline, "{lang}: the damage screen did not appear");
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        let text = app.text(".fatal").await;
        for key in ["error.corrupt_database.title", "startup.kept", "startup.continue"] {
            assert!(text.contains(&support::string(lang, key)), "{lang}: {key} in {text}");
        }
        app.screenshot_here(&format!("storage-damage-screen-{lang}")).await;
        // Another program (the command line) cannot save while the mark stands.
        assert!(csr_core::store::mark::read(&db).is_some(), "{lang}: the mark stands beside the file");
        let mut other = Store::open(&db, csr_core::Catalog::get()).unwrap();
        let refused = other.set_setting("guideline_view", "both").unwrap_err();
        assert_eq!(refused.kind(), "corrupt_database", "{lang}: {refused}");
        drop(other);
        app.close().await;

        // After a restart, the damage screen at once.
        let app = App::start(dir.path()).await;
        app.wait_for("[data-action='continue-after-damage']").await;
        app.click("[data-action='continue-after-damage']").await;
        app.click("dialog.modal button[value='ok']").await;
        app.wait_for(".assessments").await;
        app.close().await;
        assert!(csr_core::store::mark::read(&db).is_none(), "{lang}: the user chose to continue");
        Store::open(&db, csr_core::Catalog::get()).unwrap().set_setting("language", lang).expect("saving works again");
    }
}

/// While the app runs it holds the database: `csr-assess restore-backup` (here the core's
/// own restore, from another process) and a second app are refused, and nothing is moved.
#[tokio::test(flavor = "multi_thread")]
async fn a_restore_from_elsewhere_is_refused_while_the_app_runs() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let (_, id) = seed::company_with_empty_assessment(&db, "FY2026");
    let snap = Store::open(&db, csr_core::Catalog::get()).unwrap().back_up(BackupReason::Manual).unwrap();
    let app = App::start(dir.path()).await;
    app.wait_for(".assessments").await;
    let err = csr_core::store::restore_backup_at(&db, &snap.name, csr_core::Catalog::get(), None).err().expect("refused");
    assert_eq!(err.kind(), "database_in_use", "{err}");
    assert_eq!(csr_core::store::Session::take(&db).unwrap_err().kind(), "database_in_use", "a second app is refused");
    assert!(!dir.path().join("backups").read_dir().unwrap().flatten().any(|e| e.file_name().to_string_lossy().starts_with("replaced-")));
    // The app itself still saves into the file it opened.
    app.goto(&format!("/a/{id}/item/I-1")).await;
    app.click("input[data-field='rating'][value='partly']").await;
    app.wait_saved().await;
    app.close().await;
    let saved = Store::open(&db, csr_core::Catalog::get()).unwrap().record(id).unwrap();
    assert_eq!(saved.answer("I-1").unwrap().rating, Some(csr_core::model::Rating::Partly));
    // Closed, the restore goes through.
    csr_core::store::restore_backup_at(&db, &snap.name, csr_core::Catalog::get(), None).ok().expect("restored once the app is closed");
}

/// Damage in the newest assessment is read at start (what came due reads its dates): the
/// damage screen appears and stays, though the list finishes drawing after it (it once drew
/// over the damage screen, and the background check, having been told already, said nothing).
#[tokio::test(flavor = "multi_thread")]
async fn damage_read_at_start_keeps_the_damage_screen_over_the_list() {
    let _one = serial().await;
    for lang in ["en", "ja"] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db.sqlite3");
        let (_, id) = seed::company_with_empty_assessment(&db, "FY2026");
        {
            let mut store = Store::open(&db, csr_core::Catalog::get()).unwrap();
            store.set_setting("language", lang).unwrap();
            store
                .edit_answer(id, "I-2", |a| {
                    a.description = "qdamage-target: read at start".into();
                    Ok(())
                })
                .unwrap();
        }
        alter_answer_text(&db, "qdamage-target");
        let app = App::start(dir.path()).await;
        let title = support::string(lang, "startup.damaged_title");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !app.page_text().await.contains(&title) {
            assert!(std::time::Instant::now() < deadline, "{lang}: the damage screen did not appear");
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        }
        // Past the background check's first run (3 s after start): still the damage screen.
        tokio::time::sleep(std::time::Duration::from_secs(4)).await;
        assert!(app.page_text().await.contains(&title), "{lang}: the damage screen stayed");
        assert!(app.find_all(".assessments").await.is_empty(), "{lang}: no list drawn over it");
        app.close().await;
    }
}
