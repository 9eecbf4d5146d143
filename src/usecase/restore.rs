//! Restoring a backup, and what it brought back: the window says which assessments are now
//! in the app, with how many answers, and when the backup was taken.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::{backup, Store};

/// What a restore put back, for the user to check it is what they meant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Restored {
    /// The backup's file name.
    pub name: String,
    /// When the backup was taken (RFC 3339 UTC) and why ("daily", "before-import", …).
    pub taken_at: String,
    pub reason: String,
    /// Each assessment now in the app, newest change first.
    pub assessments: Vec<RestoredAssessment>,
    /// Action items answered (a rating or "not applicable"), over all assessments.
    pub answers: usize,
}

/// One assessment as the restore left it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RestoredAssessment {
    pub company: String,
    pub period: String,
    /// Action items answered (a rating or "not applicable").
    pub answers: usize,
}

/// What the store holds after snapshot `name` was restored into it (the shell and the CLI
/// restore, then ask this; a damaged database is restored without a store to call on).
pub fn restored(store: &Store, name: &str) -> Result<Restored> {
    let (taken_at, reason) = backup::taken(name).ok_or_else(|| Error::BackupNotFound {
        name: name.to_string(),
        folder: backup::folder(store.path()),
    })?;
    let assessments: Vec<RestoredAssessment> = store
        .list_assessments()?
        .into_iter()
        .map(|a| RestoredAssessment { company: a.company_name, period: a.period, answers: a.answered + a.not_applicable })
        .collect();
    let answers = assessments.iter().map(|a| a.answers).sum();
    Ok(Restored { name: name.to_string(), taken_at, reason, assessments, answers })
}
