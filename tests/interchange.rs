//! The interchange file: round trip, schema, and refusal of malformed or hostile input.

mod common;

use common::*;
use csr_core::interchange::{self, Document};
use csr_core::{Catalog, Error};
use serde_json::{json, Value};

fn exported() -> (tempfile::TempDir, csr_core::Store, i64, String) {
    let (dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let text = interchange::export(&store.record(id).unwrap(), Catalog::get());
    (dir, store, id, text)
}

fn without_export_time(text: &str) -> Value {
    let mut v: Value = serde_json::from_str(text).unwrap();
    v["exported_at"] = Value::Null;
    v
}

#[test]
fn export_then_import_gives_back_the_same_data() {
    let (_dir, mut store, id, text) = exported();
    let original = store.record(id).unwrap();
    let imported = interchange::import(text.as_bytes(), Catalog::get()).unwrap();
    assert_eq!(imported.company, original.company);
    assert_eq!(imported.answers, original.answers);
    assert_eq!(imported.part2, original.part2);
    assert_eq!(imported.assessment.declaration, original.assessment.declaration);
    assert_eq!(imported.assessment.period, original.assessment.period);
    let new_id = store.insert_record(&imported).unwrap();
    assert_ne!(new_id, id);
    let again = interchange::export(&store.record(new_id).unwrap(), Catalog::get());
    assert_eq!(without_export_time(&again), without_export_time(&text));
    // Same profile: the import joined the existing company rather than adding one.
    assert_eq!(store.companies().unwrap().len(), 1);
}

#[test]
fn an_import_with_another_profile_never_changes_the_existing_one() {
    let (_dir, mut store, _id, text) = exported();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["company"]["legal_name"] = json!("Other Company K.K.");
    let record = interchange::import(v.to_string().as_bytes(), Catalog::get()).unwrap();
    store.insert_record(&record).unwrap();
    let companies = store.companies().unwrap();
    assert_eq!(companies.len(), 2);
    assert_eq!(companies[0].profile, japanese_profile());
}

#[test]
fn exports_follow_the_published_schema() {
    let (_dir, _store, _id, text) = exported();
    let schema: Value = serde_json::from_str(include_str!("../schema/assessment-v4.schema.json")).unwrap();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // An empty assessment too.
    let (_dir2, mut store) = temp_store();
    let c = store.create_company(&Default::default()).unwrap();
    let a = store.create_assessment(c.id, "FY2026").unwrap();
    let empty: Value =
        serde_json::from_str(&interchange::export(&store.record(a.id).unwrap(), Catalog::get())).unwrap();
    assert!(validator.is_valid(&empty));
    // The schema's ids are the catalog's.
    let ids: Vec<String> = Catalog::get().items().map(|i| i.id.clone()).collect();
    assert_eq!(schema["$defs"]["answer"]["properties"]["item_id"]["enum"], json!(ids));
    let mut bad = doc.clone();
    bad["answers"][0]["rating"] = json!("excellent");
    assert!(!validator.is_valid(&bad));
}

/// Imports `bytes`, expecting a refusal whose message contains every one of `needles`.
fn refused(bytes: &[u8], needles: &[&str]) -> Error {
    let err = interchange::import(bytes, Catalog::get()).expect_err("refused");
    let msg = err.to_string();
    for n in needles {
        assert!(msg.contains(n), "expected {n:?} in: {msg}");
    }
    err
}

fn mutate(text: &str, f: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut v: Value = serde_json::from_str(text).unwrap();
    f(&mut v);
    serde_json::to_vec_pretty(&v).unwrap()
}

#[test]
fn malformed_and_hostile_files_are_refused_naming_the_place() {
    let (_dir, _store, _id, text) = exported();
    refused(b"", &["the whole file", "empty"]);
    refused(b" \n\t ", &["empty"]);
    // A damaged file and an unrelated one are told apart (the UI says which).
    assert_eq!(refused(b"hello", &["line 1, column 1", "not valid JSON"]).kind(), "import_damaged");
    assert_eq!(refused(&text.as_bytes()[..text.len() / 2], &["not valid JSON"]).kind(), "import_damaged");
    assert_eq!(refused(b"[1, 2, 3]", &["not an assessment file"]).kind(), "import_not_assessment");
    let other = refused(br#"{"format": "something-else", "format_version": 1}"#, &["\"format\"", "not a CSR self-assessment file"]);
    assert_eq!(other.kind(), "import_not_assessment");
    assert_eq!(refused(br#"{"name": "a package.json", "version": "1.0.0"}"#, &["\"format\""]).kind(), "import_not_assessment");
    let newer = mutate(&text, |v| v["format_version"] = json!(5));
    assert!(matches!(refused(&newer, &["newer version"]), Error::NewerFormat { found: 5, supported: 4 }));
    refused(&mutate(&text, |v| v["format_version"] = json!("1")), &["format_version"]);
    // Wrong type: the JSON path and the line.
    let e = refused(&mutate(&text, |v| v["answers"][3]["rating"] = json!(5)), &["answers[3].rating", "line "]);
    assert!(matches!(e, Error::Import { .. }));
    assert_eq!(e.kind(), "import", "a fault in the content");
    refused(&mutate(&text, |v| v["company"]["employees"] = json!(-3)), &["company.employees"]);
    refused(&mutate(&text, |v| v["company"]["favourite_colour"] = json!("blue")), &["company", "unknown field"]);
    refused(&mutate(&text, |v| v["answers"][0]["item_id"] = json!("VIII-1")), &["answers[0].item_id", "VIII-1"]);
    refused(&mutate(&text, |v| v["answers"][1]["item_id"] = json!("I-1")), &["answers[1].item_id", "answered twice"]);
    refused(&mutate(&text, |v| v["part2"][0]["policy_id"] = json!("tax")), &["part2[0].policy_id"]);
    refused(
        &mutate(&text, |v| v["part2"][1]["policy_id"] = json!("business-continuity")),
        &["part2[1].policy_id", "twice"],
    );
    refused(
        &mutate(&text, |v| v["part2"][0]["disclosures"]["bcp_status"] = json!("maybe")),
        &["part2[0]", "not one of the offered answers"],
    );
    refused(&mutate(&text, |v| v["part2"][0]["disclosures"]["shoe_size"] = json!("42")), &["part2[0]", "shoe_size"]);
    refused(
        &mutate(&text, |v| v["answers"][2]["evidence"][0]["date"] = json!("2025-02-30")),
        &["answers[2]", "not a calendar date"],
    );
    refused(&mutate(&text, |v| v["assessment"]["updated_at"] = json!("yesterday")), &["assessment.updated_at"]);
    refused(&mutate(&text, |v| v["answers"][5]["updated_at"] = json!("soon")), &["answers[5].updated_at"]);
    refused(&mutate(&text, |v| v["part2"][1]["updated_at"] = json!("soon")), &["part2[1].updated_at"]);
    refused(&mutate(&text, |v| v["assessment"]["period"] = json!("")), &["assessment.period"]);
    refused(
        &mutate(&text, |v| v["answers"][0]["description"] = json!("x".repeat(60_000))),
        &["answers[0]", "at most 50000"],
    );
    refused(&mutate(&text, |v| v["answers"][0]["description"] = json!("bell\u{7}")), &["control characters"]);
    refused(
        &mutate(&text, |v| {
            let list: Vec<Value> = (0..300).map(|n| json!({"name": format!("doc {n}")})).collect();
            v["answers"][0]["evidence"] = json!(list);
        }),
        &["at most 200"],
    );
    refused(
        &mutate(&text, |v| {
            let mut answers = v["answers"].as_array().unwrap().clone();
            answers.push(answers[0].clone());
            v["answers"] = json!(answers);
        }),
        &["48 answers"],
    );
    // Duplicate keys inside disclosures would silently hide an answer.
    let dup = text.replacen("\"bcp_status\": ", "\"bcp_status\": \"none\", \"bcp_status\": ", 1);
    refused(dup.as_bytes(), &["given twice", "part2[0]"]);
    // Text after the document.
    let lines = text.lines().count();
    refused(format!("{text} {{}}").as_bytes(), &[&format!("line {}, column 2", lines + 1), "trailing characters"]);
}

#[test]
fn byte_level_attacks_are_refused_before_parsing() {
    let (_dir, _store, _id, text) = exported();
    let mut bytes = text.clone().into_bytes();
    let at = text.find("\"legal_name\"").unwrap();
    bytes.splice(at..at, [0xFF, 0xFE, 0x00]);
    let line = text[..at].matches('\n').count() + 1;
    refused(&bytes, &[&format!("line {line},"), "not UTF-8"]);
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    refused(deep.as_bytes(), &["line 1, column 33", "nested more than 32"]);
    let huge = vec![b' '; interchange::MAX_BYTES + 1];
    refused(&huge, &["larger than 16 MB", "at most 16 MB"]);
    // A byte-order mark, as Windows Notepad writes, is fine.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    assert!(interchange::import(&bom, Catalog::get()).is_ok());
}

#[test]
fn a_refused_import_changes_nothing_in_the_store() {
    let (_dir, store, _id, text) = exported();
    let before = (store.list_assessments().unwrap(), store.companies().unwrap());
    let bad = mutate(&text, |v| v["answers"][46]["item_id"] = json!("XX-1"));
    assert!(interchange::import(&bad, Catalog::get()).is_err());
    // The store-level entry point checks ids too, inside one transaction.
    let mut record = interchange::import(text.as_bytes(), Catalog::get()).unwrap();
    record.answers[46].item_id = "XX-1".into();
    let mut store = store;
    assert!(store.insert_record(&record).is_err());
    // ... and refuses an item answered twice (which would otherwise silently keep one).
    record.answers[46].item_id = "I-1".into();
    let e = store.insert_record(&record).unwrap_err();
    assert!(e.to_string().contains("answers[46].item_id") && e.to_string().contains("twice"), "{e}");
    assert_eq!((store.list_assessments().unwrap(), store.companies().unwrap()), before);
}

#[test]
fn the_document_type_matches_what_is_written() {
    let (_dir, _store, _id, text) = exported();
    let doc: Document = serde_json::from_str(&text).unwrap();
    assert_eq!(doc.format, interchange::FORMAT);
    assert_eq!(doc.format_version, interchange::FORMAT_VERSION);
    assert_eq!(doc.catalog.version, Catalog::get().version());
    assert_eq!(doc.answers.len(), 47);
    assert!(text.ends_with("}\n"));
}

#[test]
fn version_1_files_still_import_and_evidence_gains_its_version_2_fields() {
    let (_dir, mut store, id, text) = exported();
    // A version 1 file, as the first release wrote it: no valid-until, not-attached, confidential.
    let mut v1: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v1["format_version"], json!(4), "this build writes version 4");
    v1["format_version"] = json!(1);
    v1.as_object_mut().unwrap().remove("nec_requests").expect("version 4 writes nec_requests");
    for a in v1["answers"].as_array_mut().unwrap() {
        for e in a["evidence"].as_array_mut().unwrap() {
            let e = e.as_object_mut().unwrap();
            for k in ["valid_until", "not_attached", "confidential"] {
                assert!(e.remove(k).is_some(), "version 2 writes {k}");
            }
        }
    }
    let record = interchange::import(v1.to_string().as_bytes(), Catalog::get()).unwrap();
    let original = store.record(id).unwrap();
    assert_eq!(record.answers.len(), original.answers.len());
    for (a, b) in record.answers.iter().zip(&original.answers) {
        assert_eq!(a.evidence, b.evidence, "{}: read with no expiry, attached, not confidential", a.item_id);
    }
    store.insert_record(&record).unwrap();
    // Version 2's fields round-trip; an impossible valid-until date is refused naming the place.
    let mut v2: Value = serde_json::from_str(&text).unwrap();
    v2["answers"][0]["evidence"][0]["valid_until"] = json!("2020-01-31");
    v2["answers"][0]["evidence"][0]["confidential"] = json!(true);
    let back = interchange::import(v2.to_string().as_bytes(), Catalog::get()).unwrap();
    let e = &back.answers[0].evidence[0];
    assert_eq!((e.valid_until.as_deref(), e.confidential, e.not_attached), (Some("2020-01-31"), true, false));
    assert!(e.is_expired(time::macros::date!(2026 - 01 - 01)));
    v2["answers"][0]["evidence"][0]["valid_until"] = json!("2026-02-30");
    refused(v2.to_string().as_bytes(), &["valid until", "2026-02-30"]);
}

/// What Windows PowerShell 5.1 writes for `csr-assess export 1 > a.json`: UTF-16 with a
/// byte-order mark. It imports as the same assessment; without the mark it is refused.
#[test]
fn utf16_with_a_byte_order_mark_imports_and_without_one_is_refused() {
    let (_dir, _store, _id, text) = exported();
    let utf8 = interchange::import(text.as_bytes(), Catalog::get()).unwrap();
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (bom, body) in [([0xFF, 0xFE], &le), ([0xFE, 0xFF], &be)] {
        let file = [bom.as_slice(), body].concat();
        let record = interchange::import(&file, Catalog::get()).unwrap();
        assert_eq!(record, utf8, "UTF-16 with BOM {bom:02X?} reads as the UTF-8 file does");
        assert!(record.company.legal_name.chars().any(|c| c > '\u{3000}'), "Japanese survives");
    }
    refused(&le, &["the whole file", "UTF-16 text without a byte-order mark", "--output"]);
    refused(&be, &["the whole file", "UTF-16 text without a byte-order mark"]);
    // A cut-off last character, or half of a surrogate pair, is named where it is.
    let mut cut = [[0xFF, 0xFE].as_slice(), &le].concat();
    cut.pop();
    let lines = text.trim_end().lines().count();
    refused(&cut, &[&format!("line {lines},"), "broken character"]);
    let at = text.find("\"legal_name\"").unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let mut lone = [0xFF, 0xFE].to_vec();
    for (i, unit) in text.encode_utf16().enumerate() {
        if i == text[..at].encode_utf16().count() {
            lone.extend(0xD800u16.to_le_bytes());
        }
        lone.extend(unit.to_le_bytes());
    }
    refused(&lone, &[&format!("line {line},"), "broken character"]);
}
