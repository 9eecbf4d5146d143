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

/// A company profile saved, with the evaluation of the assessment open beside it (the
/// policies that concern the company, and the profile's findings, follow the profile).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedProfile {
    pub company: Company,
    pub evaluation: Option<Evaluation>,
}

/// Saves the profile of `company` (a new company when `None`: the first start's profile).
pub fn save_profile(
    store: &mut Store,
    catalog: &Catalog,
    company: Option<i64>,
    profile: &CompanyProfile,
    open_assessment: Option<i64>,
) -> Result<SavedProfile> {
    let company = match company {
        Some(id) => store.save_company(id, profile)?,
        None => store.create_company(profile)?,
    };
    let evaluation = match open_assessment {
        Some(id) => Some(super::evaluate(store, catalog, id)?),
        None => None,
    };
    Ok(SavedProfile { company, evaluation })
}
