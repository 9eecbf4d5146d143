//! Opening the database file: make sure it is ours and sound before anything is written.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::{backup, header, migrations, wal_guard};
use crate::error::{Error, Result};

/// `PRAGMA application_id` of our databases ("CSRA"): tells our file from other SQLite files.
pub const APPLICATION_ID: i32 = 0x4353_5241;

/// An open connection, and why editing is off when the file could only be opened for reading.
pub struct Opened {
    pub conn: Connection,
    pub read_only: Option<String>,
}

/// Opens (creating if needed) the database at `path`, refusing files that are not ours,
/// damaged, or from a newer version, and brings the schema up to date. On a read-only
/// folder or medium the file is opened for reading only.
pub fn open(path: &Path) -> Result<Opened> {
    check_file_type(path)?;
    let exists = path.exists();
    if !exists {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create the folder", dir, e))?;
        }
    }
    let head = read_header(path)?;
    if let Some(head) = &head {
        header::check(path, head)?;
    }
    let read_only = if exists { why_read_only(path) } else { None };
    if read_only.is_none() {
        wal_guard::set_aside_stale_log(path);
    }
    let opened = (|| {
        let mut conn = match &read_only {
            None => Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            ),
            Some(_) => open_for_reading(path),
        }
        .map_err(|e| classify(path, e))?;
        prepare(&mut conn, path, read_only.is_some()).map_err(|e| explain(&conn, e))?;
        Ok(conn)
    })();
    match opened {
        Ok(conn) => Ok(Opened { conn, read_only }),
        // On a full disk SQLite cannot even create the shared-memory file a read needs. The
        // assessments can still be read (to export them elsewhere, or print the PDF) when no
        // log holds changes beyond the file: opened immutable, nothing needs writing.
        Err(Error::DiskFull) if exists && read_only.is_none() && log_is_empty(path) => {
            let mut conn = open_for_reading(path).map_err(|e| classify(path, e))?;
            prepare(&mut conn, path, true).map_err(|e| explain(&conn, e))?;
            Ok(Opened { conn, read_only: Some(DISK_FULL.into()) })
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

/// A read-only open. Without a log beside it, the file is opened immutable: SQLite then
/// needs no shared-memory file, which it could not create in a read-only folder.
fn open_for_reading(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
    if !log_is_empty(path) {
        Connection::open_with_flags(path, flags & !OpenFlags::SQLITE_OPEN_URI)
    } else {
        Connection::open_with_flags(format!("{}?immutable=1", file_uri(path)), flags)
    }
}

/// `path` as an SQLite `file:` URI (percent-encoding the characters URIs reserve).
pub(super) fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for b in path.to_string_lossy().bytes() {
        match b {
            b'%' | b'?' | b'#' | b' ' => uri.push_str(&format!("%{b:02X}")),
            b'\\' => uri.push('/'),
            _ => uri.push(b as char),
        }
    }
    uri
}

/// Checks identity and soundness, then sets the connection up and migrates.
fn prepare(conn: &mut Connection, path: &Path, read_only: bool) -> Result<()> {
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
        return Err(damaged(path, format!("its layout number is {version}, which no version of this app writes")));
    }
    if version > migrations::latest() {
        return Err(Error::NewerDatabase { path: path.into(), found: version, supported: migrations::latest() });
    }
    if app_id == APPLICATION_ID && version == 0 && !tables.is_empty() {
        // Our mark but no layout of ours: another program's tables. Never migrate into it.
        return Err(Error::ForeignDatabase { path: path.into() });
    }
    let expected: &[&str] = if version == migrations::latest() { migrations::TABLES } else { &migrations::TABLES[..5] };
    if version >= 1 {
        if let Some(missing) = expected.iter().find(|t| !tables.iter().any(|n| n == *t)) {
            return Err(damaged(path, format!("its table \"{missing}\" is missing")));
        }
        // A first row of each table: reads a few pages (not the whole file) and finds a
        // damaged table root at once rather than at the first save.
        for table in expected {
            conn.query_row(&format!("SELECT * FROM \"{table}\" LIMIT 1"), [], |_| Ok(()))
                .or_else(|e| if e == rusqlite::Error::QueryReturnedNoRows { Ok(()) } else { Err(e) })
                .map_err(corrupt)?;
        }
    }

    if read_only {
        if version < migrations::latest() {
            return Err(Error::ReadOnly {
                detail: "the file was saved by an older version of this app and must be updated, \
                         but it is on a read-only folder or medium; copy it to your computer first"
                    .into(),
            });
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
        conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    } else if version < migrations::latest() {
        // An update changes the layout: keep a copy of the file as it was, first.
        if let Err(e) = backup::snapshot(conn, path, backup::Reason::BeforeUpdate) {
            eprintln!("csr: no snapshot before the update: {e}");
        }
    }
    migrations::migrate(conn).map_err(|e| with_path(path, e))
}

fn table_names(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?.collect();
    names
}

pub(super) fn damaged(path: &Path, detail: impl Into<String>) -> Error {
    Error::CorruptDatabase { path: path.into(), detail: detail.into() }
}

/// Fills in the path of a damage error raised where the path was not known.
pub(super) fn with_path(path: &Path, e: Error) -> Error {
    match e {
        Error::CorruptDatabase { path: p, detail } if p.as_os_str().is_empty() => damaged(path, detail),
        other => other,
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

/// Errors while opening: damaged files become `CorruptDatabase`, the rest keep their kind.
fn classify(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    match e.sqlite_error_code() {
        Some(C::NotADatabase) => Error::NotADatabase { path: path.into() },
        _ if super::damage::is_damage(&e) => damaged(path, e.to_string()),
        _ => Error::from(e),
    }
}
