//! The ways to lose data that issue 22 found, each played as a user (or bad luck) plays it,
//! through the command line: two restores of a damaged file in one second, a restore while
//! the app holds the database, damage seen by one command and a write by the next, a log
//! written by another program, a half-zeroed page, a backup with altered values.
//!
//! Every fixture is made through the command line too, so `CSR_ASSESS_BIN=/path/to/an/older/
//! csr-assess cargo test --test data_loss` plays the same scenes against another build (each
//! of these failed against the build before issue 22).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::*;
use csr_core::Catalog;
use sha2::{Digest, Sha256};

fn bin() -> PathBuf {
    std::env::var_os("CSR_ASSESS_BIN").map(PathBuf::from).unwrap_or_else(|| env!("CARGO_BIN_EXE_csr-assess").into())
}

fn cli(db: &Path, args: &[&str]) -> Output {
    Command::new(bin()).arg("--db").arg(db).args(args).env_remove("CSR_ASSESS_DB").output().unwrap()
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = cli(db, args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn sha(path: &Path) -> String {
    Sha256::digest(std::fs::read(path).unwrap()).iter().map(|b| format!("{b:02x}")).collect()
}

fn sibling(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// A closed database holding one fully answered assessment, imported through the command
/// line from an interchange file (the format every build since version 2 reads).
fn answered_db(dir: &Path) -> PathBuf {
    let db = dir.join("assessments.sqlite3");
    let (_tmp, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let json = csr_core::interchange::export(&store.record(id).unwrap(), Catalog::get());
    let file = dir.join("answers.json");
    std::fs::write(&file, json).unwrap();
    ok(&db, &["import", file.to_str().unwrap()]);
    assert!(!sibling(&db, "-wal").exists(), "a closed database is one file");
    db
}

/// The name of the newest snapshot, from `backups --json`.
fn newest_backup(db: &Path) -> String {
    let listed: serde_json::Value = serde_json::from_str(&ok(db, &["backups", "--json"])).unwrap();
    listed[0]["name"].as_str().unwrap().to_string()
}

/// The offset of `needle` in the file (the first occurrence).
fn find(data: &[u8], needle: &[u8]) -> usize {
    data.windows(needle.len()).position(|w| w == needle).unwrap_or_else(|| panic!("{needle:?} is in the file"))
}

/// Makes the answer to II-3 say "II-4について…" (still text, another answer's words) in
/// every copy of its row in the file: the live row, and the stale copies a page split
/// leaves in free space.
fn alter_ii_3(data: &mut [u8]) {
    // Its reason for "not applicable" ends with 。 just before: no other row reads so.
    let needle = "。II-3について".as_bytes();
    let mut found = 0;
    while let Some(at) = data.windows(needle.len()).position(|w| w == needle) {
        data[at + 3 + 3] = b'4';
        found += 1;
    }
    assert!(found > 0, "the answer to II-3 is in the file");
}

fn page_size(data: &[u8]) -> usize {
    match u16::from_be_bytes([data[16], data[17]]) {
        1 => 65_536,
        n => n as usize,
    }
}

fn kept_copies(dir: &Path) -> Vec<PathBuf> {
    let mut kept: Vec<PathBuf> = std::fs::read_dir(dir.join("backups"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("replaced-"))
        .filter(|p| p.extension().is_some_and(|e| e == "sqlite3"))
        .collect();
    kept.sort();
    kept
}

/// A double click on "Restore" of the damaged-database screen, or two commands: both
/// restores run in the same second. The damaged file (the only copy of the work since the
/// last backup) must survive both.
#[test]
fn two_restores_of_a_damaged_file_in_the_same_second_keep_the_damaged_file() {
    for attempt in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let db = answered_db(dir.path());
        ok(&db, &["backup"]);
        let name = newest_backup(&db);
        let mut data = std::fs::read(&db).unwrap();
        data[16] = 0x03; // a damaged header: the file no longer opens
        std::fs::write(&db, &data).unwrap();
        let damaged = sha(&db);
        let second = || time::OffsetDateTime::now_utc().unix_timestamp();
        let start = second();
        let first = cli(&db, &["restore-backup", &name]);
        let again = cli(&db, &["restore-backup", &name]);
        if second() != start {
            eprintln!("attempt {attempt}: the two restores ran in two seconds; again");
            continue;
        }
        assert!(first.status.success(), "{}", stderr(&first));
        assert!(again.status.success() || again.status.code() == Some(1), "{}", stderr(&again));
        let kept = kept_copies(dir.path());
        assert!(
            kept.iter().any(|p| sha(p) == damaged),
            "the damaged original is kept in backups/ after two restores: {kept:?}"
        );
        assert_eq!(kept.len(), 2, "each file moved aside has its own name: {kept:?}");
        return;
    }
    panic!("the two restores never ran within one second");
}

/// A process that holds the app's session lock on `db` while it lives (what the app does
/// while it runs), from this test binary: see [`session_holder`].
struct Holder(std::process::Child, Option<std::thread::JoinHandle<()>>);

impl Holder {
    fn start(db: &Path) -> Holder {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "session_holder", "--ignored", "--nocapture", "--test-threads=1"])
            .env("CSR_HOLD_SESSION", db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // libtest prints "test session_holder ... " before the test's own output.
        assert!(lines.any(|l| l.unwrap().contains("csr-session-held")), "the holder took the lock");
        // The rest of its output (the harness's summary) is read, so it never writes into a
        // closed pipe.
        let drain = std::thread::spawn(move || lines.for_each(drop));
        Holder(child, Some(drain))
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        drop(self.0.stdin.take());
        let _ = self.0.wait();
        if let Some(drain) = self.1.take() {
            let _ = drain.join();
        }
    }
}

/// Not a test of its own: the body of [`Holder`] (run by it with `CSR_HOLD_SESSION`).
#[test]
#[ignore = "run by other tests as the process that holds the database"]
fn session_holder() {
    let Some(db) = std::env::var_os("CSR_HOLD_SESSION") else { return };
    let _session = csr_core::store::Session::take(Path::new(&db)).unwrap();
    let mut out = std::io::stdout();
    writeln!(out, "csr-session-held").unwrap();
    out.flush().unwrap();
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line); // until the parent closes our input
}

/// `csr-assess restore-backup` while the app is open: refused, and the database the app
/// has open is left where it is (the app's later saves would otherwise go into the file
/// moved into backups/).
#[test]
fn restore_backup_is_refused_while_the_app_holds_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = answered_db(dir.path());
    ok(&db, &["backup"]);
    let name = newest_backup(&db);
    ok(&db, &["answer", "1", "I-1", "--description", "saved after the backup"]);
    let before = sha(&db);
    let app = Holder::start(&db);
    let out = cli(&db, &["restore-backup", &name]);
    assert_eq!(out.status.code(), Some(1), "refused: {}", stderr(&out));
    assert!(stderr(&out).contains("is open in the app"), "{}", stderr(&out));
    assert_eq!(sha(&db), before, "the database was not replaced");
    assert!(kept_copies(dir.path()).is_empty(), "nothing was moved aside");
    drop(app);
    // Once the app is closed, the restore goes through.
    let out = cli(&db, &["restore-backup", &name]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A value changed on disk: the first command to read it names the damage; the next
/// command, another process, must not save into the same file.
#[test]
fn damage_seen_by_one_command_stops_the_writes_of_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let db = answered_db(dir.path());
    let mut data = std::fs::read(&db).unwrap();
    alter_ii_3(&mut data);
    std::fs::write(&db, &data).unwrap();
    let show = cli(&db, &["show", "1"]);
    assert_eq!(show.status.code(), Some(1), "the damage is named: {}", stderr(&show));
    assert!(stderr(&show).contains("damaged"), "{}", stderr(&show));
    let seen = sha(&db);
    for args in [
        &["answer", "1", "I-1", "--rating", "partly"][..],
        &["declare", "1", "--name", "山田 太郎"],
        &["profile", "set", "--contact-phone", "045-000-0000"],
        &["new", "--period", "FY2027"],
    ] {
        let out = cli(&db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?} is refused: {}", stderr(&out));
        assert!(stderr(&out).contains("damaged"), "{args:?}: {}", stderr(&out));
        assert_eq!(sha(&db), seen, "{args:?} wrote nothing into the damaged file");
        assert!(!sibling(&db, "-wal").exists() || std::fs::metadata(sibling(&db, "-wal")).unwrap().len() == 0);
    }
}

/// Another program (here SQLite itself, in another connection without our guard) changed
/// the database and left its log: a plain read must not fold that log into the file.
#[test]
fn a_log_written_by_another_program_is_set_aside_and_never_replayed_by_a_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = answered_db(dir.path());
    let main_before = sha(&db);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).unwrap();
        conn.execute("UPDATE answer SET description = 'changed by another program' WHERE item_id = 'I-1'", []).unwrap();
    }
    assert!(std::fs::metadata(sibling(&db, "-wal")).unwrap().len() > 0, "the other program's log is left");
    assert_eq!(sha(&db), main_before, "so far only the log holds the change");
    let list = cli(&db, &["list"]);
    let show = cli(&db, &["show", "1", "--json"]);
    assert_eq!(sha(&db), main_before, "a read never changes the main file");
    for out in [&list, &show] {
        assert!(!String::from_utf8_lossy(&out.stdout).contains("changed by another program"), "not read as data");
    }
    assert!(show.status.success(), "the file itself is read: {}", stderr(&show));
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("assessments.sqlite3-wal.stale-"))
        .collect();
    assert_eq!(kept.len(), 1, "the log is kept aside, named in the message");
    assert!(stderr(&list).contains(&*kept[0].file_name().to_string_lossy()), "{}", stderr(&list));
    // Until the user decides, nothing is saved.
    let out = cli(&db, &["answer", "1", "I-1", "--rating", "partly"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(sha(&db), main_before);
    // "I have a copy, continue": saving works again, without the other program's change.
    ok(&db, &["continue-after-damage", "--i-have-a-copy"]);
    ok(&db, &["answer", "1", "I-1", "--rating", "partly"]);
    assert!(!ok(&db, &["show", "1"]).contains("changed by another program"));
}

/// The second half of the page holding the Part 2 answers zeroed (a torn write, a bad
/// sector): the assessment must not read as one whose Part 2 is simply unanswered.
#[test]
fn a_half_zeroed_page_is_damage_not_missing_answers() {
    let dir = tempfile::tempdir().unwrap();
    let db = answered_db(dir.path());
    let mut data = std::fs::read(&db).unwrap();
    let size = page_size(&data);
    let page = find(&data, "仕入先へは年1回".as_bytes()) / size;
    data[page * size + size / 2..(page + 1) * size].fill(0);
    std::fs::write(&db, &data).unwrap();
    let out = cli(&db, &["show", "1", "--json"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "damage, not an assessment without Part 2: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(stderr(&out).contains("damaged"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("does not exist"), "{}", stderr(&out));
}

/// A backup whose values were altered (bit rot on the backup disk, an edit): listed as
/// damaged, and never restored over the good database.
#[test]
fn a_backup_with_altered_values_is_refused_at_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = answered_db(dir.path());
    ok(&db, &["backup"]);
    let name = newest_backup(&db);
    let backup = dir.path().join("backups").join(&name);
    let mut data = std::fs::read(&backup).unwrap();
    alter_ii_3(&mut data);
    std::fs::write(&backup, &data).unwrap();
    let listed = ok(&db, &["backups"]);
    assert!(listed.lines().any(|l| l.contains(&name) && l.contains("DAMAGED")), "{listed}");
    let before = sha(&db);
    let out = cli(&db, &["restore-backup", &name]);
    assert_eq!(out.status.code(), Some(1), "refused: {}", stderr(&out));
    assert!(stderr(&out).contains("backup") && stderr(&out).contains("damaged"), "{}", stderr(&out));
    assert_eq!(sha(&db), before, "the good database is unchanged");
}

/// Two restores started at the same moment (two commands, or a double click): one waits
/// for nothing and is refused, or they run one after the other; either way every file moved
/// aside is kept under its own name and the damaged original survives.
#[test]
fn two_restores_at_the_same_moment_never_lose_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = answered_db(dir.path());
    ok(&db, &["backup"]);
    let name = newest_backup(&db);
    let mut data = std::fs::read(&db).unwrap();
    data[16] = 0x03;
    std::fs::write(&db, &data).unwrap();
    let damaged = sha(&db);
    let start = |_| Command::new(bin()).arg("--db").arg(&db).args(["restore-backup", &name]).output();
    let both: Vec<Output> = std::thread::scope(|s| {
        let runs: Vec<_> = (0..2).map(|n| s.spawn(move || start(n).unwrap())).collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    for out in &both {
        assert!(
            out.status.success() || stderr(out).contains("is being restored over"),
            "either done or refused as running: {}",
            stderr(out)
        );
    }
    assert!(both.iter().any(|o| o.status.success()));
    let kept = kept_copies(dir.path());
    assert!(kept.iter().any(|p| sha(p) == damaged), "the damaged original is kept: {kept:?}");
    assert!(ok(&db, &["list"]).contains("2025年度"), "the restored database opens");
}
