//! Automatic snapshots of the database in `backups/` beside it, their retention, and
//! restoring one.
//!
//! A snapshot is written by SQLite itself (`VACUUM INTO`: a consistent, self-contained copy,
//! never a raw copy of a file that may have a log beside it), into a temporary name, checked
//! as the database itself is checked (SQLite's `integrity_check`, then every row against its
//! checksum and every assessment against its manifest: `check.rs`), flushed, and only then
//! renamed into place. A backup is checked the same way again before it is listed as good
//! and before it is restored: a damaged one is shown as damaged and never restored.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

use super::check::{self, Counts};
use super::sqlite::{self, APPLICATION_ID};
use crate::error::{Error, Result};

/// The folder of snapshots, beside the database.
pub const FOLDER: &str = "backups";
const PREFIX: &str = "assessments-";

/// Why a snapshot was taken (the last part of its file name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The first change of a day.
    Daily,
    /// Asked for by the user ("Back up now", `csr-assess backup`).
    Manual,
    /// Before a new version of the app changed the file's layout.
    BeforeUpdate,
    /// Before an import.
    BeforeImport,
    /// Before an assessment was deleted.
    BeforeDelete,
    /// Before another snapshot was restored over the database.
    BeforeRestore,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Daily => "daily",
            Reason::Manual => "manual",
            Reason::BeforeUpdate => "before-update",
            Reason::BeforeImport => "before-import",
            Reason::BeforeDelete => "before-delete",
            Reason::BeforeRestore => "before-restore",
        }
    }
}

/// One snapshot in `backups/`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Snapshot {
    /// The file name; what `restore` takes.
    pub name: String,
    pub path: PathBuf,
    /// When it was taken, RFC 3339 UTC.
    pub taken_at: String,
    /// Why it was taken ("daily", "manual", "before-import", …).
    pub reason: String,
    pub bytes: u64,
    /// Assessments in it (deleted ones not counted) and answers to action items.
    pub assessments: i64,
    pub answers: i64,
    /// What is wrong with it, when it fails the check (it is then never restored).
    pub damaged: Option<String>,
}

pub fn folder(db: &Path) -> PathBuf {
    db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).join(FOLDER)
}

const NAME_TIME: &[time::format_description::FormatItem<'static>] =
    format_description!("[year][month][day]T[hour][minute][second]Z");

/// A backup that could not be written into `dir`, said in words.
fn not_written(dir: &Path, e: &Error) -> Error {
    let detail = match e {
        Error::DiskFull => "the disk is full".to_string(),
        Error::ReadOnly { .. } => "the folder cannot be written (it is read-only, or you may not write to it)".into(),
        Error::Io { source, .. } if source.kind() == std::io::ErrorKind::PermissionDenied => {
            "the folder cannot be written (you may not write to it)".into()
        }
        Error::Io { source, .. }
            if source.kind() == std::io::ErrorKind::NotADirectory
                || source.kind() == std::io::ErrorKind::AlreadyExists =>
        {
            "a file named \"backups\" is where the backup folder should be".into()
        }
        Error::CorruptDatabase { .. } => "the copy did not pass its check after it was written".into(),
        _ => "the copy could not be written there".into(),
    };
    let support = e.support_detail().unwrap_or_else(|| e.to_string());
    Error::BackupNotWritten { folder: dir.into(), detail, support }
}

/// Takes a snapshot of the database open on `conn` (whose file is `db`) and prunes old ones.
/// Damage of the database found while copying it is `CorruptDatabase` (of `db`); a backup
/// that cannot be written is `BackupNotWritten`.
pub fn snapshot(conn: &Connection, db: &Path, reason: Reason) -> Result<Snapshot> {
    let dir = folder(db);
    std::fs::create_dir_all(&dir).map_err(|e| not_written(&dir, &Error::io("create", &dir, e)))?;
    let now = OffsetDateTime::now_utc();
    let stem = format!("{PREFIX}{}-{}", now.format(NAME_TIME).expect("UTC formats"), reason.as_str());
    let mut name = format!("{stem}.sqlite3");
    let mut n = 1;
    while dir.join(&name).exists() {
        n += 1;
        name = format!("{stem}-{n}.sqlite3");
    }
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let written = (|| {
        conn.execute("VACUUM INTO ?1", [tmp.to_string_lossy()]).map_err(|e| {
            // Reading the database for the copy is where its damage shows.
            if sqlite::is_damage(&e) {
                sqlite::classify(db, e)
            } else {
                not_written(&dir, &sqlite::explain(conn, e.into()))
            }
        })?;
        let counts = match check_file(&tmp) {
            Ok(counts) => counts,
            // A row that does not match its checksum was copied as it is: the database is
            // damaged, not the copy.
            Err(Found::Rows(detail, support)) => return Err(sqlite::damaged(db, detail, support)),
            Err(Found::Structure(detail, support)) => {
                return Err(not_written(&dir, &sqlite::damaged(&tmp, detail, support)))
            }
        };
        crate::files::sync_file(&tmp).map_err(|e| not_written(&dir, &Error::io("write", &tmp, e)))?;
        crate::files::rename_durably(&tmp, &dir.join(&name)).map_err(|e| not_written(&dir, &e))?;
        Ok(counts)
    })();
    let counts = match written {
        Ok(counts) => counts,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    prune(&dir);
    let path = dir.join(&name);
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    Ok(Snapshot {
        taken_at: rfc3339(now),
        reason: reason.as_str().into(),
        name,
        path,
        bytes,
        assessments: counts.assessments,
        answers: counts.answers,
        damaged: None,
    })
}

/// What the check of a file found wrong: its structure (pages), or its rows.
enum Found {
    Structure(String, String),
    Rows(String, String),
}

/// Checks a file as the database is checked: it opens as ours, SQLite's integrity check
/// passes, and every row matches its checksum and every assessment its manifest.
fn check_file(path: &Path) -> std::result::Result<Counts, Found> {
    let words = |e: Error| match e {
        Error::CorruptDatabase { detail, support, .. } => (detail, support),
        other => (other.to_string(), other.support_detail().unwrap_or_default()),
    };
    let conn =
        sqlite::open_immutable(path).map_err(|e| Found::Structure("it cannot be opened".into(), e.to_string()))?;
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| Found::Structure("it is not a database".into(), e.to_string()))?;
    if app_id != APPLICATION_ID {
        return Err(Found::Structure("it is not an assessment database".into(), String::new()));
    }
    check::integrity(&conn).map_err(|e| {
        let (d, s) = words(e);
        Found::Structure(d, s)
    })?;
    let version = check::version(&conn).map_err(|e| {
        let (d, s) = words(e);
        Found::Structure(d, s)
    })?;
    check::rows(&conn, version).map_err(|e| {
        let (d, s) = words(e);
        Found::Rows(d, s)
    })
}

/// Checks a snapshot file completely (see [`check_file`]); returns what it holds, or why it
/// is damaged (`BackupDamaged`).
pub fn verify(path: &Path) -> Result<Counts> {
    check_file(path).map_err(|found| {
        let (detail, support) = match found {
            Found::Structure(d, s) | Found::Rows(d, s) => (d, s),
        };
        Error::BackupDamaged { path: path.into(), detail, support }
    })
}

fn rfc3339(t: OffsetDateTime) -> String {
    t.replace_nanosecond(0)
        .expect("0 ns is valid")
        .format(&time::format_description::well_known::Rfc3339)
        .expect("UTC formats")
}

/// When a snapshot was taken and why, from its file name.
fn parse_name(name: &str) -> Option<(OffsetDateTime, String)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(".sqlite3")?;
    let (when, reason) = rest.split_at_checked(16)?;
    let t = PrimitiveDateTime::parse(when, NAME_TIME).ok()?.assume_utc();
    Some((t, reason.trim_start_matches('-').to_string()))
}

/// [`verify`], remembered in this process for a file of the same size and time of change:
/// listing the backups again (the dialog, the damage screen) does not read every page of
/// each again. A restore always checks afresh.
fn verify_once(path: &Path) -> Result<Counts> {
    type Verdict = std::result::Result<Counts, (String, String)>;
    static SEEN: std::sync::OnceLock<std::sync::Mutex<std::collections::HashMap<PathBuf, (u64, std::time::SystemTime, Verdict)>>> =
        std::sync::OnceLock::new();
    let key = std::fs::metadata(path).ok().and_then(|m| Some((m.len(), m.modified().ok()?)));
    let seen = SEEN.get_or_init(Default::default);
    let hit = key.and_then(|(len, at)| {
        let seen = seen.lock().unwrap_or_else(|p| p.into_inner());
        seen.get(path).filter(|(l, t, _)| (*l, *t) == (len, at)).map(|(_, _, v)| v.clone())
    });
    let damaged = |(detail, support): (String, String)| Error::BackupDamaged { path: path.into(), detail, support };
    if let Some(verdict) = hit {
        return verdict.map_err(damaged);
    }
    let result = verify(path);
    let verdict: Option<Verdict> = match &result {
        Ok(c) => Some(Ok(*c)),
        Err(Error::BackupDamaged { detail, support, .. }) => Some(Err((detail.clone(), support.clone()))),
        Err(_) => None,
    };
    if let (Some((len, at)), Some(verdict)) = (key, verdict) {
        seen.lock().unwrap_or_else(|p| p.into_inner()).insert(path.to_path_buf(), (len, at, verdict));
    }
    result
}

/// The snapshots beside `db`, newest first, each checked in full: one that fails is listed
/// with what is wrong (`damaged`), and is never restored.
pub fn list(db: &Path) -> Vec<Snapshot> {
    let mut all: Vec<Snapshot> = names(&folder(db))
        .into_iter()
        .filter_map(|(name, t, reason)| {
            let path = folder(db).join(&name);
            let bytes = std::fs::metadata(&path).ok()?.len();
            let (counts, damaged) = match verify_once(&path) {
                Ok(c) => (c, None),
                Err(Error::BackupDamaged { detail, .. }) => (Counts { assessments: 0, answers: 0 }, Some(detail)),
                Err(e) => (Counts { assessments: 0, answers: 0 }, Some(e.to_string())),
            };
            Some(Snapshot {
                name,
                path,
                taken_at: rfc3339(t),
                reason,
                bytes,
                assessments: counts.assessments,
                answers: counts.answers,
                damaged,
            })
        })
        .collect();
    all.sort_by(|a, b| b.name.cmp(&a.name));
    all
}

/// (file name, time, reason) of every snapshot in `dir`, newest first.
fn names(dir: &Path) -> Vec<(String, OffsetDateTime, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut all: Vec<_> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| parse_name(&name).map(|(t, r)| (name, t, r)))
        .collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    all
}

/// Whether a snapshot was already taken today (UTC).
pub fn taken_today(db: &Path) -> bool {
    let today = OffsetDateTime::now_utc().date();
    names(&folder(db)).first().is_some_and(|(_, t, _)| t.date() == today)
}

/// Retention a user never has to think about: everything from the newest day (at most 20),
/// the newest snapshot of each of the 10 newest days, and of each of the 12 newest months.
fn prune(dir: &Path) {
    let all = names(dir);
    let keep = retained(&all.iter().map(|(_, t, _)| *t).collect::<Vec<_>>());
    for ((name, _, _), keep) in all.iter().zip(keep) {
        if !keep {
            let _ = std::fs::remove_file(dir.join(name));
        }
    }
    // Temporary files of snapshots that a crash interrupted.
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            let old = e.metadata().ok().and_then(|m| m.modified().ok()).and_then(|m| m.elapsed().ok());
            if name.starts_with('.') && name.ends_with(".tmp") && old.is_some_and(|d| d.as_secs() > 3600) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Which of `times` (newest first) to keep.
fn retained(times: &[OffsetDateTime]) -> Vec<bool> {
    let mut keep = vec![false; times.len()];
    let mut days = Vec::new();
    let mut months = Vec::new();
    for (i, t) in times.iter().enumerate() {
        let (day, month) = (t.date(), (t.year(), t.month()));
        if Some(&day) == times.first().map(|f| f.date()).as_ref() && i < 20 {
            keep[i] = true;
        }
        if !days.contains(&day) && days.len() < 10 {
            days.push(day);
            keep[i] = true;
        }
        if !months.contains(&month) && months.len() < 12 {
            months.push(month);
            keep[i] = true;
        }
    }
    keep
}

/// The snapshot named `name` beside `db`, checked to be one of ours by name and present
/// (before anything else is opened or moved).
pub fn source(db: &Path, name: &str) -> Result<PathBuf> {
    let not_found = || Error::BackupNotFound { name: name.to_string(), folder: folder(db) };
    if name.contains(['/', '\\']) || name.contains("..") || parse_name(name).is_none() {
        return Err(not_found());
    }
    let path = folder(db).join(name);
    if !path.is_file() {
        return Err(not_found());
    }
    Ok(path)
}

/// Puts snapshot `name` in place of the database at `db`, which must not be open in this
/// process (the caller holds the restore and session locks). The snapshot is checked in
/// full first: a damaged one is refused and nothing changes. The file there now (and its
/// log, and a damage mark beside it) is moved into `backups/` as `replaced-<time>.sqlite3`
/// under a name no other file has, so a restore never loses anything.
pub fn put_back(db: &Path, name: &str) -> Result<()> {
    let source = source(db, name)?;
    verify(&source)?;
    let dir = folder(db);
    let tmp = {
        let mut s = db.as_os_str().to_os_string();
        s.push(".restore.tmp");
        PathBuf::from(s)
    };
    std::fs::copy(&source, &tmp).and_then(|_| crate::files::sync_file(&tmp)).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io("copy", &source, e)
    })?;
    let stamp = OffsetDateTime::now_utc().format(NAME_TIME).expect("UTC formats");
    if db.exists() {
        let kept = super::aside::move_aside(db, &dir, &format!("replaced-{stamp}"), ".sqlite3").map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io("move aside", db, e)
        })?;
        for suffix in ["-wal", "-shm", ".damaged"] {
            let side = sibling(db, suffix);
            if side.exists() {
                let _ = super::aside::move_beside(&side, &sibling(&kept, suffix));
            }
        }
    } else if sibling(db, "-wal").exists() {
        // A log without its file: kept too, never replayed into the restored one.
        let _ = super::aside::move_aside(&sibling(db, "-wal"), &dir, &format!("replaced-{stamp}"), ".sqlite3-wal");
        let _ = std::fs::remove_file(sibling(db, "-shm"));
    }
    crate::files::rename_durably(&tmp, db)?;
    super::mark::clear(db)
}

/// When snapshot `name` was taken (RFC 3339 UTC) and why ("daily", …), read from its name;
/// `None` for a name that is not a snapshot's.
pub fn taken(name: &str) -> Option<(String, String)> {
    parse_name(name).map(|(t, reason)| (rfc3339(t), reason))
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn names_round_trip() {
        let (t, reason) = parse_name("assessments-20261127T163000Z-before-import-2.sqlite3").unwrap();
        assert_eq!(t, datetime!(2026-11-27 16:30:00 UTC));
        assert_eq!(reason, "before-import-2");
        assert!(parse_name("replaced-20261127T163000Z.sqlite3").is_none());
    }

    #[test]
    fn retention_keeps_ten_days_and_twelve_months() {
        // One snapshot a day for 400 days, newest first.
        let newest = datetime!(2026-11-27 09:00:00 UTC);
        let times: Vec<_> = (0..400).map(|d| newest - time::Duration::days(d)).collect();
        let keep = retained(&times);
        let kept: Vec<_> = times.iter().zip(&keep).filter(|(_, k)| **k).map(|(t, _)| *t).collect();
        assert_eq!(kept.len(), 10 + 12 - 1, "the newest day is also the newest month: {kept:?}");
        assert!(keep[..10].iter().all(|k| *k));
    }
}
