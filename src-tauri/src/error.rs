//! The shell's one error type, sent to the UI as `{kind, message}`.

use serde::ser::SerializeStruct;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum ShellError {
    /// A failure reported by the core (storage, validation, import, PDF); its `kind` is the core's.
    #[error(transparent)]
    Core(#[from] csr_core::Error),

    /// The database could not be opened when the app started, so nothing can be read or saved.
    #[error("{0}")]
    StoreUnavailable(String),

    /// A file path from the UI that the app will not use (relative, wrong type, missing folder).
    #[error("{path}: {reason}")]
    BadPath { path: String, reason: String },

    /// The system could not open a file, a folder or the mail program.
    #[error("{0}")]
    Opener(String),
}

impl ShellError {
    /// A stable name the UI maps to a translated sentence.
    pub fn kind(&self) -> &'static str {
        match self {
            ShellError::Core(e) => e.kind(),
            ShellError::StoreUnavailable(_) => "store_unavailable",
            ShellError::BadPath { .. } => "bad_path",
            ShellError::Opener(_) => "opener",
        }
    }
}

impl serde::Serialize for ShellError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ShellError", 2)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &self.to_string())?;
        s.end()
    }
}

pub type Result<T> = std::result::Result<T, ShellError>;
