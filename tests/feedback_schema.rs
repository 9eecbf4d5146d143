//! The published schema of the feedback file and its reader agree: every file of a corpus
//! that the reader accepts is valid under `schema/feedback-v1.schema.json`, and every
//! schema-valid file of a set is read. The corpus is a written feedback file and many
//! variants of it (each with its id made right again, so the variant is what is judged):
//! hand edits, hostile values, arrays for objects, nulls, control characters.

mod common;
#[path = "support/feedback.rs"]
mod support;

use csr_core::feedback::{self, Language};
use csr_core::{usecase, Catalog};
use serde_json::{json, Value};
use support::*;

fn base() -> Value {
    let dir = tempfile::tempdir().unwrap();
    let s = submitted(dir.path(), "sub.pdf", "NEC-SUP-004711", "株式会社さくら精密工業", "ja");
    let out = dir.path().join("fb.csrfeedback");
    usecase::feedback_on_pdf(&s.pdf, &draft(Language::Ja), &out, Catalog::get()).unwrap();
    serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap()
}

/// `base` changed by `f`, with the id that matches the change.
fn variant(base: &Value, f: impl FnOnce(&mut Value)) -> Value {
    let mut v = base.clone();
    f(&mut v);
    if let Some(map) = v.as_object() {
        let mut rest = Value::Object(map.clone());
        rest.as_object_mut().unwrap().remove("id");
        let id = csr_core::pdf::sha256_hex(feedback::canonical::canonical(&rest).as_bytes());
        v["id"] = json!(id);
    }
    v
}

fn remove(v: &mut Value, key: &str) {
    v.as_object_mut().unwrap().remove(key);
}

/// Files the schema allows and the reader must accept.
fn valid(base: &Value) -> Vec<(&'static str, Value)> {
    vec![
        ("as written", base.clone()),
        (
            "no note and no requests",
            variant(base, |v| {
                remove(v, "note");
                v["requests"] = json!([]);
            }),
        ),
        ("only the organisation as author", variant(base, |v| v["author"] = json!({"organisation": "NEC"}))),
        ("no supplier code", variant(base, |v| remove(&mut v["submission"], "supplier_code"))),
        (
            "requests without due dates",
            variant(base, |v| {
                for r in v["requests"].as_array_mut().unwrap() {
                    remove(r, "due");
                }
            }),
        ),
        ("tabs and line breaks", variant(base, |v| v["requests"][0]["text"] = json!("一行目\n\t二行目"))),
        ("English", variant(base, |v| v["language"] = json!("en"))),
        (
            "a request on every policy",
            variant(base, |v| {
                let all: Vec<Value> = Catalog::get()
                    .policies()
                    .iter()
                    .map(|p| json!({"id": format!("{}#1", p.id), "policy": p.id, "text": "CMRT"}))
                    .collect();
                v["requests"] = json!(all);
            }),
        ),
        (
            "a request on the last item",
            variant(base, |v| {
                v["requests"] = json!([{"id": "VII-8#12", "item": "VII-8", "text": "x", "due": "2028-02-29"}])
            }),
        ),
        (
            "the longest texts",
            variant(base, |v| {
                v["note"] = json!("注".repeat(10_000));
                v["requests"][0]["text"] = json!("依".repeat(4_000));
                v["author"]["name"] = json!("名".repeat(300));
            }),
        ),
        (
            "200 requests",
            variant(base, |v| {
                let all: Vec<Value> =
                    (1..=200).map(|n| json!({"id": format!("I-1#{n}"), "item": "I-1", "text": "x"})).collect();
                v["requests"] = json!(all);
            }),
        ),
        ("an offset time", variant(base, |v| v["written_at"] = json!("2027-01-15T18:30:00+09:00"))),
        ("fields in another order", {
            let mut ordered = serde_json::Map::new();
            for key in [
                "requests",
                "note",
                "submission",
                "author",
                "language",
                "generator",
                "written_at",
                "id",
                "format_version",
                "format",
            ] {
                ordered.insert(key.into(), base[key].clone());
            }
            Value::Object(ordered)
        }),
    ]
}

/// Files that should be refused (the reader may refuse more than the schema can say).
fn hostile(base: &Value) -> Vec<(&'static str, Value)> {
    vec![
        ("an unknown item", variant(base, |v| v["requests"][0]["item"] = json!("VIII-1"))),
        (
            "an item id in lower case",
            variant(base, |v| {
                v["requests"][0]["item"] = json!("ii-3");
                v["requests"][0]["id"] = json!("ii-3#1");
            }),
        ),
        ("an unknown policy", variant(base, |v| v["requests"][2]["policy"] = json!("tax"))),
        ("neither item nor policy", variant(base, |v| remove(&mut v["requests"][0], "item"))),
        ("both item and policy", variant(base, |v| v["requests"][0]["policy"] = json!("reach"))),
        ("a request id without a number", variant(base, |v| v["requests"][0]["id"] = json!("II-3"))),
        ("a request id numbered 0", variant(base, |v| v["requests"][0]["id"] = json!("II-3#0"))),
        ("a request id with a leading zero", variant(base, |v| v["requests"][0]["id"] = json!("II-3#01"))),
        ("a request id of 4 digits", variant(base, |v| v["requests"][0]["id"] = json!("II-3#1000"))),
        ("an empty request", variant(base, |v| v["requests"][0]["text"] = json!(""))),
        ("a request of 4,001 characters", variant(base, |v| v["requests"][0]["text"] = json!("x".repeat(4001)))),
        ("a note of 10,001 characters", variant(base, |v| v["note"] = json!("x".repeat(10_001)))),
        ("an empty note", variant(base, |v| v["note"] = json!(""))),
        ("null note", variant(base, |v| v["note"] = Value::Null)),
        ("null due", variant(base, |v| v["requests"][0]["due"] = Value::Null)),
        ("null supplier code", variant(base, |v| v["submission"]["supplier_code"] = Value::Null)),
        ("a due date of 30 February", variant(base, |v| v["requests"][0]["due"] = json!("2027-02-30"))),
        ("a due date with a time", variant(base, |v| v["requests"][0]["due"] = json!("2027-03-31T00:00:00Z"))),
        ("a due date written with slashes", variant(base, |v| v["requests"][0]["due"] = json!("2027/03/31"))),
        ("a due date of a 5-digit year", variant(base, |v| v["requests"][0]["due"] = json!("12027-03-31"))),
        ("ESC in a request", variant(base, |v| v["requests"][0]["text"] = json!("a\u{1b}[2Jb"))),
        ("NUL in the note", variant(base, |v| v["note"] = json!("a\u{0}b"))),
        ("a C1 control in a name", variant(base, |v| v["submission"]["legal_name"] = json!("ACME\u{9b}2J"))),
        ("a carriage return in the organisation", variant(base, |v| v["author"]["organisation"] = json!("NEC\rX"))),
        ("an e-mail without a domain", variant(base, |v| v["author"]["email"] = json!("nakamura@nec"))),
        ("an e-mail with a space", variant(base, |v| v["author"]["email"] = json!("naka mura@nec.example"))),
        ("an e-mail with a BOM", variant(base, |v| v["author"]["email"] = json!("naka\u{feff}mura@nec.example"))),
        ("an e-mail with two @", variant(base, |v| v["author"]["email"] = json!("a@b@nec.example"))),
        ("an e-mail ending in a dot", variant(base, |v| v["author"]["email"] = json!("a@nec.example."))),
        ("an empty organisation", variant(base, |v| v["author"]["organisation"] = json!(""))),
        ("no organisation", variant(base, |v| remove(&mut v["author"], "organisation"))),
        (
            "a fingerprint in capitals",
            variant(base, |v| {
                let s = v["submission"]["sha256"].as_str().unwrap().to_uppercase();
                v["submission"]["sha256"] = json!(s);
            }),
        ),
        ("a short fingerprint", variant(base, |v| v["submission"]["sha256"] = json!("9cc27ff6"))),
        ("a period of 101 characters", variant(base, |v| v["submission"]["period"] = json!("p".repeat(101)))),
        ("an empty legal name", variant(base, |v| v["submission"]["legal_name"] = json!(""))),
        ("a submission time that is no time", variant(base, |v| v["submission"]["submitted_at"] = json!("2026-04-15"))),
        ("a written time that is no time", variant(base, |v| v["written_at"] = json!("today"))),
        ("language fr", variant(base, |v| v["language"] = json!("fr"))),
        ("format version 2", variant(base, |v| v["format_version"] = json!(2))),
        ("format version as text", variant(base, |v| v["format_version"] = json!("1"))),
        ("format version 0", variant(base, |v| v["format_version"] = json!(0))),
        ("another format", variant(base, |v| v["format"] = json!("nec-csr-self-assessment"))),
        ("an unknown field", variant(base, |v| v["extra"] = json!(1))),
        ("an unknown field in a request", variant(base, |v| v["requests"][0]["priority"] = json!(1))),
        ("author as an array", variant(base, |v| v["author"] = json!(["NEC"]))),
        ("submission as an array", variant(base, |v| v["submission"] = json!([]))),
        ("a request as an array", variant(base, |v| v["requests"][0] = json!(["II-3#1", "II-3", "text"]))),
        ("requests as an object", variant(base, |v| v["requests"] = json!({}))),
        ("no requests", variant(base, |v| remove(v, "requests"))),
        ("no submission", variant(base, |v| remove(v, "submission"))),
        ("no generator", variant(base, |v| remove(v, "generator"))),
        ("a number for a text", variant(base, |v| v["requests"][0]["text"] = json!(42))),
        (
            "201 requests",
            variant(base, |v| {
                let all: Vec<Value> =
                    (1..=201).map(|n| json!({"id": format!("I-1#{n}"), "item": "I-1", "text": "x"})).collect();
                v["requests"] = json!(all);
            }),
        ),
        ("an id that does not match", {
            let mut v = base.clone();
            v["requests"][0]["text"] = json!("Changed by hand.");
            v
        }),
        ("an id in capitals", {
            let mut v = base.clone();
            let id = v["id"].as_str().unwrap().to_uppercase();
            v["id"] = json!(id);
            v
        }),
    ]
}

#[test]
fn every_file_the_reader_accepts_is_valid_under_the_published_schema() {
    let base = base();
    let mut corpus = valid(&base);
    corpus.extend(hostile(&base));
    let mut accepted = 0;
    for (name, doc) in &corpus {
        let bytes = serde_json::to_vec(doc).unwrap();
        if feedback::read(&bytes, Catalog::get()).is_ok() {
            accepted += 1;
            let errors = schema_errors(doc);
            assert!(errors.is_empty(), "the reader accepted “{name}”, which the schema refuses: {errors:#?}");
        }
    }
    assert_eq!(accepted, valid(&base).len(), "exactly the valid files are read");
}

#[test]
fn every_schema_valid_file_of_the_set_is_read() {
    let base = base();
    for (name, doc) in valid(&base) {
        let errors = schema_errors(&doc);
        assert!(errors.is_empty(), "“{name}” is meant to be schema-valid: {errors:#?}");
        if let Err(e) = feedback::read(&serde_json::to_vec(&doc).unwrap(), Catalog::get()) {
            panic!("the schema allows “{name}” but the reader refuses it: {e}");
        }
    }
}

#[test]
fn the_hostile_files_are_refused_naming_the_place() {
    let base = base();
    for (name, doc) in hostile(&base) {
        let e = feedback::read(&serde_json::to_vec(&doc).unwrap(), Catalog::get()).expect_err(name);
        let text = e.to_string();
        assert!(text.contains("At ") || e.kind() == "newer_format", "“{name}”: the message names the place: {text}");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{0}'),
            "“{name}”: no control character reaches the message"
        );
    }
}

#[test]
fn the_schema_lists_the_catalogs_ids() {
    let schema: Value = serde_json::from_str(include_str!("../schema/feedback-v1.schema.json")).unwrap();
    let items: Vec<&str> = Catalog::get().items().map(|i| i.id.as_str()).collect();
    let policies: Vec<&str> = Catalog::get().policies().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(schema["$defs"]["request"]["properties"]["item"]["enum"], json!(items));
    assert_eq!(schema["$defs"]["request"]["properties"]["policy"]["enum"], json!(policies));
    assert_eq!(schema["properties"]["note"]["maxLength"], json!(feedback::MAX_NOTE));
    assert_eq!(schema["$defs"]["request"]["properties"]["text"]["maxLength"], json!(feedback::MAX_REQUEST_TEXT));
    assert_eq!(schema["properties"]["requests"]["maxItems"], json!(feedback::MAX_REQUESTS));
}
