//! Saving a Part 2 answer, the declaration or the company profile, returning the new score
//! and submission check with the receipt (the shape of [`super::save_answer`]), so the UI's
//! one save controller handles every record alike and never asks again.

use serde::Serialize;

use super::evaluate::Evaluation;
use crate::catalog::Catalog;
use crate::error::Result;
use crate::model::{Company, CompanyProfile, Declaration, Part2Answer};
use crate::store::{SaveReceipt, Store};

/// The receipt of a save (flattened: `updated_at`, `status`, `reverted_from`, `revision`)
/// and the assessment's score and submission check after it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Saved {
    #[serde(flatten)]
    pub receipt: SaveReceipt,
    pub evaluation: Evaluation,
}

/// Saves one policy's answer of assessment `id` (refused as a conflict when its revision is
/// stale) and evaluates the assessment.
pub fn save_part2(store: &mut Store, catalog: &Catalog, id: i64, answer: &Part2Answer) -> Result<Saved> {
    let receipt = store.save_part2(id, answer)?;
    Ok(Saved { receipt, evaluation: super::evaluate(store, catalog, id)? })
}

/// Saves the declaration of assessment `id` (refused as a conflict when the revision it
/// carries is stale) and evaluates the assessment.
pub fn save_declaration(store: &mut Store, catalog: &Catalog, id: i64, declaration: &Declaration) -> Result<Saved> {
    let receipt = store.save_declaration(id, declaration)?;
    Ok(Saved { receipt, evaluation: super::evaluate(store, catalog, id)? })
}

/// A saved profile: the company as stored, the receipt, and, when an assessment is open,
/// its evaluation (the profile decides which Part 2 policies concern the company and what
/// the submission check asks for).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedProfile {
    pub company: Company,
    #[serde(flatten)]
    pub receipt: SaveReceipt,
    pub evaluation: Option<Evaluation>,
}

/// Saves company `company_id`'s profile, based on revision `revision` when given (a stale
/// one is refused as a conflict), and evaluates `assessment` if one is open. The receipt's
/// status is that assessment's (a profile change does not change it), else draft.
pub fn save_profile(
    store: &mut Store,
    catalog: &Catalog,
    company_id: i64,
    profile: &CompanyProfile,
    revision: Option<i64>,
    assessment: Option<i64>,
) -> Result<SavedProfile> {
    let company = store.save_company(company_id, profile, revision)?;
    let status = match assessment {
        Some(id) => store.assessment(id)?.status,
        None => crate::model::Status::Draft,
    };
    let receipt = SaveReceipt {
        updated_at: company.updated_at.clone(),
        status,
        reverted_from: None,
        revision: company.revision.0,
    };
    let evaluation = assessment.map(|id| super::evaluate(store, catalog, id)).transpose()?;
    Ok(SavedProfile { company, receipt, evaluation })
}
