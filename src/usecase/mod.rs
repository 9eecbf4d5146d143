//! The use cases: each step a user takes, once. The desktop shell's commands and the CLI's
//! verbs only translate their arguments into these calls, so the two cannot drift apart.

mod collect;
mod evaluate;
mod export;
mod import;
mod pdf;
mod save;
mod save_answer;
mod submit;

pub use collect::{collect_to, CollectReport, FailedFile};
pub use evaluate::{evaluate, Evaluation};
pub use export::{export_text, export_to};
pub use import::import_from;
pub use pdf::{preview_pdf, WrittenPdf};
pub use save::{save_declaration, save_part2, save_profile, Saved, SavedProfile};
pub use save_answer::{save_answer, SavedAnswer};
pub use submit::submit;
