//! Storage: one SQLite file in the OS application-data folder. Only this module writes SQL.
//!
//! Every save is one transaction; with WAL and `synchronous=FULL` a save that returned `Ok`
//! is on disk (tests/durability.rs kills writers at random moments to prove it). A clean
//! close folds the log into the file, leaving one self-contained file; snapshots are kept in
//! `backups/` beside it (see `backup.rs`).

mod answers;
mod assessments;
pub mod backup;
mod checksums;
mod companies;
mod damage;
mod header;
pub mod migrations;
mod open;
mod rows;
mod wal_guard;
mod submission;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

pub use backup::{Reason as BackupReason, Snapshot};
pub use open::APPLICATION_ID;

use crate::error::{Error, Result};
use crate::model::Status;

/// The app's identifier; also the name of its data folder (as Tauri's `app_data_dir`).
pub const APP_IDENTIFIER: &str = "app.csr-self-assessment.desktop";
/// The database file's name inside the data folder.
pub const DB_FILE_NAME: &str = "assessments.sqlite3";
/// Environment variable that overrides the database path (tests, portable use).
pub const DB_ENV_VAR: &str = "CSR_ASSESS_DB";

/// The database path: `$CSR_ASSESS_DB` if set, else `<OS data folder>/<identifier>/assessments.sqlite3`
/// (Linux `~/.local/share/…`, macOS `~/Library/Application Support/…`, Windows `%APPDATA%\…`).
pub fn default_path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV_VAR).filter(|p| !p.is_empty()) {
        return Ok(PathBuf::from(p));
    }
    let base = dirs::data_dir().ok_or(Error::NoDataFolder)?;
    Ok(base.join(APP_IDENTIFIER).join(DB_FILE_NAME))
}

/// Restores snapshot `name` over the database at `db`, whether or not the database opens:
/// a sound one is snapshotted first ([`Store::restore_backup`]); a damaged or unreadable one
/// is moved into `backups/` as it is. Returns the restored store.
pub fn restore_backup_at(db: &Path, name: &str) -> Result<Store> {
    match Store::open(db) {
        Ok(store) => store.restore_backup(name),
        Err(Error::NewerDatabase { .. }) | Err(Error::ForeignDatabase { .. }) | Err(Error::NotADatabase { .. })
            if db.exists() =>
        {
            // Not a file to replace without a word: the user may have pointed at the wrong one.
            Store::open(db)
        }
        Err(_) => {
            backup::put_back(db, name)?;
            Store::open(db)
        }
    }
}

/// What a save did, for the UI's "Saved" indicator and its notice when a ready or
/// submitted assessment turns back into a draft.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SaveReceipt {
    pub updated_at: String,
    pub status: Status,
    /// The status before the save, when the save changed it back to draft.
    pub reverted_from: Option<Status>,
    /// The saved answer's new revision (the one the next save is based on); `None` when
    /// the save removed the answer or saved something that has no revision.
    pub revision: Option<i64>,
}

/// An open assessment database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Damage seen in this session: from then on nothing is written (the file would only get
    /// worse), until the app or command starts again.
    damage: RefCell<Option<String>>,
    /// Why the file was opened for reading only (read-only folder or medium), if it was.
    read_only: Option<String>,
    /// The day (UTC) whose first change has been snapshotted already.
    daily_backup_done: Option<time::Date>,
    /// A backup that failed and that nobody has been told of yet (see `take_backup_problem`).
    backup_problem: std::cell::RefCell<Option<String>>,
}

impl Store {
    /// Opens the database at `path`; see [`open::open`] for what is refused.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let opened = open::open(&path)?;
        Ok(Store {
            conn: opened.conn,
            path,
            damage: RefCell::new(None),
            read_only: opened.read_only,
            daily_backup_done: None,
            backup_problem: Default::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why editing is off (the file is on a read-only folder or medium), if it is.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| self.damaged(e))
    }

    /// A stored setting (UI language, last open assessment).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.damaged(e))
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        crate::model::checks::text(key, value, 1000)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO setting(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            Ok(())
        })
    }

    /// The settings a save's durability rests on, as SQLite reports them: journal mode,
    /// `synchronous` (2 = FULL) and `fullfsync` (what macOS needs for a real flush).
    pub fn durability_settings(&self) -> Result<(String, i64, bool)> {
        let q = |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, rusqlite::types::Value>(0));
        let mode = match q("PRAGMA journal_mode")? {
            rusqlite::types::Value::Text(t) => t,
            other => format!("{other:?}"),
        };
        let sync = match q("PRAGMA synchronous")? {
            rusqlite::types::Value::Integer(n) => n,
            _ => -1,
        };
        let full = matches!(q("PRAGMA fullfsync")?, rusqlite::types::Value::Integer(1));
        Ok((mode, sync, full))
    }

    /// Records damage found outside a read (the background integrity check): writes stop.
    pub fn mark_damaged(&self, detail: impl Into<String>) {
        self.damage.borrow_mut().get_or_insert(detail.into());
    }

    /// The damage seen in this session, if any.
    pub fn damage(&self) -> Option<String> {
        self.damage.borrow().clone()
    }

    /// SQLite's full integrity check, which reads every page (a background task after start,
    /// and each backup). Damage found is recorded, so writes stop, and returned as an error.
    pub fn verify(&self) -> Result<()> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check").map_err(|e| self.damaged(e))?;
        let lines: Vec<String> =
            stmt.query_map([], |r| r.get(0)).and_then(|rows| rows.collect()).map_err(|e| self.damaged(e))?;
        if lines.len() == 1 && lines[0] == "ok" {
            return Ok(());
        }
        let detail = lines.into_iter().take(3).collect::<Vec<_>>().join("; ");
        self.mark_damaged(detail.clone());
        Err(Error::CorruptDatabase { path: self.path.clone(), detail })
    }

    /// Takes a snapshot now, into `backups/` beside the database (see [`backup`]).
    pub fn back_up(&self, reason: backup::Reason) -> Result<backup::Snapshot> {
        if let Some(detail) = self.damage() {
            return Err(Error::CorruptDatabase { path: self.path.clone(), detail });
        }
        backup::snapshot(&self.conn, &self.path, reason).map_err(|e| self.seen(e))
    }

    /// The snapshots in `backups/`, newest first.
    pub fn backups(&self) -> Vec<backup::Snapshot> {
        backup::list(&self.path)
    }

    /// Restores snapshot `name`: the current state is snapshotted first (when it can be),
    /// the file replaced, and the database opened again.
    pub fn restore_backup(self, name: &str) -> Result<Store> {
        let path = self.path.clone();
        if self.read_only.is_some() {
            return Err(Error::ReadOnly { detail: self.read_only.clone().unwrap_or_default() });
        }
        backup::verify(&backup::folder(&path).join(name)).map_err(|e| match e {
            Error::CorruptDatabase { .. } => e,
            _ => Error::not_found(format!("Backup \"{name}\"")),
        })?;
        if self.damage().is_none() {
            self.back_up(backup::Reason::BeforeRestore)?;
        }
        drop(self); // the last connection closes: SQLite folds its log into the file
        backup::put_back(&path, name)?;
        Store::open(&path)
    }

    /// Runs `f` in one immediate (write-locking) transaction and commits it. Refused after
    /// damage was seen and on a read-only file. The first change of a day takes a snapshot.
    fn write<T>(&mut self, f: impl FnOnce(&rusqlite::Transaction) -> Result<T>) -> Result<T> {
        self.before_write()?;
        let result = (|| {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute(wal_guard::BUMP, [])?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })();
        result.map_err(|e| self.seen(open::explain(&self.conn, e)))
    }

    /// What every write does first: refused after damage was seen and on a read-only file;
    /// the first change of a day takes a snapshot.
    fn before_write(&mut self) -> Result<()> {
        if let Some(detail) = self.damage() {
            return Err(Error::CorruptDatabase { path: self.path.clone(), detail });
        }
        if self.read_only.as_deref() == Some(open::DISK_FULL) {
            return Err(Error::DiskFull);
        }
        if let Some(why) = &self.read_only {
            return Err(Error::ReadOnly { detail: format!("{why}; it was opened for reading only: you can look at your assessments, export them and create PDFs") });
        }
        self.daily_backup();
        Ok(())
    }

    /// The automatic backup that failed since the last call, if one did (the app tells the
    /// user: the change was saved, but the copy they count on was not made).
    pub fn take_backup_problem(&self) -> Option<String> {
        self.backup_problem.borrow_mut().take()
    }

    fn backup_failed(&self, what: &str, e: Error) {
        eprintln!("csr: no {what}: {e}");
        *self.backup_problem.borrow_mut() = Some(e.to_string());
    }

    /// A snapshot before the first change of each day. A failed snapshot does not stop the
    /// save (the user's change matters more); it is reported on stderr and to the app.
    fn daily_backup(&mut self) {
        let today = time::OffsetDateTime::now_utc().date();
        if self.daily_backup_done == Some(today) {
            return;
        }
        self.daily_backup_done = Some(today);
        if !backup::taken_today(&self.path) {
            if let Err(e) = backup::snapshot(&self.conn, &self.path, backup::Reason::Daily) {
                self.backup_failed("daily backup", e);
            }
        }
    }

    /// A snapshot before an import or a delete; best effort, as [`Store::daily_backup`].
    fn backup_before(&mut self, reason: backup::Reason) {
        if self.damage().is_none() && self.read_only.is_none() {
            self.daily_backup_done = Some(time::OffsetDateTime::now_utc().date());
            if let Err(e) = backup::snapshot(&self.conn, &self.path, reason) {
                self.backup_failed(&format!("backup {}", reason.as_str()), e);
            }
        }
    }

    /// Sorts a failed read: damage (see [`damage::is_damage`]) becomes `CorruptDatabase` and
    /// stops writes; anything else (busy, I/O, an unplugged drive) keeps its own kind, so a
    /// good file is never called damaged.
    fn damaged(&self, e: rusqlite::Error) -> Error {
        if damage::is_damage(&e) {
            self.seen(open::damaged(&self.path, e.to_string()))
        } else {
            Error::from(e)
        }
    }

    /// Notes damage in an error on its way out.
    fn seen(&self, e: Error) -> Error {
        let e = match e {
            Error::Storage(inner) if damage::is_damage(&inner) => open::damaged(&self.path, inner.to_string()),
            other => open::with_path(&self.path, other),
        };
        if let Error::CorruptDatabase { detail, .. } = &e {
            self.mark_damaged(detail.clone());
        }
        e
    }
}
