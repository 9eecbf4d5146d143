//! The commands the UI invokes. Each translates its arguments into one core call.

pub mod answers;
pub mod app;
pub mod assessments;
pub mod contract;
pub mod feedback;
pub mod backups;
pub mod collect;
pub mod files;
pub mod profile;
pub mod reminders;
pub mod submission;
