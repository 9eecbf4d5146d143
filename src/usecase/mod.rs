//! The use cases: each step a user takes, once. The desktop shell's commands and the CLI's
//! verbs only translate their arguments into these calls, so the two cannot drift apart.

mod collect;
mod evaluate;
mod export;
mod feedback;
mod import;
mod pdf;
mod reminders;
mod save_answer;
mod submit;

pub use collect::{collect_to, CollectReport, FailedFile};
pub use evaluate::{evaluate, Evaluation};
pub use export::{export_text, export_to};
pub use feedback::{feedback_from_workbook, feedback_on_pdf, WrittenFeedback};
pub use import::import_from;
pub use pdf::{preview_pdf, WrittenPdf};
pub use reminders::{reminders, reminders_to};
pub use save_answer::{save_answer, SavedAnswer};
pub use submit::submit;
