//! The score, the submission check and the day's facts of one assessment, from one read:
//! what the review, the submission screen, the sidebar and every save's receipt show. The
//! UI decides none of it: "expired", "relevant" and "essential not in place" arrive here as
//! facts, computed with the supplier's today.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::Catalog;
use crate::changes::{self, Changes};
use crate::error::{Error, Result};
use crate::model::AssessmentRecord;
use crate::readiness::{self, Circumstances, Readiness};
use crate::scoring::{self, Score};
use crate::store::Store;
use crate::{clock, pdf};

/// What the review and submission screens show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    pub score: Score,
    pub readiness: Readiness,
    /// What changed since the assessment this one was carried forward from, if any.
    pub changes: Option<Changes>,
    pub facts: Facts,
}

/// Facts of the day the UI shows as they are (it keeps no rule of its own for them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Facts {
    /// The supplier's today ("2026-12-08"), as the core decided it.
    pub today: String,
    /// For each item with evidence: whether each entry (in the answer's order) is expired.
    pub expired_evidence: BTreeMap<String, Vec<bool>>,
    /// The Part 2 policies that concern the company, by its profile.
    pub relevant_policies: Vec<String>,
}

/// The circumstances of a check made now, on this computer: the supplier's today, and the
/// PDF's fonts deciding which characters can be printed.
pub fn circumstances() -> Circumstances<'static> {
    Circumstances { today: clock::today(), unprintable: &pdf::unprintable }
}

impl Evaluation {
    /// The evaluation of `record`, as of `at`, beside the assessment it was carried forward
    /// from (`before`, if there is one). Pure: reads nothing.
    pub fn of_record(
        record: &AssessmentRecord,
        before: Option<&AssessmentRecord>,
        catalog: &Catalog,
        at: &Circumstances,
    ) -> Evaluation {
        let score = scoring::score(record, catalog);
        let facts = Facts {
            today: clock::format_date(at.today),
            expired_evidence: record
                .answers
                .iter()
                .filter(|a| !a.evidence.is_empty())
                .map(|a| (a.item_id.clone(), a.evidence.iter().map(|e| e.is_expired(at.today)).collect()))
                .collect(),
            relevant_policies: catalog
                .policies()
                .iter()
                .filter(|p| readiness::is_relevant(p.relevance, &record.company))
                .map(|p| p.id.clone())
                .collect(),
        };
        Evaluation {
            readiness: readiness::check_scored(record, catalog, &score, at),
            changes: before.map(|b| changes::compare(record, b, catalog, at.today)),
            score,
            facts,
        }
    }

    /// The evaluation of `record` now (reading from `store` the assessment it was carried
    /// forward from).
    pub fn of(store: &Store, record: &AssessmentRecord, catalog: &Catalog) -> Result<Evaluation> {
        let before = carried_from(store, record)?;
        Ok(Evaluation::of_record(record, before.as_ref(), catalog, &circumstances()))
    }
}

/// The assessment `record` was carried forward from, or `None` when it was not carried
/// forward (or that one has been deleted since).
pub fn carried_from(store: &Store, record: &AssessmentRecord) -> Result<Option<AssessmentRecord>> {
    let Some(from) = record.assessment.carried_from else { return Ok(None) };
    match store.record(from) {
        Ok(before) => Ok(Some(before)),
        Err(Error::NotFound { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The changes of `record` since the assessment it was carried forward from, as of today.
pub fn changes_since_carried_from(store: &Store, record: &AssessmentRecord, catalog: &Catalog) -> Result<Option<Changes>> {
    Ok(carried_from(store, record)?.map(|before| changes::compare(record, &before, catalog, clock::today())))
}

pub fn evaluate(store: &Store, catalog: &Catalog, id: i64) -> Result<Evaluation> {
    Evaluation::of(store, &store.record(id)?, catalog)
}
