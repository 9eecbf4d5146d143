//! The score and the submission check of one assessment, from one read.

use serde::Serialize;

use crate::catalog::Catalog;
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
}

impl Evaluation {
    pub fn of(record: &AssessmentRecord, catalog: &Catalog) -> Evaluation {
        let score = scoring::score(record, catalog);
        Evaluation { readiness: readiness::check_scored(record, catalog, &score), score }
    }
}

pub fn evaluate(store: &Store, catalog: &Catalog, id: i64) -> Result<Evaluation> {
    Ok(Evaluation::of(&store.record(id)?, catalog))
}
