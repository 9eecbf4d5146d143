//! Writing files users keep (exports, PDFs) so that a crash or a full disk never leaves a
//! half-written file in place of a good one.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically: into a temporary file in the same folder, flushed to
/// disk, then renamed over the target. On failure the target is unchanged and the temporary
/// file removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
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
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        if e.raw_os_error().is_some_and(crate::error::is_no_space) || e.kind() == std::io::ErrorKind::StorageFull {
            Error::DiskFull
        } else {
            Error::io("write", path, e)
        }
    })
}
