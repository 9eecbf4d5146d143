//! Shared by the feedback tests: real submission PDFs (made by submitting a fully answered
//! assessment through the use case, as the app does) and what NEC's staff type, in English
//! and Japanese.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use csr_core::feedback::{Author, Draft, Language, RequestDraft};
use csr_core::model::CompanyProfile;
use csr_core::{usecase, Catalog, Store};

use crate::common;

/// A submission as NEC receives it.
pub struct Submitted {
    pub pdf: PathBuf,
    pub sha256: String,
    pub submitted_at: String,
    pub store: Store,
    pub id: i64,
}

/// Submits a fully answered assessment of supplier `code` / `name` (labels in `lang`) from a
/// fresh database in `dir`, writing the PDF to `dir/<file>`.
pub fn submitted(dir: &Path, file: &str, code: &str, name: &str, lang: &str) -> Submitted {
    let mut store = Store::open(dir.join(format!("{file}.sqlite3")), csr_core::Catalog::get()).unwrap();
    let id = common::fully_answered(&mut store);
    let company = store.record(id).unwrap().assessment.company_id;
    let profile = CompanyProfile { supplier_code: code.into(), legal_name: name.into(), ..common::japanese_profile() };
    store.save_company(company, &profile, None).unwrap();
    let pdf = dir.join(file);
    let written = usecase::submit(&mut store, Catalog::get(), id, csr_core::lang::Lang::parse(lang).unwrap(), &pdf).unwrap();
    Submitted { pdf, sha256: written.sha256, submitted_at: written.submitted_at.unwrap(), store, id }
}

/// What NEC's staff write, in `language`: a note, a request with a due date on an item, one
/// without on another item, and one on a Part 2 policy.
pub fn draft(language: Language) -> Draft {
    let ja = language == Language::Ja;
    let t = |en: &str, ja_text: &str| if ja { ja_text.to_string() } else { en.to_string() };
    Draft {
        language,
        author: Author {
            name: Some(t("Kenji Nakamura", "中村 健二")),
            email: Some("k-nakamura@nec.example".into()),
            organisation: t("NEC Corporation, Procurement Division", "日本電気株式会社 調達本部"),
        },
        note: t(
            "Thank you for your submission.\nPlease look at the two points below by the end of March.",
            "ご提出ありがとうございました。\n下記の2点について、3月末までにご対応をお願いします。",
        ),
        requests: vec![
            RequestDraft {
                target: "II-3".into(),
                text: t(
                    "Please attach the age-check record for new hires.",
                    "新規採用者の年齢確認の記録を添付してください。",
                ),
                due: Some("2027-03-31".into()),
            },
            RequestDraft {
                target: "II-3".into(),
                text: t("Also say who checks it, and how often.", "確認の担当者と頻度も記載してください。"),
                due: None,
            },
            RequestDraft {
                target: "conflict-minerals".into(),
                text: t("Please send your CMRT for this year.", "今年度のCMRTをご提出ください。"),
                due: Some("2027-02-28".into()),
            },
        ],
    }
}

/// The published schema of the feedback file.
pub fn schema() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(include_str!("../../schema/feedback-v1.schema.json")).unwrap();
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles")
}

/// The schema's complaints about `doc` (none when valid).
pub fn schema_errors(doc: &serde_json::Value) -> Vec<String> {
    schema().iter_errors(doc).map(|e| format!("{e} at {}", e.instance_path())).collect()
}
