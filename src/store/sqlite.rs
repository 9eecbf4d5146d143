//! What every part of the store needs from SQLite, and imports from nowhere else in the
//! store: our application id, a file's URI, a read-only open that touches nothing, and the
//! sorting of SQLite's failures into damage (said in our words) and everything else.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::error::Error;

/// `PRAGMA application_id` of our databases ("CSRA"): tells our file from other SQLite files.
pub const APPLICATION_ID: i32 = 0x4353_5241;

/// `path` as an SQLite `file:` URI (percent-encoding the characters URIs reserve).
pub fn file_uri(path: &Path) -> String {
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

/// Opens `path` read-only and immutable: SQLite reads the main file only (no log, no
/// shared memory) and writes nothing anywhere. For backups, and for looking at a file
/// before its log may be replayed.
pub fn open_immutable(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(format!("{}?immutable=1", file_uri(path)), flags)
}

/// Damage of the database at `path`: `detail` in our words, `support` SQLite's.
pub fn damaged(path: &Path, detail: impl Into<String>, support: impl Into<String>) -> Error {
    Error::CorruptDatabase { path: path.into(), detail: detail.into(), support: support.into() }
}

/// Fills in the path of a damage error raised where the path was not known.
pub fn with_path(path: &Path, e: Error) -> Error {
    match e {
        Error::CorruptDatabase { path: p, detail, support } if p.as_os_str().is_empty() => {
            damaged(path, detail, support)
        }
        other => other,
    }
}

/// Whether SQLite's error means the file's content is damaged or its schema is not ours:
/// corruption codes, values that do not convert (text that is not UTF-8, JSON that does not
/// parse, a number where text belongs), and tables or columns that have gone missing.
pub fn is_damage(e: &rusqlite::Error) -> bool {
    use rusqlite::Error as E;
    use rusqlite::ErrorCode as C;
    match e {
        E::FromSqlConversionFailure(..)
        | E::InvalidColumnType(..)
        | E::IntegralValueOutOfRange(..)
        | E::Utf8Error(..)
        | E::InvalidColumnIndex(..)
        | E::InvalidColumnName(..) => true,
        E::SqliteFailure(f, msg) => match f.code {
            C::DatabaseCorrupt | C::NotADatabase => true,
            C::Unknown | C::SchemaChanged => msg.as_deref().is_some_and(schema_gone),
            _ => false,
        },
        // A statement that no longer compiles against the file's schema (a table or column
        // renamed by a flipped bit in it): SQLite reports it with the place in our SQL.
        E::SqlInputError { error, msg, .. } => {
            matches!(error.code, C::DatabaseCorrupt | C::NotADatabase) || schema_gone(msg)
        }
        _ => false,
    }
}

/// SQLite's words for a schema that is not the one our statements were written for.
fn schema_gone(msg: &str) -> bool {
    ["no such table", "no such column", "malformed database schema", "unsupported file format"]
        .iter()
        .any(|p| msg.starts_with(p))
}

/// What a damage error of SQLite means, in our words (its own text goes to support).
pub fn explain_damage(e: &rusqlite::Error) -> &'static str {
    use rusqlite::Error as E;
    match e {
        E::FromSqlConversionFailure(_, _, inner) if inner.to_string().contains("checksum") => {
            "a value in it is not what was saved (its checksum does not match)"
        }
        E::FromSqlConversionFailure(..)
        | E::InvalidColumnType(..)
        | E::IntegralValueOutOfRange(..)
        | E::Utf8Error(..) => "a value in it cannot be read as what was saved",
        E::InvalidColumnIndex(..) | E::InvalidColumnName(..) => "a column of its tables is missing",
        E::SqliteFailure(_, Some(m)) if m.starts_with("no such") => "a table or column of it is missing",
        E::SqlInputError { msg, .. } if msg.starts_with("no such") => "a table or column of it is missing",
        E::SqliteFailure(..) => "a part of the file cannot be read (a damaged page)",
        _ => "a part of the file cannot be read",
    }
}

/// A failed read or write of the database at `path`, sorted: damage becomes
/// `CorruptDatabase` (our words, SQLite's text for support); anything else (busy, I/O, an
/// unplugged drive) keeps its own kind, so a good file is never called damaged.
pub fn classify(path: &Path, e: rusqlite::Error) -> Error {
    if is_damage(&e) {
        damaged(path, explain_damage(&e), e.to_string())
    } else {
        Error::from(e)
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

/// An error on its way out of the store: SQLite's damage named as damage of `path`.
pub fn sorted(path: &Path, e: Error) -> Error {
    match e {
        Error::Storage(inner) if is_damage(&inner) => damaged(path, explain_damage(&inner), inner.to_string()),
        other => with_path(path, other),
    }
}
