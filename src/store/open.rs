//! Opening the database file: make sure it is ours and sound before anything is written.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::migrations;
use crate::error::{Error, Result};

/// `PRAGMA application_id` of our databases ("CSRA"): tells our file from other SQLite files.
pub const APPLICATION_ID: i32 = 0x4353_5241;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Opens (creating if needed) the database at `path`, refusing files that are not ours,
/// damaged, or from a newer version, and brings the schema up to date.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create the folder", dir, e))?;
    }
    check_header(path)?;
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(path, e))?;
    prepare(&mut conn, path).map_err(|e| explain(&conn, e))?;
    Ok(conn)
}

/// Checks identity and soundness, then sets the connection up and migrates.
fn prepare(conn: &mut Connection, path: &Path) -> Result<()> {
    let corrupt = |e: rusqlite::Error| classify(path, e);
    conn.busy_timeout(Duration::from_secs(5)).map_err(corrupt)?;

    // Identity and soundness first: nothing below writes until these pass.
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(corrupt)?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0)).map_err(corrupt)?;
    let fresh = app_id == 0 && objects == 0;
    if !fresh && app_id != APPLICATION_ID {
        return Err(Error::ForeignDatabase { path: path.into() });
    }
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(corrupt)?;
    if check != "ok" {
        return Err(Error::CorruptDatabase { path: path.into(), detail: check });
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(corrupt)?;
    if version > migrations::latest() {
        return Err(Error::NewerDatabase { path: path.into(), found: version, supported: migrations::latest() });
    }

    // WAL: readers never block the writer, and a commit is one append. FULL: a commit is on
    // disk when it returns, so a save reported as done survives a crash or power loss.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    persist_wal(conn);
    if fresh {
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    migrations::migrate(conn)
}

/// Keeps the WAL file and its shared-memory index when the last connection closes, instead
/// of deleting and re-creating them each session. On a full disk SQLite cannot create the
/// index again, and the database could then not even be read; kept, it can, and the WAL's
/// existing space is reused for new saves.
fn persist_wal(conn: &Connection) {
    let mut on: std::ffi::c_int = 1;
    // SAFETY: the handle is valid while `conn` lives; SQLITE_FCNTL_PERSIST_WAL reads and
    // writes one int through the pointer, which points at `on`.
    unsafe {
        rusqlite::ffi::sqlite3_file_control(
            conn.handle(),
            c"main".as_ptr(),
            rusqlite::ffi::SQLITE_FCNTL_PERSIST_WAL,
            (&mut on as *mut std::ffi::c_int).cast(),
        );
    }
}

/// SQLite reports some failures of a full disk (growing the WAL index, say) as a generic
/// I/O error; the OS error behind it tells a full disk from a failing one.
pub fn explain(conn: &Connection, e: Error) -> Error {
    match &e {
        Error::Storage(inner) if inner.sqlite_error_code() == Some(rusqlite::ErrorCode::SystemIoFailure) => {
            // SAFETY: the handle is valid while `conn` lives; the call only reads an int.
            let os = unsafe { rusqlite::ffi::sqlite3_system_errno(conn.handle()) };
            if crate::error::is_no_space(os) {
                Error::DiskFull
            } else {
                e
            }
        }
        _ => e,
    }
}

/// A file that exists and has content must start with SQLite's magic string.
fn check_header(path: &Path) -> Result<()> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io("open", path, e)),
    };
    let mut head = Vec::with_capacity(16);
    file.by_ref().take(16).read_to_end(&mut head).map_err(|e| Error::io("read", path, e))?;
    if head.is_empty() || head.as_slice() == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(Error::NotADatabase { path: path.into() })
    }
}

/// Errors while opening: damaged files become `CorruptDatabase`, the rest keep their kind.
fn classify(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::DatabaseCorrupt) => Error::CorruptDatabase { path: path.into(), detail: e.to_string() },
        Some(C::NotADatabase) => Error::NotADatabase { path: path.into() },
        _ => Error::from(e),
    }
}
