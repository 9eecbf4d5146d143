//! The published schema and the importer agree: every file of the corpus gets the same
//! verdict from `schema/assessment-v{N}.schema.json` (N its format version) and from the
//! importer, and the schema files are the ones the app's own rules and catalog make. The
//! corpus is an exported, fully answered assessment, the data attached to its PDF, and many
//! variants: hand edits, hostile values, arrays in place of objects, control and
//! direction-changing characters, impossible dates, questions and choices the catalog does
//! not have, other guideline editions. The few rules a schema cannot state (a key given
//! twice, an item answered twice) are refused by the importer and named in the schema's
//! description.

mod common;

use common::*;
use csr_core::{interchange, Catalog};
use serde_json::{json, Value};

fn schema_path(version: u64) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("schema/assessment-v{version}.schema.json"))
}

fn published(version: u64) -> Value {
    serde_json::from_str(&std::fs::read_to_string(schema_path(version)).unwrap()).unwrap()
}

/// The validator of a file's format version (the newest for a version the app does not read).
fn schema_for(doc: &Value) -> jsonschema::Validator {
    let version = doc.get("format_version").and_then(Value::as_u64).filter(|v| (1..=interchange::FORMAT_VERSION).contains(v));
    schema(version.unwrap_or(interchange::FORMAT_VERSION))
}

fn schema(version: u64) -> jsonschema::Validator {
    jsonschema::options().should_validate_formats(true).build(&published(version)).expect("the schema compiles")
}

fn exported() -> Value {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    serde_json::from_str(&interchange::export(&store.record(id).unwrap(), Catalog::get())).unwrap()
}

/// The data attached to the PDF of a submitted assessment (with the record of its pages).
fn attached_to_a_pdf() -> Value {
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let mut record = store.record(id).unwrap();
    record.assessment.status = csr_core::model::Status::Submitted;
    record.assessment.submitted_at = Some("2026-11-27T05:30:00Z".into());
    serde_json::from_str(&csr_core::pdf::render(&record, Catalog::get(), csr_core::lang::Lang::parse("en").unwrap()).unwrap().json).unwrap()
}

/// The key of the first disclosure of a policy of the given kind, with its policy's index.
fn disclosure_of(base: &Value, kind: csr_core::catalog::FieldKind) -> (usize, String) {
    let catalog = Catalog::get();
    for (i, p) in base["part2"].as_array().unwrap().iter().enumerate() {
        let policy = p["policy_id"].as_str().unwrap();
        if let Some(f) = catalog.disclosure_fields(policy).iter().find(|f| f.kind == kind) {
            return (i, f.id.clone());
        }
    }
    panic!("a disclosure of kind {kind:?}");
}

/// `base` with NEC's requests: one open on an item with a due date, one done on an item, one
/// open on a policy (written in Japanese).
fn with_requests(base: &Value) -> Value {
    let sha = "0123456789abcdef".repeat(4);
    variant(base, |v| {
        v["nec_requests"] = json!([
            {"submission_sha256": sha, "id": "II-3#1", "item": "II-3", "text": "Please attach the age-check record for new hires.",
             "due": "2027-03-31", "asked_at": "2027-01-15T01:00:00Z", "asked_by": "NEC Corporation (Kenji Nakamura)", "language": "en",
             "received_at": "2027-01-16T00:10:00Z", "status": "open"},
            {"submission_sha256": sha, "id": "II-3#2", "item": "II-3", "text": "Also say who checks it.",
             "asked_at": "2027-01-15T01:00:00Z", "asked_by": "NEC Corporation", "language": "en",
             "received_at": "2027-01-16T00:10:00Z", "status": "done", "reply": "The office manager, every April.", "reason": "",
             "replied_at": "2027-02-01T00:00:00Z"},
            {"submission_sha256": sha, "id": "conflict-minerals#1", "policy": "conflict-minerals", "text": "今年度のCMRTをご提出ください。",
             "due": "2027-02-28", "asked_at": "2027-01-15T01:00:00Z", "asked_by": "日本電気株式会社", "language": "ja",
             "received_at": "2027-01-16T00:10:00Z", "status": "open"}
        ]);
    })
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
        ("format version 2 (no record of pages)", variant(base, |v| {
            v["format_version"] = json!(2);
            v.as_object_mut().unwrap().remove("nec_requests");
        })),
        ("format version 1", variant(base, |v| {
            v["format_version"] = json!(1);
            v.as_object_mut().unwrap().remove("nec_requests");
            for a in v["answers"].as_array_mut().unwrap() {
                for e in a["evidence"].as_array_mut().unwrap() {
                    for k in ["valid_until", "not_attached", "confidential"] {
                        e.as_object_mut().unwrap().remove(k);
                    }
                }
            }
        })),
        ("the data attached to a PDF, with the record of its pages", attached_to_a_pdf()),
        ("a leap day", variant(base, |v| v["answers"][0]["evidence"][0]["date"] = json!("2028-02-29"))),
        ("a letter and a combining accent (stored composed)", variant(base, |v| v["company"]["legal_name"] = json!("Cafe\u{301} Sakura KK"))),
        ("Persian with a zero-width non-joiner", variant(base, |v| v["company"]["legal_name"] = json!("شرکت می\u{200C}خواهم"))),
        ("an empty choice and an empty date", variant(base, |v| {
            let (i, key) = disclosure_of(v, csr_core::catalog::FieldKind::Choice);
            v["part2"][i]["disclosures"][key] = json!("");
            let (i, key) = disclosure_of(v, csr_core::catalog::FieldKind::Date);
            v["part2"][i]["disclosures"][key] = json!("");
        })),
        ("a submitted assessment with its time", variant(base, |v| {
            v["assessment"]["status"] = json!("submitted");
            v["assessment"]["submitted_at"] = json!("2026-11-27T05:30:00Z");
        })),
        ("NEC's requests, open and answered (format version 4)", with_requests(base)),
        ("a request with nulls for its optional fields", variant(&with_requests(base), |v| {
            v["nec_requests"][0]["due"] = Value::Null;
            v["nec_requests"][0]["policy"] = Value::Null;
            v["nec_requests"][0]["replied_at"] = Value::Null;
        })),
        ("a request on a policy, not possible with a reason", variant(&with_requests(base), |v| {
            v["nec_requests"][2]["status"] = json!("not_possible");
            v["nec_requests"][2]["reason"] = json!("取引先が海外のため、今年度中の回収は困難です。");
            v["nec_requests"][2]["replied_at"] = json!("2027-02-01T00:00:00Z");
        })),
        ("format version 3 (no requests)", variant(base, |v| {
            v["format_version"] = json!(3);
            v.as_object_mut().unwrap().remove("nec_requests");
        })),
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
        ("format version 5", variant(base, |v| v["format_version"] = json!(5))),
        ("requests in a version 3 file", variant(&with_requests(base), |v| v["format_version"] = json!(3))),
        ("a request on an unknown item", variant(&with_requests(base), |v| {
            v["nec_requests"][0]["item"] = json!("VIII-1");
            v["nec_requests"][0]["id"] = json!("VIII-1#1");
        })),
        ("a request on an item and a policy", variant(&with_requests(base), |v| v["nec_requests"][0]["policy"] = json!("reach"))),
        ("a request on neither", variant(&with_requests(base), |v| {
            v["nec_requests"][0].as_object_mut().unwrap().remove("item");
        })),
        ("a request without its submission's fingerprint", variant(&with_requests(base), |v| {
            v["nec_requests"][0]["submission_sha256"] = json!("ab12");
        })),
        ("a request with an empty text", variant(&with_requests(base), |v| v["nec_requests"][0]["text"] = json!(""))),
        ("a request with a blank text", variant(&with_requests(base), |v| v["nec_requests"][0]["text"] = json!("  \n "))),
        ("a request due on no day", variant(&with_requests(base), |v| v["nec_requests"][0]["due"] = json!("2027-02-30"))),
        ("a request status not offered", variant(&with_requests(base), |v| v["nec_requests"][0]["status"] = json!("ignored"))),
        ("an answered request without its time", variant(&with_requests(base), |v| {
            v["nec_requests"][1]["replied_at"] = Value::Null;
        })),
        ("not possible without a reason", variant(&with_requests(base), |v| {
            v["nec_requests"][2]["status"] = json!("not_possible");
            v["nec_requests"][2]["replied_at"] = json!("2027-02-01T00:00:00Z");
        })),
        ("a request in a language not offered", variant(&with_requests(base), |v| v["nec_requests"][0]["language"] = json!("fr"))),
        ("a request id with a leading zero", variant(&with_requests(base), |v| v["nec_requests"][0]["id"] = json!("II-3#01"))),
        ("a request with an unknown field", variant(&with_requests(base), |v| v["nec_requests"][0]["urgent"] = json!(true))),
        ("a request with ESC in NEC's text", variant(&with_requests(base), |v| v["nec_requests"][0]["text"] = json!("ok\u{1b}[2J"))),
        ("a reply of 4001 characters", variant(&with_requests(base), |v| v["nec_requests"][1]["reply"] = json!("x".repeat(4001)))),
        ("requests as an object", variant(base, |v| v["nec_requests"] = json!({}))),
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
        ("a text disclosure of 4001 characters", variant(base, |v| {
            let (i, key) = disclosure_of(v, csr_core::catalog::FieldKind::Text);
            v["part2"][i]["disclosures"][key] = json!("x".repeat(4001));
        })),
        // What the schema was looser about than the importer.
        ("an evidence date that is no day (30 February)", variant(base, |v| v["answers"][0]["evidence"][0]["date"] = json!("2026-02-30"))),
        ("a due date that is no day (month 13)", variant(base, |v| v["answers"][3]["action_plan"]["due"] = json!("2026-13-01"))),
        ("a declaration date that is no day", variant(base, |v| v["assessment"]["declaration"]["date"] = json!("2025-04-31"))),
        ("a valid-until date that is no day", variant(base, |v| v["answers"][0]["evidence"][0]["valid_until"] = json!("2027-02-29"))),
        ("a disclosure date that is no day", variant(base, |v| {
            let (i, key) = disclosure_of(v, csr_core::catalog::FieldKind::Date);
            v["part2"][i]["disclosures"][key] = json!("2026-02-30");
        })),
        ("a disclosure question the policy does not ask", variant(base, |v| v["part2"][0]["disclosures"]["shoe_size"] = json!("42"))),
        ("a choice the question does not offer", variant(base, |v| {
            let (i, key) = disclosure_of(v, csr_core::catalog::FieldKind::Choice);
            v["part2"][i]["disclosures"][key] = json!("maybe");
        })),
        ("a number disclosure of 101 characters", variant(base, |v| {
            let (i, key) = disclosure_of(v, csr_core::catalog::FieldKind::Number);
            v["part2"][i]["disclosures"][key] = json!("1".repeat(101));
        })),
        ("submitted without submitted_at", variant(base, |v| {
            v["assessment"]["status"] = json!("submitted");
            v["assessment"].as_object_mut().unwrap().remove("submitted_at");
        })),
        ("submitted with submitted_at null", variant(base, |v| {
            v["assessment"]["status"] = json!("submitted");
            v["assessment"]["submitted_at"] = Value::Null;
        })),
        ("a blank period", variant(base, |v| v["assessment"]["period"] = json!("   "))),
        ("a period of an invisible character", variant(base, |v| v["assessment"]["period"] = json!("\u{200B}"))),
        ("a right-to-left override in the legal name", variant(base, |v| v["company"]["legal_name"] = json!("Sakura \u{202E}laeS\u{202C} KK"))),
        ("a zero-width space in the supplier code", variant(base, |v| v["company"]["supplier_code"] = json!("NEC-\u{200B}004711"))),
        ("a direction isolate in a description", variant(base, |v| v["answers"][0]["description"] = json!("ok \u{2067}עברית\u{2069}"))),
        ("a byte-order mark in the signer's name", variant(base, |v| v["assessment"]["declaration"]["signer_name"] = json!("\u{FEFF}山田 太郎"))),
        ("a record of pages in a version 2 file", variant(base, |v| {
            v["format_version"] = json!(2);
            v.as_object_mut().unwrap().remove("nec_requests");
            v["pages"] = json!({"method": "page-text-1", "digests": []});
        })),
        ("a record of pages with a short digest", variant(base, |v| {
            v["pages"] = json!({"method": "page-text-1", "digests": [{"sha256": "ab12", "lines": ""}]});
        })),
        ("a record of pages with malformed line digests", variant(base, |v| {
            v["pages"] = json!({"method": "page-text-1", "digests": [{"sha256": "ab".repeat(32), "lines": "0000000g"}]});
        })),
    ]
}

/// Files the importer refuses for a rule a schema cannot state; each rule is named in the
/// schema's description (checked below). Raw text: a JSON value cannot hold a key twice.
fn beyond_the_schema(base: &Value) -> Vec<(&'static str, String, &'static str)> {
    let text = serde_json::to_string(base).unwrap();
    let twice = variant(base, |v| {
        let mut a = v["answers"].as_array().unwrap().clone();
        a[1]["item_id"] = a[0]["item_id"].clone();
        v["answers"] = json!(a);
    });
    vec![
        ("a key given twice", text.replacen("\"generator\":", "\"generator\":\"x\",\"generator\":", 1), "a key given twice"),
        ("an item answered twice", serde_json::to_string(&twice).unwrap(), "an item or policy answered twice"),
        ("a lone surrogate", text.replacen("\"generator\":\"", "\"generator\":\"\\ud800", 1), "lone surrogate"),
    ]
}

#[test]
fn the_schema_files_are_the_ones_the_apps_rules_and_catalog_make() {
    let write = std::env::var_os("CSR_WRITE_SCHEMA").is_some_and(|v| v == "1");
    for version in 1..=interchange::FORMAT_VERSION {
        let made = interchange::schema::schema(version, Catalog::get());
        if write {
            std::fs::write(schema_path(version), serde_json::to_string_pretty(&made).unwrap() + "\n").unwrap();
        }
        assert!(
            published(version) == made,
            "schema/assessment-v{version}.schema.json is not what the app's rules and catalog make; write it with \
             CSR_WRITE_SCHEMA=1 cargo test -p csr-self-assessment --test schema_corpus"
        );
    }
}

#[test]
fn the_schema_and_the_importer_give_every_file_of_the_corpus_the_same_verdict() {
    let base = exported();
    let mut corpus = valid(&base);
    corpus.extend(hostile(&base));
    let mut differ = Vec::new();
    for (name, doc) in &corpus {
        let errors: Vec<String> = schema_for(doc).iter_errors(doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
        let imported = interchange::import(&serde_json::to_vec(doc).unwrap(), Catalog::get());
        if errors.is_empty() != imported.is_ok() {
            differ.push(format!("“{name}”: schema {errors:?}; import {:?}", imported.map(|_| "accepts").map_err(|e| e.to_string())));
        }
    }
    assert!(differ.is_empty(), "the schema and the importer differ on {} files:\n{}", differ.len(), differ.join("\n"));
    // The valid files are accepted, the hostile ones refused.
    for (name, doc) in valid(&base) {
        assert!(interchange::import(&serde_json::to_vec(&doc).unwrap(), Catalog::get()).is_ok(), "“{name}” imports");
    }
}

#[test]
fn what_the_schema_cannot_state_is_refused_and_named_in_its_description() {
    let base = exported();
    let description = published(interchange::FORMAT_VERSION)["description"].as_str().unwrap().to_string();
    for (name, text, rule) in beyond_the_schema(&base) {
        assert!(interchange::import(text.as_bytes(), Catalog::get()).is_err(), "the importer refuses “{name}”");
        assert!(description.contains(rule), "the schema's description names “{rule}”: {description}");
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
