//! The words of the consolidated tables for NEC's staff, in English and Japanese: sheet
//! names, column headings, values such as ratings, and the reasons a file failed.

use serde::Serialize;

use crate::model::{Cascade, Rating, Status};

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

/// Every word of the tables in one language.
pub struct Labels {
    pub lang: &'static str,
    pub sheet_submissions: &'static str,
    pub sheet_answers: &'static str,
    pub sheet_failures: &'static str,
    pub sheet_needs_look: &'static str,
    pub sheet_ratings: &'static str,
    /// The reason a submission needs a look, and what about it.
    pub look_reason: &'static str,
    pub look_detail: &'static str,
    pub look_reasons: [&'static str; 3],
    /// "{code}", "{period}", "{n}" (names), "{others}" (each “name” (file)), "{difference}".
    pub look_other_names: &'static str,
    /// "{name}", "{file}", "{difference}".
    pub look_previous_other_name: &'static str,
    pub look_pages_unchecked: &'static str,
    /// How a difference of two names is said: "{this}" in one, "{other}" in the other.
    pub differs: &'static str,
    pub nothing: &'static str,
    pub supplier_code: &'static str,
    pub legal_name: &'static str,
    pub name_latin: &'static str,
    pub period: &'static str,
    pub status: &'static str,
    pub submitted_at: &'static str,
    pub exported_at: &'static str,
    pub guideline: &'static str,
    pub catalog_version: &'static str,
    pub completeness: &'static str,
    pub overall: &'static str,
    /// "{group} score (%)"
    pub group_score: &'static str,
    pub essential_gaps: &'static str,
    pub essential_without_plan: &'static str,
    pub gaps: &'static str,
    pub unanswered: &'static str,
    pub marked_for_review: &'static str,
    /// "{policy}: acknowledged"
    pub acknowledged: &'static str,
    /// "{policy}: passed on"
    pub cascaded: &'static str,
    pub declaration: &'static str,
    pub superseded: &'static str,
    pub previous_period: &'static str,
    pub change_overall: &'static str,
    /// "{group} change (points)"
    pub change_group: &'static str,
    pub essential_worse: &'static str,
    pub file: &'static str,
    pub checked: &'static str,
    pub checked_pdf: &'static str,
    /// A PDF made before the app recorded what its pages print.
    pub checked_pdf_unchecked: &'static str,
    pub checked_json: &'static str,
    pub sha256: &'static str,
    pub format_version: &'static str,
    pub group: &'static str,
    pub item: &'static str,
    pub item_title: &'static str,
    pub condition: &'static str,
    pub essential: &'static str,
    pub recommended: &'static str,
    pub rating: &'static str,
    pub points: &'static str,
    pub na_reason: &'static str,
    pub description: &'static str,
    pub evidence_count: &'static str,
    pub plan_what: &'static str,
    pub plan_who: &'static str,
    pub plan_due: &'static str,
    pub to_reconfirm: &'static str,
    pub problem: &'static str,
    pub detail: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub not_applies: &'static str,
    pub status_draft: &'static str,
    pub status_ready: &'static str,
    pub status_submitted: &'static str,
    pub ratings: [&'static str; 5],
    pub cascades: [&'static str; 4],
    pub problems: [&'static str; 8],
}

pub const EN: Labels = Labels {
    lang: "en",
    sheet_submissions: "Submissions",
    sheet_answers: "Answers",
    sheet_failures: "Failed files",
    sheet_needs_look: "Needs a look",
    sheet_ratings: "Ratings by item",
    look_reason: "Why",
    look_detail: "What to look at",
    look_reasons: [
        "One supplier code, several legal names",
        "Last year's submission under another legal name",
        "Printed pages not checked",
    ],
    look_other_names: "Supplier code {code} has submissions for {period} under {n} legal names; each is kept in the workbook, none is taken for another. The other names: {others}. They differ in: {difference}. Ask the supplier which is right.",
    look_previous_other_name: "Last year's submission of this supplier code is under the legal name “{name}” ({file}); it is not compared with this one. The names differ in: {difference}.",
    look_pages_unchecked: "Made by a version of the app that did not record what its pages print: the fingerprint matches, but the printed pages could not be checked against the data. Compare the pages with the workbook's rows by eye, or ask the supplier for a PDF made with the current version.",
    differs: "“{this}” here, “{other}” there",
    nothing: "(nothing)",
    supplier_code: "Supplier code",
    legal_name: "Legal name",
    name_latin: "Name (Latin letters)",
    period: "Period",
    status: "Status",
    submitted_at: "Submitted (UTC)",
    exported_at: "Data written (UTC)",
    guideline: "Guideline edition",
    catalog_version: "Catalog version",
    completeness: "Completeness (%)",
    overall: "Overall score (%)",
    group_score: "{group} score (%)",
    essential_gaps: "Essential conditions not fully in place",
    essential_without_plan: "Of which without an action plan",
    gaps: "Gaps (items not fully in place)",
    unanswered: "Unanswered items",
    marked_for_review: "Items marked for review",
    acknowledged: "{policy}: acknowledged",
    cascaded: "{policy}: passed on",
    declaration: "Declaration signed by",
    superseded: "Older submissions left out",
    previous_period: "Previous period",
    change_overall: "Change in overall score (points)",
    change_group: "{group} change (points)",
    essential_worse: "Essential conditions that got worse",
    file: "File",
    checked: "Check",
    checked_pdf: "PDF: all {pages} pages print what the attached data records, and its fingerprint",
    checked_pdf_unchecked: "PDF: the fingerprint matches on all {pages} pages, but the printed pages could NOT be checked against the data (made by an app version that did not record them)",
    checked_json: ".json file: no printed fingerprint to check",
    sha256: "Fingerprint (SHA-256)",
    format_version: "Format version",
    group: "Group",
    item: "Item",
    item_title: "Item title",
    condition: "Condition",
    essential: "Essential",
    recommended: "Recommended",
    rating: "Rating",
    points: "Points (of 3)",
    na_reason: "Reason not applicable",
    description: "What the company does",
    evidence_count: "Evidence (documents)",
    plan_what: "Action plan: what",
    plan_who: "Action plan: who",
    plan_due: "Action plan: due",
    to_reconfirm: "Carried over, not re-confirmed",
    problem: "Problem",
    detail: "Details",
    yes: "Yes",
    no: "No",
    not_applies: "Does not concern",
    status_draft: "Draft",
    status_ready: "Ready",
    status_submitted: "Submitted",
    ratings: ["Fully in place", "Mostly in place", "Partly in place", "Not yet in place", "Not applicable"],
    cascades: ["Yes, to all of them", "To some of them", "Not yet", "No suppliers or subcontractors for this"],
    problems: [
        "The file could not be read",
        "Far too large to be a submission",
        "Not a submission PDF of this app (damaged, or no assessment data attached)",
        "Tampered or mixed up: the attached data does not match the fingerprint printed on the pages",
        "The data is not a valid assessment",
        "Made by a newer version of the app: install the newest version to read it",
        "Changed after it was made: the printed pages differ from the attached data (the page is named in the details)",
        "Carries a script, an action or another file, which this app never adds: do not open it; ask the supplier for the original PDF",
    ],
};

pub const JA: Labels = Labels {
    lang: "ja",
    sheet_submissions: "提出一覧",
    sheet_answers: "回答",
    sheet_failures: "読めなかったファイル",
    sheet_needs_look: "要確認",
    sheet_ratings: "項目別の評価",
    look_reason: "理由",
    look_detail: "確認すること",
    look_reasons: ["同じ取引先コードに複数の会社名", "前回の提出が別の会社名", "印刷内容を照合できず"],
    look_other_names: "取引先コード{code}の{period}の提出に、{n}通りの会社名があります。いずれもワークブックに残し、別の会社の提出として扱っていません。ほかの会社名：{others}。違い：{difference}。どれが正しいか取引先に確認してください。",
    look_previous_other_name: "この取引先コードの前回の提出は会社名「{name}」（{file}）のため、今回の提出と比較していません。違い：{difference}。",
    look_pages_unchecked: "印刷内容を記録しない旧版のアプリで作成されています。ハッシュ値は一致しますが、印刷されたページを添付データと照合できませんでした。ページとワークブックの内容を目で確認するか、最新版のアプリで作成したPDFを取引先に依頼してください。",
    differs: "こちらは「{this}」、あちらは「{other}」",
    nothing: "（なし）",
    supplier_code: "取引先コード",
    legal_name: "会社名",
    name_latin: "会社名（英字）",
    period: "対象期間",
    status: "状態",
    submitted_at: "提出日時（UTC）",
    exported_at: "データ作成日時（UTC）",
    guideline: "ガイドラインの版",
    catalog_version: "カタログの版",
    completeness: "完了率（%）",
    overall: "総合スコア（%）",
    group_score: "{group} スコア（%）",
    essential_gaps: "必須条件で未達の項目",
    essential_without_plan: "うち改善計画のない項目",
    gaps: "未達の項目数",
    unanswered: "未回答の項目数",
    marked_for_review: "見直し予定の項目",
    acknowledged: "{policy}：確認",
    cascaded: "{policy}：仕入先への展開",
    declaration: "宣誓者",
    superseded: "除外した旧提出ファイル",
    previous_period: "前回の対象期間",
    change_overall: "総合スコアの変化（ポイント）",
    change_group: "{group} の変化（ポイント）",
    essential_worse: "悪化した必須条件",
    file: "ファイル",
    checked: "検証",
    checked_pdf: "PDF：全{pages}ページの印刷内容とハッシュ値が添付データと一致",
    checked_pdf_unchecked: "PDF：全{pages}ページのハッシュ値は一致。ただし印刷内容は添付データと照合できません（照合用の記録がない旧版のアプリで作成）",
    checked_json: ".jsonファイル：照合できる印刷済みのハッシュ値なし",
    sha256: "データのハッシュ値（SHA-256）",
    format_version: "形式の版",
    group: "分類",
    item: "項目",
    item_title: "項目名",
    condition: "条件",
    essential: "必須",
    recommended: "推奨",
    rating: "評価",
    points: "点数（3 点満点）",
    na_reason: "該当しない理由",
    description: "取り組みの内容",
    evidence_count: "根拠文書の数",
    plan_what: "改善計画：内容",
    plan_who: "改善計画：担当",
    plan_due: "改善計画：期限",
    to_reconfirm: "前回から引き継ぎ・未再確認",
    problem: "問題",
    detail: "詳細（英語）",
    yes: "はい",
    no: "いいえ",
    not_applies: "対象外",
    status_draft: "下書き",
    status_ready: "入力完了",
    status_submitted: "提出済み",
    ratings: ["十分に実施している", "おおむね実施している", "一部実施している", "未実施", "該当しない"],
    cascades: ["すべてに展開済み", "一部に展開済み", "未展開", "該当する仕入先・協力会社なし"],
    problems: [
        "ファイルを読めませんでした",
        "提出ファイルとしては大きすぎます",
        "このアプリの提出用 PDF ではありません（破損、またはアセスメントデータが添付されていません）",
        "改ざんまたは取り違え：添付データがページに印刷されたハッシュ値と一致しません",
        "アセスメントのデータとして正しくありません",
        "新しい版のアプリで作成されています（最新版をインストールすると読めます）",
        "作成後に変更されています：印刷されたページが添付データと一致しません（該当ページは詳細に記載）",
        "本アプリが付けることのないスクリプト、アクションまたは別のファイルが含まれています：開かずに、取引先に元のPDFを依頼してください",
    ],
};

/// The labels for a language code; anything but "ja" gets English.
pub fn for_language(lang: &str) -> &'static Labels {
    if lang == "ja" {
        &JA
    } else {
        &EN
    }
}

impl Labels {
    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Draft => self.status_draft,
            Status::Ready => self.status_ready,
            Status::Submitted => self.status_submitted,
        }
    }

    pub fn rating(&self, r: Rating) -> &'static str {
        let i = Rating::ALL.iter().position(|x| *x == r).unwrap_or(0);
        self.ratings[i]
    }

    pub fn cascade(&self, c: Cascade) -> &'static str {
        let i = Cascade::ALL.iter().position(|x| *x == c).unwrap_or(0);
        self.cascades[i]
    }

    pub fn problem(&self, p: Problem) -> &'static str {
        let i = match p {
            Problem::Unreadable => 0,
            Problem::TooLarge => 1,
            Problem::NotSubmission => 2,
            Problem::Mismatch => 3,
            Problem::InvalidData => 4,
            Problem::NewerFormat => 5,
            Problem::PagesChanged => 6,
            Problem::ActiveContent => 7,
        };
        self.problems[i]
    }

    pub fn look(&self, look: &super::aggregate::Look) -> &'static str {
        use super::aggregate::Look;
        self.look_reasons[match look {
            Look::OtherNames { .. } => 0,
            Look::PreviousOtherName { .. } => 1,
            Look::PagesUnchecked => 2,
        }]
    }

    pub fn yes_no(&self, b: bool) -> &'static str {
        if b {
            self.yes
        } else {
            self.no
        }
    }
}

impl Problem {
    /// The reason in words, in `lang` ("en" or "ja").
    pub fn label(self, lang: &str) -> &'static str {
        for_language(lang).problem(self)
    }
}
