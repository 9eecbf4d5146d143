//! Opening the database file: make sure it is ours and sound before anything is written.
//!
//! In order: only a regular file; its header; the damage mark beside it; the log beside it
//! (validated before SQLite may replay it: `wal_guard.rs`); then SQLite opens it, our
//! identity, layout and tables are checked, and the layout is brought up to date. A file on
//! a read-only medium, one with a damage mark, and one whose log was set aside are opened
//! for reading only: nothing of them changes, not even by SQLite folding a log into them.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::mark::{self, Mark};
use super::sqlite::{self, APPLICATION_ID};
use super::{backup, header, lock, migrations, wal_guard};
use crate::error::{Error, Result};

/// An open connection, and why editing is off when the file could only be opened for reading.
pub struct Opened {
    pub conn: Connection,
    pub read_only: Option<String>,
    /// The damage mark standing beside the file (or just put there): writes are refused.
    pub mark: Option<Mark>,
    /// The identity of the file opened, to tell when another one is put in its place.
    pub identity: Option<lock::FileId>,
}

/// Opens (creating if needed) the database at `path`, refusing files that are not ours,
/// damaged, or from a newer version, and brings the schema up to date. On a read-only
/// folder or medium, with a damage mark, or after a foreign log was set aside, the file is
/// opened for reading only. Damage found here is marked beside the file.
pub fn open(path: &Path) -> Result<Opened> {
    open_checked(path).inspect_err(|e| {
        if let Error::CorruptDatabase { detail, support, .. } = e {
            if path.is_file() {
                mark::put(path, &Mark::new(detail.clone(), support.clone()));
            }
        }
    })
}

fn open_checked(path: &Path) -> Result<Opened> {
    check_file_type(path)?;
    let exists = path.exists();
    if !exists {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create the folder", dir, e))?;
        }
        // The damaged file was moved away (as the damage screen suggests): its mark does not
        // concern the new, empty database made in its place.
        if mark::read(path).is_some() {
            mark::clear(path)?;
        }
    }
    let head = read_header(path)?;
    if let Some(head) = &head {
        header::check(path, head)?;
    }
    let mut read_only = if exists { why_read_only(path) } else { None };
    let mut mark = if exists { mark::read(path) } else { None };
    let mut ignore_log = false;
    if exists {
        if let Some(aside) = wal_guard::check_log(path) {
            match aside.kept {
                Some(kept) => {
                    let m = Mark { log_kept: Some(kept), ..Mark::new(aside.reason, "") };
                    mark::put(path, &m);
                    mark.get_or_insert(m);
                }
                None => {
                    // It could not be moved (a read-only folder): the file is read without it.
                    ignore_log = true;
                    read_only.get_or_insert_with(|| {
                        format!("the log beside it was not written by this app for this file ({})", aside.reason)
                    });
                }
            }
        }
    }
    let reading_only = read_only.is_some() || mark.is_some();
    let opened = (|| {
        let mut conn = if reading_only {
            open_for_reading(path, ignore_log)
        } else {
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        }
        .map_err(|e| classify(path, e))?;
        prepare(&mut conn, path, reading_only, mark.as_ref())
            .map_err(|e| sqlite::sorted(path, sqlite::explain(&conn, e)))?;
        Ok(conn)
    })();
    let identity = || lock::identity(path).ok();
    match opened {
        Ok(conn) => Ok(Opened { conn, read_only, mark, identity: identity() }),
        // On a full disk SQLite cannot even create the shared-memory file a read needs. The
        // assessments can still be read (to export them elsewhere, or print the PDF) when no
        // log holds changes beyond the file: opened immutable, nothing needs writing.
        Err(Error::DiskFull) if exists && !reading_only && log_is_empty(path) => {
            let mut conn = open_for_reading(path, true).map_err(|e| classify(path, e))?;
            prepare(&mut conn, path, true, None).map_err(|e| sqlite::sorted(path, e))?;
            Ok(Opened { conn, read_only: Some(DISK_FULL.into()), mark, identity: identity() })
        }
        Err(e) => Err(e),
    }
}

/// The reason a store opened for reading only because the disk is full; its writes are
/// refused as [`Error::DiskFull`], which says what to do.
pub const DISK_FULL: &str = "the disk is full";

/// Whether no write-ahead log with content lies beside the file (its changes would be
/// missed by an immutable open).
fn log_is_empty(path: &Path) -> bool {
    std::fs::metadata(wal_guard::log_path(path)).map_or(true, |m| m.len() == 0)
}

/// Only a regular file (or nothing) may be at the path: opening a FIFO would block forever,
/// and a folder or a device is never a database.
fn check_file_type(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(_) => Err(Error::NotADatabase { path: path.into() }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io("open", path, e)),
    }
}

/// Why the file cannot be written (read-only medium, folder or file), if it cannot.
/// SQLite needs to create its log beside the file, so the folder must be writable too.
fn why_read_only(path: &Path) -> Option<String> {
    if let Err(e) = std::fs::OpenOptions::new().write(true).open(path) {
        return Some(format!("the file cannot be written: {e}"));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let probe = dir.join(format!(".csr-write-probe-{}", std::process::id()));
    match std::fs::OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            None
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            let _ = std::fs::remove_file(&probe);
            None
        }
        Err(e) => Some(format!("its folder cannot be written: {e}")),
    }
}

/// A read-only open. Without a log beside it (or with one that must not be read), the file
/// is opened immutable: SQLite then reads the main file only and needs no shared-memory
/// file, which it could not create in a read-only folder.
fn open_for_reading(path: &Path, ignore_log: bool) -> rusqlite::Result<Connection> {
    if ignore_log || log_is_empty(path) {
        sqlite::open_immutable(path)
    } else {
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
    }
}

/// Checks identity and soundness, then sets the connection up and migrates.
fn prepare(conn: &mut Connection, path: &Path, read_only: bool, mark: Option<&Mark>) -> Result<()> {
    let corrupt = |e: rusqlite::Error| classify(path, e);
    conn.busy_timeout(Duration::from_secs(5)).map_err(corrupt)?;

    // Identity and soundness first: nothing below writes until these pass. The full
    // integrity check reads every page, so it runs in the background and with each backup
    // (`Store::verify`), not here.
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(corrupt)?;
    let tables = table_names(conn).map_err(corrupt)?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(corrupt)?;
    let fresh = app_id == 0 && tables.is_empty() && version == 0;
    if !fresh && app_id != APPLICATION_ID {
        return Err(Error::ForeignDatabase { path: path.into() });
    }
    if version < 0 {
        return Err(sqlite::damaged(
            path,
            "its layout number is one that no version of this app writes",
            format!("user_version {version}"),
        ));
    }
    if version > migrations::latest() {
        return Err(Error::NewerDatabase { path: path.into(), found: version, supported: migrations::latest() });
    }
    if app_id == APPLICATION_ID && version == 0 && !tables.is_empty() {
        // Our mark but no layout of ours: another program's tables. Never migrate into it.
        return Err(Error::ForeignDatabase { path: path.into() });
    }
    if version >= 1 {
        if let Some(missing) = migrations::tables(version).iter().find(|t| !tables.iter().any(|n| n == *t)) {
            return Err(sqlite::damaged(path, format!("its table \"{missing}\" is missing"), ""));
        }
        // A first row of each table: reads a few pages (not the whole file) and finds a
        // damaged table root at once rather than at the first save.
        for table in migrations::tables(version) {
            conn.query_row(&format!("SELECT * FROM \"{table}\" LIMIT 1"), [], |_| Ok(()))
                .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(()) } else { Err(e) })
                .map_err(corrupt)?;
        }
    }

    if read_only {
        if version < migrations::latest() {
            if let Some(mark) = mark {
                return Err(mark.error(path));
            }
            return Err(Error::ReadOnly {
                detail: "the file was saved by an older version of this app and must be updated, \
                         but it is on a read-only folder or medium; copy it to your computer first"
                    .into(),
            });
        }
        if fresh {
            return Err(Error::ReadOnly { detail: "there is no database here yet, and none can be created".into() });
        }
        return Ok(());
    }

    // WAL: readers never block the writer, and a commit is one append. FULL: a commit is on
    // disk when it returns, so a save reported as done survives a crash or power loss. On
    // macOS fsync() does not reach the platter; F_FULLFSYNC does, so ask for it.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    if cfg!(target_os = "macos") {
        conn.pragma_update(None, "fullfsync", true)?;
        conn.pragma_update(None, "checkpoint_fullfsync", true)?;
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    if fresh {
        return migrations::create(conn, APPLICATION_ID).map_err(|e| sqlite::sorted(path, e));
    }
    if version < migrations::latest() {
        // An update changes the layout: keep a copy of the file as it was, first. Damage
        // found while copying stops the update; a copy that cannot be written does not.
        match backup::snapshot(conn, path, backup::Reason::BeforeUpdate) {
            Ok(_) => {}
            Err(e @ Error::CorruptDatabase { .. }) => return Err(e),
            Err(e) => eprintln!("csr-assess: warning: no backup before the update: {e}"),
        }
    }
    migrations::migrate(conn).map_err(|e| sqlite::sorted(path, e))
}

fn table_names(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?.collect();
    names
}

/// The first 100 bytes (SQLite's header), or `None` for a missing or empty file.
fn read_header(path: &Path) -> Result<Option<Vec<u8>>> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io("open", path, e)),
    };
    let mut head = Vec::with_capacity(100);
    file.take(100).read_to_end(&mut head).map_err(|e| Error::io("read", path, e))?;
    Ok((!head.is_empty()).then_some(head))
}

/// Errors while opening: a file SQLite does not take for a database is `NotADatabase`;
/// damage becomes `CorruptDatabase`; the rest keep their kind.
fn classify(path: &Path, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::NotADatabase { path: path.into() },
        _ => sqlite::classify(path, e),
    }
}
