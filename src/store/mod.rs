//! Storage: one SQLite file in the OS application-data folder. Only this module writes SQL.
//!
//! Every save is one transaction; with WAL and `synchronous=FULL` a save that returned `Ok`
//! is on disk (tests/durability.rs kills writers at random moments to prove it). A clean
//! close folds the log into the file, leaving one self-contained file; snapshots are kept in
//! `backups/` beside it (see `backup.rs`).
//!
//! The store stops at the first sign of damage, in every process: every row a user wrote
//! carries a checksum and every assessment a manifest of its rows (`sums.rs`, `read.rs`);
//! damage found anywhere is marked beside the file (`mark.rs`) and no write happens while the
//! mark stands; a log that is not ours is set aside before SQLite could replay it
//! (`wal_guard.rs`); a restore never replaces a file without keeping it, never runs twice at
//! once, and never runs under the app (`lock.rs`).
//!
//! Layout of the module, each file importing only those below it: `sqlite` (the leaf: our
//! application id, file URIs, damage in words), `sums`, `rows`, `read`, `tx` (the writes
//! several parts share), `check`, `mark`, `lock`, `aside`, `header`, `wal_guard`, `backup`,
//! `migrations`, `open`; then the `Store` itself, its reads and writes split by what they
//! touch (`answers`, `assessments`, `companies`, `settings`, `submission`, `nec`: NEC's
//! feedback and requests).

mod answers;
mod aside;
mod assessments;
pub mod backup;
mod check;
mod companies;
mod header;
mod lock;
pub mod mark;
pub mod migrations;
mod nec;
mod open;
mod read;
mod rows;
mod settings;
mod sqlite;
mod submission;
mod sums;
mod tx;
mod wal_guard;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, TransactionBehavior};

pub use backup::{Reason as BackupReason, Snapshot};
pub use mark::Mark;
pub use nec::{FeedbackAbout, FeedbackNote, HeldSubmission, Holdings, Opened, Received};
pub use submission::Fingerprinted;
pub use sqlite::APPLICATION_ID;
pub use tx::SaveReceipt;

use crate::catalog::Catalog;
use crate::error::{Error, Result};

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

/// The app's hold on the database while it runs (see `lock.rs`): a restore from the command
/// line, or a second app in another desktop session, is refused while it is held.
#[derive(Debug)]
pub struct Session(#[allow(dead_code)] Option<lock::Held>);

impl Session {
    /// Takes the session lock of the database at `db`; [`Error::DatabaseInUse`] when another
    /// app (or restore) holds it.
    pub fn take(db: &Path) -> Result<Session> {
        Ok(Session(lock::session(db)?))
    }
}

/// Restores snapshot `name` over the database at `db`, whether or not the database opens:
/// a sound one is snapshotted first ([`Store::restore_backup`]); a damaged or unreadable one
/// is moved into `backups/` as it is. The name is checked before anything is opened; the
/// restore is refused while another restore runs or the app holds the session (unless
/// `session` is that hold: the app restoring). Returns the restored store.
pub fn restore_backup_at(db: &Path, name: &str, catalog: &'static Catalog, session: Option<&Session>) -> Result<Store> {
    backup::source(db, name)?;
    let _restoring = lock::restore(db)?;
    let _session = if session.is_none() { Some(Session::take(db)?) } else { None };
    match Store::open(db, catalog) {
        Ok(store) => store.restore_locked(name),
        Err(e @ (Error::NewerDatabase { .. } | Error::ForeignDatabase { .. } | Error::NotADatabase { .. }))
            if db.exists() =>
        {
            // Not a file to replace without a word: the user may have pointed at the wrong one.
            Err(e)
        }
        Err(Error::CorruptDatabase { .. }) => {
            backup::put_back(db, name)?;
            Store::open(db, catalog)
        }
        Err(e) => Err(e),
    }
}

/// "I have a copy, continue": removes the damage mark beside `db` (the file itself is not
/// changed) and opens it again for writing.
pub fn continue_after_damage_at(db: &Path, catalog: &'static Catalog) -> Result<Store> {
    mark::clear(db)?;
    Store::open(db, catalog)
}

/// An open assessment database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The catalog the answers are checked and ordered against (given by the caller).
    catalog: &'static Catalog,
    /// Damage seen (in this process, or marked beside the file by any process): from then
    /// on nothing is written (the file would only get worse) until a restore or the user's
    /// "I have a copy, continue".
    damage: RefCell<Option<Mark>>,
    /// Why the file was opened for reading only (read-only folder or medium), if it was.
    read_only: Option<String>,
    /// The identity of the file opened: a write is refused once another file is at the path.
    identity: Option<lock::FileId>,
    /// The day (UTC) whose first change has been snapshotted already.
    daily_backup_done: Option<time::Date>,
    /// A backup that failed and that nobody has been told of yet (see `take_backup_problem`).
    backup_problem: RefCell<Option<String>>,
}

impl Store {
    /// Opens the database at `path`; see [`open::open`] for what is refused. `catalog` is the
    /// one answers are checked and ordered against (the shell and the CLI read the
    /// catalog once, at their edge, and pass it here).
    pub fn open(path: impl AsRef<Path>, catalog: &'static Catalog) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let opened = open::open(&path)?;
        Ok(Store {
            conn: opened.conn,
            path,
            catalog,
            damage: RefCell::new(opened.mark),
            read_only: opened.read_only,
            identity: opened.identity,
            daily_backup_done: None,
            backup_problem: Default::default(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn catalog(&self) -> &'static Catalog {
        self.catalog
    }

    /// Why editing is off (the file is on a read-only folder or medium), if it is.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| self.damaged(e))
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

    /// Records damage found outside a read (the background integrity check): writes stop,
    /// here and, through the mark beside the file, in every other process.
    pub fn mark_damaged(&self, detail: impl Into<String>) {
        self.note_damage(Mark::new(detail, ""));
    }

    fn note_damage(&self, mark: Mark) {
        let mut damage = self.damage.borrow_mut();
        if damage.is_none() {
            mark::put(&self.path, &mark);
            *damage = Some(mark);
        }
    }

    /// The damage seen (in this session, or marked beside the file), in words, if any.
    pub fn damage(&self) -> Option<String> {
        self.damage.borrow().as_ref().map(|m| m.detail.clone())
    }

    /// The error a write gets while damage is known: what was found, and what to do.
    pub fn damage_error(&self) -> Option<Error> {
        self.damage.borrow().as_ref().map(|m| m.error(&self.path))
    }

    /// The full check, which reads every page and every row (a background task after start,
    /// and each backup): SQLite's integrity check, then every row against its checksum and
    /// every assessment against its manifest. Damage found is marked, so writes stop, and
    /// returned as an error.
    pub fn verify(&self) -> Result<()> {
        let version = self.schema_version()?;
        check::integrity(&self.conn)
            .and_then(|()| check::rows(&self.conn, version).map(|_| ()))
            .map_err(|e| self.seen(e))
    }

    /// Takes a snapshot now, into `backups/` beside the database (see [`backup`]).
    pub fn back_up(&self, reason: backup::Reason) -> Result<backup::Snapshot> {
        if let Some(e) = self.damage_error() {
            return Err(e);
        }
        backup::snapshot(&self.conn, &self.path, reason).map_err(|e| self.seen(e))
    }

    /// The snapshots in `backups/`, newest first, each checked (damaged ones say so).
    pub fn backups(&self) -> Vec<backup::Snapshot> {
        backup::list(&self.path)
    }

    /// Restores snapshot `name`: refused while another restore runs or the app holds the
    /// session (unless `session` is that hold); the current state is snapshotted first (when
    /// it is sound), the file replaced (the old one kept in `backups/`), and the database
    /// opened again.
    pub fn restore_backup(self, name: &str, session: Option<&Session>) -> Result<Store> {
        backup::source(&self.path, name)?;
        if let Some(why) = &self.read_only {
            return Err(Error::ReadOnly { detail: why.clone() });
        }
        let _restoring = lock::restore(&self.path)?;
        let _session = if session.is_none() { Some(Session::take(&self.path)?) } else { None };
        self.restore_locked(name)
    }

    /// The restore itself, with both locks held by the caller.
    fn restore_locked(self, name: &str) -> Result<Store> {
        let (path, catalog) = (self.path.clone(), self.catalog);
        backup::verify(&backup::source(&path, name)?)?;
        if self.damage().is_none() {
            self.back_up(backup::Reason::BeforeRestore)?;
        }
        drop(self); // the last connection closes: SQLite folds its log into the file
        backup::put_back(&path, name)?;
        Store::open(&path, catalog)
    }

    /// "I have a copy, continue": removes the damage mark (the file is not changed) and
    /// opens the file again, for writing.
    pub fn continue_after_damage(self) -> Result<Store> {
        let (path, catalog) = (self.path.clone(), self.catalog);
        drop(self);
        continue_after_damage_at(&path, catalog)
    }

    /// Runs `f` in one immediate (write-locking) transaction and commits it. Refused after
    /// damage was seen, on a read-only file, and once the path names another file. The first
    /// change of a day takes a snapshot.
    fn write<T>(&mut self, f: impl FnOnce(&rusqlite::Transaction) -> Result<T>) -> Result<T> {
        self.before_write()?;
        let result = (|| {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            wal_guard::bump(&tx)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })();
        result.map_err(|e| self.seen(sqlite::explain(&self.conn, e)))
    }

    /// What every write does first: refused while damage is known (here or by the mark
    /// another process put beside the file), on a read-only file, and when the path no
    /// longer names the file opened; the first change of a day takes a snapshot, and damage
    /// that snapshot finds stops the write.
    fn before_write(&mut self) -> Result<()> {
        if self.damage.borrow().is_none() {
            if let Some(mark) = mark::read(&self.path) {
                *self.damage.borrow_mut() = Some(mark);
            }
        }
        if let Some(e) = self.damage_error() {
            return Err(e);
        }
        if self.read_only.as_deref() == Some(open::DISK_FULL) {
            return Err(Error::DiskFull);
        }
        if let Some(why) = &self.read_only {
            return Err(Error::ReadOnly { detail: format!("{why}; it was opened for reading only: you can look at your assessments, export them and create PDFs") });
        }
        if let Some(opened) = self.identity {
            match lock::identity(&self.path) {
                Ok(now) if now == opened => {}
                Ok(_) => return Err(Error::DatabaseReplaced { path: self.path.clone() }),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(Error::DatabaseReplaced { path: self.path.clone() })
                }
                Err(_) => {}
            }
        }
        self.daily_backup()
    }

    /// The automatic backup that failed since the last call, if one did (the app tells the
    /// user: the change was saved, but the copy they count on was not made).
    pub fn take_backup_problem(&self) -> Option<String> {
        self.backup_problem.borrow_mut().take()
    }

    fn backup_failed(&self, e: Error) {
        eprintln!("csr-assess: warning: {e}");
        let reason = match &e {
            Error::BackupNotWritten { folder, detail, .. } => format!("{detail}: {}", folder.display()),
            other => other.to_string(),
        };
        *self.backup_problem.borrow_mut() = Some(reason);
    }

    /// A snapshot before the first change of each day. A backup that cannot be written does
    /// not stop the save (the user's change matters more); it is reported on stderr and to
    /// the app. Damage the snapshot finds does stop it.
    fn daily_backup(&mut self) -> Result<()> {
        let today = time::OffsetDateTime::now_utc().date();
        if self.daily_backup_done == Some(today) {
            return Ok(());
        }
        self.daily_backup_done = Some(today);
        if !backup::taken_today(&self.path) {
            self.snapshot_or_report(backup::Reason::Daily)?;
        }
        Ok(())
    }

    fn snapshot_or_report(&self, reason: backup::Reason) -> Result<()> {
        match backup::snapshot(&self.conn, &self.path, reason) {
            Ok(_) => Ok(()),
            Err(e @ Error::CorruptDatabase { .. }) => Err(self.seen(e)),
            Err(e) => {
                self.backup_failed(e);
                Ok(())
            }
        }
    }

    /// A snapshot before an import or a delete; as the daily one, a snapshot that cannot be
    /// written does not stop the change, damage does.
    fn backup_before(&mut self, reason: backup::Reason) -> Result<()> {
        if self.damage().is_none() && self.read_only.is_none() {
            self.daily_backup_done = Some(time::OffsetDateTime::now_utc().date());
            self.snapshot_or_report(reason)?;
        }
        Ok(())
    }

    /// Sorts a failed read: damage becomes `CorruptDatabase` and stops writes; anything
    /// else (busy, I/O, an unplugged drive) keeps its own kind, so a good file is never
    /// called damaged.
    fn damaged(&self, e: rusqlite::Error) -> Error {
        self.seen(Error::from(e))
    }

    /// Notes damage in an error on its way out: it is marked beside the file.
    fn seen(&self, e: Error) -> Error {
        let e = sqlite::sorted(&self.path, e);
        if let Error::CorruptDatabase { detail, support, .. } = &e {
            self.note_damage(Mark::new(detail.clone(), support.clone()));
        }
        e
    }
}
