//! The shell's one error type, sent to the UI as `{kind, message}`.

use serde::ser::SerializeStruct;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum ShellError {
    /// A failure reported by the core (storage, validation, import, PDF); its `kind` is the core's.
    #[error(transparent)]
    Core(#[from] csr_core::Error),

    /// The database could not be opened when the app started, so nothing can be read or saved.
    /// `kind` is the core's (e.g. "newer_database"), so the UI can say what to do about it.
    #[error("{message}")]
    StoreUnavailable { kind: &'static str, message: String, detail: Option<String> },

    /// The system could not open a file or a folder.
    #[error("{0}")]
    Opener(String),

    /// The PDF written in this session is no longer where it was saved.
    #[error("{0}")]
    PdfMissing(String),

    /// A failure of the shell itself (a background task that did not finish).
    #[error("{0}")]
    Internal(String),

    /// The system has no mail program to write the email with.
    #[error("{0}")]
    NoMailProgram(String),
}

csr_core::error_kinds! {
    /// The shell's own kinds, after the core's in the UI's contract (`commands::contract`).
    pub enum ShellKind {
        /// [`ShellError::Opener`]
        Opener => "opener",
        /// [`ShellError::PdfMissing`]
        PdfMissing => "pdf_missing",
        /// [`ShellError::NoMailProgram`]
        NoMailProgram => "no_mail_program",
        /// [`ShellError::Internal`]
        Internal => "internal",
        /// The store could not be opened and no reason was kept (not expected to happen).
        StoreUnavailable => "store_unavailable",
    }
}

impl ShellError {
    /// A stable name the UI maps to a translated sentence.
    pub fn kind(&self) -> &'static str {
        match self {
            ShellError::Core(e) => e.kind().as_str(),
            ShellError::StoreUnavailable { kind, .. } => kind,
            ShellError::Opener(_) => ShellKind::Opener.as_str(),
            ShellError::PdfMissing(_) => ShellKind::PdfMissing.as_str(),
            ShellError::NoMailProgram(_) => ShellKind::NoMailProgram.as_str(),
            ShellError::Internal(_) => ShellKind::Internal.as_str(),
        }
    }
}

impl serde::Serialize for ShellError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ShellError", 4)?;
        s.serialize_field("kind", self.kind())?;
        s.serialize_field("message", &self.to_string())?;
        // SQLite's own words, never in the message: the UI shows them under "details for support".
        s.serialize_field("detail", &self.detail())?;
        // The facts the UI's sentence names (a period, a company), in the user's language.
        let params: std::collections::BTreeMap<&str, String> = match self {
            ShellError::Core(e) => e.params().into_iter().collect(),
            _ => Default::default(),
        };
        s.serialize_field("params", &params)?;
        s.end()
    }
}

impl ShellError {
    /// The same failure again (the start-up error is reported on every command).
    pub fn unavailable(&self) -> ShellError {
        ShellError::StoreUnavailable { kind: self.kind(), message: self.to_string(), detail: self.detail() }
    }

    /// The technical detail behind a failure, for support (see `csr_core::Error::support_detail`).
    pub fn detail(&self) -> Option<String> {
        match self {
            ShellError::Core(e) => e.support_detail(),
            ShellError::StoreUnavailable { detail, .. } => detail.clone(),
            _ => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, ShellError>;
