//! Scoring and the submission check, with expectations worked out by hand.

mod common;

use common::*;
use csr_core::model::{Answer, AssessmentRecord, Rating};
use csr_core::readiness::{self, Problem, Severity};
use csr_core::scoring::{self, Tally};
use csr_core::{Catalog, Store};

fn record_with(store: &mut Store, answers: &[(&str, Rating)]) -> AssessmentRecord {
    let company = store.create_company(&japanese_profile()).unwrap();
    let id = store.create_assessment(company.id, "FY2026").unwrap().id;
    for (item, rating) in answers {
        let mut a = Answer::new(*item);
        a.rating = Some(*rating);
        if *rating == Rating::NotApplicable {
            a.na_reason = "We design no products.".into();
        }
        store.save_answer(id, &a).unwrap();
    }
    store.record(id).unwrap()
}

fn group<'a>(s: &'a scoring::Score, id: &str) -> &'a Tally {
    &s.groups.iter().find(|g| g.group_id == id).unwrap().tally
}

#[test]
fn group_and_overall_scores_by_hand() {
    let (_dir, mut store) = temp_store();
    let record = record_with(
        &mut store,
        &[
            ("I-1", Rating::NotApplicable),
            ("I-2", Rating::NotYet),
            // I-3 unanswered
            ("IV-1", Rating::Full),
            ("IV-2", Rating::Partly),
            ("V-1", Rating::Mostly),
            ("V-2", Rating::Mostly),
            ("V-3", Rating::Full),
        ],
    );
    let s = scoring::score(&record, Catalog::get());
    // I: I-1 left out; I-2 0 of 3; I-3 unanswered 0 of 3 => 0 of 6; 1 of 2 answered.
    let i = group(&s, "I");
    assert_eq!((i.items, i.not_applicable, i.applicable, i.answered, i.points, i.max_points), (3, 1, 2, 1, 0, 6));
    assert_eq!((i.score, i.completeness), (Some(0), 50));
    // IV: 3 + 1 of 6 = 67%.
    assert_eq!(group(&s, "IV").score, Some(67));
    // V: 2 + 2 + 3 of 9 = 78%.
    assert_eq!(group(&s, "V").score, Some(78));
    assert_eq!(group(&s, "V").completeness, 100);
    // Overall: 11 points of 46 applicable items * 3 = 138 => 8%; 6 of 46 answered => 13%.
    let o = &s.overall;
    assert_eq!((o.items, o.applicable, o.answered, o.points, o.max_points), (47, 46, 6, 11, 138));
    assert_eq!((o.score, o.completeness), (Some(8), 13));
    assert_eq!(s.unanswered.len(), 40);
    assert_eq!(s.not_applicable.len(), 1);
    assert_eq!(s.not_applicable[0].reason, "We design no products.");
}

#[test]
fn not_applicable_items_never_count_against_the_supplier() {
    let (_dir, mut store) = temp_store();
    let mut answers: Vec<(&str, Rating)> = vec![("IV-1", Rating::Full), ("IV-2", Rating::NotApplicable)];
    // All of group VI not applicable: no score, nothing left to answer.
    let vi: Vec<String> = Catalog::get().group("VI").unwrap().items.iter().map(|i| i.id.clone()).collect();
    answers.extend(vi.iter().map(|id| (id.as_str(), Rating::NotApplicable)));
    let record = record_with(&mut store, &answers);
    let s = scoring::score(&record, Catalog::get());
    assert_eq!(group(&s, "IV").score, Some(100), "a fully-in-place item beside an N/A one scores 100%");
    assert_eq!(group(&s, "IV").completeness, 100);
    assert_eq!((group(&s, "VI").score, group(&s, "VI").completeness), (None, 100));
    assert_eq!(s.essential.applicable, 0);
}

#[test]
fn gaps_list_essential_items_first_then_the_widest_gaps() {
    let (_dir, mut store) = temp_store();
    let record = record_with(
        &mut store,
        &[
            ("I-1", Rating::Mostly),
            ("II-2", Rating::NotYet),
            ("III-1", Rating::Partly),
            ("VI-9", Rating::Mostly),
            ("VI-2", Rating::NotYet),
            ("VI-3", Rating::NotYet),
            ("VII-1", Rating::Full),
        ],
    );
    let s = scoring::score(&record, Catalog::get());
    let order: Vec<(&str, bool)> = s.gaps.iter().map(|g| (g.item_id.as_str(), g.essential)).collect();
    assert_eq!(
        order,
        [("VI-2", true), ("VI-9", true), ("II-2", false), ("VI-3", false), ("III-1", false), ("I-1", false)]
    );
    assert!(s.gaps.iter().all(|g| !g.has_action_plan));
    assert_eq!((s.essential.applicable, s.essential.answered, s.essential.points), (3, 2, 2));
}

#[test]
fn a_complete_assessment_is_ready_and_each_omission_blocks_it() {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let record = store.record(id).unwrap();
    let result = readiness::check(&record, Catalog::get(), &csr_core::usecase::circumstances());
    assert!(result.ready, "{:#?}", result.findings);
    // The fixture marks some items for review: a warning, not a blocker.
    assert!(result.findings.iter().all(|f| f.severity == Severity::Warning));
    assert!(matches!(result.findings[0].problem, Problem::MarkedForReview { .. }));

    let blocked = |r: &AssessmentRecord| {
        let result = readiness::check(r, Catalog::get(), &csr_core::usecase::circumstances());
        assert!(!result.ready);
        result.findings.into_iter().filter(|f| f.severity == Severity::Blocking).map(|f| f.problem).collect::<Vec<_>>()
    };

    let mut r = record.clone();
    r.assessment.declaration.confirmed = false;
    assert_eq!(blocked(&r), [Problem::Declaration { missing: vec!["confirmed".into()] }]);

    let mut r = record.clone();
    let vi1 = r.answers.iter_mut().find(|a| a.item_id == "VI-1").unwrap();
    vi1.rating = Some(Rating::Partly);
    vi1.action_plan.who.clear();
    assert_eq!(blocked(&r), [Problem::EssentialGapWithoutPlan { items: vec!["VI-1".into()] }]);

    let mut r = record.clone();
    let na = r.answers.iter_mut().find(|a| a.rating == Some(Rating::NotApplicable)).unwrap();
    na.na_reason = "  ".into();
    let na_id = na.item_id.clone();
    assert_eq!(blocked(&r), [Problem::NotApplicableWithoutReason { items: vec![na_id] }]);

    let mut r = record.clone();
    r.answers.retain(|a| a.item_id != "III-2");
    assert_eq!(blocked(&r), [Problem::Unanswered { items: vec!["III-2".into()] }]);

    let mut r = record.clone();
    r.answers[5].to_reconfirm = true;
    let id5 = r.answers[5].item_id.clone();
    assert_eq!(blocked(&r), [Problem::ToReconfirm { items: vec![id5], policies: vec![] }]);

    let mut r = record.clone();
    r.part2.retain(|p| p.policy_id != "modern-slavery");
    let problems = blocked(&r);
    assert_eq!(problems, [Problem::PoliciesNotAcknowledged { policies: vec!["modern-slavery".into()] }]);

    let mut r = record.clone();
    r.company.contact_email = "not an address".into();
    assert!(matches!(&blocked(&r)[..], [Problem::Profile { fields }] if fields[0].field == "contact_email"));
}

#[test]
fn policies_that_do_not_concern_the_company_are_not_asked_for() {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let mut record = store.record(id).unwrap();
    record.part2.retain(|p| !["construction-safety", "reach", "conflict-minerals"].contains(&p.policy_id.as_str()));
    let result = readiness::check(&record, Catalog::get(), &csr_core::usecase::circumstances());
    assert!(!result.ready, "the fixture company builds, handles chemicals and supplies goods");
    record.company.does_construction = false;
    record.company.handles_chemicals = false;
    record.company.supplies_goods = false;
    let result = readiness::check(&record, Catalog::get(), &csr_core::usecase::circumstances());
    assert!(result.ready, "{:#?}", result.findings);
}

#[test]
fn malformed_disclosures_are_reported_as_typed() {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let mut record = store.record(id).unwrap();
    let climate = record.part2.iter_mut().find(|p| p.policy_id == "climate-change").unwrap();
    climate.disclosures.insert("co2_amount".into(), "about 120".into());
    climate.disclosures.insert("co2_year".into(), "1850".into());
    climate.disclosures.remove("co2_unit");
    let result = readiness::check(&record, Catalog::get(), &csr_core::usecase::circumstances());
    let found = result.findings.iter().find_map(|f| match &f.problem {
        Problem::Disclosures { policy, fields } if policy == "climate-change" => Some(fields.clone()),
        _ => None,
    });
    let fields: Vec<String> = found.unwrap().iter().map(|f| format!("{}:{}", f.field, f.problem)).collect();
    assert_eq!(fields, ["co2_amount:malformed", "co2_unit:missing", "co2_year:malformed"]);
    assert_eq!(csr_core::model::parse_amount("1,234.5"), Some(1234.5));
    assert_eq!(csr_core::model::parse_amount("１２３"), Some(123.0));
    assert_eq!(csr_core::model::parse_amount("-5"), None);
}
