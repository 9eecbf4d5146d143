//! The submission check: what still stands between an assessment and a complete submission.
//!
//! Saving never refuses what a user typed; this check is where unfinished or malformed
//! answers are reported, each problem naming the items or fields to go back to.

use time::Date;

use crate::catalog::{Catalog, Relevance};
pub use crate::findings::{FieldProblem, Finding, Problem, Readiness, Severity, UnprintableField};
use crate::model::{AssessmentRecord, CompanyProfile};
use crate::scoring::{self, Score};

/// Whether a Part 2 policy concerns a company with this profile.
pub fn is_relevant(relevance: Relevance, profile: &CompanyProfile) -> bool {
    match relevance {
        Relevance::All => true,
        Relevance::Goods => profile.supplies_goods,
        Relevance::Chemicals => profile.handles_chemicals,
        Relevance::Construction => profile.does_construction,
    }
}

/// What the check needs besides the record, supplied by the use case: the supplier's today
/// (for expired evidence) and which characters the PDF cannot print on this computer (its
/// fonts decide it, so the check itself depends on no font).
pub struct Circumstances<'a> {
    pub today: Date,
    /// The characters of a text that no available font can print, each once.
    pub unprintable: &'a dyn Fn(&str) -> String,
}

/// Checks an assessment for submission.
pub fn check(record: &AssessmentRecord, catalog: &Catalog, at: &Circumstances) -> Readiness {
    check_scored(record, catalog, &scoring::score(record, catalog), at)
}

/// Checks an assessment for submission, given its score (for callers that show both).
pub fn check_scored(record: &AssessmentRecord, catalog: &Catalog, score: &Score, at: &Circumstances) -> Readiness {
    let mut problems = Vec::new();

    let fields = record.company.problems();
    if !fields.is_empty() {
        problems.push(Problem::Profile { fields });
    }
    if !score.unanswered.is_empty() {
        problems.push(Problem::Unanswered { items: score.unanswered.clone() });
    }
    let no_reason: Vec<String> =
        score.not_applicable.iter().filter(|n| n.reason.is_empty()).map(|n| n.item_id.clone()).collect();
    if !no_reason.is_empty() {
        problems.push(Problem::NotApplicableWithoutReason { items: no_reason });
    }
    let no_plan: Vec<String> =
        score.gaps.iter().filter(|g| g.essential && !g.has_action_plan).map(|g| g.item_id.clone()).collect();
    if !no_plan.is_empty() {
        problems.push(Problem::EssentialGapWithoutPlan { items: no_plan });
    }
    let policies_to_reconfirm: Vec<String> =
        record.part2.iter().filter(|p| p.to_reconfirm).map(|p| p.policy_id.clone()).collect();
    if !score.to_reconfirm.is_empty() || !policies_to_reconfirm.is_empty() {
        problems.push(Problem::ToReconfirm { items: score.to_reconfirm.clone(), policies: policies_to_reconfirm });
    }

    let mut not_acknowledged = Vec::new();
    let mut disclosures = Vec::new();
    for policy in catalog.policies() {
        if !is_relevant(policy.relevance, &record.company) {
            continue;
        }
        let answer = record.part2_answer(&policy.id);
        if !answer.is_some_and(|a| a.acknowledged) {
            not_acknowledged.push(policy.id.clone());
        }
        let fields = match answer {
            Some(a) => a.problems(catalog),
            None => crate::model::Part2Answer::new(policy.id.clone()).problems(catalog),
        };
        if !fields.is_empty() {
            disclosures.push(Problem::Disclosures { policy: policy.id.clone(), fields });
        }
    }
    if !not_acknowledged.is_empty() {
        problems.push(Problem::PoliciesNotAcknowledged { policies: not_acknowledged });
    }
    problems.extend(disclosures);

    let missing: Vec<String> = record.assessment.declaration.missing().into_iter().map(String::from).collect();
    if !missing.is_empty() {
        problems.push(Problem::Declaration { missing });
    }
    if !score.marked_for_review.is_empty() {
        problems.push(Problem::MarkedForReview { items: score.marked_for_review.clone() });
    }
    let expired: Vec<String> = record
        .answers
        .iter()
        .filter(|a| a.evidence.iter().any(|e| e.is_expired(at.today)))
        .map(|a| a.item_id.clone())
        .collect();
    if !expired.is_empty() {
        problems.push(Problem::ExpiredEvidence { items: expired });
    }
    let unprintable = unprintable_fields(record, at.unprintable);
    if !unprintable.is_empty() {
        problems.push(Problem::UnprintableCharacters { fields: unprintable });
    }

    let findings: Vec<Finding> =
        problems.into_iter().map(|problem| Finding { severity: problem.severity(), problem }).collect();
    Readiness { ready: findings.iter().all(|f| f.severity == Severity::Warning), findings }
}

/// Every field of the assessment the PDF prints, with the characters `unprintable` finds in it.
pub fn unprintable_fields(record: &AssessmentRecord, unprintable: &dyn Fn(&str) -> String) -> Vec<UnprintableField> {
    let mut out = Vec::new();
    let mut check = |place: &'static str, id: Option<&str>, field: &str, text: &str| {
        let characters = unprintable(text);
        if !characters.is_empty() {
            out.push(UnprintableField { place, id: id.map(String::from), field: field.to_string(), characters });
        }
    };
    let p = &record.company;
    for (field, text) in [
        ("legal_name", &p.legal_name),
        ("name_latin", &p.name_latin),
        ("address", &p.address),
        ("country", &p.country),
        ("representative", &p.representative),
        ("contact_name", &p.contact_name),
        ("contact_email", &p.contact_email),
        ("contact_phone", &p.contact_phone),
        ("supplier_code", &p.supplier_code),
        ("nec_contact_name", &p.nec_contact_name),
        ("nec_contact_email", &p.nec_contact_email),
        ("products", &p.products),
        ("sites", &p.sites),
    ] {
        check("profile", None, field, text);
    }
    check("assessment", None, "period", &record.assessment.period);
    for a in &record.answers {
        let id = Some(a.item_id.as_str());
        check("item", id, "na_reason", &a.na_reason);
        check("item", id, "description", &a.description);
        for e in &a.evidence {
            check("item", id, "evidence.name", &e.name);
            check("item", id, "evidence.location", &e.location);
            check("item", id, "evidence.date", e.date.as_deref().unwrap_or_default());
        }
        check("item", id, "plan.what", &a.action_plan.what);
        check("item", id, "plan.who", &a.action_plan.who);
        check("item", id, "plan.due", a.action_plan.due.as_deref().unwrap_or_default());
    }
    for a in &record.part2 {
        let id = Some(a.policy_id.as_str());
        for (question, text) in &a.disclosures {
            check("policy", id, &format!("disclosure.{question}"), text);
        }
        check("policy", id, "notes", &a.notes);
    }
    let d = &record.assessment.declaration;
    check("declaration", None, "name", &d.signer_name);
    check("declaration", None, "title", &d.signer_title);
    // Several evidence entries of one item may hold the same characters: one line each.
    out.dedup();
    out
}
