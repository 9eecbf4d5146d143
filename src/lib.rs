//! The core of the CSR self-assessment app for suppliers of NEC Corporation.
//!
//! A supplier assesses itself against the *NEC Group Supply-Chain CSR Guideline*: for each of
//! the guideline's 47 action items it rates how far the item is in place, describes what it
//! does, lists evidence and, for gaps, plans actions; it acknowledges the six Part 2 policies
//! and signs a declaration. This crate owns all of that and knows nothing of the desktop
//! shell:
//!
//! - [`catalog`]: the guideline as data (verbatim) and our own advice, embedded in the binary;
//! - [`model`]: company profile, assessment, answers, Part 2 answers, declaration;
//! - [`store`]: one SQLite file with append-only migrations; every save one transaction;
//! - [`scoring`] and [`readiness`]: the score, the gaps, and what blocks a submission;
//! - [`interchange`]: the versioned JSON file that moves an assessment between computers;
//! - [`collect`]: NEC's side, a folder of received submissions verified into one workbook.
//! - [`feedback`]: NEC's feedback on a submission, as a file sent back to the supplier.
//! - [`reminders`]: an assessment's due dates as a calendar file (iCalendar).
//! - [`usecase`]: each step a user takes (submit, preview, export, import, evaluate, save),
//!   called by both the desktop shell and the CLI.
//!
//! Errors are one enum, [`Error`], whose messages say what to do.

pub mod catalog;
pub mod changes;
pub mod clock;
pub mod collect;
pub mod contract;
mod error;
pub mod feedback;
mod files;
pub mod interchange;
pub mod locale;
pub mod mail;
pub mod model;
pub mod pdf;
pub mod readiness;
pub mod reminders;
pub mod scoring;
pub mod store;
pub mod usecase;

pub use catalog::Catalog;
pub use error::{Error, FeedbackFault, ImportFault, Result};
pub use files::{write_atomic, write_atomic_all};
pub use store::Store;
