//! Checks on SQLite's 100-byte file header, read before SQLite sees the file: a flipped
//! header byte is named as damage instead of surfacing as "read-only" or "try again".

use std::path::Path;

use crate::error::{Error, Result};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// `head` is the file's first bytes (up to 100). A file that does not start with SQLite's
/// magic string is not a database; one that does but has impossible header values, or is
/// not a whole number of pages long, is damaged.
pub fn check(path: &Path, head: &[u8]) -> Result<()> {
    if !head.starts_with(SQLITE_MAGIC) && !(head.len() < 16 && SQLITE_MAGIC.starts_with(head)) {
        return Err(Error::NotADatabase { path: path.into() });
    }
    let damaged = |what: &str| {
        Err(super::sqlite::damaged(path, "its first bytes (the header SQLite reads first) are damaged", what))
    };
    if head.len() < 100 {
        return damaged("the file is shorter than its header");
    }
    let u16_at = |i: usize| u16::from_be_bytes([head[i], head[i + 1]]) as u32;
    let u32_at = |i: usize| u32::from_be_bytes([head[i], head[i + 1], head[i + 2], head[i + 3]]);
    let page_size = match u16_at(16) {
        1 => 65_536,
        n if (512..=32_768).contains(&n) && n.is_power_of_two() => n,
        n => return damaged(&format!("page size {n}")),
    };
    if !(1..=2).contains(&head[18]) || !(1..=2).contains(&head[19]) {
        return damaged(&format!("file format versions {} and {}", head[18], head[19]));
    }
    if head[20] > 64 || (head[21], head[22], head[23]) != (64, 32, 32) {
        return damaged("page layout bytes");
    }
    if u32_at(44) > 4 {
        return damaged(&format!("schema format {}", u32_at(44)));
    }
    if u32_at(56) > 3 {
        return damaged(&format!("text encoding {}", u32_at(56)));
    }
    if (u32_at(60) as i32) < 0 {
        return damaged(&format!("layout number {}", u32_at(60) as i32));
    }
    let len = std::fs::metadata(path).map_err(|e| Error::io("read", path, e))?.len();
    if len % u64::from(page_size) != 0 {
        // SQLite only ever writes whole pages: a partial one means the file was cut short.
        return Err(super::sqlite::damaged(
            path,
            "the file is cut short (it ends inside a page)",
            format!("{len} bytes is not a whole number of {page_size}-byte pages"),
        ));
    }
    Ok(())
}
