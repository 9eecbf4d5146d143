//! Answers to action items and to Part 2 policies.

use super::read;
use super::tx::Editing;
use super::{SaveReceipt, Store};
use crate::clock;
use crate::error::{Error, Result};
use crate::model::{Answer, Part2Answer};

impl Store {
    /// The stored answers of an assessment, in catalog order; every row checked, and all of
    /// them against the assessment's manifest.
    pub fn answers(&self, assessment_id: i64) -> Result<Vec<Answer>> {
        let row = read::live_assessment(&self.conn, assessment_id).map_err(|e| self.seen(e))?;
        let mut list = read::answers(&self.conn, &row).map_err(|e| self.seen(e))?;
        self.in_catalog_order(&mut list);
        Ok(list)
    }

    pub(super) fn in_catalog_order(&self, list: &mut [Answer]) {
        list.sort_by_key(|a| self.catalog.item_position(&a.item_id).unwrap_or(usize::MAX));
    }

    pub(super) fn policies_in_catalog_order(&self, list: &mut [Part2Answer]) {
        let order: Vec<&str> = self.catalog.policies().iter().map(|p| p.id.as_str()).collect();
        list.sort_by_key(|a| order.iter().position(|id| *id == a.policy_id).unwrap_or(usize::MAX));
    }

    /// Saves one item's answer in one transaction. Saving is touching: the answer is no
    /// longer "to re-confirm". An answer with nothing in it is removed. When the answer
    /// carries the revision it was read at and the stored one has moved on (another window
    /// or program saved meanwhile), nothing is saved: [`Error::Conflict`].
    pub fn save_answer(&mut self, assessment_id: i64, answer: &Answer) -> Result<SaveReceipt> {
        let answer = &answer.normalized();
        answer.validate(self.catalog)?;
        let now = clock::now();
        self.write(|tx| {
            let editing = Editing::open(tx, assessment_id)?;
            if let Some(based_on) = answer.revision.0 {
                let stored = editing.answer(&answer.item_id)?.and_then(|a| a.revision.0);
                if stored.unwrap_or(0) != based_on {
                    return Err(Error::Conflict { what: format!("The answer to {}", answer.item_id) });
                }
            }
            store_answer(editing, answer, &now)
        })
    }

    /// Reads one item's answer, lets `edit` change it, and saves it, all in one write
    /// transaction: two programs editing the same answer at once never lose a change
    /// (the command line's `answer` adds evidence this way).
    pub fn edit_answer(
        &mut self,
        assessment_id: i64,
        item_id: &str,
        edit: impl FnOnce(&mut Answer) -> Result<()>,
    ) -> Result<SaveReceipt> {
        let now = clock::now();
        let catalog = self.catalog;
        self.write(|tx| {
            let editing = Editing::open(tx, assessment_id)?;
            let mut answer = editing.answer(item_id)?.unwrap_or_else(|| Answer::new(item_id));
            edit(&mut answer)?;
            answer.item_id = item_id.to_string();
            let answer = answer.normalized();
            answer.validate(catalog)?;
            store_answer(editing, &answer, &now)
        })
    }

    /// Confirms carried-over answers as still true, all in one transaction: `items` and
    /// `policies` are no longer "to re-confirm", and nothing else in them changes. Ids that
    /// are not carried over (already confirmed, or never answered) are left as they are;
    /// an id the catalog does not know is refused before anything is written.
    pub fn confirm_unchanged(
        &mut self,
        assessment_id: i64,
        items: &[String],
        policies: &[String],
    ) -> Result<SaveReceipt> {
        if let Some(bad) = items.iter().find(|i| self.catalog.item_position(i).is_none()) {
            return Err(Error::not_found(format!("Action item {bad}")));
        }
        if let Some(bad) = policies.iter().find(|p| !self.catalog.policies().iter().any(|x| &x.id == *p)) {
            return Err(Error::not_found(format!("Part 2 policy {bad}")));
        }
        let now = clock::now();
        self.write(|tx| {
            let mut editing = Editing::open(tx, assessment_id)?;
            let receipt = editing.touch(&now);
            for item in items {
                if let Some(a) = editing.answer(item)?.filter(|a| a.to_reconfirm) {
                    editing.restamp_answer(&a, false, &now)?;
                }
            }
            for policy in policies {
                if let Some(a) = editing.part2_answer(policy)?.filter(|a| a.to_reconfirm) {
                    editing.restamp_part2(&a, false, &now)?;
                }
            }
            editing.save()?;
            Ok(receipt)
        })
    }

    /// The stored Part 2 answers of an assessment, in catalog order, checked as
    /// [`Store::answers`].
    pub fn part2_answers(&self, assessment_id: i64) -> Result<Vec<Part2Answer>> {
        let row = read::live_assessment(&self.conn, assessment_id).map_err(|e| self.seen(e))?;
        let mut list = read::part2(&self.conn, &row).map_err(|e| self.seen(e))?;
        self.policies_in_catalog_order(&mut list);
        Ok(list)
    }

    /// Saves one policy's answer in one transaction; saving clears "to re-confirm".
    /// A stale revision is refused as in [`Store::save_answer`].
    pub fn save_part2(&mut self, assessment_id: i64, answer: &Part2Answer) -> Result<SaveReceipt> {
        let answer = &answer.normalized();
        answer.validate(self.catalog)?;
        let now = clock::now();
        self.write(|tx| {
            let mut editing = Editing::open(tx, assessment_id)?;
            if let Some(based_on) = answer.revision.0 {
                let stored = editing.part2_answer(&answer.policy_id)?.and_then(|a| a.revision.0);
                if stored.unwrap_or(0) != based_on {
                    return Err(Error::Conflict { what: format!("The answer to the {} policy", answer.policy_id) });
                }
            }
            let mut receipt = editing.touch(&now);
            receipt.revision = Some(editing.put_part2(answer, false, &now)?);
            editing.save()?;
            Ok(receipt)
        })
    }

    /// Reads, edits and saves one policy's answer in one transaction (see [`Store::edit_answer`]).
    pub fn edit_part2(
        &mut self,
        assessment_id: i64,
        policy_id: &str,
        edit: impl FnOnce(&mut Part2Answer) -> Result<()>,
    ) -> Result<SaveReceipt> {
        let now = clock::now();
        let catalog = self.catalog;
        self.write(|tx| {
            let mut editing = Editing::open(tx, assessment_id)?;
            let mut answer = editing.part2_answer(policy_id)?.unwrap_or_else(|| Part2Answer::new(policy_id));
            edit(&mut answer)?;
            answer.policy_id = policy_id.to_string();
            let answer = answer.normalized();
            answer.validate(catalog)?;
            let mut receipt = editing.touch(&now);
            receipt.revision = Some(editing.put_part2(&answer, false, &now)?);
            editing.save()?;
            Ok(receipt)
        })
    }
}

/// Stores an item's answer (removing it when empty) and touches the assessment.
fn store_answer(mut editing: Editing, answer: &Answer, now: &str) -> Result<SaveReceipt> {
    let mut receipt = editing.touch(now);
    if answer.is_empty() {
        editing.remove_answer(&answer.item_id)?;
    } else {
        receipt.revision = Some(editing.put_answer(answer, false, now)?);
    }
    editing.save()?;
    Ok(receipt)
}
