//! The use cases: each step a user takes, once. The desktop shell's commands and the CLI's
//! verbs only translate their arguments into these calls, so the two cannot drift apart.

mod advice;
mod came_due;
mod catalog_view;
mod collect;
mod email;
mod evaluate;
mod export;
mod file_names;
mod feedback;
mod import;
mod open;
mod pdf;
mod receive;
mod reminders;
mod restore;
mod save;
mod start;
mod submit;

pub use advice::{advice_facts, install_content};
pub use came_due::{came_due, mark_dates_seen, CameDue, DueDate};
pub use catalog_view::{catalog_view, CatalogView};
pub use collect::{collect_to, CollectReport, FailedFile, Unanswered};
pub use email::{compose_submission_email, mailto_link};
pub use evaluate::{carried_from, changes_since_carried_from, circumstances, evaluate, Evaluation, Facts};
pub use export::{export_text, export_to};
pub use feedback::{feedback_from_workbook, feedback_on_pdf, WrittenFeedback};
pub use file_names::{suggested_file_name, workbook_file_name, FileKind};
pub use import::{import_file, import_from, Imported};
pub use open::{open_assessment, OpenAssessment};
pub use pdf::{preview_pdf, WrittenPdf};
pub use receive::{is_feedback, nec_feedback, open_feedback, open_feedback_bytes, reply_to_request, NecFeedback, OpenedFeedback};
pub use reminders::{reminders, reminders_to};
pub use restore::{restored, Restored, RestoredAssessment};
pub use save::{confirm_unchanged, save_answer, save_declaration, save_part2, save_profile, Saved, SavedAnswer, SavedProfile};
pub use start::{start_assessment, Start};
pub use submit::submit;
