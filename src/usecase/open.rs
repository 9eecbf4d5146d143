//! Opening an assessment to edit it: its record with an answer for every item and policy
//! (empty ones where nothing is stored yet), and its evaluation, read once.

use serde::Serialize;

use super::evaluate::Evaluation;
use crate::catalog::Catalog;
use crate::error::Result;
use crate::model::AssessmentRecord;
use crate::store::Store;

#[derive(Debug, Clone, Serialize)]
pub struct OpenAssessment {
    pub record: AssessmentRecord,
    pub evaluation: Evaluation,
}

pub fn open_assessment(store: &Store, catalog: &Catalog, id: i64) -> Result<OpenAssessment> {
    let record = store.record(id)?;
    let evaluation = Evaluation::of(store, &record, catalog)?;
    Ok(OpenAssessment { record: record.with_every_answer(catalog), evaluation })
}
