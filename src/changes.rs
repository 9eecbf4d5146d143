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

fn texts(a: Option<&Answer>) -> [String; 4] {
    let f = |s: Option<&String>| s.map(|s| s.trim().to_string()).unwrap_or_default();
    [
        f(a.map(|a| &a.description)),
        f(a.map(|a| &a.na_reason)),
        f(a.map(|a| &a.action_plan.what)),
        f(a.map(|a| &a.action_plan.who)),
    ]
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
            text_changed: texts(b) != texts(n) || b.map(|a| &a.action_plan.due) != n.map(|a| &a.action_plan.due),
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
        let mut before = AssessmentRecord { company: Default::default(), assessment, answers: vec![], part2: vec![] };
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
        assert!(!c.items[0].text_changed);
        assert_eq!(c.items[0].evidence_added, ["CSR policy 2026"]);
    }
}
