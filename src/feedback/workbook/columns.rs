//! The contract between `collect`'s workbook and the feedback it is turned into: the columns
//! NEC's staff fill in (their headings in English and Japanese, defined here once, for
//! `collect` to write and for the reader to find), and the headings of `collect`'s own
//! columns the reader relies on to know which submission a row is about.
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
//! place in the sheet does not matter; either language's heading is accepted.

use crate::catalog::Catalog;

/// One heading in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    pub en: &'static str,
    pub ja: &'static str,
}

impl Heading {
    pub fn get(self, lang: &str) -> &'static str {
        if lang == "ja" {
            self.ja
        } else {
            self.en
        }
    }
}

/// The general note on a submission (sheet Submissions).
pub const NOTE: Heading =
    Heading { en: "NEC feedback: general note", ja: "NECからのフィードバック：全体へのコメント" };
/// A request on the action item of the row (sheet Answers).
pub const ITEM_REQUEST: Heading = Heading { en: "NEC request", ja: "NECからの依頼" };
/// Its due date.
pub const ITEM_DUE: Heading = Heading { en: "Request due", ja: "依頼の期限" };
/// "{policy}: NEC request" (sheet Submissions, one per Part 2 policy).
const POLICY_REQUEST: Heading = Heading { en: "{policy}: NEC request", ja: "{policy}：NECからの依頼" };
/// "{policy}: request due".
const POLICY_DUE: Heading = Heading { en: "{policy}: request due", ja: "{policy}：依頼の期限" };

/// The heading of a policy's request column in `lang`.
pub fn policy_request(catalog: &Catalog, policy_id: &str, lang: &str) -> String {
    policy_heading(catalog, POLICY_REQUEST, policy_id, lang)
}

/// The heading of a policy's due-date column in `lang`.
pub fn policy_due(catalog: &Catalog, policy_id: &str, lang: &str) -> String {
    policy_heading(catalog, POLICY_DUE, policy_id, lang)
}

fn policy_heading(catalog: &Catalog, h: Heading, policy_id: &str, lang: &str) -> String {
    let name = catalog.policy(policy_id).map_or(policy_id, |p| catalog.guideline_text(lang, &p.short_title));
    h.get(lang).replace("{policy}", name)
}

/// Every column staff fill in on the Submissions sheet, in the order `collect` should append
/// them: the note, then each policy's request and due date.
pub fn submission_columns(catalog: &Catalog, lang: &str) -> Vec<String> {
    let mut h = vec![NOTE.get(lang).to_string()];
    for p in catalog.policies() {
        h.push(policy_request(catalog, &p.id, lang));
        h.push(policy_due(catalog, &p.id, lang));
    }
    h
}

/// Every column staff fill in on the Answers sheet, in the order `collect` should append them.
pub fn answer_columns(lang: &str) -> Vec<String> {
    vec![ITEM_REQUEST.get(lang).to_string(), ITEM_DUE.get(lang).to_string()]
}

/// `collect`'s own words the reader relies on (sheet names, identifying headings, the
/// status "submitted"). They are `collect`'s labels (src/collect/labels.rs), repeated here
/// until that module is shared; tests/feedback_workbook.rs reads a workbook made by
/// `collect` to keep the two the same.
pub struct Collected {
    pub lang: &'static str,
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

pub const COLLECTED: [Collected; 2] = [
    Collected {
        lang: "en",
        sheet_submissions: "Submissions",
        sheet_answers: "Answers",
        supplier_code: "Supplier code",
        legal_name: "Legal name",
        period: "Period",
        status: "Status",
        status_submitted: "Submitted",
        exported_at: "Data written (UTC)",
        file: "File",
        sha256: "Fingerprint (SHA-256)",
        item: "Item",
    },
    Collected {
        lang: "ja",
        sheet_submissions: "提出一覧",
        sheet_answers: "回答",
        supplier_code: "取引先コード",
        legal_name: "会社名",
        period: "対象期間",
        status: "状態",
        status_submitted: "提出済み",
        exported_at: "データ作成日時（UTC）",
        file: "ファイル",
        sha256: "データのハッシュ値（SHA-256）",
        item: "項目",
    },
];
