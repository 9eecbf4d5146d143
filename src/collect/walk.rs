//! Finds the files to read under the paths given: PDFs and interchange `.json` files, in
//! folders searched recursively, in a stable order.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Deeper folders than this are not searched (a link loop or a mistake, not a mailbox).
const MAX_DEPTH: usize = 32;

/// Whether a file name is one `collect` reads: `.pdf` or `.json`, any case.
pub fn is_candidate(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    matches!(ext.as_deref(), Some("pdf" | "json"))
}

/// Every PDF and `.json` file under `paths`, sorted and without repeats. A path given
/// explicitly is read whatever its name; hidden files and folders (".…") and symbolic links
/// inside folders are skipped.
pub fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| Error::io("read", path, e))?;
        if meta.is_dir() {
            walk(path, 0, &mut out)?;
        } else {
            out.push(path.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> Result<()> {
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io("list the folder", dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io("list the folder", dir, e))?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| Error::io("read", &path, e))?;
        if kind.is_dir() {
            walk(&path, depth + 1, out)?;
        } else if kind.is_file() && is_candidate(&path) {
            out.push(path);
        }
    }
    Ok(())
}
