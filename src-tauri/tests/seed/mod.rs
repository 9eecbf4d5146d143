//! Databases prepared through the core before the app starts, so a test begins where it
//! needs to (a company, a completed assessment) without clicking its way there.
#![allow(dead_code)]

// The core's test helpers: one place for the Part 2 answers and the declaration.
#[path = "../../../tests/common/mod.rs"]
mod common;

use std::path::Path;

use csr_core::model::{Answer, CompanyProfile, Rating};
use csr_core::{Catalog, Store};

pub fn profile() -> CompanyProfile {
    CompanyProfile {
        legal_name: "株式会社みらい電子".into(),
        name_latin: "Mirai Denshi K.K.".into(),
        address: "大阪府大阪市北区梅田1-1-1".into(),
        country: "日本".into(),
        representative: "田中 一郎".into(),
        contact_name: "高橋 美咲".into(),
        contact_email: "misaki@mirai.example.jp".into(),
        contact_phone: "06-6123-4567".into(),
        supplier_code: "S-118".into(),
        nec_contact_name: String::new(),
        nec_contact_email: String::new(),
        employees: Some(24),
        products: "制御基板の実装".into(),
        sites: "本社工場".into(),
        does_construction: false,
        handles_chemicals: true,
        supplies_goods: true,
    }
}

/// A company with one empty assessment; returns (company id, assessment id).
pub fn company_with_empty_assessment(db: &Path, period: &str) -> (i64, i64) {
    let mut store = Store::open(db, csr_core::Catalog::get()).unwrap();
    let company = store.create_company(&profile()).unwrap();
    let a = store.create_assessment(company.id, period).unwrap();
    (company.id, a.id)
}

/// A fully answered, signed assessment; returns its id.
pub fn completed_assessment(db: &Path, period: &str) -> i64 {
    let mut store = Store::open(db, csr_core::Catalog::get()).unwrap();
    let company = match store.companies().unwrap().first() {
        Some(c) => c.clone(),
        None => store.create_company(&profile()).unwrap(),
    };
    let id = store.create_assessment(company.id, period).unwrap().id;
    for (n, item) in Catalog::get().items().enumerate() {
        let mut a = Answer::new(&item.id);
        a.rating = Some(if n % 4 == 3 { Rating::Mostly } else { Rating::Full });
        a.description = format!("{} 昨年度の取り組み", item.id);
        if a.rating == Some(Rating::Mostly) {
            a.action_plan.what = "文書化する".into();
            a.action_plan.who = "総務".into();
            a.action_plan.due = Some("2026-12-31".into());
        }
        store.save_answer(id, &a).unwrap();
    }
    for p in common::full_part2() {
        store.save_part2(id, &p).unwrap();
    }
    store.save_declaration(id, &common::declaration()).unwrap();
    id
}

/// A returning user: last year's assessment ("FY2025", complete) and this year's ("FY2026")
/// carried forward from it, with a gap on the essential condition VI-2. Returns this year's id.
pub fn returning_user(db: &Path) -> i64 {
    returning_user_with(db, |_, _| {})
}

/// [`returning_user`], with `before` done to last year's assessment (its id) before this
/// year's is carried forward from it (a submission, NEC's feedback on it).
pub fn returning_user_with(db: &Path, before: impl FnOnce(&mut Store, i64)) -> i64 {
    let last_year = completed_assessment(db, "FY2025");
    let mut store = Store::open(db, csr_core::Catalog::get()).unwrap();
    before(&mut store, last_year);
    let id = store.create_assessment_from(last_year, "FY2026").unwrap().id;
    let mut gap = Answer::new("VI-2");
    gap.rating = Some(Rating::Partly);
    gap.description = "Training is planned, not yet held.".into();
    store.save_answer(id, &gap).unwrap();
    id
}

/// The screens of a returning user's assessment `id`, each with a name and its address:
/// what the screenshots show and the accessibility scan checks, in the same order.
pub fn returning_user_screens(id: i64) -> Vec<(&'static str, String)> {
    vec![
        ("assessments", "/assessments".to_string()),
        ("profile", "/profile".into()),
        ("item", format!("/a/{id}/item/I-1")),
        ("item-essential-gap", format!("/a/{id}/item/VI-2")),
        ("part2", format!("/a/{id}/part2/climate-change")),
        ("part2-not-relevant", format!("/a/{id}/part2/construction-safety")),
        ("review", format!("/a/{id}/review")),
        ("declaration", format!("/a/{id}/declaration")),
        ("submit", format!("/a/{id}/submit")),
        ("reconfirm-group", format!("/a/{id}/reconfirm/II")),
        ("reconfirm-part2", format!("/a/{id}/reconfirm/part2")),
    ]
}
