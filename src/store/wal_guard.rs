//! Ties a write-ahead log to the database file it belongs to, so that a stale log (left by a
//! crash before a backup was copied back, or copied in from another database) is set aside
//! instead of being replayed into the wrong file.
//!
//! SQLite's log names no database: a log beside a file is replayed into it. So every write
//! transaction of ours also rewrites the one row of `wal_guard`: "csr-wal-guard:" + the
//! database's random identity + a counter that each transaction increments. A log that
//! holds our transactions therefore holds that row's page, and at open its identity must be
//! the file's, and its first counter must follow on from the file's (the log starts where
//! the file's last full checkpoint left off).

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

const MARKER: &[u8] = b"csr-wal-guard:";
/// Marker, 32 hex digits of identity, ':', 20 digits of counter.
const STAMP_LEN: usize = 14 + 32 + 1 + 20;

/// The SQL that each write transaction runs first.
pub const BUMP: &str =
    "UPDATE wal_guard SET stamp = substr(stamp, 1, 47) || printf('%020d', CAST(substr(stamp, 48) AS INTEGER) + 1)";

pub fn log_path(db: &Path) -> PathBuf {
    sibling(db, "-wal")
}

fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// A guard stamp: the database's identity and the transaction counter.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    identity: Vec<u8>,
    counter: u64,
}

fn parse_stamp(bytes: &[u8]) -> Option<Stamp> {
    let at = bytes.windows(MARKER.len()).position(|w| w == MARKER)?;
    let s = bytes.get(at..at + STAMP_LEN)?;
    let counter = std::str::from_utf8(&s[47..]).ok()?.parse().ok()?;
    Some(Stamp { identity: s[14..46].to_vec(), counter })
}

/// What the log holds: its salts and size (to tell a live log from a stale one), and the
/// guard stamps of its first and last transactions.
#[derive(Debug, PartialEq, Eq)]
struct LogScan {
    salts: [u8; 8],
    len: u64,
    page_size: u32,
    first: Option<Stamp>,
    last: Option<Stamp>,
}

/// Reads the log's header and frames (stopping at the first frame of an older generation).
/// Every page is searched for the stamp: in a log from another database the guard may sit
/// on another page.
fn scan_log(path: &Path) -> std::io::Result<Option<LogScan>> {
    let file = File::open(path)?;
    let len = file.metadata()?.len();
    let mut r = BufReader::new(file);
    let mut head = [0u8; 32];
    if len < 32 || r.read_exact(&mut head).is_err() {
        return Ok(None);
    }
    let magic = u32::from_be_bytes(head[0..4].try_into().unwrap());
    if magic & !1 != 0x377f_0682 {
        return Ok(None);
    }
    let page_size = u32::from_be_bytes(head[8..12].try_into().unwrap());
    let salts: [u8; 8] = head[16..24].try_into().unwrap();
    let mut scan = LogScan { salts, len, page_size, first: None, last: None };
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return Ok(Some(scan));
    }
    let mut frame_head = [0u8; 24];
    let mut page = vec![0u8; page_size as usize];
    while r.read_exact(&mut frame_head).is_ok() && r.read_exact(&mut page).is_ok() {
        if frame_head[8..16] != salts {
            break;
        }
        if let Some(stamp) = parse_stamp(&page) {
            scan.first.get_or_insert_with(|| stamp.clone());
            scan.last = Some(stamp);
        }
    }
    Ok(Some(scan))
}

/// The page size and guard stamp as the database file itself holds them (the log is not
/// read: the file is opened immutable).
fn file_guard(db: &Path) -> Option<(u32, Stamp)> {
    let uri = format!("{}?immutable=1", super::open::file_uri(db));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(uri, flags).ok()?;
    let page_size: u32 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).ok()?;
    let stamp: String = conn.query_row("SELECT stamp FROM wal_guard WHERE id = 1", [], |r| r.get(0)).ok()?;
    Some((page_size, parse_stamp(stamp.as_bytes())?))
}

/// Why the log beside `db` must not be replayed into it, if it must not.
fn stale_reason(db: &Path, log: &Path) -> Option<String> {
    let (page_size, _) = file_guard(db)?;
    // The log first, then the file: a live writer that checkpoints in between only moves the
    // file forward, which the checks below allow.
    let scan = scan_log(log).ok()??;
    if scan.page_size != page_size {
        return Some(format!("its page size {} is not the database's {page_size}", scan.page_size));
    }
    let (first, last) = (scan.first.as_ref()?, scan.last.as_ref()?);
    let (_, in_file) = file_guard(db)?;
    if first.identity != in_file.identity {
        return Some("it belongs to another database".into());
    }
    if in_file.counter + 1 < first.counter {
        return Some(format!(
            "it continues change {} but the database file is at change {} (an older copy was put back)",
            first.counter - 1,
            in_file.counter
        ));
    }
    if in_file.counter > last.counter {
        // Newer file than log, unless a writer is appending right now: look again.
        let again = scan_log(log).ok()??;
        if again.salts == scan.salts && again.len == scan.len {
            return Some(format!(
                "its last change is {} but the database file is already at change {} (a newer copy was put back)",
                last.counter, in_file.counter
            ));
        }
    }
    None
}

/// Moves a stale log (and its index) aside, keeping it for support, so SQLite does not
/// replay it. A log that may belong to the file is left alone: it may hold saves that a
/// crash kept from reaching the file.
pub fn set_aside_stale_log(db: &Path) {
    let log = log_path(db);
    if !log.is_file() {
        return;
    }
    let Some(reason) = stale_reason(db, &log) else { return };
    let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
    let kept = sibling(db, &format!("-wal.stale-{stamp}"));
    eprintln!("csr: the log beside {} was set aside as {} because {reason}", db.display(), kept.display());
    if std::fs::rename(&log, &kept).is_ok() {
        let _ = std::fs::remove_file(sibling(db, "-shm"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_parse_from_page_bytes() {
        let mut page = vec![0u8; 100];
        let s = b"csr-wal-guard:0123456789abcdef0123456789abcdef:00000000000000000042";
        page[30..30 + s.len()].copy_from_slice(s);
        let stamp = parse_stamp(&page).unwrap();
        assert_eq!(stamp.counter, 42);
        assert_eq!(stamp.identity, b"0123456789abcdef0123456789abcdef");
        assert!(parse_stamp(b"csr-wal-guard:short").is_none());
    }
}
