//! The damage mark: a small file beside the database (`assessments.sqlite3.damaged`), not
//! inside it (a damaged file cannot be trusted to keep it), written by whichever process
//! first finds damage (a read, the full check, a backup that fails on it) or sets aside a
//! log that does not belong to the file. Every later process, and the app after a restart,
//! finds it: no write happens while it stands. Only a restore or the user's explicit "I
//! have a copy, continue" removes it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// What the mark records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// When the damage was found (RFC 3339, UTC).
    pub found_at: String,
    /// What was found, in our words.
    pub detail: String,
    /// SQLite's own words, for support.
    #[serde(default)]
    pub support: String,
    /// The log that was set aside, when that is what the mark is about.
    #[serde(default)]
    pub log_kept: Option<PathBuf>,
}

impl Mark {
    pub fn new(detail: impl Into<String>, support: impl Into<String>) -> Mark {
        Mark { found_at: crate::clock::now(), detail: detail.into(), support: support.into(), log_kept: None }
    }

    /// The error every refused write gives while the mark stands.
    pub fn error(&self, db: &Path) -> Error {
        match &self.log_kept {
            Some(kept) => Error::LogSetAside { path: db.into(), kept: kept.clone(), detail: self.detail.clone() },
            None => Error::CorruptDatabase {
                path: db.into(),
                detail: format!("{} (found {})", self.detail, self.found_at),
                support: self.support.clone(),
            },
        }
    }
}

/// Where the mark of the database at `db` is.
pub fn path(db: &Path) -> PathBuf {
    let mut s = db.as_os_str().to_os_string();
    s.push(".damaged");
    PathBuf::from(s)
}

/// The mark standing beside `db`, if any. A mark that cannot be read is still a mark.
pub fn read(db: &Path) -> Option<Mark> {
    let bytes = match std::fs::read(path(db)) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => return Some(Mark::new("a damage mark stands beside it, but it cannot be read", e.to_string())),
    };
    Some(
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| Mark::new("a damage mark stands beside it (its text is not readable)", e.to_string())),
    )
}

/// Puts the mark beside `db` unless one stands already (the first finding is kept). Best
/// effort: on a read-only folder nothing can be written anyway.
pub fn put(db: &Path, mark: &Mark) {
    let text = serde_json::to_vec_pretty(mark).expect("marks serialize");
    let result = std::fs::OpenOptions::new().write(true).create_new(true).open(path(db)).and_then(|mut f| {
        use std::io::Write;
        f.write_all(&text)?;
        f.sync_all()
    });
    match result {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => eprintln!("csr-assess: warning: the damage mark beside {} could not be written: {e}", db.display()),
    }
}

/// Removes the mark (a restore put a good file in place, or the user chose to continue).
pub fn clear(db: &Path) -> Result<()> {
    match std::fs::remove_file(path(db)) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io("remove", path(db), e)),
    }
}
