//! Storage: identity checks at open, migrations, saves, carry-forward, status, bin.

mod common;

use common::*;
use csr_core::model::{Answer, Rating, Status};
use csr_core::store::{migrations, APPLICATION_ID};
use csr_core::{Error, Store};
use rusqlite::Connection;

fn bytes(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

#[test]
fn a_new_database_is_ours_current_and_durable() {
    let (dir, store) = temp_store();
    // Durable is what the open connection does on every commit: WAL, synchronous=FULL (2),
    // and on macOS fullfsync (without which macOS does not flush to the disk). These are
    // settings of the connection, not of the file: ask the store that saves.
    let (mode, sync, fullfsync) = store.durability_settings().unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(sync, 2, "synchronous=FULL: a save reported as done is on disk");
    assert_eq!(fullfsync, cfg!(target_os = "macos"), "F_FULLFSYNC where the OS needs it");
    drop(store);
    let conn = Connection::open(db_path(&dir)).unwrap();
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(app, APPLICATION_ID);
    assert_eq!(version, migrations::latest());
    assert_eq!(mode, "wal", "the file stays in WAL mode once closed");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite3");
    std::fs::write(&path, "Meeting notes: call NEC on Monday.\n").unwrap();
    let before = bytes(&path);
    let err = Store::open(&path, csr_core::Catalog::get()).err().expect("refused");
    assert!(matches!(err, Error::NotADatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("not an assessment database"), "{err}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn another_programs_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);",
        )
        .unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path, csr_core::Catalog::get()).err().expect("refused");
    assert!(matches!(err, Error::ForeignDatabase { .. }), "{err:?}");
    assert_eq!(bytes(&path), before);
    // Also one that claims another application id.
    let path2 = dir.path().join("other2.sqlite3");
    Connection::open(&path2).unwrap().pragma_update(None, "application_id", 1234).unwrap();
    let before = bytes(&path2);
    assert!(matches!(Store::open(&path2, csr_core::Catalog::get()), Err(Error::ForeignDatabase { .. })));
    assert_eq!(bytes(&path2), before);
}

#[test]
fn a_damaged_database_is_refused_and_left_alone() {
    let (dir, mut store) = temp_store();
    fully_answered(&mut store);
    drop(store);
    let path = db_path(&dir);
    // Fold the WAL into the main file, then damage the header of every page after the
    // first, as a failing disk or a bad copy would.
    Connection::open(&path).unwrap().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    let mut data = bytes(&path);
    let page = 4096;
    assert!(data.len() > 3 * page, "the database spans several pages");
    for start in (page..data.len()).step_by(page) {
        data[start..start + 12].fill(0xA5);
    }
    std::fs::write(&path, &data).unwrap();
    let err = Store::open(&path, csr_core::Catalog::get()).err().expect("refused");
    assert!(matches!(err, Error::CorruptDatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("damaged"), "{err}");
    assert_eq!(bytes(&path), data, "never overwritten");
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let (dir, store) = temp_store();
    drop(store);
    let path = db_path(&dir);
    Connection::open(&path).unwrap().pragma_update(None, "user_version", migrations::latest() + 1).unwrap();
    let before = bytes(&path);
    let err = Store::open(&path, csr_core::Catalog::get()).err().expect("refused");
    assert!(matches!(err, Error::NewerDatabase { .. }), "{err:?}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn every_earlier_schema_version_upgrades_and_keeps_its_data() {
    for version in 0..migrations::latest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite3");
        {
            let mut conn = Connection::open(&path).unwrap();
            if version > 0 {
                conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
            }
            migrations::migrate_to(&mut conn, version).unwrap();
        }
        let store = Store::open(&path, csr_core::Catalog::get()).unwrap();
        assert_eq!(store.schema_version().unwrap(), migrations::latest(), "from version {version}");
    }
    // Databases written by released versions (tests/fixtures/schema-vN.sqlite3), opened
    // from a copy so the fixture itself never changes.
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut opened = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap_or_else(|e| panic!("{fixtures:?}: {e}")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "sqlite3") {
            opened += 1;
            let dir = tempfile::tempdir().unwrap();
            let copy = dir.path().join("fixture.sqlite3");
            std::fs::copy(entry.path(), &copy).unwrap();
            let store = Store::open(&copy, csr_core::Catalog::get()).unwrap();
            assert_eq!(store.schema_version().unwrap(), migrations::latest());
            let list = store.list_assessments().unwrap();
            assert!(!list.is_empty(), "{:?} keeps its assessments", entry.path());
            let record = store.record(list[0].id).unwrap();
            assert_eq!(record.answers.len(), 47, "{:?} keeps every answer", entry.path());
            assert!(record.answers.iter().all(|a| a.description.contains("の取り組み")));
            assert!(record.assessment.declaration.is_complete());
        }
    }
    assert!(opened >= 1, "no schema-vN.sqlite3 fixture in {fixtures:?}");
}

#[test]
fn answers_round_trip_in_catalog_order() {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let stored = store.answers(id).unwrap();
    let expected = full_answers();
    assert_eq!(stored.len(), 47);
    for (s, e) in stored.iter().zip(&expected) {
        let mut s = s.clone();
        assert!(s.updated_at.take().is_some());
        assert_eq!(&s, e);
    }
    assert_eq!(store.part2_answers(id).unwrap().len(), 6);
    assert_eq!(store.assessment(id).unwrap().declaration, declaration());
}

#[test]
fn an_emptied_answer_is_removed_and_unknown_items_are_refused() {
    let (_dir, mut store) = temp_store();
    let company = store.create_company(&japanese_profile()).unwrap();
    let id = store.create_assessment(company.id, "FY2026").unwrap().id;
    let mut a = Answer::new("II-3");
    a.description = "Age check at hiring".into();
    store.save_answer(id, &a).unwrap();
    assert_eq!(store.answers(id).unwrap().len(), 1);
    store.save_answer(id, &Answer::new("II-3")).unwrap();
    assert!(store.answers(id).unwrap().is_empty());
    let err = store.save_answer(id, &Answer::new("VIII-1")).unwrap_err();
    assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
    let mut bad = Answer::new("II-3");
    bad.action_plan.due = Some("2026-02-30".into());
    let err = store.save_answer(id, &bad).unwrap_err();
    assert!(err.to_string().contains("not a calendar date"), "{err}");
    assert!(store.answers(id).unwrap().is_empty(), "a refused save writes nothing");
    assert!(matches!(store.save_answer(999, &a), Err(Error::NotFound { .. })));
}

#[test]
fn what_users_type_is_kept_even_when_unfinished() {
    let (_dir, mut store) = temp_store();
    let mut profile = japanese_profile();
    profile.contact_email = "hanako@".into();
    profile.address.clear();
    let company = store.create_company(&profile).unwrap();
    assert_eq!(store.company(company.id).unwrap().profile, profile);
    let problems: Vec<String> = profile.problems().iter().map(|p| format!("{}:{}", p.field, p.problem)).collect();
    assert_eq!(problems, ["address:missing", "contact_email:malformed"]);
    let id = store.create_assessment(company.id, "FY2026").unwrap().id;
    let mut a = Answer::new("I-2");
    a.rating = Some(Rating::NotApplicable); // no reason yet: saved, reported by the check
    store.save_answer(id, &a).unwrap();
    assert_eq!(store.answers(id).unwrap()[0].rating, Some(Rating::NotApplicable));
    let mut p = csr_core::model::Part2Answer::new("climate-change");
    p.disclosures.insert("co2_amount".into(), "about 120".into());
    store.save_part2(id, &p).unwrap();
    assert_eq!(store.part2_answers(id).unwrap()[0].disclosures["co2_amount"], "about 120");
}

#[test]
fn carrying_forward_copies_answers_to_reconfirm_but_not_the_signature() {
    let (_dir, mut store) = temp_store();
    let last_year = fully_answered(&mut store);
    let this_year = store.create_assessment_from(last_year, "2026年度").unwrap();
    assert_eq!(this_year.carried_from, Some(last_year));
    assert_eq!(this_year.status, Status::Draft);
    assert_eq!(this_year.declaration, Default::default());
    let answers = store.answers(this_year.id).unwrap();
    assert_eq!(answers.len(), 47);
    assert!(answers.iter().all(|a| a.to_reconfirm));
    assert!(store.part2_answers(this_year.id).unwrap().iter().all(|a| a.to_reconfirm));
    // Touching an answer (saving it, changed or not) confirms it.
    store.save_answer(this_year.id, &answers[0]).unwrap();
    let answers = store.answers(this_year.id).unwrap();
    assert!(!answers[0].to_reconfirm);
    assert_eq!(answers.iter().filter(|a| a.to_reconfirm).count(), 46);
    // Last year's answers are untouched.
    assert!(store.answers(last_year).unwrap().iter().all(|a| !a.to_reconfirm));
    let list = store.list_assessments().unwrap();
    let row = list.iter().find(|s| s.id == this_year.id).unwrap();
    // The list counts everything still to re-confirm: 46 items and the carried Part 2 policies.
    let policies = store.part2_answers(this_year.id).unwrap().len();
    assert!(policies > 0);
    assert_eq!(row.to_reconfirm, 46 + policies);
}

#[test]
fn a_whole_group_is_confirmed_still_true_at_once_and_nothing_else_changes() {
    let (_dir, mut store) = temp_store();
    let last_year = fully_answered(&mut store);
    let id = store.create_assessment_from(last_year, "FY2026").unwrap().id;
    let before = store.answers(id).unwrap();
    let group_i: Vec<String> = before.iter().filter(|a| a.item_id.starts_with("I-")).map(|a| a.item_id.clone()).collect();
    assert!(group_i.len() > 1, "group I has several items");
    let policy = store.part2_answers(id).unwrap()[0].policy_id.clone();
    store.confirm_unchanged(id, &group_i, &[policy.clone()]).unwrap();
    let after = store.answers(id).unwrap();
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(a.to_reconfirm, !group_i.contains(&a.item_id), "{}", a.item_id);
        assert_eq!((&a.rating, &a.description, &a.evidence), (&b.rating, &b.description, &b.evidence), "content kept");
    }
    assert!(!store.part2_answers(id).unwrap().iter().find(|p| p.policy_id == policy).unwrap().to_reconfirm);
    // An unknown id is refused and nothing is written.
    let e = store.confirm_unchanged(id, &["II-1".into(), "IX-9".into()], &[]).unwrap_err();
    assert!(matches!(e, Error::NotFound { .. }), "{e}");
    assert!(store.answers(id).unwrap().iter().find(|a| a.item_id == "II-1").unwrap().to_reconfirm);
}

#[test]
fn a_change_to_a_submitted_assessment_makes_it_a_draft_and_says_so() {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let now = csr_core::clock::now();
    store.submit_with(id, &now, |_| Ok(()), |_| Ok(()), |_| {}).unwrap();
    let submitted = store.assessment(id).unwrap();
    assert_eq!(submitted.status, Status::Submitted);
    assert_eq!(submitted.submitted_at.as_deref(), Some(now.as_str()));
    let mut a = Answer::new("I-1");
    a.rating = Some(Rating::Full);
    let receipt = store.save_answer(id, &a).unwrap();
    assert_eq!(receipt.reverted_from, Some(Status::Submitted));
    assert_eq!(receipt.status, Status::Draft);
    assert_eq!(store.assessment(id).unwrap().status, Status::Draft);
    let again = store.save_answer(id, &a).unwrap();
    assert_eq!(again.reverted_from, None);
    // Remembering the position is not a change.
    store.set_status(id, Status::Ready).unwrap();
    store.set_position(id, "item:III-4").unwrap();
    let a = store.assessment(id).unwrap();
    assert_eq!((a.status, a.position.as_deref()), (Status::Ready, Some("item:III-4")));
}

#[test]
fn a_failed_write_during_submission_rolls_the_status_back() {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let seen = std::cell::Cell::new(None);
    let e = store
        .submit_with(
            id,
            &csr_core::clock::now(),
            |_| Ok(()),
            |record| -> csr_core::Result<()> {
                // The writer sees the record as submitted...
                seen.set(Some(record.assessment.status));
                Err(csr_core::Error::DiskFull)
            },
            |_| {},
        )
        .unwrap_err();
    assert_eq!(e.kind(), "disk_full");
    assert_eq!(seen.get(), Some(Status::Submitted));
    // ...but as the write failed, nothing of it stays.
    let a = store.assessment(id).unwrap();
    assert_eq!((a.status, a.submitted_at), (Status::Draft, None));
    // And the store is usable afterwards (no transaction left open).
    store.set_position(id, "review").unwrap();
}

#[test]
fn delete_moves_to_the_bin_and_restore_brings_back() {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    store.delete_assessment(id).unwrap();
    assert!(store.list_assessments().unwrap().is_empty());
    assert!(matches!(store.assessment(id), Err(Error::NotFound { .. })));
    let restored = store.restore_assessment(id).unwrap();
    assert_eq!(restored.id, id);
    assert_eq!(store.answers(id).unwrap().len(), 47);
    assert!(matches!(store.restore_assessment(id), Err(Error::NotFound { .. })));
}

#[test]
fn list_shows_completeness_and_renames_stick() {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let list = store.list_assessments().unwrap();
    assert_eq!(list.len(), 1);
    let row = &list[0];
    assert_eq!((row.company_name.as_str(), row.period.as_str()), ("株式会社さくら精密工業", "2025年度"));
    assert_eq!((row.answered + row.not_applicable, row.total, row.completeness), (47, 47, 100));
    store.rename_assessment(id, "FY2025").unwrap();
    assert_eq!(store.list_assessments().unwrap()[0].period, "FY2025");
    assert!(matches!(store.rename_assessment(id, "   "), Err(Error::Invalid { .. })));
}

#[test]
fn settings_are_remembered_across_opens() {
    let (dir, mut store) = temp_store();
    store.set_setting("language", "ja").unwrap();
    drop(store);
    let store = Store::open(db_path(&dir), csr_core::Catalog::get()).unwrap();
    assert_eq!(store.setting("language").unwrap().as_deref(), Some("ja"));
    assert_eq!(store.setting("missing").unwrap(), None);
}
