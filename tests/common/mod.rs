//! Shared helpers for the core's integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use csr_core::model::{ActionPlan, Answer, Cascade, CompanyProfile, Declaration, Evidence, Part2Answer, Rating};
use csr_core::{Catalog, Store};

/// A fresh database in its own temporary folder (removed when the guard drops).
pub fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("test.sqlite3"), csr_core::Catalog::get()).unwrap();
    (dir, store)
}

pub fn db_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("test.sqlite3")
}

/// A complete profile with a Japanese legal name.
pub fn japanese_profile() -> CompanyProfile {
    CompanyProfile {
        legal_name: "株式会社さくら精密工業".into(),
        name_latin: "Sakura Precision Industries Co., Ltd.".into(),
        address: "〒221-0052 神奈川県横浜市神奈川区栄町5-1".into(),
        country: "日本".into(),
        representative: "代表取締役 山田 太郎".into(),
        contact_name: "佐藤 花子".into(),
        contact_email: "hanako.sato@sakura-seimitsu.example.jp".into(),
        contact_phone: "+81 45-123-4567".into(),
        supplier_code: "NEC-SUP-004711".into(),
        nec_contact_name: "日本電気 購買部 中村様".into(),
        nec_contact_email: "nakamura@nec.example".into(),
        employees: Some(38),
        products: "精密板金部品、筐体の組立".into(),
        sites: "本社工場（横浜市）\n第二工場（相模原市）".into(),
        does_construction: true,
        handles_chemicals: true,
        supplies_goods: true,
    }
}

/// An answer for every item: ratings cycle through the scale, texts in Japanese, evidence,
/// and complete action plans on every gap.
pub fn full_answers() -> Vec<Answer> {
    let ratings = [Rating::Full, Rating::Mostly, Rating::Partly, Rating::NotYet, Rating::Full, Rating::NotApplicable];
    Catalog::get()
        .items()
        .enumerate()
        .map(|(n, item)| {
            let rating = ratings[n % ratings.len()];
            let mut a = Answer::new(&item.id);
            a.rating = Some(rating);
            a.description =
                format!("{}について：当社では手順書を定め、年1回見直しています。担当は総務部です。", item.id);
            a.evidence = vec![Evidence {
                name: format!("{} 手順書 第{}版", item.id, n + 1),
                location: "本社 総務キャビネット B-3".into(),
                date: Some("2025-04-01".into()),
                ..Default::default()
            }];
            if rating == Rating::NotApplicable {
                a.na_reason = "当社は製品の設計を行っていないため該当しません。".into();
            }
            if rating.is_gap() {
                a.action_plan = ActionPlan {
                    what: "規程を作成し全従業員に周知する".into(),
                    who: "総務部長 鈴木".into(),
                    due: Some("2026-03-31".into()),
                };
            }
            a.marked_for_review = n % 11 == 0;
            a
        })
        .collect()
}

/// Acknowledged Part 2 answers with every disclosure answered.
pub fn full_part2() -> Vec<Part2Answer> {
    let catalog = Catalog::get();
    catalog
        .policies()
        .iter()
        .map(|p| {
            let mut a = Part2Answer::new(&p.id);
            a.acknowledged = true;
            a.cascaded = Some(Cascade::Partly);
            for f in catalog.disclosure_fields(&p.id) {
                let value = match f.kind {
                    csr_core::catalog::FieldKind::Choice => f.options[0].id.clone(),
                    csr_core::catalog::FieldKind::Number => "1234.5".into(),
                    csr_core::catalog::FieldKind::Year => "2025".into(),
                    csr_core::catalog::FieldKind::Date => "2025-10-01".into(),
                    csr_core::catalog::FieldKind::Text => "総務部 佐藤（045-123-4567）".into(),
                };
                a.disclosures.insert(f.id.clone(), value);
            }
            a.notes = "仕入先へは年1回、文書で方針を伝えています。".into();
            a
        })
        .collect()
}

pub fn declaration() -> Declaration {
    Declaration {
        signer_name: "山田 太郎".into(),
        signer_title: "代表取締役".into(),
        date: Some("2026-04-15".into()),
        confirmed: true,
        ..Default::default()
    }
}

/// A store holding one fully answered assessment; returns its id.
pub fn fully_answered(store: &mut Store) -> i64 {
    let company = store.create_company(&japanese_profile()).unwrap();
    let a = store.create_assessment(company.id, "2025年度").unwrap();
    for answer in full_answers() {
        store.save_answer(a.id, &answer).unwrap();
    }
    for p in full_part2() {
        store.save_part2(a.id, &p).unwrap();
    }
    store.save_declaration(a.id, &declaration()).unwrap();
    a.id
}

/// Whether the outside program `tool` (from `package`) runs here, so a test that needs it
/// can run. When it does not (Windows, macOS, a machine without it), the test is skipped and
/// says why on standard error ("skipped: …", counted by scripts/check-windows.sh), unless
/// CSR_TESTS_REQUIRE_TOOLS=1: scripts/test.sh sets it, so Linux CI never skips silently.
pub fn have_tool(tool: &str, package: &str, test: &str) -> bool {
    let runs = std::process::Command::new(tool)
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok();
    if !runs {
        assert!(
            std::env::var_os("CSR_TESTS_REQUIRE_TOOLS").is_none_or(|v| v != "1"),
            "{test} needs {tool} ({package}), which does not run here: install it (scripts/setup.sh does)"
        );
        eprintln!("skipped: {test}: {tool} ({package}) is not installed here");
    }
    runs
}

/// Whether poppler's tools (pdftotext, pdffonts, pdfdetach) run here; otherwise the test
/// says it is skipped (see [`have_tool`]).
pub fn poppler(test: &str) -> bool {
    have_tool("pdftotext", "poppler-utils", test)
}

/// The text of a PDF as `pdftotext -layout` gives it (poppler must be there: see `poppler`).
pub fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success(), "pdftotext {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}
