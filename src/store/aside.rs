//! Moving a file aside under a name that nothing else has: a file set aside is kept for the
//! user or for support, and must never replace another one kept before it (two restores in
//! the same second, two stale logs).

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// The first free name `<stem><ext>`, `<stem>-2<ext>`, … in `dir`.
fn candidate(dir: &Path, stem: &str, ext: &str, n: u32) -> PathBuf {
    if n == 1 {
        dir.join(format!("{stem}{ext}"))
    } else {
        dir.join(format!("{stem}-{n}{ext}"))
    }
}

/// Moves `from` into `dir` as `<stem><ext>` (or `<stem>-N<ext>` when that is taken) without
/// ever replacing a file, and returns the name it got. A hard link is made first (which
/// fails rather than replace), then the old name removed; where hard links are not possible
/// (FAT on a USB stick), a rename to a name checked free just before.
pub fn move_aside(from: &Path, dir: &Path, stem: &str, ext: &str) -> std::io::Result<PathBuf> {
    for n in 1..10_000 {
        let to = candidate(dir, stem, ext, n);
        match std::fs::hard_link(from, &to) {
            Ok(()) => {
                std::fs::remove_file(from)?;
                return Ok(to);
            }
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(_) if to.exists() || to.symlink_metadata().is_ok() => continue,
            Err(_) => {
                std::fs::rename(from, &to)?;
                return Ok(to);
            }
        }
    }
    Err(std::io::Error::new(ErrorKind::AlreadyExists, "no free name to set the file aside"))
}

/// Moves `from` to exactly `to` unless `to` exists already (the companions of a file set
/// aside: its log and shared memory follow its name).
pub fn move_beside(from: &Path, to: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(from, to) {
        Ok(()) => std::fs::remove_file(from),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(e),
        Err(_) if to.exists() => Err(std::io::Error::new(ErrorKind::AlreadyExists, "taken")),
        Err(_) => std::fs::rename(from, to),
    }
}
