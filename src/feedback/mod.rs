//! NEC's feedback on a received submission, as a small file NEC's staff send back to the
//! supplier: a general note and requests on action items or Part 2 policies, each with an
//! optional due date, naming the submission it answers by the fingerprint of its data.
//!
//! The file has its own extension, [`EXTENSION`] (`.csrfeedback`): it is not an assessment
//! (a `.json` would be taken for an exported assessment and read by `import` as one), the
//! installers can register it for a double-click without claiming every JSON file, and its
//! name says whose file it is (this CSR app's) and what it is (feedback). It is UTF-8 JSON,
//! `"format": "nec-csr-feedback"`, `"format_version": 1`, published as
//! `schema/feedback-v1.schema.json`.
//!
//! Its `id` is the SHA-256 of the rest of the file in RFC 8785 canonical form
//! ([`canonical`]): the same feedback has the same id wherever it is opened (so the
//! supplier's app can refuse a file opened twice), and a file changed after it was written no
//! longer matches its id (so an edited file is refused rather than half believed).
//!
//! [`model`] holds the types and their rules, [`read`] reads a received file strictly and
//! within bounds, [`write`] composes one from what NEC's staff typed, [`receive`] matches a
//! file to the supplier's own submissions, and [`workbook`] reads the feedback columns NEC's
//! staff filled in the workbook of `collect`.

pub mod canonical;
mod model;
mod read;
pub mod receive;
pub(crate) mod rules;
pub mod workbook;
mod write;

pub use model::{Author, Feedback, Language, Request, SubmissionRef, Target};
pub use read::{read, MAX_BYTES};
pub use rules::{MAX_NOTE, MAX_REQUESTS, MAX_REQUEST_TEXT};
pub use write::{check_file_name, compose, file_name, to_text, Draft, RequestDraft};

/// The value of the `format` field.
pub const FORMAT: &str = "nec-csr-feedback";
/// The newest format version this build reads, and the one it writes.
pub const FORMAT_VERSION: u64 = 1;
/// The file name extension (without the dot).
pub const EXTENSION: &str = "csrfeedback";
