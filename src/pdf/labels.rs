//! The PDF's own words in one language, read from `lang/<code>/pdf.json` (one key per label).
//! The guideline's text is quoted from the catalog (English, or our reference translation);
//! what the supplier wrote is printed as written; ratings, statuses and how far a policy was
//! passed on are the language's words (`lang/<code>/words.json`), shared with the screens.

use serde::Deserialize;

use crate::lang::{Lang, Parts};

/// Every label the PDF prints, in one language. Every field is required and no other is
/// accepted, so a label missing from a language, or a misspelt key, fails the test suite.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    pub doc_title: String,
    /// Whom the document is for, as the cover's first line ("日本電気株式会社 御中").
    pub addressee: String,
    /// Under the title: what the document is.
    pub doc_subtitle: String,
    pub missing: String,
    pub malformed: String,
    pub contact: String,
    pub period: String,
    pub status: String,
    pub guideline: String,
    /// The edition of the guideline the catalog quotes, said in the language (the catalog's own `edition`, which tests/languages.rs keeps equal to the English).
    pub guideline_edition: String,
    /// The guideline row of the cover: `{title}` and `{edition}`.
    pub guideline_line: String,
    pub catalog: String,
    /// The app that made the PDF, in the catalog version's row.
    pub app: String,
    /// The advice content in use when the PDF was made (its version and date).
    pub advice: String,
    pub fingerprint_full: String,
    pub attachment_note: String,
    pub none: String,
    pub summary: String,
    pub completeness: String,
    /// `{answered}`, `{applicable}`, `{na}`.
    pub completeness_detail: String,
    pub overall: String,
    /// `{points}` of `{max}`.
    pub points: String,
    pub essential_summary: String,
    pub score_by_group: String,
    pub group: String,
    pub score: String,
    pub answered: String,
    pub not_applicable_short: String,
    pub no_score: String,
    pub gaps: String,
    pub no_gaps: String,
    pub item: String,
    pub rating: String,
    pub action_plan: String,
    pub plan_yes: String,
    pub plan_no: String,
    /// `{count}`: the language's count of items.
    pub not_applicable_title: String,
    /// Before what still blocks a complete submission.
    pub open_points: String,
    /// Before the findings that do not block it (expired evidence, open Part 2 questions) on a submission.
    pub worth_a_look: String,
    /// How scores are counted; `{full}`, `{mostly}`, `{partly}`, `{not_yet}`, `{not_applicable}` are the rating words.
    pub method: String,
    pub answers: String,
    pub titles_note: String,
    /// Before an English original printed beneath our translation of it (an item's title).
    pub original: String,
    pub essential: String,
    pub recommended: String,
    pub iso: String,
    pub description: String,
    pub reason: String,
    pub evidence: String,
    pub evidence_location: String,
    pub evidence_date: String,
    pub plan_what: String,
    pub plan_who: String,
    pub plan_due: String,
    pub marked_for_review: String,
    pub to_reconfirm: String,
    pub part2: String,
    /// Introduces the guideline's own words on Part 2 where there is no translation of them; `{section}` is the section's name.
    pub part2_quoted: String,
    /// Introduces our reference translation of them, printed before the English original.
    pub part2_translation: String,
    /// Introduces the English original after our translation.
    pub part2_original: String,
    pub concerns: String,
    pub acknowledged: String,
    pub acknowledged_yes: String,
    pub acknowledged_no: String,
    pub cascaded: String,
    pub notes: String,
    pub declaration: String,
    /// Before the declaration's English text, printed beneath it in another language.
    pub declaration_english: String,
    pub signer: String,
    pub signer_title: String,
    pub date: String,
    pub confirmed: String,
    pub confirmed_yes: String,
    pub confirmed_no: String,
    pub signature: String,
    pub seal: String,
    pub handwritten_note: String,
    pub fingerprint: String,
    pub problem_profile: String,
    pub problem_unanswered: String,
    pub problem_na_reason: String,
    pub problem_essential_plan: String,
    pub problem_reconfirm: String,
    pub problem_policies: String,
    pub problem_disclosures: String,
    pub problem_declaration: String,
    pub problem_review: String,
    pub problem_expired: String,
    /// `{list}`: the places, each with the characters' codes.
    pub problem_unprintable: String,
    /// A place of an item: `{id}` and the `{field}`'s label.
    pub unprintable_item: String,
    /// A place of a Part 2 policy: `{policy}` (its short title) and the `{field}`'s label.
    pub unprintable_policy: String,
    /// A place of the declaration: the `{field}`'s label.
    pub unprintable_declaration: String,
    pub submitted_on: String,
    pub preview_banner: String,
    pub preview_title: String,
    pub preview_missing: String,
    pub preview_ready: String,
    /// Before the findings that do not prevent submitting (marked for review, expired evidence).
    pub preview_to_look_at: String,
    pub created: String,
    pub nec_contact: String,
    pub guideline_fingerprint: String,
    pub does_not_apply: String,
    pub not_apply_goods: String,
    pub not_apply_chemicals: String,
    pub not_apply_construction: String,
    /// On the changes page, a rewritten text as it was: `{field}` is the field's label.
    pub change_before: String,
    /// … and as it is now.
    pub change_now: String,
    /// The changes page's title when last year's assessment was submitted: `{period}`.
    pub changes_title_submitted: String,
    pub changes_title: String,
    pub changes_intro: String,
    pub changes_none: String,
    pub changes_up: String,
    pub changes_down: String,
    pub changes_changed: String,
    pub changes_evidence_added: String,
    pub changes_evidence_removed: String,
    pub changes_evidence_expired: String,
    /// An evidence entry's valid-until date: `{date}`.
    pub evidence_valid_until: String,
    pub evidence_expired: String,
    pub evidence_not_attached: String,
    pub evidence_confidential: String,
    /// The page of NEC's requests and the supplier's replies (issue 25): its title, introduction,
    /// the labels of each request's facts and texts, and the words of where it stands.
    pub requests_title: String,
    pub requests_intro: String,
    pub requests_asked: String,
    pub requests_from: String,
    pub requests_due: String,
    pub requests_status: String,
    pub requests_text: String,
    pub requests_reply: String,
    pub requests_reason: String,
}

static LABELS: Parts<Labels> = Parts::new("pdf");

/// The PDF's labels in `lang`.
pub fn labels(lang: Lang) -> &'static Labels {
    LABELS.get(lang)
}
