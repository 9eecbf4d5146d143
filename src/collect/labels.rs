//! The words of the consolidated tables for NEC's staff in one language, read from
//! `lang/<code>/workbook.json` (one key per label; the reasons a file failed and a submission
//! needs a look as maps keyed by the reason's stable name). Ratings, statuses and how far a
//! policy was passed on are the language's words (`lang/<code>/words.json`), shared with the
//! screens and the PDF.

use serde::{Deserialize, Serialize};

use super::aggregate::Look;
use crate::lang::{Lang, Parts};

/// Why a received file could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// The file could not be opened or read.
    Unreadable,
    /// The file is far larger than any submission.
    TooLarge,
    /// Not a PDF of this app: not a PDF, damaged, or without attached assessment data.
    NotSubmission,
    /// The attached data is not the data whose fingerprint the pages print.
    Mismatch,
    /// The data is not a valid assessment (not ours, malformed, impossible values).
    InvalidData,
    /// The data is of a newer format version than this program reads.
    NewerFormat,
    /// The printed pages were changed after the PDF was made (they differ from what the
    /// data records, an update was appended, or a page holds content this app never writes).
    PagesChanged,
    /// The PDF carries a script, an action, a form or another file: not to be opened.
    ActiveContent,
}

/// Every word of the tables in one language. Every field is required and no other is
/// accepted, so a label missing from a language, or a misspelt key, fails the test suite.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub sheet_submissions: String,
    pub sheet_answers: String,
    pub sheet_failures: String,
    pub sheet_needs_look: String,
    pub sheet_ratings: String,
    pub look_reason: String,
    pub look_detail: String,
    /// The reason a submission needs a look, by [`Look`]'s kind.
    pub look_reasons: LookReasons,
    /// `{code}`, `{period}`, `{n}` (names), `{others}` (each a [`look_other_name`](Labels::look_other_name)), `{difference}`.
    pub look_other_names: String,
    /// One of the other names: `{name}` and its `{file}`.
    pub look_other_name: String,
    /// `{name}`, `{file}`, `{difference}`.
    pub look_previous_other_name: String,
    pub look_pages_unchecked: String,
    /// How a difference of two names is said: `{this}` in one, `{other}` in the other.
    pub differs: String,
    pub nothing: String,
    pub supplier_code: String,
    pub legal_name: String,
    pub name_latin: String,
    pub period: String,
    pub status: String,
    pub submitted_at: String,
    pub exported_at: String,
    pub guideline: String,
    pub catalog_version: String,
    pub completeness: String,
    pub overall: String,
    /// `{group}`: the group's id and title.
    pub group_score: String,
    pub essential_gaps: String,
    pub essential_without_plan: String,
    pub gaps: String,
    pub unanswered: String,
    pub marked_for_review: String,
    /// `{policy}`: the policy's short title.
    pub acknowledged: String,
    /// `{policy}`: the policy's short title.
    pub cascaded: String,
    pub declaration: String,
    pub superseded: String,
    pub previous_period: String,
    pub change_overall: String,
    /// `{group}`: the group's id and title.
    pub change_group: String,
    pub essential_worse: String,
    pub file: String,
    pub checked: String,
    /// `{pages}`: how many.
    pub checked_pdf: String,
    /// A PDF made before the app recorded what its pages print.
    pub checked_pdf_unchecked: String,
    pub checked_json: String,
    pub sha256: String,
    pub format_version: String,
    pub group: String,
    pub item: String,
    pub item_title: String,
    pub condition: String,
    pub essential: String,
    pub recommended: String,
    pub rating: String,
    pub points: String,
    pub na_reason: String,
    pub description: String,
    pub evidence_count: String,
    pub plan_what: String,
    pub plan_who: String,
    pub plan_due: String,
    pub to_reconfirm: String,
    pub problem: String,
    pub detail: String,
    pub not_applies: String,
    /// Why a received file could not be used, by [`Problem`].
    pub problems: Problems,
    /// The columns NEC's staff fill in (src/feedback/workbook/columns.rs reads them): the general note on a submission (sheet Submissions).
    pub feedback_note: String,
    /// A request on the action item of the row (sheet Answers), and its due date.
    pub feedback_item_request: String,
    pub feedback_item_due: String,
    /// `{policy}`: a request on a Part 2 policy (sheet Submissions), and its due date.
    pub feedback_policy_request: String,
    pub feedback_policy_due: String,
    /// NEC's earlier requests a submission answers (sheet Submissions), those it leaves open, and their ids.
    pub requests_answered: String,
    pub requests_open: String,
    pub requests_open_ids: String,
}

/// Why a submission needs a look, keyed as [`Look`]'s kinds.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookReasons {
    pub other_names: String,
    pub previous_other_name: String,
    pub pages_unchecked: String,
}

/// Why a file failed, keyed as [`Problem`] is written ("not_submission").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problems {
    pub unreadable: String,
    pub too_large: String,
    pub not_submission: String,
    pub mismatch: String,
    pub invalid_data: String,
    pub newer_format: String,
    pub pages_changed: String,
    pub active_content: String,
}

static LABELS: Parts<Labels> = Parts::new("workbook");

/// The workbook's labels in `lang`.
pub fn labels(lang: Lang) -> &'static Labels {
    LABELS.get(lang)
}

impl Labels {
    pub fn problem(&self, p: Problem) -> &str {
        let w = &self.problems;
        match p {
            Problem::Unreadable => &w.unreadable,
            Problem::TooLarge => &w.too_large,
            Problem::NotSubmission => &w.not_submission,
            Problem::Mismatch => &w.mismatch,
            Problem::InvalidData => &w.invalid_data,
            Problem::NewerFormat => &w.newer_format,
            Problem::PagesChanged => &w.pages_changed,
            Problem::ActiveContent => &w.active_content,
        }
    }

    pub fn look(&self, look: &Look) -> &str {
        let w = &self.look_reasons;
        match look {
            Look::OtherNames { .. } => &w.other_names,
            Look::PreviousOtherName { .. } => &w.previous_other_name,
            Look::PagesUnchecked => &w.pages_unchecked,
        }
    }
}

impl Problem {
    /// The reason in words, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        labels(lang).problem(self)
    }
}
