//! Writing files users keep (exports, PDFs) so that a crash or a full disk never leaves a
//! half-written file in place of a good one.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically: into a temporary file in the same folder, flushed to
/// disk, then renamed over the target. On failure the target is unchanged and the temporary
/// file removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_one(path, bytes, true)
}

/// Writes many files as [`write_atomic`] writes one, flushing each file but each folder
/// only once, after its last file: half the flushes for the 1,000 feedback files of a
/// workbook. Stops at the first failure (the files before it are written, each whole).
pub fn write_atomic_all<'a>(files: impl IntoIterator<Item = (&'a Path, &'a [u8])>) -> Result<()> {
    let mut folders: Vec<&Path> = Vec::new();
    for (path, bytes) in files {
        write_one(path, bytes, false)?;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if !folders.contains(&dir) {
            folders.push(dir);
        }
    }
    for dir in folders {
        sync_folder(dir).map_err(|e| Error::io("write", dir, e))?;
    }
    Ok(())
}

fn write_one(path: &Path, bytes: &[u8], sync_dir: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| Error::invalid("file name", format!("{} names a folder, not a file.", path.display())))?;
    // Process id and a counter: two writes to one file at once (the app runs commands
    // concurrently) must not share a temporary file.
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{}.{}-{n}.tmp", name.to_string_lossy(), std::process::id()));
    // The replaced file keeps its permissions (a file shared read-only stays read-only).
    let mode = std::fs::metadata(path).ok().map(|m| m.permissions());
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        if let Some(mode) = mode {
            let _ = std::fs::set_permissions(&tmp, mode);
        }
        rename_with_retry(&tmp, path)?;
        if sync_dir {
            sync_folder(dir)?;
        }
        Ok::<(), std::io::Error>(())
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        if e.raw_os_error().is_some_and(crate::error::is_no_space) || e.kind() == std::io::ErrorKind::StorageFull {
            Error::FileDiskFull { path: path.into() }
        } else if is_in_use(&e) {
            Error::FileInUse { path: path.into() }
        } else {
            Error::io("write", path, e)
        }
    })
}

/// Renames `from` over `to` and flushes the folder, so the new name survives a power cut.
pub fn rename_durably(from: &Path, to: &Path) -> Result<()> {
    let dir = match to.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    rename_with_retry(from, to).and_then(|_| sync_folder(dir)).map_err(|e| {
        if is_in_use(&e) {
            Error::FileInUse { path: to.into() }
        } else {
            Error::io("replace", to, e)
        }
    })
}

/// On Windows a virus scanner, OneDrive or the search indexer briefly opens new files, and
/// the rename then fails with "access denied" or a sharing violation for a moment: retry
/// with back-off (about 1.5 s in all) before reporting the file as in use.
fn rename_with_retry(from: &Path, to: &Path) -> std::io::Result<()> {
    let mut wait = std::time::Duration::from_millis(25);
    for _ in 0..6 {
        match std::fs::rename(from, to) {
            Err(e) if cfg!(windows) && is_in_use(&e) => std::thread::sleep(wait),
            other => return other,
        }
        wait *= 2;
    }
    std::fs::rename(from, to)
}

/// Whether the OS refused because another program has the file open: on Windows
/// ERROR_ACCESS_DENIED (5), ERROR_SHARING_VIOLATION (32) or ERROR_LOCK_VIOLATION (33).
fn is_in_use(e: &std::io::Error) -> bool {
    cfg!(windows) && matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

/// Flushes a file written by someone else (SQLite's `VACUUM INTO`, `std::fs::copy`) to disk.
/// On Windows through a handle opened for writing: Windows refuses to flush a read-only
/// handle ("access denied"), which made every backup fail there. Elsewhere read-only, which
/// flushes as well and also works on a file without write permission.
pub fn sync_file(path: &Path) -> std::io::Result<()> {
    #[cfg(windows)]
    {
        // A copy keeps its source's read-only attribute; the copy is ours to write.
        let mut permissions = std::fs::metadata(path)?.permissions();
        if permissions.readonly() {
            // On Windows this clears only the read-only attribute (the lint is about Unix
            // modes, where it would make the file writable by everyone).
            #[allow(clippy::permissions_set_readonly_false)]
            permissions.set_readonly(false);
            std::fs::set_permissions(path, permissions)?;
        }
        std::fs::OpenOptions::new().write(true).open(path)?.sync_all()
    }
    #[cfg(not(windows))]
    std::fs::File::open(path)?.sync_all()
}

/// Flushes a folder's entries (Unix; Windows has no such call and NTFS journals renames).
fn sync_folder(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    let _ = dir;
    Ok(())
}

/// A file name safe on Windows, macOS and Linux that keeps Japanese: `start`, then each of
/// `parts` made safe (characters a file system refuses as "_", spaces as "-", at most 60
/// characters, no leading or trailing dots, dashes or underscores; empty ones left out),
/// joined by "_", then `.extension`: 「CSRセルフアセスメント_株式会社さくら_2026年度.pdf」.
pub fn file_name(start: &str, parts: &[&str], extension: &str) -> String {
    let mut name = vec![start.to_string()];
    name.extend(parts.iter().map(|p| file_name_part(p)).filter(|p| !p.is_empty()));
    format!("{}.{extension}", name.join("_"))
}

/// One part of a [`file_name`].
fn file_name_part(s: &str) -> String {
    let s: String = s
        .trim()
        .chars()
        .map(|c| {
            if c.is_control() || "\\/:*?\"<>|".contains(c) {
                '_'
            } else if c.is_whitespace() {
                '-'
            } else {
                c
            }
        })
        .collect();
    s.trim_matches(['.', '-', '_']).chars().take(60).collect()
}
