//! The published schema and the importer agree: every file of the corpus that the importer
//! accepts is valid under `schema/assessment-v2.schema.json`, and every file of a set of
//! schema-valid files imports. The corpus is an exported, fully answered assessment and many
//! variants of it: hand edits, hostile values, arrays in place of objects, control
//! characters, other guideline editions.

mod common;

use common::*;
use csr_core::{interchange, Catalog};
use serde_json::{json, Value};

fn schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(include_str!("../schema/assessment-v2.schema.json")).unwrap();
    jsonschema::options().should_validate_formats(true).build(&schema).expect("the schema compiles")
}

fn exported() -> Value {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    serde_json::from_str(&interchange::export(&store.record(id).unwrap(), Catalog::get())).unwrap()
}

fn variant(base: &Value, f: impl FnOnce(&mut Value)) -> Value {
    let mut v = base.clone();
    f(&mut v);
    v
}

/// Files the schema allows and the importer must accept.
fn valid(base: &Value) -> Vec<(&'static str, Value)> {
    vec![
        ("as exported", base.clone()),
        ("no answers at all", variant(base, |v| {
            v["answers"] = json!([]);
            v["part2"] = json!([]);
        })),
        ("minimal profile and assessment", variant(base, |v| {
            v["company"] = json!({});
            v["assessment"] = json!({"period": "FY2026", "status": "draft", "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-02T00:00:00+09:00"});
            v["answers"] = json!([{"item_id": "I-1"}, {"item_id": "VII-8", "rating": null}]);
            v["part2"] = json!([{"policy_id": "reach"}]);
        })),
        ("tabs and line breaks in texts", variant(base, |v| v["answers"][0]["description"] = json!("一行目\n\t二行目"))),
        ("a newer catalog version of the same edition", variant(base, |v| v["catalog"]["version"] = json!("1.2.0-rc1"))),
        ("a long generator name", variant(base, |v| v["generator"] = json!("x".repeat(300)))),
        ("null dates and position", variant(base, |v| {
            v["assessment"]["position"] = Value::Null;
            v["answers"][0]["evidence"][0]["date"] = Value::Null;
            v["answers"][0]["updated_at"] = Value::Null;
        })),
        ("the most employees", variant(base, |v| v["company"]["employees"] = json!(10_000_000))),
        ("fields in another order", {
            let mut ordered = serde_json::Map::new();
            for key in ["part2", "answers", "assessment", "company", "catalog", "generator", "exported_at", "format_version", "format"] {
                ordered.insert(key.into(), base[key].clone());
            }
            Value::Object(ordered)
        }),
    ]
}

/// Files that should be refused (the test only requires that any the importer accepts are
/// schema-valid; refusing more than the schema is allowed where the schema cannot say it).
fn hostile(base: &Value) -> Vec<(&'static str, Value)> {
    vec![
        ("company as an array", variant(base, |v| v["company"] = json!([]))),
        ("assessment as an array", variant(base, |v| v["assessment"] = json!(["FY2026", "draft", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"]))),
        ("catalog as an array", variant(base, |v| v["catalog"] = json!(["1.0.0", "x", "0".repeat(64)]))),
        ("evidence rows as arrays", variant(base, |v| v["answers"][0]["evidence"] = json!([["doc", "shelf", "2025-01-01"]]))),
        ("an answer as an array", variant(base, |v| v["answers"][0] = json!(["I-1", "full"]))),
        ("an action plan as an array", variant(base, |v| v["answers"][3]["action_plan"] = json!(["what", "who", null]))),
        ("a declaration as an array", variant(base, |v| v["assessment"]["declaration"] = json!(["name", "title", null, true]))),
        ("disclosures as an array", variant(base, |v| v["part2"][0]["disclosures"] = json!([]))),
        ("a part 2 answer as an array", variant(base, |v| v["part2"][0] = json!(["reach", true]))),
        ("a 15 MB catalog version", variant(base, |v| v["catalog"]["version"] = json!("1".repeat(15_000_000)))),
        ("a catalog version of 301 characters", variant(base, |v| v["catalog"]["version"] = json!("1".repeat(301)))),
        ("a catalog version with NUL and ESC", variant(base, |v| v["catalog"]["version"] = json!("1.0\u{0}\u{1b}[2J"))),
        ("a catalog version with spaces", variant(base, |v| v["catalog"]["version"] = json!("1.0 beta"))),
        ("an empty catalog version", variant(base, |v| v["catalog"]["version"] = json!(""))),
        ("another guideline edition", variant(base, |v| v["catalog"]["guideline_sha256"] = json!("ab".repeat(32)))),
        ("a guideline fingerprint in capitals", variant(base, |v| {
            let s = v["catalog"]["guideline_sha256"].as_str().unwrap().to_uppercase();
            v["catalog"]["guideline_sha256"] = json!(s);
        })),
        ("a short guideline fingerprint", variant(base, |v| v["catalog"]["guideline_sha256"] = json!("9cc27ff6"))),
        ("a generator of 301 characters", variant(base, |v| v["generator"] = json!("x".repeat(301)))),
        ("a generator with ESC", variant(base, |v| v["generator"] = json!("app\u{1b}]0;pwned\u{7}"))),
        ("a position of 101 characters", variant(base, |v| v["assessment"]["position"] = json!("i".repeat(101)))),
        ("a position with a control character", variant(base, |v| v["assessment"]["position"] = json!("item:I-1\u{1b}"))),
        ("a description with ESC", variant(base, |v| v["answers"][0]["description"] = json!("ok\u{1b}[31mred"))),
        ("a description with a carriage return", variant(base, |v| v["answers"][0]["description"] = json!("over\rwritten"))),
        ("a name with a C1 control", variant(base, |v| v["company"]["legal_name"] = json!("ACME\u{9b}2J"))),
        ("a disclosure with NUL", variant(base, |v| {
            let key = v["part2"][3]["disclosures"].as_object().unwrap().keys().next().unwrap().clone();
            v["part2"][3]["disclosures"][key] = json!("a\u{0}b");
        })),
        ("an unknown field", variant(base, |v| v["extra"] = json!(1))),
        ("format version 3", variant(base, |v| v["format_version"] = json!(3))),
        ("format version as text", variant(base, |v| v["format_version"] = json!("2"))),
        ("no generator", variant(base, |v| { v.as_object_mut().unwrap().remove("generator"); })),
        ("no catalog", variant(base, |v| { v.as_object_mut().unwrap().remove("catalog"); })),
        ("exported_at not a time", variant(base, |v| v["exported_at"] = json!("today"))),
        ("negative employees", variant(base, |v| v["company"]["employees"] = json!(-1))),
        ("too many employees", variant(base, |v| v["company"]["employees"] = json!(10_000_001))),
        ("fractional employees", variant(base, |v| v["company"]["employees"] = json!(3.5))),
        ("a rating not offered", variant(base, |v| v["answers"][0]["rating"] = json!("excellent"))),
        ("an unknown item", variant(base, |v| v["answers"][0]["item_id"] = json!("VIII-1"))),
        ("an empty period", variant(base, |v| v["assessment"]["period"] = json!(""))),
        ("a period of 101 characters", variant(base, |v| v["assessment"]["period"] = json!("p".repeat(101)))),
        ("an evidence date not a date", variant(base, |v| v["answers"][0]["evidence"][0]["date"] = json!("1 April"))),
        ("a status not offered", variant(base, |v| v["assessment"]["status"] = json!("approved"))),
        ("a boolean as text", variant(base, |v| v["answers"][0]["marked_for_review"] = json!("yes"))),
        ("a number where text belongs", variant(base, |v| v["company"]["address"] = json!(42))),
        ("48 answers", variant(base, |v| {
            let mut a = v["answers"].as_array().unwrap().clone();
            a.push(a[0].clone());
            v["answers"] = json!(a);
        })),
        ("a disclosure of 4001 characters", variant(base, |v| {
            let key = v["part2"][3]["disclosures"].as_object().unwrap().keys().next().unwrap().clone();
            v["part2"][3]["disclosures"][key] = json!("x".repeat(4001));
        })),
    ]
}

#[test]
fn every_file_the_importer_accepts_is_valid_under_the_published_schema() {
    let base = exported();
    let validator = schema();
    let mut corpus = valid(&base);
    corpus.extend(hostile(&base));
    let mut accepted = 0;
    for (name, doc) in &corpus {
        let bytes = serde_json::to_vec(doc).unwrap();
        if interchange::import(&bytes, Catalog::get()).is_ok() {
            accepted += 1;
            let errors: Vec<String> = validator.iter_errors(doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
            assert!(errors.is_empty(), "the importer accepted “{name}”, which the schema refuses: {errors:#?}");
        }
    }
    assert_eq!(accepted, valid(&base).len(), "exactly the valid files are accepted");
}

#[test]
fn every_schema_valid_file_of_the_set_imports() {
    let base = exported();
    let validator = schema();
    for (name, doc) in valid(&base) {
        let errors: Vec<String> = validator.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "“{name}” is meant to be schema-valid: {errors:#?}");
        let bytes = serde_json::to_vec(&doc).unwrap();
        if let Err(e) = interchange::import(&bytes, Catalog::get()) {
            panic!("the schema allows “{name}” but the importer refuses it: {e}");
        }
    }
}

#[test]
fn the_hostile_files_are_refused_naming_the_place() {
    let base = exported();
    for (name, doc) in hostile(&base) {
        let bytes = serde_json::to_vec(&doc).unwrap();
        let e = interchange::import(&bytes, Catalog::get()).expect_err(name);
        let text = e.to_string();
        assert!(text.contains("At ") || e.kind() == "newer_format", "“{name}”: the message names the place: {text}");
    }
}

#[test]
fn arrays_are_never_read_as_objects_and_other_editions_are_named() {
    let base = exported();
    let e = interchange::import(&serde_json::to_vec(&variant(&base, |v| v["company"] = json!([]))).unwrap(), Catalog::get())
        .unwrap_err()
        .to_string();
    assert!(e.contains("company") && e.contains("must be a JSON object"), "{e}");
    let other = variant(&base, |v| v["catalog"]["guideline_sha256"] = json!("ab".repeat(32)));
    let e = interchange::import(&serde_json::to_vec(&other).unwrap(), Catalog::get()).unwrap_err().to_string();
    let ours = &Catalog::get().guideline.guideline;
    assert!(e.contains("abababababababab") && e.contains(&ours.source_sha256[..16]) && e.contains(&ours.edition), "{e}");
    let esc = variant(&base, |v| v["catalog"]["version"] = json!("1.0\u{0}\u{1b}[2J"));
    let e = interchange::import(&serde_json::to_vec(&esc).unwrap(), Catalog::get()).unwrap_err().to_string();
    assert!(e.contains("catalog.version") && !e.contains('\u{1b}') && !e.contains('\u{0}'), "{e:?}");
}
