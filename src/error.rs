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
    /// not what was stored, a row that is missing, or a failed integrity check). `detail` says
    /// what was found in our words; `support` holds SQLite's own text, for support only. A
    /// damage mark beside the file stops every later write, in every process, until a backup
    /// is restored or the user says they have a copy (`store::mark`).
    #[error("The assessment database {path} is damaged: {detail}. Nothing more will be saved to it. Restore the newest good backup (the app offers it; on the command line `csr-assess backups`, then `csr-assess restore-backup NAME`), or export what still opens (`csr-assess export ID --output FILE`) and import it into a new database; the damaged file is kept for support. If you have a copy of your work and want to go on with this file, run `csr-assess continue-after-damage --i-have-a-copy` (in the app: \"I have a copy, continue\").", path = .path.display())]
    CorruptDatabase { path: PathBuf, detail: String, support: String },

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

    /// Any other failure reported by SQLite (its own text is kept for support: see
    /// [`Error::support_detail`]).
    #[error("The assessment database reported an unexpected error. Try again; if it keeps happening, export your assessment and contact support.")]
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
    #[error("The assessment is not ready to submit: {n} point(s) of the submission check are still open. Complete them (the submission check lists each one), or create a preview PDF, which is marked as not submitted. Nothing was changed.", n = .findings.iter().filter(|f| f.severity == crate::findings::Severity::Blocking).count())]
    NotReady { findings: Vec<crate::findings::Finding> },

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

    /// A language code the app does not speak (the CLI's `--lang`, a command from the UI).
    #[error("The app does not speak the language \"{code}\". Use one of: {known}.")]
    UnknownLanguage { code: String, known: String },

    /// A content file (an update of our advice and its legal notes) was not used: damaged or
    /// not one, not signed by a key this app trusts, changed after signing, not newer than the
    /// advice in use, or made for a newer app or another guideline edition. The advice in use
    /// is unchanged.
    #[error("{file} was not used: {detail}. {what_to_do} The advice in use is unchanged.", file = .file.display(), what_to_do = .problem.what_to_do())]
    Content { file: PathBuf, problem: ContentProblem, detail: String },

    /// The app has the database open (in this desktop session or in another one on the same
    /// computer) and holds its session lock: a restore, or a second app, would take the file
    /// away from under it. Nothing was changed.
    #[error("The assessment database {path} is open in the app (in this or another user's session on this computer). Close the app there, then try again. Nothing was changed.", path = .path.display())]
    DatabaseInUse { path: PathBuf },

    /// The file at the database path is no longer the one this store opened (another program
    /// restored a backup or put a copy in its place): a save would go into the file moved
    /// away, so nothing was saved.
    #[error("The assessment database {path} was replaced by another program (a restored backup or a copy put in its place) while it was open here, so this change was not saved. Close the app (or the command) and start it again to work on the database now at that place.", path = .path.display())]
    DatabaseReplaced { path: PathBuf },

    /// A restore of this database is already under way (a double click, a second command).
    #[error("A backup is being restored over {path} right now, so this restore was not started. Wait until the first has finished and look at the result; nothing more was changed.", path = .path.display())]
    RestoreRunning { path: PathBuf },

    /// The named backup is not in the backups folder, or the name is not a backup's name
    /// (checked before the database is opened).
    #[error("There is no backup named \"{name}\" in {folder}. Choose one of the backups listed by `csr-assess backups` (in the app: Assessments → Backups…). Nothing was changed.", folder = .folder.display())]
    BackupNotFound { name: String, folder: PathBuf },

    /// The backup chosen is damaged (its structure or a row does not check): it is never
    /// restored, and the database is unchanged.
    #[error("The backup {path} is damaged: {detail}. It was not restored and the database was not changed. Choose an older backup (`csr-assess backups` marks the damaged ones).", path = .path.display())]
    BackupDamaged { path: PathBuf, detail: String, support: String },

    /// A backup could not be written into the backups folder (a folder that cannot be
    /// written, a full disk). The assessments themselves are not affected.
    #[error("No backup could be written into the folder {folder}: {detail}. Make sure that folder can be written and that the disk has space; your assessments themselves are not affected.", folder = .folder.display())]
    BackupNotWritten { folder: PathBuf, detail: String, support: String },

    /// A write-ahead log beside the database did not belong to it (written by another
    /// program, or by another copy of the file): it was set aside, not replayed, and the
    /// database is open for reading only until the user restores a backup or continues
    /// without the log.
    #[error("The log file beside the assessment database {path} was not written by this app for this file ({detail}), so it was set aside as {kept} and nothing in it was applied. The database is open for reading only until you decide: restore the newest good backup (`csr-assess backups`, then `csr-assess restore-backup NAME`; in the app: Restore), or continue without that log with `csr-assess continue-after-damage --i-have-a-copy` (in the app: \"I have a copy, continue\").", path = .path.display(), kept = .kept.display())]
    LogSetAside { path: PathBuf, kept: PathBuf, detail: String },

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

    /// An imported file holds an assessment of a company and period this database already
    /// holds: a second one of the same name (without the link to the year the first was
    /// started from) would be mistaken for it, so nothing was imported.
    #[error("{file} holds the assessment {period} of {company}, which is already in this app; nothing was imported. To replace it with the file, delete {period} in the list of assessments first, then import the file again; to keep both, rename the one in the list first.", file = .file.display())]
    PeriodExists { file: PathBuf, company: String, period: String },
}

/// Why a content file was not used (each is mended differently).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentProblem {
    /// Not a content file of this app, not readable, or incomplete.
    Damaged,
    /// Its signature does not match its content: changed after signing.
    Tampered,
    /// Unsigned, or signed with a key this app does not trust.
    Untrusted,
    /// Not newer than the advice in use.
    Older,
    /// Made for a newer app or for another edition of the guideline.
    Incompatible,
}

impl ContentProblem {
    fn what_to_do(self) -> &'static str {
        match self {
            ContentProblem::Damaged => "Ask whoever sent it for the file again, as it was published.",
            ContentProblem::Tampered | ContentProblem::Untrusted => {
                "Use only the advice update published for this app (from NEC's supplier portal or the app's publisher), not a copy that was edited."
            }
            ContentProblem::Older => "Nothing to do: the advice in use is as new or newer.",
            ContentProblem::Incompatible => "Install the newest version of the app; it brings the newest advice too.",
        }
    }
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
    /// Text in another encoding than UTF-8 (Shift_JIS, UTF-16 without a byte-order mark,
    /// UTF-32): the message names it and says how to save the file as UTF-8.
    Encoding,
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

/// Defines an enum of error kinds and its list from one table, so that a kind cannot exist
/// without being listed (and so sent to the UI through the contract, which needs a sentence
/// for it). The core's [`ErrorKind`] and the desktop shell's own kinds are made with it.
#[macro_export]
macro_rules! error_kinds {
    ($(#[$enum_doc:meta])* $vis:vis enum $kind:ident { $($(#[$doc:meta])* $variant:ident => $name:literal,)* }) => {
        $(#[$enum_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
        $vis enum $kind {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)*
        }

        impl $kind {
            /// Every kind, in the order the contract lists them.
            pub const ALL: &'static [$kind] = &[$($kind::$variant,)*];

            /// The stable name ("corrupt_database").
            pub fn as_str(self) -> &'static str {
                match self {
                    $($kind::$variant => $name,)*
                }
            }
        }

        /// A kind equals its name: `e.kind() == "conflict"` reads as the UI receives it.
        impl PartialEq<&str> for $kind {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl std::fmt::Display for $kind {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

error_kinds! {
    /// The kind of a failure: a stable name the UI turns into a translated sentence. Its
    /// serialized form is the name (`"corrupt_database"`), as the UI has always received it.
    pub enum ErrorKind {
    /// [`Error::NotADatabase`]
    NotADatabase => "not_a_database",
    /// [`Error::ForeignDatabase`]
    ForeignDatabase => "foreign_database",
    /// [`Error::CorruptDatabase`]
    CorruptDatabase => "corrupt_database",
    /// [`Error::NewerDatabase`]
    NewerDatabase => "newer_database",
    /// [`Error::DiskFull`]
    DiskFull => "disk_full",
    /// [`Error::FileDiskFull`]
    FileDiskFull => "file_disk_full",
    /// [`Error::NoDataFolder`]
    NoDataFolder => "no_data_folder",
    /// [`Error::Busy`]
    Busy => "busy",
    /// [`Error::ReadOnly`]
    ReadOnly => "read_only",
    /// [`Error::Storage`]
    Storage => "storage",
    /// [`Error::Io`]
    Io => "io",
    /// [`Error::NotFound`]
    NotFound => "not_found",
    /// [`Error::Invalid`]
    Invalid => "invalid",
    /// [`Error::Import`] with a fault in the content.
    Import => "import",
    /// [`Error::Import`] of a damaged file.
    ImportDamaged => "import_damaged",
    /// [`Error::Import`] of a file that is no assessment.
    ImportNotAssessment => "import_not_assessment",
    /// [`Error::NewerFormat`]
    NewerFormat => "newer_format",
    /// [`Error::NotReady`]
    NotReady => "not_ready",
    /// [`Error::Font`]
    Font => "font",
    /// [`Error::Pdf`]
    Pdf => "pdf",
    /// [`Error::Workbook`]
    Workbook => "workbook",
    /// [`Error::Conflict`]
    Conflict => "conflict",
    /// [`Error::FileInUse`]
    FileInUse => "file_in_use",
    /// [`Error::UnknownLanguage`]
    UnknownLanguage => "unknown_language",
    /// [`Error::Content`]: not a content file, unreadable or incomplete.
    ContentDamaged => "content_damaged",
    /// [`Error::Content`]: changed after signing.
    ContentTampered => "content_tampered",
    /// [`Error::Content`]: unsigned, or signed by a key this app does not trust.
    ContentUntrusted => "content_untrusted",
    /// [`Error::Content`]: not newer than the advice in use.
    ContentOlder => "content_older",
    /// [`Error::Content`]: for a newer app or another edition of the guideline.
    ContentIncompatible => "content_incompatible",
    /// [`Error::DatabaseInUse`]
    DatabaseInUse => "database_in_use",
    /// [`Error::DatabaseReplaced`]
    DatabaseReplaced => "database_replaced",
    /// [`Error::RestoreRunning`]
    RestoreRunning => "restore_running",
    /// [`Error::BackupNotFound`]
    BackupNotFound => "backup_not_found",
    /// [`Error::BackupDamaged`]
    BackupDamaged => "backup_damaged",
    /// [`Error::BackupNotWritten`]
    BackupNotWritten => "backup_not_written",
    /// [`Error::LogSetAside`]
    LogSetAside => "log_set_aside",
    /// [`Error::Import`] of a file in another encoding than UTF-8.
    ImportEncoding => "import_encoding",
    /// [`Error::Feedback`] of a damaged or edited file.
    FeedbackDamaged => "feedback_damaged",
    /// [`Error::Feedback`] of a file that is no feedback file.
    FeedbackNotFeedback => "feedback_not_feedback",
    /// [`Error::Feedback`] with a fault in its content.
    Feedback => "feedback",
    /// [`Error::UnverifiedSubmission`]
    UnverifiedSubmission => "unverified_submission",
    /// [`Error::FeedbackForAnotherSupplier`]
    FeedbackOtherSupplier => "feedback_other_supplier",
    /// [`Error::FeedbackUnknownSubmission`]
    FeedbackUnknownSubmission => "feedback_unknown_submission",
    /// [`Error::FeedbackAlreadyOpened`]
    FeedbackAlreadyOpened => "feedback_already_opened",
    /// [`Error::FeedbackWorkbook`]
    FeedbackWorkbook => "feedback_workbook",
    /// [`Error::PeriodExists`]
    PeriodExists => "period_exists",
    }
}

impl Error {
    /// A stable, machine-readable name for the kind of error, used by the UI to pick a
    /// translated sentence.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::NotADatabase { .. } => ErrorKind::NotADatabase,
            Error::ForeignDatabase { .. } => ErrorKind::ForeignDatabase,
            Error::CorruptDatabase { .. } => ErrorKind::CorruptDatabase,
            Error::NewerDatabase { .. } => ErrorKind::NewerDatabase,
            Error::DiskFull => ErrorKind::DiskFull,
            Error::FileDiskFull { .. } => ErrorKind::FileDiskFull,
            Error::NoDataFolder => ErrorKind::NoDataFolder,
            Error::Busy => ErrorKind::Busy,
            Error::ReadOnly { .. } => ErrorKind::ReadOnly,
            Error::Storage(_) => ErrorKind::Storage,
            Error::Io { .. } => ErrorKind::Io,
            Error::FileInUse { .. } => ErrorKind::FileInUse,
            Error::Conflict { .. } => ErrorKind::Conflict,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Invalid { .. } => ErrorKind::Invalid,
            Error::Import { fault: ImportFault::Damaged, .. } => ErrorKind::ImportDamaged,
            Error::Import { fault: ImportFault::NotAnAssessment, .. } => ErrorKind::ImportNotAssessment,
            Error::Import { fault: ImportFault::Content, .. } => ErrorKind::Import,
            Error::NewerFormat { .. } => ErrorKind::NewerFormat,
            Error::NotReady { .. } => ErrorKind::NotReady,
            Error::Font { .. } => ErrorKind::Font,
            Error::Pdf(_) => ErrorKind::Pdf,
            Error::Workbook { .. } => ErrorKind::Workbook,
            Error::UnknownLanguage { .. } => ErrorKind::UnknownLanguage,
            Error::Content { problem: ContentProblem::Damaged, .. } => ErrorKind::ContentDamaged,
            Error::Content { problem: ContentProblem::Tampered, .. } => ErrorKind::ContentTampered,
            Error::Content { problem: ContentProblem::Untrusted, .. } => ErrorKind::ContentUntrusted,
            Error::Content { problem: ContentProblem::Older, .. } => ErrorKind::ContentOlder,
            Error::Content { problem: ContentProblem::Incompatible, .. } => ErrorKind::ContentIncompatible,
            Error::DatabaseInUse { .. } => ErrorKind::DatabaseInUse,
            Error::DatabaseReplaced { .. } => ErrorKind::DatabaseReplaced,
            Error::RestoreRunning { .. } => ErrorKind::RestoreRunning,
            Error::BackupNotFound { .. } => ErrorKind::BackupNotFound,
            Error::BackupDamaged { .. } => ErrorKind::BackupDamaged,
            Error::BackupNotWritten { .. } => ErrorKind::BackupNotWritten,
            Error::LogSetAside { .. } => ErrorKind::LogSetAside,
            Error::Import { fault: ImportFault::Encoding, .. } => ErrorKind::ImportEncoding,
            Error::Feedback { fault: FeedbackFault::Damaged, .. } => ErrorKind::FeedbackDamaged,
            Error::Feedback { fault: FeedbackFault::NotFeedback, .. } => ErrorKind::FeedbackNotFeedback,
            Error::Feedback { fault: FeedbackFault::Content, .. } => ErrorKind::Feedback,
            Error::UnverifiedSubmission { .. } => ErrorKind::UnverifiedSubmission,
            Error::FeedbackForAnotherSupplier { .. } => ErrorKind::FeedbackOtherSupplier,
            Error::FeedbackUnknownSubmission { .. } => ErrorKind::FeedbackUnknownSubmission,
            Error::FeedbackAlreadyOpened { .. } => ErrorKind::FeedbackAlreadyOpened,
            Error::FeedbackWorkbook { .. } => ErrorKind::FeedbackWorkbook,
            Error::PeriodExists { .. } => ErrorKind::PeriodExists,
        }
    }

    /// The technical text behind a failure (SQLite's own words), for "details for support";
    /// never part of the message a user reads.
    pub fn support_detail(&self) -> Option<String> {
        match self {
            Error::CorruptDatabase { support, .. }
            | Error::BackupDamaged { support, .. }
            | Error::BackupNotWritten { support, .. } => (!support.is_empty()).then(|| support.clone()),
            Error::Storage(inner) => Some(inner.to_string()),
            _ => None,
        }
    }

    /// The facts the UI's sentence for this kind names (`error.<kind>.advice` fills them):
    /// the period and the company of an import refused as already present.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            Error::PeriodExists { company, period, .. } => vec![("period", period.clone()), ("company", company.clone())],
            _ => Vec::new(),
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

    /// The names are the UI's keys (`error.<name>.title`): unique and snake_case. That every
    /// kind is listed needs no test: `ErrorKind::ALL` is made from the enum's own table, and
    /// `Error::kind` matches every variant, so a kind cannot be forgotten without a compile error.
    #[test]
    fn kind_names_are_unique_snake_case() {
        let names: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "a name is used twice: {names:?}");
        for n in names {
            assert!(n.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{n}");
        }
        assert_eq!(serde_json::to_string(&ErrorKind::CorruptDatabase).unwrap(), "\"corrupt_database\"");
    }
}
