//! Turns one verified submission into what the tables show: its summary row (scores from
//! `scoring`, Part 2 answers, where it came from) and its answer rows, one per action item.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::aggregate::Change;
use super::read::{Received, Source};
use super::spool::Slot;
use crate::catalog::Catalog;
use crate::model::{Cascade, Rating, Status};
use crate::{readiness, scoring};

/// One submission as a row of the submissions table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Submission {
    pub supplier_code: String,
    pub legal_name: String,
    pub name_latin: String,
    pub period: String,
    pub status: Status,
    pub submitted_at: Option<String>,
    /// When the data was written (the PDF made, or the file exported).
    pub exported_at: String,
    pub guideline: String,
    pub guideline_sha256: String,
    pub catalog_version: String,
    pub format_version: u64,
    pub completeness: u32,
    pub overall: Option<u32>,
    /// Score of each group, in the catalog's order.
    pub groups: Vec<Option<u32>>,
    /// Essential conditions (group VI) not fully in place, essential first as scored.
    pub essential_gaps: Vec<String>,
    pub essential_without_plan: Vec<String>,
    pub gaps: usize,
    pub unanswered: usize,
    pub marked_for_review: Vec<String>,
    /// Each Part 2 policy, in the catalog's order.
    pub part2: Vec<PolicyRow>,
    /// The signer's name and title once the declaration is confirmed; empty otherwise.
    pub declaration: Vec<String>,
    pub file: String,
    pub source: Source,
    pub sha256: String,
    /// Files of older submissions of the same supplier and period that were left out.
    pub superseded: Vec<String>,
    /// The change since the earlier submission of the same supplier, if one was given.
    pub change: Option<Change>,
    /// NEC's earlier requests its data carries: how many answered, and the open ones.
    pub requests: super::requests::Requests,
    /// Each essential item's rating (for the year-over-year comparison).
    #[serde(skip)]
    pub essential_ratings: Vec<(String, Option<Rating>)>,
    #[serde(skip)]
    pub(super) answers: Option<Slot>,
}

/// A Part 2 policy's answer in the submissions table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyRow {
    pub policy_id: String,
    /// Whether the policy concerns the supplier, by its profile.
    pub relevant: bool,
    pub acknowledged: bool,
    pub cascaded: Option<Cascade>,
    /// The disclosure answers by field id, as the supplier gave them.
    pub disclosures: BTreeMap<String, String>,
}

/// One answer as a row of the answers table (the supplier's columns are the submission's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRow {
    pub item_id: String,
    pub rating: Option<Rating>,
    pub na_reason: String,
    pub description: String,
    pub evidence: usize,
    pub plan_what: String,
    pub plan_who: String,
    pub plan_due: Option<String>,
    pub marked_for_review: bool,
    pub to_reconfirm: bool,
}

/// Who submitted: the supplier code and the legal name, both. Submissions are never taken
/// for one supplier's by one of them alone: one code under two names may be a mistake, a
/// rename or two companies, for a person to look at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Supplier {
    pub code: String,
    pub name: String,
}

impl Submission {
    /// Supplier and period: the submissions of one key replace each other.
    pub fn key(&self) -> (Supplier, String) {
        (self.supplier(), self.period.trim().to_string())
    }

    /// The supplier code and the legal name, trimmed and composed (as the app stores them).
    pub fn supplier(&self) -> Supplier {
        Supplier {
            code: self.supplier_code.trim().to_string(),
            name: crate::model::input::nfc(self.legal_name.trim()),
        }
    }

    /// When it was submitted, else when its data was written: the newer one is kept.
    pub fn when(&self) -> &str {
        self.submitted_at.as_deref().unwrap_or(&self.exported_at)
    }

    pub(super) fn with_answers(mut self, slot: Slot) -> Submission {
        self.answers = Some(slot);
        self
    }
}

/// The summary row and the answer rows of a verified submission.
pub fn build(r: Received, catalog: &Catalog) -> (Submission, Vec<AnswerRow>) {
    let record = &r.record;
    let score = scoring::score(record, catalog);
    let essential_gaps: Vec<String> = score.gaps.iter().filter(|g| g.essential).map(|g| g.item_id.clone()).collect();
    let essential_without_plan =
        score.gaps.iter().filter(|g| g.essential && !g.has_action_plan).map(|g| g.item_id.clone()).collect();
    let part2 = catalog
        .policies()
        .iter()
        .map(|p| {
            let a = record.part2_answer(&p.id);
            PolicyRow {
                policy_id: p.id.clone(),
                relevant: readiness::is_relevant(p.relevance, &record.company),
                acknowledged: a.is_some_and(|a| a.acknowledged),
                cascaded: a.and_then(|a| a.cascaded),
                disclosures: a.map(|a| a.disclosures.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let answers = catalog
        .items()
        .map(|item| {
            let a = record.answer(&item.id);
            AnswerRow {
                item_id: item.id.clone(),
                rating: a.and_then(|a| a.rating),
                na_reason: a.map(|a| a.na_reason.clone()).unwrap_or_default(),
                description: a.map(|a| a.description.clone()).unwrap_or_default(),
                evidence: a.map_or(0, |a| a.evidence.len()),
                plan_what: a.map(|a| a.action_plan.what.clone()).unwrap_or_default(),
                plan_who: a.map(|a| a.action_plan.who.clone()).unwrap_or_default(),
                plan_due: a.and_then(|a| a.action_plan.due.clone()),
                marked_for_review: a.is_some_and(|a| a.marked_for_review),
                to_reconfirm: a.is_some_and(|a| a.to_reconfirm),
            }
        })
        .collect();
    let essential_ratings = catalog
        .items()
        .filter(|i| i.is_essential())
        .map(|i| (i.id.clone(), record.answer(&i.id).and_then(|a| a.rating)))
        .collect();
    let a = &record.assessment;
    let d = &a.declaration;
    let declaration = if d.confirmed {
        [d.signer_name.trim(), d.signer_title.trim()].iter().filter(|s| !s.is_empty()).map(|s| s.to_string()).collect()
    } else {
        Vec::new()
    };
    let submission = Submission {
        supplier_code: record.company.supplier_code.trim().to_string(),
        legal_name: record.company.legal_name.trim().to_string(),
        name_latin: record.company.name_latin.trim().to_string(),
        period: a.period.trim().to_string(),
        status: a.status,
        submitted_at: a.submitted_at.clone(),
        exported_at: r.stamp.exported_at,
        guideline: r.stamp.catalog.guideline,
        guideline_sha256: r.stamp.catalog.guideline_sha256,
        catalog_version: a.catalog_version.clone(),
        format_version: r.stamp.format_version,
        completeness: score.overall.completeness,
        overall: score.overall.score,
        groups: score.groups.iter().map(|g| g.tally.score).collect(),
        essential_gaps,
        essential_without_plan,
        gaps: score.gaps.len(),
        unanswered: score.unanswered.len(),
        marked_for_review: score.marked_for_review.clone(),
        part2,
        declaration,
        file: r.file,
        source: r.source,
        sha256: r.sha256,
        superseded: Vec::new(),
        change: None,
        requests: super::requests::of(record),
        essential_ratings,
        answers: None,
    };
    (submission, answers)
}
