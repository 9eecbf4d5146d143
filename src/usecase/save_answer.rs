//! Saving one item's answer, returning the new score with the receipt so the UI does not
//! have to ask for it again.

use serde::Serialize;

use super::evaluate::Evaluation;
use crate::catalog::Catalog;
use crate::error::Result;
use crate::model::Answer;
use crate::store::{SaveReceipt, Store};

/// The receipt of the save (flattened: `updated_at`, `status`, `reverted_from`) and the
/// assessment's score and submission check after it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SavedAnswer {
    #[serde(flatten)]
    pub receipt: SaveReceipt,
    pub evaluation: Evaluation,
}

pub fn save_answer(store: &mut Store, catalog: &Catalog, id: i64, answer: &Answer) -> Result<SavedAnswer> {
    let receipt = store.save_answer(id, answer)?;
    Ok(SavedAnswer { receipt, evaluation: super::evaluate(store, catalog, id)? })
}
