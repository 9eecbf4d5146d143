//! Saving what a user edits (an item's answer, a Part 2 answer, the declaration, "still
//! true" for carried-over answers, the company profile), each returning the receipt with the
//! assessment's new evaluation, so the UI never has to ask for it again.

use serde::Serialize;

use super::evaluate::Evaluation;
use crate::catalog::Catalog;
use crate::error::Result;
use crate::model::{Answer, Company, CompanyProfile, Declaration, Part2Answer};
use crate::store::{SaveReceipt, Store};

/// The receipt of the save (flattened: `updated_at`, `status`, `reverted_from`, `revision`)
/// and the assessment's score, submission check and facts after it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Saved {
    #[serde(flatten)]
    pub receipt: SaveReceipt,
    pub evaluation: Evaluation,
}

/// The former name of [`Saved`], from when only answers returned it.
pub type SavedAnswer = Saved;

fn with_evaluation(store: &Store, catalog: &Catalog, id: i64, receipt: SaveReceipt) -> Result<Saved> {
    Ok(Saved { receipt, evaluation: super::evaluate(store, catalog, id)? })
}

pub fn save_answer(store: &mut Store, catalog: &Catalog, id: i64, answer: &Answer) -> Result<Saved> {
    let receipt = store.save_answer(id, answer)?;
    with_evaluation(store, catalog, id, receipt)
}

pub fn save_part2(store: &mut Store, catalog: &Catalog, id: i64, answer: &Part2Answer) -> Result<Saved> {
    let receipt = store.save_part2(id, answer)?;
    with_evaluation(store, catalog, id, receipt)
}

pub fn save_declaration(store: &mut Store, catalog: &Catalog, id: i64, declaration: &Declaration) -> Result<Saved> {
    let receipt = store.save_declaration(id, declaration)?;
    with_evaluation(store, catalog, id, receipt)
}

/// Confirms carried-over answers unchanged ("still true"), a whole group at once.
pub fn confirm_unchanged(
    store: &mut Store,
    catalog: &Catalog,
    id: i64,
    items: &[String],
    policies: &[String],
) -> Result<Saved> {
    let receipt = store.confirm_unchanged(id, items, policies)?;
    with_evaluation(store, catalog, id, receipt)
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

/// Saves the profile of `company` (a new company when `None`: the first start's profile),
/// based on revision `revision` when given (a stale one is refused as a conflict), and
/// evaluates `open_assessment` if one is open. The receipt's status is that assessment's (a
/// profile change does not change it), else draft.
pub fn save_profile(
    store: &mut Store,
    catalog: &Catalog,
    company: Option<i64>,
    profile: &CompanyProfile,
    revision: Option<i64>,
    open_assessment: Option<i64>,
) -> Result<SavedProfile> {
    let company = match company {
        Some(id) => store.save_company(id, profile, revision)?,
        None => store.create_company(profile)?,
    };
    let status = match open_assessment {
        Some(id) => store.assessment(id)?.status,
        None => crate::model::Status::Draft,
    };
    let receipt =
        SaveReceipt { updated_at: company.updated_at.clone(), status, reverted_from: None, revision: company.revision.0 };
    let evaluation = open_assessment.map(|id| super::evaluate(store, catalog, id)).transpose()?;
    Ok(SavedProfile { company, receipt, evaluation })
}
