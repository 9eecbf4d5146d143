//! The one error type of the core.
//!
//! Every variant says what went wrong in words a supplier understands and, where there is
//! something to do, what to do. `kind()` gives a stable machine name that the desktop shell
//! sends to the UI, which shows its own translated sentence for each kind.

use std::path::PathBuf;

/// A failure in the core: storage, validation, import/export or PDF.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file at the database path exists but is not an SQLite database at all
    /// (for example a document or a spreadsheet chosen by mistake). It is left untouched.
    #[error("{path} is not an assessment database (it is not an SQLite file). It was not changed. Choose another file, or move this one away so a new database can be created.")]
    NotADatabase { path: PathBuf },

    /// The file is an SQLite database that belongs to another program. It is left untouched.
    #[error("{path} is a database of another program, not of this app. It was not changed. Choose another location for the assessment database.")]
    ForeignDatabase { path: PathBuf },

    /// The database file is damaged (a damaged header, a table that is gone, a value that is
    /// not what was stored, or a failed integrity check). Nothing more is written to it in
    /// this session.
    #[error("The assessment database {path} is damaged ({detail}). Nothing more will be saved to it. Restore the newest backup (the app offers it; on the command line `csr-assess backups` and `restore-backup`) or import an exported file; the damaged file is kept for support.")]
    CorruptDatabase { path: PathBuf, detail: String },

    /// The database was written by a newer version of this app, whose layout this version
    /// does not know. It is left untouched.
    #[error("The assessment database {path} was saved by a newer version of this app (layout {found}, this version knows up to {supported}). Install the newest version of the app to open it.")]
    NewerDatabase { path: PathBuf, found: i64, supported: i64 },

    /// The disk (or the user's quota) is full, so the change could not be written.
    #[error("The disk is full, so the last change could not be saved. Free some disk space and try again; what was saved before is safe.")]
    DiskFull,

    /// The disk where a file the user chose (an export, a PDF) was to be written is full: the
    /// file was not written (an older file of that name is unchanged); the database is not
    /// concerned.
    #[error("The disk where {path} was to be written is full, so the file was not written (an older file of that name is unchanged). Free some space there, or save it somewhere else (another drive or a USB stick); your assessments are safe.", path = .path.display())]
    FileDiskFull { path: PathBuf },

    /// The system names no folder for application data (no home folder), so there is no
    /// default place for the database.
    #[error("This computer reports no folder for application data, so the app does not know where to keep your assessments. Set the environment variable CSR_ASSESS_DB to the full path of a database file (for example on a USB drive) and start the app again.")]
    NoDataFolder,

    /// Another program kept the database locked for longer than we wait.
    #[error("The assessment database is busy in another window or program. Close the other program and try again.")]
    Busy,

    /// The database file or its folder cannot be written (read-only medium or permissions).
    #[error("The assessment database cannot be written ({detail}). Check that the folder is not read-only and that you may write to it.")]
    ReadOnly { detail: String },

    /// Any other failure reported by SQLite.
    #[error("The assessment database reported an error: {0}. Try again; if it keeps happening, export your assessment and contact support.")]
    Storage(#[source] rusqlite::Error),

    /// Another program (a PDF viewer, usually) has the file open, so it cannot be replaced.
    #[error("{path} is open in another program (a PDF viewer, for example), so it cannot be replaced. Close the file in that program and try again, or choose another file name.")]
    FileInUse { path: PathBuf },

    /// The answer was changed elsewhere (another window, the command line) after this one
    /// read it; saving would silently overwrite that change, so nothing was saved.
    #[error("{what} was changed in another window or program after you opened it, so your change was not saved. Compare your text with the saved answer, then save again.")]
    Conflict { what: String },

    /// Reading or writing a file failed.
    #[error("Could not {action} {path}: {source}. Check the file name and that you may use that folder; if another program (a PDF viewer, for example) has the file open, close it and try again.")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The asked-for assessment, company, item or policy does not exist.
    #[error("{what} does not exist. It may have been deleted; reload the list.")]
    NotFound { what: String },

    /// A value is impossible (not merely incomplete): for example a date that is not in the
    /// calendar, a choice that is not offered, or a text longer than the app accepts.
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },

    /// An interchange file could not be imported; nothing was written. `fault` tells a
    /// damaged file from one that is no assessment at all and from a fault in its content,
    /// so the UI can say which (each is mended differently).
    #[error("This file cannot be imported, nothing was changed. At {location}: {message}")]
    Import { location: String, message: String, fault: ImportFault },

    /// An interchange file was written by a newer version of the app.
    #[error("This file was exported by a newer version of the app (format version {found}; this version reads up to {supported}). Install the newest version of the app to import it. Nothing was changed.")]
    NewerFormat { found: u64, supported: u64 },

    /// Submitting was refused because the submission check still finds blocking problems
    /// (listed in `findings`). Nothing was written and the status is unchanged.
    #[error("The assessment is not ready to submit: {n} point(s) of the submission check are still open. Complete them (the submission check lists each one), or create a preview PDF, which is marked as not submitted. Nothing was changed.", n = .findings.iter().filter(|f| f.severity == crate::readiness::Severity::Blocking).count())]
    NotReady { findings: Vec<crate::readiness::Finding> },

    /// The font the PDF is written in, installed beside the app, is missing or damaged.
    #[error("The font for the PDF is missing or damaged ({detail}). Reinstall the app; your assessments are kept.")]
    Font { detail: String },

    /// A PDF could not be generated or read.
    #[error("{0}")]
    Pdf(String),

    /// The workbook of collected submissions could not be written (a failure of the Excel
    /// writer other than the disk's).
    #[error("The workbook {path} could not be written ({detail}). Try again, or write CSV files instead (a file name ending in .csv).")]
    Workbook { path: PathBuf, detail: String },

    /// A feedback file from NEC could not be read; nothing was changed. `fault` tells a
    /// damaged or edited file from one that is no feedback file at all and from a fault in
    /// its content (an unknown item id, a date not in the calendar).
    #[error("This feedback file cannot be read, nothing was changed. At {location}: {message}")]
    Feedback { location: String, message: String, fault: FeedbackFault },

    /// A received submission cannot be answered with feedback: it does not verify (its
    /// attached data is not the data its pages print), it is no submission PDF of this app,
    /// or it is a preview that was never submitted. No feedback file was written.
    #[error("{path} cannot be answered with feedback: {detail} No feedback file was written.", path = .path.display())]
    UnverifiedSubmission { path: PathBuf, detail: String },

    /// A feedback file answers a submission of another supplier than the one this database
    /// holds; nothing was changed.
    #[error("This feedback file is for {theirs}, not for {ours}, nothing was changed. NEC may have sent it to the wrong supplier: tell your NEC contact, and keep the file.")]
    FeedbackForAnotherSupplier { theirs: String, ours: String },

    /// A feedback file answers a submission this database does not hold (made on another
    /// computer, or its assessment deleted); nothing was changed.
    #[error("This feedback file answers the submission of {period} made on {submitted_at} (data fingerprint {fingerprint}…), which is not in this app's data, nothing was changed. If it was submitted from another computer, import that assessment first (the PDF you sent carries it: `csr-assess extract`), then open the feedback again.")]
    FeedbackUnknownSubmission { period: String, submitted_at: String, fingerprint: String },

    /// The same feedback file (the same id) was opened before; opening it again would list
    /// NEC's requests twice, so nothing was changed.
    #[error("This feedback file was already opened on {opened_at} (feedback on {period}); NEC's requests are already on your items, nothing was changed.")]
    FeedbackAlreadyOpened { opened_at: String, period: String },

    /// The workbook NEC's staff filled in could not be turned into feedback files: a sheet
    /// or column is missing, or a row names an item that does not exist. No feedback file was
    /// written.
    #[error("{path}, {place}: {message} No feedback file was written.", path = .path.display())]
    FeedbackWorkbook { path: PathBuf, place: String, message: String },
}

/// What is wrong with a file that cannot be imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportFault {
    /// Not readable as JSON at all: empty, not text, cut off or changed by hand.
    Damaged,
    /// Readable, but some other file: not an object, another format, far too large.
    NotAnAssessment,
    /// An assessment file whose content breaks a rule (a wrong type, an unknown id, a bad date).
    Content,
}

/// What is wrong with a feedback file that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedbackFault {
    /// Not readable as JSON, cut off, or changed after it was written (its id no longer
    /// matches its content).
    Damaged,
    /// Readable, but some other file: an assessment file, another format, far too large.
    NotFeedback,
    /// A feedback file whose content breaks a rule (an unknown item, a bad date).
    Content,
}

/// Every kind `Error::kind` can give, for the UI's list of known kinds (see `contract`).
pub const KINDS: [&str; 31] = [
    "not_a_database",
    "foreign_database",
    "corrupt_database",
    "newer_database",
    "disk_full",
    "file_disk_full",
    "no_data_folder",
    "busy",
    "read_only",
    "storage",
    "io",
    "not_found",
    "invalid",
    "import",
    "import_damaged",
    "import_not_assessment",
    "newer_format",
    "not_ready",
    "font",
    "pdf",
    "workbook",
    "conflict",
    "file_in_use",
    "feedback_damaged",
    "feedback_not_feedback",
    "feedback",
    "unverified_submission",
    "feedback_other_supplier",
    "feedback_unknown_submission",
    "feedback_already_opened",
    "feedback_workbook",
];

impl Error {
    /// A stable, machine-readable name for the kind of error, used by the UI to pick a
    /// translated sentence.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::NotADatabase { .. } => "not_a_database",
            Error::ForeignDatabase { .. } => "foreign_database",
            Error::CorruptDatabase { .. } => "corrupt_database",
            Error::NewerDatabase { .. } => "newer_database",
            Error::DiskFull => "disk_full",
            Error::FileDiskFull { .. } => "file_disk_full",
            Error::NoDataFolder => "no_data_folder",
            Error::Busy => "busy",
            Error::ReadOnly { .. } => "read_only",
            Error::Storage(_) => "storage",
            Error::Io { .. } => "io",
            Error::FileInUse { .. } => "file_in_use",
            Error::Conflict { .. } => "conflict",
            Error::NotFound { .. } => "not_found",
            Error::Invalid { .. } => "invalid",
            Error::Import { fault: ImportFault::Damaged, .. } => "import_damaged",
            Error::Import { fault: ImportFault::NotAnAssessment, .. } => "import_not_assessment",
            Error::Import { fault: ImportFault::Content, .. } => "import",
            Error::NewerFormat { .. } => "newer_format",
            Error::NotReady { .. } => "not_ready",
            Error::Font { .. } => "font",
            Error::Pdf(_) => "pdf",
            Error::Workbook { .. } => "workbook",
            Error::Feedback { fault: FeedbackFault::Damaged, .. } => "feedback_damaged",
            Error::Feedback { fault: FeedbackFault::NotFeedback, .. } => "feedback_not_feedback",
            Error::Feedback { fault: FeedbackFault::Content, .. } => "feedback",
            Error::UnverifiedSubmission { .. } => "unverified_submission",
            Error::FeedbackForAnotherSupplier { .. } => "feedback_other_supplier",
            Error::FeedbackUnknownSubmission { .. } => "feedback_unknown_submission",
            Error::FeedbackAlreadyOpened { .. } => "feedback_already_opened",
            Error::FeedbackWorkbook { .. } => "feedback_workbook",
        }
    }

    pub(crate) fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid { field: field.into(), message: message.into() }
    }

    pub(crate) fn not_found(what: impl Into<String>) -> Self {
        Error::NotFound { what: what.into() }
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { action, path: path.into(), source }
    }
}

impl From<rusqlite::Error> for Error {
    /// Sorts SQLite's failures into the kinds a user can act on.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        if let rusqlite::Error::SqliteFailure(f, ref msg) = e {
            match f.code {
                C::DiskFull => return Error::DiskFull,
                C::DatabaseBusy | C::DatabaseLocked => return Error::Busy,
                C::ReadOnly | C::CannotOpen | C::PermissionDenied => {
                    return Error::ReadOnly { detail: msg.clone().unwrap_or_else(|| f.to_string()) }
                }
                _ => {}
            }
        }
        Error::Storage(e)
    }
}

/// Whether an OS error code means "no space left" (or "quota exceeded"): ENOSPC and EDQUOT
/// on Linux and macOS, ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL on Windows.
pub(crate) fn is_no_space(os_code: i32) -> bool {
    if cfg!(windows) {
        matches!(os_code, 39 | 112)
    } else if cfg!(target_os = "macos") {
        matches!(os_code, 28 | 69)
    } else {
        matches!(os_code, 28 | 122)
    }
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI knows the kinds from `KINDS` (through the contract): every variant's kind is listed.
    #[test]
    fn every_kind_is_listed() {
        let p = PathBuf::from("x");
        let io = || std::io::Error::other("x");
        let s = String::new;
        let all = [
            Error::NotADatabase { path: p.clone() },
            Error::ForeignDatabase { path: p.clone() },
            Error::CorruptDatabase { path: p.clone(), detail: s() },
            Error::NewerDatabase { path: p.clone(), found: 2, supported: 1 },
            Error::DiskFull,
            Error::FileDiskFull { path: p.clone() },
            Error::NoDataFolder,
            Error::Busy,
            Error::ReadOnly { detail: s() },
            Error::Storage(rusqlite::Error::InvalidQuery),
            Error::Io { action: "read", path: p.clone(), source: io() },
            Error::NotFound { what: s() },
            Error::Invalid { field: s(), message: s() },
            Error::Import { location: s(), message: s(), fault: ImportFault::Content },
            Error::Import { location: s(), message: s(), fault: ImportFault::Damaged },
            Error::Import { location: s(), message: s(), fault: ImportFault::NotAnAssessment },
            Error::NewerFormat { found: 2, supported: 1 },
            Error::NotReady { findings: vec![] },
            Error::Font { detail: s() },
            Error::Pdf(s()),
            Error::Workbook { path: p.clone(), detail: s() },
            Error::Conflict { what: s() },
            Error::FileInUse { path: p.clone() },
            Error::Feedback { location: s(), message: s(), fault: FeedbackFault::Damaged },
            Error::Feedback { location: s(), message: s(), fault: FeedbackFault::NotFeedback },
            Error::Feedback { location: s(), message: s(), fault: FeedbackFault::Content },
            Error::UnverifiedSubmission { path: p.clone(), detail: s() },
            Error::FeedbackForAnotherSupplier { theirs: s(), ours: s() },
            Error::FeedbackUnknownSubmission { period: s(), submitted_at: s(), fingerprint: s() },
            Error::FeedbackAlreadyOpened { opened_at: s(), period: s() },
            Error::FeedbackWorkbook { path: p.clone(), place: s(), message: s() },
        ];
        let kinds: Vec<&str> = all.iter().map(Error::kind).collect();
        assert_eq!(kinds, KINDS, "KINDS lists each variant's kind, in this order");
    }
}
