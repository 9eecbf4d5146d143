//! Validates a write-ahead log before SQLite may replay it into the file beside it. A log
//! that another program wrote (sqlite3, DB Browser), one from another database, or one left
//! by a crash before an older or newer copy of the file was put back, is set aside instead:
//! kept for the user and support, never merged into the file. A plain read then never
//! changes the main file with someone else's changes.
//!
//! SQLite's log names no database: a log beside a file is replayed into it. So every write
//! transaction of ours also rewrites the one row of `wal_guard`: "csr-wal-guard:" + the
//! database's random identity + a counter that each transaction increments. Every committed
//! transaction in a log of ours therefore holds that row's page. A log is accepted when each
//! of its committed transactions carries the stamp, with the file's identity and counters
//! that follow on from one another, and the file is where those transactions leave off or
//! between them (a checkpoint may have copied part of the log already). Frames are read as
//! SQLite reads them: only those whose salts and running checksum are valid, up to the last
//! commit, since only those would be replayed.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use super::sqlite;

const MARKER: &[u8] = b"csr-wal-guard:";
/// Marker, 32 hex digits of identity, ':', 20 digits of counter.
const STAMP_LEN: usize = 14 + 32 + 1 + 20;

/// The SQL that each write transaction runs first.
pub const BUMP: &str =
    "UPDATE wal_guard SET stamp = substr(stamp, 1, 47) || printf('%020d', CAST(substr(stamp, 48) AS INTEGER) + 1)";

/// Moves the guard on, first thing in a write transaction. A file whose guard row is gone
/// is damaged: a transaction without the stamp would make its own log look foreign.
pub fn bump(conn: &rusqlite::Connection) -> crate::error::Result<()> {
    match conn.execute(BUMP, [])? {
        1 => Ok(()),
        _ => Err(sqlite::damaged(Path::new(""), "its guard row (which ties its log to it) is missing", "")),
    }
}

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

/// What a log would replay: its page size and salts, its length, and the guard stamp of
/// each committed transaction (`None` for a transaction without one).
#[derive(Debug, PartialEq, Eq)]
struct LogScan {
    salts: [u8; 8],
    len: u64,
    page_size: u32,
    transactions: Vec<Option<Stamp>>,
}

/// SQLite's running checksum of the log (over pairs of 32-bit words, in the byte order the
/// log's magic number names).
fn checksum(big_endian: bool, data: &[u8], mut s: (u32, u32)) -> (u32, u32) {
    for pair in data.chunks_exact(8) {
        let word = |b: &[u8]| {
            let b: [u8; 4] = b.try_into().expect("four bytes");
            if big_endian {
                u32::from_be_bytes(b)
            } else {
                u32::from_le_bytes(b)
            }
        };
        s.0 = s.0.wrapping_add(word(&pair[0..4])).wrapping_add(s.1);
        s.1 = s.1.wrapping_add(word(&pair[4..8])).wrapping_add(s.0);
    }
    s
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes(b[..4].try_into().expect("four bytes"))
}

/// Reads the log's valid frames, as SQLite would at recovery.
fn scan_log(path: &Path) -> std::io::Result<Option<LogScan>> {
    let file = File::open(path)?;
    let len = file.metadata()?.len();
    let mut r = BufReader::new(file);
    let mut head = [0u8; 32];
    if len < 32 || r.read_exact(&mut head).is_err() {
        return Ok(None);
    }
    let magic = be32(&head[0..4]);
    if magic & !1 != 0x377f_0682 {
        return Ok(None);
    }
    let big_endian = magic & 1 == 1;
    let page_size = be32(&head[8..12]);
    let salts: [u8; 8] = head[16..24].try_into().expect("eight bytes");
    let mut scan = LogScan { salts, len, page_size, transactions: Vec::new() };
    let mut sum = checksum(big_endian, &head[..24], (0, 0));
    if sum != (be32(&head[24..28]), be32(&head[28..32])) {
        return Ok(None); // SQLite ignores a log whose header does not check
    }
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return Ok(None);
    }
    let mut frame_head = [0u8; 24];
    let mut page = vec![0u8; page_size as usize];
    let mut pending: Option<Stamp> = None;
    while r.read_exact(&mut frame_head).is_ok() && r.read_exact(&mut page).is_ok() {
        if frame_head[8..16] != salts {
            break;
        }
        sum = checksum(big_endian, &frame_head[..8], sum);
        sum = checksum(big_endian, &page, sum);
        if sum != (be32(&frame_head[16..20]), be32(&frame_head[20..24])) {
            break;
        }
        if let Some(stamp) = parse_stamp(&page) {
            pending = Some(stamp);
        }
        if be32(&frame_head[4..8]) != 0 {
            // A commit frame: the transaction is complete (a later one without a commit
            // frame would not be replayed).
            scan.transactions.push(pending.take());
        }
    }
    Ok(Some(scan))
}

/// What the database file itself holds (read immutable: its log is not looked at).
struct FileGuard {
    page_size: u32,
    /// The layout version: logs of files older than the guard (layout < 2) carry none.
    version: i64,
    stamp: Option<Stamp>,
    /// The file is empty: everything of it may still be in its log.
    empty: bool,
}

fn file_guard(db: &Path) -> Option<FileGuard> {
    if std::fs::metadata(db).ok()?.len() == 0 {
        return Some(FileGuard { page_size: 0, version: 0, stamp: None, empty: true });
    }
    let conn = sqlite::open_immutable(db).ok()?;
    let page_size: u32 = conn.query_row("PRAGMA page_size", [], |r| r.get(0)).ok()?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).ok()?;
    let stamp: Option<String> = conn.query_row("SELECT stamp FROM wal_guard WHERE id = 1", [], |r| r.get(0)).ok();
    Some(FileGuard { page_size, version, stamp: stamp.and_then(|s| parse_stamp(s.as_bytes())), empty: false })
}

/// Why the log beside `db` must not be replayed into it, if it must not.
fn foreign_reason(db: &Path, log: &Path) -> Option<String> {
    // The log first, then the file: a live writer that checkpoints in between only moves the
    // file forward, which the checks below allow.
    let scan = scan_log(log).ok()??;
    if scan.transactions.is_empty() {
        return None; // nothing in it would be replayed
    }
    let file = file_guard(db)?;
    if !file.empty && scan.page_size != file.page_size {
        return Some(format!("its page size {} is not the database's {}", scan.page_size, file.page_size));
    }
    if !file.empty && file.version < 2 && file.stamp.is_none() {
        return None; // written by a version of this app from before the guard
    }
    let mut stamps = Vec::with_capacity(scan.transactions.len());
    for t in &scan.transactions {
        match t {
            Some(s) => stamps.push(s),
            None => return Some("it holds changes that this app did not make (another program wrote them)".into()),
        }
    }
    let (first, last) = (stamps[0], stamps[stamps.len() - 1]);
    if stamps.iter().any(|s| s.identity != first.identity)
        || stamps.windows(2).any(|w| w[1].counter != w[0].counter + 1)
    {
        return Some("its changes do not follow on from one another (logs of two files were mixed)".into());
    }
    let Some(in_file) = &file.stamp else {
        // An empty file whose whole content is still in its log: consistent, so ours.
        return if file.empty {
            None
        } else {
            Some("the database holds no mark of this app to check it against".into())
        };
    };
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

/// What became of a log that must not be replayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Why it was not replayed.
    pub reason: String,
    /// Where it is kept now; `None` when it could not be moved (a read-only folder): the
    /// file is then read without it.
    pub kept: Option<PathBuf>,
}

/// Checks the log beside `db` and sets it (and its shared-memory index) aside when it must
/// not be replayed. A log that belongs to the file is left alone: it may hold saves that a
/// crash kept from reaching the file.
pub fn check_log(db: &Path) -> Option<SetAside> {
    let log = log_path(db);
    if !log.is_file() {
        return None;
    }
    let reason = foreign_reason(db, &log)?;
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = db.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
    let kept = super::aside::move_aside(&log, dir, &format!("{name}-wal.stale-{stamp}"), "").ok();
    if kept.is_some() {
        let _ = std::fs::remove_file(sibling(db, "-shm"));
    }
    Some(SetAside { reason, kept })
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
