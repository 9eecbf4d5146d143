//! The contract between `collect`'s workbook and the feedback it is turned into: the columns
//! NEC's staff fill in, and the headings of `collect`'s own columns the reader relies on to
//! know which submission a row is about. Both are read from the data `collect` writes the
//! workbook with (`lang/<code>/workbook.json`, and the status words of `words.json`), so the
//! reader and the writer cannot disagree, in any language the app speaks.
//!
//! | Sheet | Column staff fill in (English / Japanese heading) | Per |
//! | --- | --- | --- |
//! | Submissions / 提出一覧 | "NEC feedback: general note" / 「NECからのフィードバック：全体へのコメント」 | submission |
//! | Submissions / 提出一覧 | "{policy}: NEC request" / 「{policy}：NECからの依頼」 and "{policy}: request due" / 「{policy}：依頼の期限」, for each of the six Part 2 policies | submission and policy |
//! | Answers / 回答 | "NEC request" / 「NECからの依頼」 and "Request due" / 「依頼の期限」 | action item of a submission |
//!
//! `{policy}` is the policy's name as `collect` writes it in its own Part 2 headings (the
//! guideline's short title, in Japanese our reference translation). A due date is a date cell
//! or a text "2027-03-31" (also "2027/3/31"). Columns are found by their heading, so their
//! place in the sheet does not matter; any language's heading is accepted.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::catalog::Catalog;
use crate::lang::{fill, Lang, Parts};

/// The headings of `lang/<code>/workbook.json` this module reads (the file has more: they
/// are `collect`'s).
#[derive(Debug, Deserialize)]
struct Headings {
    sheet_submissions: String,
    sheet_answers: String,
    supplier_code: String,
    legal_name: String,
    period: String,
    status: String,
    exported_at: String,
    file: String,
    sha256: String,
    item: String,
    feedback_note: String,
    feedback_item_request: String,
    feedback_item_due: String,
    feedback_policy_request: String,
    feedback_policy_due: String,
}

static HEADINGS: Parts<Headings> = Parts::new("workbook");

/// A column staff fill in; its heading in each language is data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    /// The general note on a submission (sheet Submissions).
    Note,
    /// A request on the action item of the row (sheet Answers).
    ItemRequest,
    /// Its due date.
    ItemDue,
}

impl Heading {
    /// The heading in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let h = HEADINGS.get(lang);
        match self {
            Heading::Note => &h.feedback_note,
            Heading::ItemRequest => &h.feedback_item_request,
            Heading::ItemDue => &h.feedback_item_due,
        }
    }
}

/// The general note on a submission (sheet Submissions).
pub const NOTE: Heading = Heading::Note;
/// A request on the action item of the row (sheet Answers).
pub const ITEM_REQUEST: Heading = Heading::ItemRequest;
/// Its due date.
pub const ITEM_DUE: Heading = Heading::ItemDue;

/// The heading of a policy's request column in `lang`.
pub fn policy_request(catalog: &Catalog, policy_id: &str, lang: Lang) -> String {
    policy_heading(catalog, &HEADINGS.get(lang).feedback_policy_request, policy_id, lang)
}

/// The heading of a policy's due-date column in `lang`.
pub fn policy_due(catalog: &Catalog, policy_id: &str, lang: Lang) -> String {
    policy_heading(catalog, &HEADINGS.get(lang).feedback_policy_due, policy_id, lang)
}

fn policy_heading(catalog: &Catalog, template: &str, policy_id: &str, lang: Lang) -> String {
    let name = catalog.policy(policy_id).map_or(policy_id, |p| catalog.guideline_text(lang.code(), &p.short_title));
    fill(template, &[("policy", name)])
}

/// Every column staff fill in on the Submissions sheet, in the order `collect` should append
/// them: the note, then each policy's request and due date.
pub fn submission_columns(catalog: &Catalog, lang: Lang) -> Vec<String> {
    let mut h = vec![NOTE.get(lang).to_string()];
    for p in catalog.policies() {
        h.push(policy_request(catalog, &p.id, lang));
        h.push(policy_due(catalog, &p.id, lang));
    }
    h
}

/// Every column staff fill in on the Answers sheet, in the order `collect` should append them.
pub fn answer_columns(lang: Lang) -> Vec<String> {
    vec![ITEM_REQUEST.get(lang).to_string(), ITEM_DUE.get(lang).to_string()]
}

/// `collect`'s own words the reader relies on (sheet names, identifying headings, the
/// status "submitted") in one language, as `collect` writes them.
#[derive(Debug)]
pub struct Collected {
    pub lang: Lang,
    pub sheet_submissions: &'static str,
    pub sheet_answers: &'static str,
    pub supplier_code: &'static str,
    pub legal_name: &'static str,
    pub period: &'static str,
    pub status: &'static str,
    pub status_submitted: &'static str,
    pub exported_at: &'static str,
    pub file: &'static str,
    pub sha256: &'static str,
    pub item: &'static str,
}

/// `collect`'s words in every language the app speaks, English first.
pub fn collected() -> &'static [Collected] {
    static ALL: OnceLock<Vec<Collected>> = OnceLock::new();
    ALL.get_or_init(|| {
        Lang::all()
            .map(|lang| {
                let h = HEADINGS.get(lang);
                Collected {
                    lang,
                    sheet_submissions: &h.sheet_submissions,
                    sheet_answers: &h.sheet_answers,
                    supplier_code: &h.supplier_code,
                    legal_name: &h.legal_name,
                    period: &h.period,
                    status: &h.status,
                    status_submitted: lang.words().status("submitted"),
                    exported_at: &h.exported_at,
                    file: &h.file,
                    sha256: &h.sha256,
                    item: &h.item,
                }
            })
            .collect()
    })
}

/// `collect`'s words in `lang`.
pub fn collected_in(lang: Lang) -> &'static Collected {
    collected().iter().find(|c| c.lang == lang).expect("every language has collect's words")
}
