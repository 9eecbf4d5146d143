//! The core of the CSR self-assessment app for suppliers of NEC Corporation.
//!
//! A supplier assesses itself against the *NEC Group Supply-Chain CSR Guideline*: for each of
//! the guideline's 47 action items it rates how far the item is in place, describes what it
//! does, lists evidence and, for gaps, plans actions; it acknowledges the six Part 2 policies
//! and signs a declaration. This crate owns all of that and knows nothing of the desktop
//! shell.
//!
//! # Floors
//!
//! The modules stand on floors; a module uses only its own floor and those below it
//! (`tests/layering.rs` reads every `crate::…` path and fails on one that runs up):
//!
//! 1. **Ground**: [`error`](Error), [`clock`], [`catalog`] (the guideline as data, verbatim,
//!    and our advice), [`findings`] (what a check finds, as data), [`lang`] (the languages as
//!    data: formats and words), [`fingerprint`], `files` (writing a file whole). They know
//!    nothing above them.
//! 2. **Rules**: [`model`] (profile, assessment, answers, declaration and what each refuses),
//!    [`applicability`] (what each legal note of our advice means for the company, today),
//!    [`scoring`], [`readiness`] (the submission check, told "today" and "can this be printed?"
//!    by its caller), [`changes`] (a pure comparison of two records), [`mail`], [`contract`]
//!    (what the UI must agree on). Pure: no storage, no rendering.
//! 3. **Storage and files that travel**: [`store`] (one SQLite file, append-only migrations,
//!    every save one transaction; it keeps what it is given and never scores or checks),
//!    [`interchange`] (the versioned assessment file) and [`feedback`] (NEC's feedback file);
//!    the files know no database.
//! 4. **Renderings**: [`pdf`], [`collect`] (NEC's workbook of received submissions) and
//!    [`reminders`] (a calendar file). They read no database: they are given records.
//! 5. **Use cases**: [`usecase`], each step a user takes, once; the only floor that puts the
//!    others together, and where "now", "today", the catalog and the fonts are supplied. The
//!    desktop shell's commands and the CLI's verbs only translate arguments into these calls,
//!    and read the catalog once, at the edge.
//!
//! Errors are one enum, [`Error`], whose messages say what to do; [`ErrorKind`] names each
//! kind for the UI.

pub mod applicability;
pub mod catalog;
pub mod changes;
pub mod clock;
pub mod findings;
pub mod fingerprint;
pub mod collect;
pub mod contract;
mod error;
pub mod feedback;
mod files;
pub mod interchange;
pub mod lang;
pub mod mail;
pub mod model;
pub mod pdf;
pub mod readiness;
pub mod reminders;
pub mod scoring;
pub mod store;
pub mod usecase;

pub use catalog::Catalog;
pub use error::{ContentProblem, Error, ErrorKind, FeedbackFault, ImportFault, Result};
pub use files::{write_atomic, write_atomic_all};
pub use store::Store;
