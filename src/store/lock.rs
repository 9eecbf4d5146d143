//! Who may replace the database file, and whether the path still names the file that was
//! opened.
//!
//! - The app holds the *session lock* (an OS lock on `assessments.sqlite3.session-lock`) for
//!   as long as it runs. A restore takes it too, so `csr-assess restore-backup` while the app
//!   is open is refused, and so is a second app in another desktop session (another user
//!   logged in on the same computer), where the single-instance guard does not reach.
//! - A restore holds the *restore lock* while it runs: a second restore at the same time (a
//!   double click, two commands) is refused instead of moving files under the first.
//! - Before each write the store compares the file at its path with the one it opened
//!   (device and inode on Unix, volume serial and file index on Windows): a file put in its
//!   place by another program is never written through the old connection.
//!
//! The locks are the operating system's (`flock` on Unix, `LockFileEx` on Windows): they go
//! with the process, so a crashed app leaves no stale lock behind. The lock files stay.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// An OS lock held on a lock file until dropped.
#[derive(Debug)]
pub struct Held {
    _file: File,
}

/// Takes the exclusive lock on `file` now, or says it is held. `None`: the lock file cannot
/// be created (a read-only folder or medium, where nothing can be replaced anyway).
fn take(file: &Path) -> std::result::Result<Option<Held>, ()> {
    let opened = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(file);
    let Ok(f) = opened else { return Ok(None) };
    match f.try_lock() {
        Ok(()) => Ok(Some(Held { _file: f })),
        Err(TryLockError::WouldBlock) => Err(()),
        // A file system without locks (some network shares): nothing to coordinate with.
        Err(TryLockError::Error(_)) => Ok(None),
    }
}

/// The session lock of the database at `db`: the app holds it while it runs.
pub fn session(db: &Path) -> Result<Option<Held>> {
    take(&sibling(db, ".session-lock")).map_err(|()| Error::DatabaseInUse { path: db.into() })
}

/// The restore lock: held while a backup is put in place of the database.
pub fn restore(db: &Path) -> Result<Option<Held>> {
    take(&sibling(db, ".restore-lock")).map_err(|()| Error::RestoreRunning { path: db.into() })
}

/// The identity of a file: the same while it is the same file, whatever its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    volume: u64,
    index: u64,
}

/// The identity of the file at `path` now.
pub fn identity(path: &Path) -> std::io::Result<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let m = std::fs::metadata(path)?;
        Ok(FileId { volume: m.dev(), index: m.ino() })
    }
    #[cfg(windows)]
    {
        windows::identity(path)
    }
    #[cfg(not(any(unix, windows)))]
    {
        let _ = path;
        Ok(FileId { volume: 0, index: 0 })
    }
}

#[cfg(windows)]
mod windows {
    //! `GetFileInformationByHandle`, declared here rather than through a crate: the volume
    //! serial number and the 64-bit file index name a file on NTFS, FAT and ReFS (on ReFS the
    //! index is truncated to 64 bits, which still changes when another file takes the name).

    use std::os::windows::io::AsRawHandle;
    use std::path::Path;

    use super::FileId;

    #[repr(C)]
    struct FileTime {
        low: u32,
        high: u32,
    }

    #[repr(C)]
    struct ByHandleFileInformation {
        file_attributes: u32,
        creation_time: FileTime,
        last_access_time: FileTime,
        last_write_time: FileTime,
        volume_serial_number: u32,
        file_size_high: u32,
        file_size_low: u32,
        number_of_links: u32,
        file_index_high: u32,
        file_index_low: u32,
    }

    #[link(name = "kernel32")]
    extern "system" {
        fn GetFileInformationByHandle(file: *mut std::ffi::c_void, info: *mut ByHandleFileInformation) -> i32;
    }

    pub fn identity(path: &Path) -> std::io::Result<FileId> {
        // std opens with read, write and delete sharing: this never stands in another's way.
        let file = std::fs::File::open(path)?;
        let mut info = std::mem::MaybeUninit::<ByHandleFileInformation>::zeroed();
        // SAFETY: the handle is open for the call; `info` is a properly sized out-buffer.
        let ok = unsafe { GetFileInformationByHandle(file.as_raw_handle() as *mut _, info.as_mut_ptr()) };
        if ok == 0 {
            return Err(std::io::Error::last_os_error());
        }
        // SAFETY: the call succeeded, so it filled the structure.
        let info = unsafe { info.assume_init() };
        Ok(FileId {
            volume: u64::from(info.volume_serial_number),
            index: (u64::from(info.file_index_high) << 32) | u64::from(info.file_index_low),
        })
    }
}
