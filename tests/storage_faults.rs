//! Faults a careful user and bad luck bring to the database file: header values, damaged
//! rows, stale logs, two writers, FIFOs, foreign schemas; and backups and restore.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;
use csr_core::model::{Answer, Evidence, Rating};
use csr_core::store::{self, migrations, BackupReason};
use csr_core::{Error, Store};
use rusqlite::Connection;

const BIN: &str = env!("CARGO_BIN_EXE_csr-assess");

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

fn sibling(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

fn cli(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN).arg("--db").arg(db).args(args).env_remove("CSR_ASSESS_DB").output().unwrap()
}

/// A closed database with one fully answered assessment.
fn closed_db() -> (tempfile::TempDir, PathBuf) {
    let (dir, mut store) = temp_store();
    fully_answered(&mut store);
    drop(store);
    let path = db_path(&dir);
    (dir, path)
}

fn set_header(path: &Path, at: usize, value: &[u8]) {
    let mut data = bytes(path);
    data[at..at + value.len()].copy_from_slice(value);
    std::fs::write(path, data).unwrap();
}

#[test]
fn no_header_value_panics_and_damage_is_named() {
    let (_dir, path) = closed_db();
    let good = bytes(&path);
    // user_version is bytes 60..64, a signed 32-bit number.
    for (value, kind) in [(-5i32, "corrupt_database"), (i32::MIN, "corrupt_database"), (i32::MAX, "newer_database")] {
        set_header(&path, 60, &value.to_be_bytes());
        let err = Store::open(&path, csr_core::Catalog::get()).err().expect("refused");
        assert_eq!(err.kind(), kind, "user_version {value}: {err}");
        let out = cli(&path, &["list"]);
        assert_eq!(out.status.code(), Some(1), "user_version {value}: the CLI fails cleanly, no panic");
        std::fs::write(&path, &good).unwrap();
    }
    // Byte 18 (write version): SQLite alone would open read-only and blame the folder.
    // Byte 47 (schema format), 21 (payload fraction), 16 (page size).
    for (at, value) in [(18, 7u8), (47, 0x44), (21, 0), (16, 0x03)] {
        set_header(&path, at, &[value]);
        let err = Store::open(&path, csr_core::Catalog::get()).err().expect("refused");
        assert!(matches!(err, Error::CorruptDatabase { .. }), "byte {at}: {err:?}");
        assert!(err.to_string().contains("Restore the newest good backup"), "byte {at}: {err}");
        std::fs::write(&path, &good).unwrap();
    }
    // The last byte cut off: not a whole number of pages.
    std::fs::write(&path, &good[..good.len() - 1]).unwrap();
    assert_eq!(Store::open(&path, csr_core::Catalog::get()).err().expect("refused").kind(), "corrupt_database");
    std::fs::write(&path, &good).unwrap();
    Store::open(&path, csr_core::Catalog::get()).expect("the good file opens again");
}

#[test]
fn a_row_with_invalid_utf8_is_damage_and_stops_writes() {
    let (_dir, path) = closed_db();
    let conn = Connection::open(&path).unwrap();
    conn.execute("UPDATE answer SET description = CAST(X'C328E3' AS TEXT) WHERE item_id = 'I-2'", []).unwrap();
    drop(conn);
    let mut store = Store::open(&path, csr_core::Catalog::get()).expect("opening reads no answer rows");
    let err = store.record(1).err().expect("the damaged row is not returned as data");
    assert!(matches!(err, Error::CorruptDatabase { .. }), "{err:?}");
    // Once damage is seen, nothing more is written, even to an undamaged row.
    let before = bytes(&path);
    let mut answer = Answer::new("I-1");
    answer.rating = Some(Rating::Full);
    let err = store.save_answer(1, &answer).err().expect("writes stop");
    assert_eq!(err.kind(), "corrupt_database", "{err}");
    assert!(store.set_setting("lang", "ja").is_err());
    drop(store);
    assert_eq!(bytes(&path), before, "the damaged file is not written to");
    let out = cli(&path, &["show", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("damaged"), "{out:?}");
}

#[test]
fn a_flipped_byte_inside_a_row_is_named_as_damage() {
    let (dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    store
        .edit_answer(id, "II-3", |a| {
            a.description = "Minimum age checked at hiring: ID card copy filed".into();
            Ok(())
        })
        .unwrap();
    drop(store);
    let path = db_path(&dir);
    let mut data = bytes(&path);
    let at = data.windows(11).position(|w| w == b"Minimum age").expect("the text is in the file");
    data[at] = b'N'; // one byte, still valid text: SQLite alone would return it as data
    std::fs::write(&path, &data).unwrap();
    let store = Store::open(&path, csr_core::Catalog::get()).unwrap();
    let err = store.record(id).err().expect("the changed row is not returned as data");
    assert!(matches!(err, Error::CorruptDatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("checksum"), "{err}");
    assert_eq!(store.damage().is_some(), true, "writes stop");
}

#[test]
fn a_dropped_table_or_a_foreign_schema_is_refused_not_migrated() {
    let (_dir, path) = closed_db();
    Connection::open(&path).unwrap().execute_batch("DROP TABLE part2_answer").unwrap();
    let err = Store::open(&path, csr_core::Catalog::get()).err().expect("refused");
    assert!(matches!(err, Error::CorruptDatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("part2_answer"), "{err}");

    // Our application id, layout 0, and someone else's tables: never write ours into it.
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.sqlite3");
    let conn = Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE invoices(id, total); INSERT INTO invoices VALUES (1, 100);").unwrap();
    conn.pragma_update(None, "application_id", store::APPLICATION_ID).unwrap();
    drop(conn);
    let before = bytes(&other);
    let err = Store::open(&other, csr_core::Catalog::get()).err().expect("refused");
    assert_eq!(err.kind(), "foreign_database", "{err}");
    assert_eq!(bytes(&other), before);
}

#[test]
fn a_fifo_or_a_folder_at_the_database_path_is_refused_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder.sqlite3");
    std::fs::create_dir(&folder).unwrap();
    assert_eq!(Store::open(&folder, csr_core::Catalog::get()).err().unwrap().kind(), "not_a_database");
    if !cfg!(unix) {
        eprintln!("skipped: the FIFO half of a_fifo_or_a_folder_at_the_database_path_is_refused_without_hanging: no FIFOs on Windows");
        return;
    }
    let fifo = dir.path().join("db.sqlite3");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let mut child = Command::new(BIN).arg("--db").arg(&fifo).arg("list").spawn().unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("the CLI hangs on a FIFO");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(1));
    assert_eq!(Store::open(&fifo, csr_core::Catalog::get()).err().unwrap().kind(), "not_a_database");
}

#[test]
fn durability_settings_are_in_force_and_a_clean_close_leaves_one_file() {
    let (dir, mut store) = temp_store();
    fully_answered(&mut store);
    let (mode, sync, fullfsync) = store.durability_settings().unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(sync, 2, "synchronous=FULL");
    assert_eq!(fullfsync, cfg!(target_os = "macos"), "F_FULLFSYNC on macOS only");
    assert!(sibling(&db_path(&dir), "-wal").exists(), "a log while open");
    drop(store);
    assert!(!sibling(&db_path(&dir), "-wal").exists(), "no log is kept after a clean close");
    assert!(!sibling(&db_path(&dir), "-shm").exists());
}

/// Copies the database and its log as they are on disk now, as a crash would leave them.
fn crash_image(db: &Path, to: &Path) {
    std::fs::copy(db, to).unwrap();
    std::fs::copy(sibling(db, "-wal"), sibling(to, "-wal")).unwrap();
}

fn description(store: &Store, item: &str) -> String {
    store.answers(1).unwrap().into_iter().find(|a| a.item_id == item).map(|a| a.description).unwrap_or_default()
}

fn say(store: &mut Store, item: &str, text: &str) {
    store
        .edit_answer(1, item, |a| {
            a.description = text.into();
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_crash_log_is_replayed_but_a_stale_or_foreign_log_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.sqlite3");
    let mut store_a = Store::open(&a, csr_core::Catalog::get()).unwrap();
    fully_answered(&mut store_a);
    drop(store_a);
    let old_copy = bytes(&a); // a copy of A as a user might keep it
    let mut store_a = Store::open(&a, csr_core::Catalog::get()).unwrap();
    say(&mut store_a, "I-2", "A: a later session");
    drop(store_a); // folded into the file: the next log starts after this
    let mut store_a = Store::open(&a, csr_core::Catalog::get()).unwrap();
    say(&mut store_a, "I-1", "A: saved after the copy");

    // A crash image of A: its own log holds the last save, which must survive.
    let crashed = dir.path().join("crashed.sqlite3");
    crash_image(&a, &crashed);
    let store = Store::open(&crashed, csr_core::Catalog::get()).unwrap();
    assert_eq!(description(&store, "I-1"), "A: saved after the copy");
    drop(store);

    // The old copy put back beside A's crash log: the log continues a newer state.
    let put_back = dir.path().join("put-back.sqlite3");
    crash_image(&a, &put_back);
    std::fs::write(&put_back, &old_copy).unwrap();
    let store = Store::open(&put_back, csr_core::Catalog::get()).unwrap();
    assert_ne!(description(&store, "I-1"), "A: saved after the copy");
    store.verify().expect("sound, not a mix of two states");
    drop(store);
    assert!(has_stale_log(dir.path(), "put-back.sqlite3"), "the log is kept aside for support");

    // Another database's log beside A.
    let b = dir.path().join("b.sqlite3");
    let mut store_b = Store::open(&b, csr_core::Catalog::get()).unwrap();
    fully_answered(&mut store_b);
    say(&mut store_b, "I-1", "B: another database");
    drop(store_a);
    let a_before = bytes(&a);
    std::fs::copy(sibling(&b, "-wal"), sibling(&a, "-wal")).unwrap();
    let store = Store::open(&a, csr_core::Catalog::get()).unwrap();
    assert_eq!(description(&store, "I-1"), "A: saved after the copy");
    store.verify().unwrap();
    drop(store);
    assert!(has_stale_log(dir.path(), "a.sqlite3"));
    assert_eq!(Store::open(&a, csr_core::Catalog::get()).unwrap().record(1).unwrap().answers.len(), 47);
    let _ = a_before;
    drop(store_b);
}

fn has_stale_log(dir: &Path, db_name: &str) -> bool {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with(&format!("{db_name}-wal.stale-")))
}

#[test]
fn a_save_based_on_a_stale_revision_is_refused_and_loses_nothing() {
    let (dir, mut window_1) = temp_store();
    fully_answered(&mut window_1);
    let mut window_2 = Store::open(db_path(&dir), csr_core::Catalog::get()).unwrap();
    let mut seen_by_1 = window_1.answers(1).unwrap().remove(0);
    let mut seen_by_2 = window_2.answers(1).unwrap().remove(0);
    seen_by_2.evidence.push(Evidence { name: "added in window 2".into(), ..Default::default() });
    let receipt = window_2.save_answer(1, &seen_by_2).unwrap();
    assert_eq!(receipt.revision, Some(seen_by_2.revision.0.unwrap() + 1));
    seen_by_1.description = "typed in window 1".into();
    let err = window_1.save_answer(1, &seen_by_1).err().expect("refused");
    assert_eq!(err.kind(), "conflict", "{err}");
    assert!(err.to_string().contains("save again"), "{err}");
    let stored = window_1.answers(1).unwrap().remove(0);
    assert_eq!(stored.evidence.last().unwrap().name, "added in window 2", "the other save is kept");
    // Based on the stored revision, the same save goes through.
    seen_by_1.revision = stored.revision;
    window_1.save_answer(1, &seen_by_1).unwrap();
}

#[test]
fn concurrent_command_line_edits_of_one_answer_all_survive() {
    let (dir, mut store) = temp_store();
    fully_answered(&mut store);
    drop(store);
    let db = db_path(&dir);
    let writers: Vec<_> = (0..24)
        .map(|n| {
            Command::new(BIN)
                .arg("--db")
                .arg(&db)
                .args(["answer", "1", "I-3", "--evidence", &format!("document {n}")])
                .env_remove("CSR_ASSESS_DB")
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut w in writers {
        assert!(w.wait().unwrap().success());
    }
    let store = Store::open(&db, csr_core::Catalog::get()).unwrap();
    let evidence = store.answers(1).unwrap().into_iter().find(|a| a.item_id == "I-3").unwrap().evidence;
    assert_eq!(evidence.len(), 1 + 24, "no addition is lost: {evidence:?}");
}

#[test]
fn backup_then_restore_round_trip() {
    let (dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let before = store.record(id).unwrap();
    let snap = store.back_up(BackupReason::Manual).unwrap();
    assert_eq!((snap.assessments, snap.answers), (1, 47));
    assert!(snap.path.starts_with(dir.path().join("backups")));
    store.delete_assessment(id).unwrap();
    assert!(store.list_assessments().unwrap().is_empty());
    let list = store.backups();
    assert!(list.iter().any(|s| s.reason == "before-delete"), "{list:?}");
    let store = store.restore_backup(&snap.name, None).unwrap();
    assert_eq!(store.record(id).unwrap().answers, before.answers);
    assert!(store.backups().iter().any(|s| s.reason == "before-restore" && s.assessments == 0));
    drop(store);
    // The CLI lists and restores too, even over a damaged database.
    let db = db_path(&dir);
    let listed = String::from_utf8(cli(&db, &["backups"]).stdout).unwrap();
    assert!(listed.contains(&snap.name), "{listed}");
    let mut data = bytes(&db);
    data[16] = 0x03; // damaged header
    std::fs::write(&db, data).unwrap();
    let out = cli(&db, &["restore-backup", &snap.name]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(Store::open(&db, csr_core::Catalog::get()).unwrap().record(id).unwrap().answers, before.answers);
    let kept = std::fs::read_dir(dir.path().join("backups")).unwrap().flatten();
    assert!(kept.into_iter().any(|e| e.file_name().to_string_lossy().starts_with("replaced-")));
    let out = cli(&db, &["restore-backup", "../../etc/passwd"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn the_first_change_of_a_day_and_an_update_take_a_snapshot() {
    let (dir, mut store) = temp_store();
    fully_answered(&mut store);
    assert!(store.backups().iter().any(|s| s.reason == "daily"));
    drop(store);
    // A database of the previous layout: opening it updates it, after a snapshot.
    let old = dir.path().join("old.sqlite3");
    let mut conn = Connection::open(&old).unwrap();
    conn.pragma_update(None, "application_id", store::APPLICATION_ID).unwrap();
    migrations::migrate_to(&mut conn, 1).unwrap();
    drop(conn);
    Store::open(&old, csr_core::Catalog::get()).unwrap();
    assert!(store::backup::list(&old).iter().any(|s| s.reason == "before-update"));
}

fn can_mount(dir: &Path) -> bool {
    Command::new("unshare")
        .args(["--mount", "--map-root-user", "sh", "-c", "mount -t tmpfs tmpfs \"$0\"", dir.to_str().unwrap()])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn a_database_on_a_read_only_folder_is_shown_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let media = dir.path().join("usb");
    std::fs::create_dir(&media).unwrap();
    if !cfg!(target_os = "linux") {
        eprintln!("skipped: a_database_on_a_read_only_folder_is_shown_and_exported: needs Linux (unshare and mount)");
        return;
    }
    if !can_mount(&media) {
        assert!(!is_root(), "root can always bind-mount read-only");
        eprintln!("skipped: cannot mount here; run as root to include this test");
        return;
    }
    let mut store = Store::open(media.join("db.sqlite3"), csr_core::Catalog::get()).unwrap();
    fully_answered(&mut store);
    drop(store);
    let out_file = dir.path().join("out.json");
    let script = r#"
        set -u
        mount --bind "$MEDIA" "$MEDIA" && mount -o remount,ro,bind "$MEDIA" || exit 90
        "$BIN" --db "$MEDIA/db.sqlite3" list > /dev/null || exit 91
        "$BIN" --db "$MEDIA/db.sqlite3" export 1 --output "$OUT" || exit 92
        "$BIN" --db "$MEDIA/db.sqlite3" answer 1 I-1 --rating partly
        echo "answer_exit=$?"
        "#;
    let out = Command::new("unshare")
        .args(["--mount", "--map-root-user", "sh", "-c", script])
        .env("MEDIA", &media)
        .env("BIN", BIN)
        .env("OUT", &out_file)
        .env_remove("CSR_ASSESS_DB")
        .output()
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{:?}: {stdout}\n{stderr}", out.status.code());
    assert!(std::fs::read_to_string(&out_file).unwrap().contains("I-1"));
    assert!(stdout.contains("answer_exit=1"), "{stdout}");
    assert!(stderr.contains("opened for reading only"), "{stderr}");
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn the_path_naming_another_file_stops_writes_through_the_old_connection() {
    let (dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let db = db_path(&dir);
    // Another program puts a copy in its place (here: a backup, restored by hand).
    let snap = store.back_up(BackupReason::Manual).unwrap();
    let moved = dir.path().join("moved.sqlite3");
    if cfg!(windows) {
        // Windows refuses to move a file another program holds open (a sharing violation),
        // so no program can put a copy in its place while the app has it open.
        let refused = std::fs::rename(&db, &moved).unwrap_err();
        assert_eq!(refused.raw_os_error(), Some(32), "{refused}");
        eprintln!("skipped: the rest of the_path_naming_another_file_…: Windows refuses to move an open file");
        return;
    }
    std::fs::rename(&db, &moved).unwrap();
    std::fs::copy(&snap.path, &db).unwrap();
    let before = (bytes(&db), bytes(&moved));
    let mut a = Answer::new("I-1");
    a.description = "typed after the file was replaced".into();
    let err = store.save_answer(id, &a).unwrap_err();
    assert_eq!(err.kind(), "database_replaced", "{err}");
    assert!(err.to_string().contains(&db.display().to_string()), "{err}");
    assert_eq!(bytes(&db), before.0, "the new file is untouched");
    drop(store);
    assert!(!String::from_utf8_lossy(&bytes(&moved)).contains("typed after"), "nor the moved one");
    let _ = before.1;
}

#[test]
fn a_restore_checks_the_backup_name_before_anything_else_and_says_which_is_missing() {
    let (dir, mut store) = temp_store();
    fully_answered(&mut store);
    drop(store);
    let db = db_path(&dir);
    let mut data = bytes(&db);
    data[16] = 0x03; // a damaged database: the name is still checked first
    std::fs::write(&db, &data).unwrap();
    for name in ["../../etc/passwd", "assessments-20990101T000000Z-manual.sqlite3", "replaced-x.sqlite3"] {
        let out = cli(&db, &["restore-backup", name]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains(&format!("There is no backup named \"{name}\"")), "{said}");
        assert!(!said.contains("is damaged"), "not the database's message: {said}");
        let err = store::restore_backup_at(&db, name, csr_core::Catalog::get(), None).err().expect("refused");
        assert_eq!(err.kind(), "backup_not_found");
    }
    assert_eq!(bytes(&db), data, "nothing was opened or moved");
}

#[test]
fn damage_found_is_marked_for_every_later_process_until_the_user_continues() {
    let (_dir, path) = closed_db();
    let conn = Connection::open(&path).unwrap();
    conn.execute("UPDATE answer SET description = 'changed behind the app' WHERE item_id = 'I-2'", []).unwrap();
    drop(conn);
    let out = cli(&path, &["show", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("is damaged: a value in it is not what was saved"), "{said}");
    assert!(said.contains("Details for support:"), "SQLite's words apart: {said}");
    assert!(!said.lines().next().unwrap().contains("Conversion error"), "no rusqlite text in the message: {said}");
    assert!(store::mark::read(&path).is_some(), "the mark stands beside the file");
    // A later process: reads still work (with a warning), writes are refused.
    let store = Store::open(&path, csr_core::Catalog::get()).unwrap();
    assert_eq!(store.damage_error().unwrap().kind(), "corrupt_database");
    assert_eq!(store.companies().unwrap().len(), 1);
    drop(store);
    let out = cli(&path, &["list"]);
    assert!(out.status.success() && String::from_utf8_lossy(&out.stderr).contains("warning"), "{out:?}");
    let out = cli(&path, &["continue-after-damage"]);
    assert_eq!(out.status.code(), Some(2), "the user must say they have a copy");
    let out = cli(&path, &["continue-after-damage", "--i-have-a-copy"]);
    assert!(out.status.success(), "{out:?}");
    assert!(store::mark::read(&path).is_none());
    let mut store = Store::open(&path, csr_core::Catalog::get()).unwrap();
    store.set_setting("language", "en").expect("saving works again");
    // The damaged row is still damaged: reading it marks the file again.
    assert_eq!(store.record(1).unwrap_err().kind(), "corrupt_database");
    assert!(store::mark::read(&path).is_some());
}

#[test]
fn settings_have_short_names_and_a_no_op_writes_nothing() {
    let (dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let err = store.set_setting(&"k".repeat(65), "x").unwrap_err();
    assert_eq!(err.kind(), "invalid", "{err}");
    assert!(store.set_setting("language", &"x".repeat(20_000)).is_err(), "values are limited too");
    store.set_setting("language", "ja").unwrap();
    let backups = || std::fs::read_dir(dir.path().join("backups")).unwrap().count();
    let before = backups();
    // Deleting what does not exist takes no backup (it used to push older ones out).
    for _ in 0..3 {
        assert_eq!(store.delete_assessment(999).unwrap_err().kind(), "not_found");
    }
    assert_eq!(backups(), before);
    store.delete_assessment(id).unwrap();
    assert_eq!(backups(), before + 1, "a real delete is backed up first");
    assert_eq!(store.delete_assessment(id).unwrap_err().kind(), "not_found");
    assert_eq!(backups(), before + 1);
}

#[test]
fn a_damaged_file_moved_away_takes_its_mark_with_it_for_a_new_database() {
    let (dir, path) = closed_db();
    let conn = Connection::open(&path).unwrap();
    conn.execute("UPDATE answer SET description = 'changed behind the app' WHERE item_id = 'I-2'", []).unwrap();
    drop(conn);
    let store = Store::open(&path, csr_core::Catalog::get()).unwrap();
    assert!(store.record(1).is_err());
    drop(store);
    assert!(store::mark::read(&path).is_some());
    // The user moves the damaged file away (to keep it for support) and starts afresh.
    std::fs::rename(&path, dir.path().join("damaged-copy.sqlite3")).unwrap();
    let mut store = Store::open(&path, csr_core::Catalog::get()).unwrap();
    assert!(store.damage().is_none());
    store.create_company(&japanese_profile()).expect("a new database saves");
}
