//! What changed in an assessment since the one it was carried forward from (last year's,
//! usually the one submitted to NEC): per item, the rating up or down, the text changed,
//! evidence added or removed. The app shows it per item; the PDF prints it on a page of
//! its own that NEC can read first. A pure comparison of two records: the use case reads
//! last year's (`usecase::changes_since_carried_from`).

use serde::Serialize;
use time::Date;

use crate::catalog::Catalog;
use crate::model::{Answer, AssessmentRecord, Rating};

/// How a rating moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RatingMove {
    /// More points than before.
    Up,
    /// Fewer points than before.
    Down,
    /// To or from "not applicable", or newly answered or cleared.
    Changed,
}

/// A text of an answer that can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    /// Why the item does not apply.
    NaReason,
    /// What the company does.
    Description,
    /// The action plan: what, who, and the due date ("YYYY-MM-DD").
    PlanWhat,
    PlanWho,
    PlanDue,
}

/// One text of an answer as it was and as it is (empty when there was or is none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextChange {
    pub field: TextField,
    pub before: String,
    pub now: String,
}

/// What changed in one item's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    pub item_id: String,
    pub rating_before: Option<Rating>,
    pub rating_now: Option<Rating>,
    /// `None` when the rating stayed the same.
    pub rating_move: Option<RatingMove>,
    /// The description, the reason for "not applicable" or the action plan was rewritten.
    pub text_changed: bool,
    /// Each text that changed, old and new, in the order the answer shows them.
    pub texts: Vec<TextChange>,
    /// Names of evidence documents listed now and not before, and the other way round.
    pub evidence_added: Vec<String>,
    pub evidence_removed: Vec<String>,
    /// Names of evidence past its valid-until date now.
    pub evidence_expired: Vec<String>,
}

/// The changes since an earlier assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// The earlier assessment's period ("FY2025") and when it was submitted, if it was.
    pub since_period: String,
    pub since_submitted_at: Option<String>,
    /// Changed items only, in catalog order.
    pub items: Vec<ItemChange>,
}

fn points(r: Option<Rating>) -> Option<u32> {
    r.and_then(Rating::points)
}

fn rating_move(before: Option<Rating>, now: Option<Rating>) -> Option<RatingMove> {
    if before == now {
        return None;
    }
    Some(match (points(before), points(now), before.is_some() && now.is_some()) {
        (Some(b), Some(n), true) if n > b => RatingMove::Up,
        (Some(b), Some(n), true) if n < b => RatingMove::Down,
        _ => RatingMove::Changed,
    })
}

/// The texts of an answer, by field, trimmed.
fn texts(a: Option<&Answer>) -> [(TextField, String); 5] {
    let f = |s: Option<&String>| s.map(|s| s.trim().to_string()).unwrap_or_default();
    [
        (TextField::NaReason, f(a.map(|a| &a.na_reason))),
        (TextField::Description, f(a.map(|a| &a.description))),
        (TextField::PlanWhat, f(a.map(|a| &a.action_plan.what))),
        (TextField::PlanWho, f(a.map(|a| &a.action_plan.who))),
        (TextField::PlanDue, a.and_then(|a| a.action_plan.due.clone()).unwrap_or_default()),
    ]
}

/// The texts that differ between two answers, old and new.
fn text_changes(before: Option<&Answer>, now: Option<&Answer>) -> Vec<TextChange> {
    texts(before)
        .into_iter()
        .zip(texts(now))
        .filter(|((_, b), (_, n))| b != n)
        .map(|((field, before), (_, now))| TextChange { field, before, now })
        .collect()
}

fn evidence_names(a: Option<&Answer>) -> Vec<String> {
    a.map(|a| a.evidence.iter().map(|e| e.name.trim().to_string()).filter(|n| !n.is_empty()).collect())
        .unwrap_or_default()
}

/// What changed from `before` to `now`, item by item; evidence is expired as of `today`.
pub fn compare(now: &AssessmentRecord, before: &AssessmentRecord, catalog: &Catalog, today: Date) -> Changes {
    let mut items = Vec::new();
    for item in catalog.items() {
        let (b, n) = (before.answer(&item.id), now.answer(&item.id));
        let (rb, rn) = (b.and_then(|a| a.rating), n.and_then(|a| a.rating));
        let (eb, en) = (evidence_names(b), evidence_names(n));
        let change = ItemChange {
            item_id: item.id.clone(),
            rating_before: rb,
            rating_now: rn,
            rating_move: rating_move(rb, rn),
            text_changed: !text_changes(b, n).is_empty(),
            texts: text_changes(b, n),
            evidence_added: en.iter().filter(|x| !eb.contains(x)).cloned().collect(),
            evidence_removed: eb.iter().filter(|x| !en.contains(x)).cloned().collect(),
            evidence_expired: n
                .map(|a| a.evidence.iter().filter(|e| e.is_expired(today)).map(|e| e.name.trim().to_string()).collect())
                .unwrap_or_default(),
        };
        if change.rating_move.is_some()
            || change.text_changed
            || !change.evidence_added.is_empty()
            || !change.evidence_removed.is_empty()
            || !change.evidence_expired.is_empty()
        {
            items.push(change);
        }
    }
    Changes {
        since_period: before.assessment.period.clone(),
        since_submitted_at: before.assessment.submitted_at.clone(),
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Evidence;

    #[test]
    fn moves_are_told_by_points() {
        use Rating::*;
        assert_eq!(rating_move(Some(Mostly), Some(Full)), Some(RatingMove::Up));
        assert_eq!(rating_move(Some(Full), Some(NotYet)), Some(RatingMove::Down));
        assert_eq!(rating_move(Some(Full), Some(NotApplicable)), Some(RatingMove::Changed));
        assert_eq!(rating_move(None, Some(NotYet)), Some(RatingMove::Changed));
        assert_eq!(rating_move(Some(Partly), Some(Partly)), None);
    }

    #[test]
    fn only_changed_items_are_listed() {
        let catalog = Catalog::get();
        let assessment = crate::model::Assessment {
            id: 1,
            company_id: 1,
            period: "FY2025".into(),
            status: crate::model::Status::Submitted,
            catalog_version: String::new(),
            created_at: String::new(),
            updated_at: String::new(),
            submitted_at: Some("2025-06-30T09:00:00Z".into()),
            carried_from: None,
            position: None,
            declaration: Default::default(),
        };
        let mut before = AssessmentRecord { company: Default::default(), assessment, answers: vec![], part2: vec![], nec_requests: vec![] };
        let mut a = Answer::new("I-1");
        a.rating = Some(Rating::Mostly);
        a.description = "Policy drafted".into();
        before.answers.push(a.clone());
        let mut b = Answer::new("I-2");
        b.rating = Some(Rating::Full);
        before.answers.push(b.clone());
        let mut now = before.clone();
        now.assessment.period = "FY2026".into();
        now.answers[0].rating = Some(Rating::Full);
        now.answers[0].evidence.push(Evidence { name: "CSR policy 2026".into(), ..Default::default() });
        let c = compare(&now, &before, catalog, time::macros::date!(2026 - 12 - 07));
        assert_eq!(c.since_period, "FY2025");
        assert_eq!(c.items.len(), 1, "I-2 did not change");
        assert_eq!(c.items[0].rating_move, Some(RatingMove::Up));
        assert!(!c.items[0].text_changed && c.items[0].texts.is_empty());
        assert_eq!(c.items[0].evidence_added, ["CSR policy 2026"]);
        // A rewritten reason for "not applicable" is named as that, with both texts.
        now.answers[1].rating = Some(Rating::NotApplicable);
        now.answers[1].na_reason = "We make no products.".into();
        let c = compare(&now, &before, catalog, time::macros::date!(2026 - 12 - 07));
        let i2 = c.items.iter().find(|i| i.item_id == "I-2").unwrap();
        assert_eq!(
            i2.texts,
            [TextChange { field: TextField::NaReason, before: String::new(), now: "We make no products.".into() }]
        );
    }
}
