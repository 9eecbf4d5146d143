//! Scoring: per item, per group and overall, with completeness and the list of gaps.
//!
//! The method, in the words docs/scoring.md gives suppliers: each applicable item earns
//! 3 points when fully in place, 2 when mostly, 1 when partly, 0 when not yet or not yet
//! answered. A score is the points earned as a share of the points possible. Items marked
//! not applicable are left out of both, so they never lower a score.

use serde::Serialize;

use crate::catalog::Catalog;
use crate::model::{AssessmentRecord, Rating};

/// Counts for a set of items (a group, or all).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Items in the set.
    pub items: usize,
    /// Items marked not applicable.
    pub not_applicable: usize,
    /// Items that apply (all but the not-applicable ones).
    pub applicable: usize,
    /// Applicable items that have a rating.
    pub answered: usize,
    /// Items rated fully in place.
    pub full: usize,
    pub points: u32,
    pub max_points: u32,
    /// Points as a share of the maximum, 0–100; `None` when no item applies.
    pub score: Option<u32>,
    /// Answered as a share of applicable, 0–100.
    pub completeness: u32,
}

impl Tally {
    fn add(&mut self, rating: Option<Rating>) {
        self.items += 1;
        match rating {
            Some(Rating::NotApplicable) => self.not_applicable += 1,
            Some(r) => {
                self.applicable += 1;
                self.answered += 1;
                self.full += usize::from(r == Rating::Full);
                self.points += r.points().unwrap_or(0);
                self.max_points += 3;
            }
            None => {
                self.applicable += 1;
                self.max_points += 3;
            }
        }
    }

    fn finish(mut self) -> Tally {
        self.score = (self.max_points > 0).then(|| share(self.points as usize, self.max_points as usize));
        self.completeness = completeness(self.answered, self.applicable);
        self
    }
}

/// Answered as a share of applicable (the rule lives with the model, where the list of
/// assessments also needs it without depending on scoring).
pub use crate::model::completeness;

fn share(part: usize, whole: usize) -> u32 {
    ((part * 100 + whole / 2) / whole) as u32
}

/// One group's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupScore {
    pub group_id: String,
    pub tally: Tally,
}

/// An applicable item that is not fully in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub item_id: String,
    pub rating: Rating,
    pub essential: bool,
    /// Whether the answer has an action plan with what, who and a due date.
    pub has_action_plan: bool,
}

/// An item marked not applicable, with the reason given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NotApplicable {
    pub item_id: String,
    pub reason: String,
}

/// The whole result of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub overall: Tally,
    pub groups: Vec<GroupScore>,
    /// The essential conditions (group VI) alone.
    pub essential: Tally,
    /// Gaps: essential items first, then the widest gaps, then catalog order.
    pub gaps: Vec<Gap>,
    /// Applicable items without a rating, in catalog order.
    pub unanswered: Vec<String>,
    pub not_applicable: Vec<NotApplicable>,
    pub marked_for_review: Vec<String>,
    pub to_reconfirm: Vec<String>,
    /// The essential conditions not fully in place (any other rating, or none yet), in
    /// catalog order: what the review and the summary list first.
    pub essential_open: Vec<String>,
}

/// Scores an assessment against the catalog.
pub fn score(record: &AssessmentRecord, catalog: &Catalog) -> Score {
    let mut overall = Tally::default();
    let mut essential = Tally::default();
    let mut groups = Vec::new();
    let mut gaps = Vec::new();
    let mut unanswered = Vec::new();
    let mut not_applicable = Vec::new();
    let mut marked_for_review = Vec::new();
    let mut to_reconfirm = Vec::new();
    let mut essential_open = Vec::new();
    for group in catalog.groups() {
        let mut tally = Tally::default();
        for item in &group.items {
            let answer = record.answer(&item.id);
            let rating = answer.and_then(|a| a.rating);
            tally.add(rating);
            overall.add(rating);
            if item.is_essential() {
                essential.add(rating);
                if rating != Some(Rating::Full) {
                    essential_open.push(item.id.clone());
                }
            }
            match (rating, answer) {
                (None, _) => unanswered.push(item.id.clone()),
                (Some(Rating::NotApplicable), Some(a)) => not_applicable
                    .push(NotApplicable { item_id: item.id.clone(), reason: a.na_reason.trim().to_string() }),
                (Some(r), Some(a)) if r.is_gap() => gaps.push(Gap {
                    item_id: item.id.clone(),
                    rating: r,
                    essential: item.is_essential(),
                    has_action_plan: a.action_plan.is_complete(),
                }),
                _ => {}
            }
            if let Some(a) = answer {
                if a.marked_for_review {
                    marked_for_review.push(item.id.clone());
                }
                if a.to_reconfirm {
                    to_reconfirm.push(item.id.clone());
                }
            }
        }
        groups.push(GroupScore { group_id: group.id.clone(), tally: tally.finish() });
    }
    let order = |id: &str| catalog.item_position(id).unwrap_or(usize::MAX);
    gaps.sort_by_key(|g| (!g.essential, g.rating.points(), order(&g.item_id)));
    Score {
        overall: overall.finish(),
        groups,
        essential: essential.finish(),
        gaps,
        unanswered,
        not_applicable,
        marked_for_review,
        to_reconfirm,
        essential_open,
    }
}
