//! Checks on file paths that come from the UI (chosen in the system's file dialogs).

use std::path::{Path, PathBuf};

use crate::error::{Result, ShellError};

fn bad(path: &str, reason: &str) -> ShellError {
    ShellError::BadPath { path: path.to_string(), reason: reason.to_string() }
}

fn checked(path: &str, extension: &str) -> Result<PathBuf> {
    if path.is_empty() || path.contains('\0') {
        return Err(bad(path, "this is not a file name."));
    }
    let p = Path::new(path);
    if !p.is_absolute() {
        return Err(bad(path, "the app only uses files chosen in the file dialog (full paths)."));
    }
    let ext_ok = p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if !ext_ok {
        return Err(bad(path, &format!("the file name must end in .{extension}.")));
    }
    Ok(p.to_path_buf())
}

/// A file to read: absolute, with the extension, an existing regular file.
pub fn existing_file(path: &str, extension: &str) -> Result<PathBuf> {
    let p = checked(path, extension)?;
    if !p.is_file() {
        return Err(bad(path, "there is no such file. Choose the file again."));
    }
    Ok(p)
}

/// A file to write: absolute, with the extension, in an existing folder, not a folder itself.
pub fn new_file(path: &str, extension: &str) -> Result<PathBuf> {
    let p = checked(path, extension)?;
    if p.is_dir() {
        return Err(bad(path, "this is a folder. Choose a file name."));
    }
    if !p.parent().is_some_and(Path::is_dir) {
        return Err(bad(path, "the folder does not exist. Choose another place."));
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_paths_with_the_right_extension_in_existing_folders() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.json");
        std::fs::write(&file, "{}").unwrap();
        let f = file.to_str().unwrap();
        assert!(existing_file(f, "json").is_ok());
        assert!(existing_file(f, "pdf").is_err(), "wrong extension");
        assert!(existing_file("a.json", "json").is_err(), "relative");
        assert!(existing_file(dir.path().join("missing.json").to_str().unwrap(), "json").is_err());
        assert!(existing_file("", "json").is_err());
        assert!(
            new_file(dir.path().join("new.JSON").to_str().unwrap(), "json").is_ok(),
            "extension case does not matter"
        );
        assert!(new_file(dir.path().join("no/such/folder/x.json").to_str().unwrap(), "json").is_err());
        let folder = dir.path().join("folder.json");
        std::fs::create_dir(&folder).unwrap();
        assert!(new_file(folder.to_str().unwrap(), "json").is_err(), "a folder");
        assert!(new_file("/tmp/x\u{0}y.json", "json").is_err(), "NUL");
    }
}
