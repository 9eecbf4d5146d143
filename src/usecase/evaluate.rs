//! The score and the submission check of one assessment, from one read.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::changes::{self, Changes};
use crate::error::Result;
use crate::model::AssessmentRecord;
use crate::readiness::{self, Readiness};
use crate::scoring::{self, Score};
use crate::store::Store;

/// What the review and submission screens show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub score: Score,
    pub readiness: Readiness,
    /// What changed since the assessment this one was carried forward from, if any.
    pub changes: Option<Changes>,
}

impl Evaluation {
    /// The evaluation of `record` (read from `store`, where the assessment it was carried
    /// forward from is also read).
    pub fn of(store: &Store, record: &AssessmentRecord, catalog: &Catalog) -> Result<Evaluation> {
        let score = scoring::score(record, catalog);
        Ok(Evaluation {
            readiness: readiness::check_scored(record, catalog, &score),
            score,
            changes: changes::since_carried_from(store, record, catalog)?,
        })
    }
}

pub fn evaluate(store: &Store, catalog: &Catalog, id: i64) -> Result<Evaluation> {
    Evaluation::of(store, &store.record(id)?, catalog)
}
