//! Storage: one SQLite file in the OS application-data folder. Only this module writes SQL.
//!
//! Every save is one transaction; with WAL and `synchronous=FULL` a save that returned `Ok`
//! is on disk (tests/durability.rs kills writers at random moments to prove it).

mod answers;
mod assessments;
mod companies;
pub mod migrations;
mod open;
mod rows;
mod submission;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

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

/// What a save did, for the UI's "Saved" indicator and its notice when a ready or
/// submitted assessment turns back into a draft.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SaveReceipt {
    pub updated_at: String,
    pub status: Status,
    /// The status before the save, when the save changed it back to draft.
    pub reverted_from: Option<Status>,
}

/// An open assessment database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the database at `path`; see [`open::open`] for what is refused.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        let conn = open::open(&path)?;
        Ok(Store { conn, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// A stored setting (UI language, last open assessment).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?)
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

    /// Runs `f` in one immediate (write-locking) transaction and commits it.
    fn write<T>(&mut self, f: impl FnOnce(&rusqlite::Transaction) -> Result<T>) -> Result<T> {
        let result = (|| {
            let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })();
        result.map_err(|e| open::explain(&self.conn, e))
    }

    /// Sorts a failed read: a column that does not convert (JSON that does not parse, a
    /// number where text belongs) means the file was changed behind our back; anything else
    /// (busy, I/O, an unplugged drive) keeps its own kind, so a good file is never called
    /// damaged.
    fn damaged(&self, e: rusqlite::Error) -> Error {
        match e {
            rusqlite::Error::FromSqlConversionFailure(..) | rusqlite::Error::InvalidColumnType(..) => {
                Error::CorruptDatabase { path: self.path.clone(), detail: e.to_string() }
            }
            other => Error::from(other),
        }
    }
}
