//! Every record a user edits carries the revision it was read at, as answers do: a stale
//! window (or a second app in another desktop session) never silently overwrites a newer
//! save of the company profile or the declaration.

mod common;

use common::*;
use csr_core::{Catalog, Store};

#[test]
fn a_stale_profile_window_is_refused_and_told_what_changed() {
    let (dir, mut window_1) = temp_store();
    let id = fully_answered(&mut window_1);
    let company = window_1.company(window_1.assessment(id).unwrap().company_id).unwrap();
    let mut window_2 = Store::open(db_path(&dir), Catalog::get()).unwrap();
    // Both windows show the profile as stored now.
    let seen_by_1 = window_1.company(company.id).unwrap();
    let seen_by_2 = window_2.company(company.id).unwrap();
    assert_eq!(seen_by_1.revision.0, seen_by_2.revision.0);

    // Window 2 (the newer one, or the command line) changes the phone number.
    let mut newer = seen_by_2.profile.clone();
    newer.contact_phone = "045-999-0000".into();
    let saved = window_2.save_company(company.id, &newer, seen_by_2.revision.0).unwrap();
    assert_eq!(saved.revision.0, Some(seen_by_2.revision.0.unwrap() + 1));

    // Window 1, stale, saves its representative: refused, naming what was saved meanwhile.
    let mut stale = seen_by_1.profile.clone();
    stale.representative = "代表取締役 佐藤 一郎".into();
    let err = window_1.save_company(company.id, &stale, seen_by_1.revision.0).unwrap_err();
    assert_eq!(err.kind(), "conflict", "{err}");
    assert!(err.to_string().contains("contact phone: saved \"045-999-0000\""), "{err}");
    assert_eq!(window_1.company(company.id).unwrap().profile.contact_phone, "045-999-0000", "the newer save is kept");

    // Based on the stored revision, the same change goes through and keeps both.
    let current = window_1.company(company.id).unwrap();
    let mut both = current.profile.clone();
    both.representative = stale.representative.clone();
    window_1.save_company(company.id, &both, current.revision.0).unwrap();
    let stored = window_2.company(company.id).unwrap().profile;
    assert_eq!(
        (stored.contact_phone.as_str(), stored.representative.as_str()),
        ("045-999-0000", "代表取締役 佐藤 一郎")
    );
}

#[test]
fn a_stale_declaration_is_refused_and_told_what_changed() {
    let (dir, mut window_1) = temp_store();
    let id = fully_answered(&mut window_1);
    let mut window_2 = Store::open(db_path(&dir), Catalog::get()).unwrap();
    let seen_by_1 = window_1.assessment(id).unwrap().declaration;
    let mut newer = window_2.assessment(id).unwrap().declaration;
    newer.signer_title = "取締役社長".into();
    newer.date = Some("2026-05-01".into());
    let receipt = window_2.save_declaration(id, &newer).unwrap();
    assert_eq!(receipt.revision, Some(newer.revision.0.unwrap() + 1));

    let mut stale = seen_by_1.clone();
    stale.signer_name = "佐藤 花子".into();
    let err = window_1.save_declaration(id, &stale).unwrap_err();
    assert_eq!(err.kind(), "conflict", "{err}");
    let message = err.to_string();
    assert!(message.contains("title: saved \"取締役社長\"") && message.contains("date: saved 2026-05-01"), "{message}");
    let stored = window_1.assessment(id).unwrap().declaration;
    assert_eq!((stored.signer_title.as_str(), stored.signer_name.as_str()), ("取締役社長", "山田 太郎"));

    // The command line's `declare` reads and writes in one transaction: never stale.
    window_1.edit_declaration(id, |d| d.signer_name = "佐藤 花子".into()).unwrap();
    let stored = window_2.assessment(id).unwrap().declaration;
    assert_eq!((stored.signer_title.as_str(), stored.signer_name.as_str()), ("取締役社長", "佐藤 花子"));
    assert_eq!(stored.revision.0, Some(receipt.revision.unwrap() + 1));
}

/// The save use cases answer as `save_answer` does: the receipt and the new evaluation.
#[test]
fn saves_of_every_record_return_the_receipt_and_the_evaluation() {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let catalog = Catalog::get();
    let mut declaration = store.assessment(id).unwrap().declaration;
    declaration.confirmed = false;
    let saved = csr_core::usecase::save_declaration(&mut store, catalog, id, &declaration).unwrap();
    let json = serde_json::to_value(&saved).unwrap();
    assert!(json["revision"].is_i64() && json["evaluation"]["readiness"].is_object(), "{json}");
    assert!(!saved.evaluation.readiness.ready, "the check sees the unconfirmed declaration");

    let mut p = store.part2_answers(id).unwrap().remove(0);
    p.notes = "年2回、文書で伝えています。".into();
    let saved = csr_core::usecase::save_part2(&mut store, catalog, id, &p).unwrap();
    assert_eq!(saved.receipt.revision, Some(p.revision.0.unwrap() + 1));

    let company = store.company(store.assessment(id).unwrap().company_id).unwrap();
    let mut profile = company.profile.clone();
    profile.contact_phone.clear();
    let saved =
        csr_core::usecase::save_profile(&mut store, catalog, Some(company.id), &profile, company.revision.0, Some(id))
            .unwrap();
    assert_eq!(saved.receipt.revision, Some(company.revision.0.unwrap() + 1));
    let json = serde_json::to_value(&saved).unwrap();
    assert!(json["company"]["profile"].is_object() && json["evaluation"]["score"].is_object(), "{json}");
}
