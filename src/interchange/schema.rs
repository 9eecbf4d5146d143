//! The published JSON Schema of the interchange file, made from the rules `import` applies,
//! so that the two say the same: the limits and patterns of the model's checks, calendar
//! dates, and from the catalog the item and policy ids, each policy's disclosure questions
//! and their choices, and the guideline edition. `schema/assessment-v{1,2,3,4}.schema.json`
//! are written from it (`CSR_WRITE_SCHEMA=1 cargo test --test schema_corpus`), and a test
//! fails while a file differs. What JSON Schema cannot say (unique item ids, keys given
//! twice, broken UTF-16 escapes) is said in the descriptions.

use serde_json::{json, Map, Value};

use crate::catalog::{Catalog, FieldKind};
use crate::model::checks::{INVISIBLE_FORMAT, LONG_TEXT, MAX_EMPLOYEES, MAX_EVIDENCE, MEDIUM_TEXT, SHORT_TEXT};

/// Characters no text holds: controls other than tab and line feed.
const CONTROLS: &str = "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f";
/// …nor the bidirectional embeddings, overrides and isolates.
const BIDI: &str = "\\u202a-\\u202e\\u2066-\\u2069";

fn escape(c: u32) -> String {
    format!("\\u{c:04x}")
}

/// What a name, code or identifier may not hold (as a character class's inside).
fn name_forbidden() -> String {
    let mut class = CONTROLS.to_string();
    for (from, to) in INVISIBLE_FORMAT {
        class.push_str(&escape(from));
        if to != from {
            class.push('-');
            class.push_str(&escape(to));
        }
    }
    class
}

/// A text field: at most `max` characters, no controls, no bidirectional controls.
fn text(max: usize) -> Value {
    json!({ "type": "string", "maxLength": max, "pattern": format!("^[^{CONTROLS}{BIDI}]*$") })
}

/// A name, code or identifier: as [`text`], and no invisible format character.
fn name(max: usize) -> Value {
    json!({
        "type": "string",
        "maxLength": max,
        "pattern": format!("^[^{}]*$", name_forbidden()),
        "description": "A name, code or identifier: no control characters and no invisible formatting characters \
                        (Unicode category Cf in the Basic Multilingual Plane, except U+200C and U+200D)."
    })
}

/// Text of the file's own fields (generator, catalog): no controls.
fn plain(max: usize) -> Value {
    json!({ "type": "string", "maxLength": max, "pattern": format!("^[^{CONTROLS}]*$") })
}

const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// A calendar date, or null.
fn date_or_null() -> Value {
    json!({
        "type": ["string", "null"],
        "format": "date",
        "pattern": DATE_PATTERN,
        "description": "A calendar date, YYYY-MM-DD (a day that exists: 2026-02-30 is refused), or null."
    })
}

fn timestamp() -> Value {
    json!({ "type": "string", "format": "date-time", "description": "RFC 3339 date and time." })
}

fn timestamp_or_null() -> Value {
    json!({ "type": ["string", "null"], "format": "date-time", "description": "RFC 3339 date and time, or null." })
}

fn object(properties: Value, required: &[&str]) -> Value {
    let mut o = json!({ "type": "object", "additionalProperties": false, "properties": properties });
    if !required.is_empty() {
        o["required"] = json!(required);
    }
    o
}

/// The answer to one disclosure question, by its kind: a choice offered, a date, or text.
fn disclosure(kind: FieldKind, options: &[String]) -> Value {
    match kind {
        FieldKind::Choice => {
            let mut choices: Vec<&str> = vec![""];
            choices.extend(options.iter().map(String::as_str));
            json!({ "enum": choices, "description": "One of the offered answers, or empty." })
        }
        FieldKind::Date => json!({
            "anyOf": [{ "const": "" }, { "type": "string", "format": "date", "pattern": DATE_PATTERN }],
            "description": "A calendar date, YYYY-MM-DD, or empty."
        }),
        FieldKind::Text => text(MEDIUM_TEXT),
        FieldKind::Number | FieldKind::Year => {
            let mut t = text(100);
            t["description"] = json!(
                "As typed (a number or year may carry separators or full-width digits); the submission check reads it."
            );
            t
        }
    }
}

/// Text that is not blank: at least one character other than white space.
fn not_blank(max: usize) -> Value {
    json!({ "allOf": [text(max), { "pattern": "[^\\s]" }], "minLength": 1 })
}

/// One of NEC's requests with the supplier's reply (format version 4).
fn nec_request(items: &[&str], policies: &[&str]) -> Value {
    let mut item_or_null: Vec<Value> = items.iter().map(|i| json!(i)).collect();
    item_or_null.push(Value::Null);
    let mut policy_or_null: Vec<Value> = policies.iter().map(|p| json!(p)).collect();
    policy_or_null.push(Value::Null);
    json!({
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "submission_sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$", "description": "The fingerprint of the submission NEC answered (the SHA-256 printed on its PDF)." },
            "id": { "type": "string", "pattern": "^[A-Za-z0-9-]+#[1-9][0-9]{0,2}$", "description": "The request's id in NEC's feedback: its item or policy id, \"#\" and a number (\"II-3#1\"); it starts with the request's own item or policy, which a schema cannot say." },
            "item": { "enum": item_or_null, "description": "The action item the request is about (or null: a request is on one item or one policy)." },
            "policy": { "enum": policy_or_null, "description": "The Part 2 policy the request is about." },
            "text": not_blank(MEDIUM_TEXT),
            "due": date_or_null(),
            "asked_at": timestamp(),
            "asked_by": text(SHORT_TEXT),
            "language": { "enum": ["en", "ja"], "description": "The language NEC wrote in." },
            "received_at": timestamp(),
            "status": { "enum": ["open", "done", "not_possible"] },
            "reply": text(MEDIUM_TEXT),
            "reason": text(MEDIUM_TEXT),
            "replied_at": timestamp_or_null()
        },
        "required": ["submission_sha256", "id", "text", "asked_at", "asked_by", "language", "received_at", "status"],
        "oneOf": [
            { "required": ["item"], "properties": { "item": { "enum": items } } },
            { "required": ["policy"], "properties": { "policy": { "enum": policies } } }
        ],
        "allOf": [
            {
                "if": { "properties": { "status": { "enum": ["done", "not_possible"] } }, "required": ["status"] },
                "then": { "required": ["replied_at"], "properties": { "replied_at": { "type": "string" } } }
            },
            {
                "if": { "properties": { "status": { "const": "not_possible" } }, "required": ["status"] },
                "then": { "required": ["reason"], "properties": { "reason": not_blank(MEDIUM_TEXT) } }
            }
        ],
        "description": "A request NEC made on an action item or a Part 2 policy, with an optional due date, and the supplier's reply: open, done, or not possible (with the reason). An answered request says when it was answered."
    })
}

/// The schema of format version `version` (1 to 4).
pub fn schema(version: u64, catalog: &Catalog) -> Value {
    let g = &catalog.guideline.guideline;
    let items: Vec<&str> = catalog.items().map(|i| i.id.as_str()).collect();
    let policies: Vec<&str> = catalog.policies().iter().map(|p| p.id.as_str()).collect();
    let mut evidence_properties = json!({
        "name": name(SHORT_TEXT),
        "location": text(SHORT_TEXT),
        "date": date_or_null(),
    });
    // Added in version 2; a version 1 file is read as version 2, so they are read in either.
    evidence_properties["valid_until"] = date_or_null();
    evidence_properties["not_attached"] = json!({ "type": "boolean", "description": "The document exists and is kept, but is not handed over with the submission." });
    evidence_properties["confidential"] = json!({ "type": "boolean", "description": "Confidential: printed as its name only, without where it is kept." });
    // Each policy's questions, with their choices, from the catalog.
    let per_policy: Vec<Value> = catalog
        .policies()
        .iter()
        .map(|p| {
            let mut questions = Map::new();
            for f in catalog.disclosure_fields(&p.id) {
                let options: Vec<String> = f.options.iter().map(|o| o.id.clone()).collect();
                questions.insert(f.id.clone(), disclosure(f.kind, &options));
            }
            json!({
                "if": { "properties": { "policy_id": { "const": p.id } }, "required": ["policy_id"] },
                "then": { "properties": { "disclosures": { "type": "object", "additionalProperties": false, "properties": questions } } }
            })
        })
        .collect();
    let period = json!({
        "allOf": [name(100), { "pattern": format!("[^\\s{}]", name_forbidden()) }],
        "minLength": 1,
        "description": "The period assessed, as the supplier names it (FY2026, 2026年度): at least one visible character."
    });
    let mut properties = json!({
        "format": { "const": super::FORMAT },
        "format_version": {
            "const": version,
            "description": "Readers refuse files with a higher version than they know. Version 1 files (without the evidence fields valid_until, not_attached, confidential) are read as version 2; version 2 files are version 3 files without `pages`."
        },
        "exported_at": timestamp(),
        "generator": plain(300),
        "catalog": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "version": { "type": "string", "maxLength": 50, "pattern": "^[0-9A-Za-z][0-9A-Za-z.+-]{0,49}$", "description": "The catalog's own version, e.g. 1.0.0." },
                "guideline": plain(300),
                "guideline_sha256": {
                    "const": g.source_sha256,
                    "description": format!("SHA-256 of the text of the guideline the answers were given against: this app holds “{}”, {}; a file of another edition is refused.", g.title, g.edition)
                }
            },
            "required": ["version", "guideline", "guideline_sha256"],
            "description": "The catalog the answers were given against."
        },
        "company": { "$ref": "#/$defs/company" },
        "assessment": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "period": period,
                "status": { "enum": ["draft", "ready", "submitted"] },
                "created_at": timestamp(),
                "updated_at": timestamp(),
                "submitted_at": timestamp_or_null(),
                "position": plain(100),
                "declaration": { "$ref": "#/$defs/declaration" }
            },
            "required": ["period", "status", "created_at", "updated_at"],
            "if": { "properties": { "status": { "const": "submitted" } }, "required": ["status"] },
            "then": { "required": ["submitted_at"], "properties": { "submitted_at": { "type": "string" } } },
            "description": "A submitted assessment says when it was submitted (submitted_at, not null)."
        },
        "answers": {
            "type": "array",
            "maxItems": items.len(),
            "items": { "$ref": "#/$defs/answer" },
            "description": "At most one answer per item (an item answered twice is refused, which a schema cannot say); items without an answer are unanswered."
        },
        "part2": {
            "type": "array",
            "maxItems": policies.len(),
            "items": { "$ref": "#/$defs/part2_answer" },
            "description": "At most one answer per policy (a policy answered twice is refused)."
        }
    });
    properties["assessment"]["properties"]["position"]["type"] = json!(["string", "null"]);
    if version >= super::REQUESTS_SINCE {
        properties["format_version"]["description"] = json!(format!(
            "{} Version 3 files are version 4 files without `nec_requests`.",
            properties["format_version"]["description"].as_str().unwrap_or("")
        ));
    }
    let required = vec![
        "format",
        "format_version",
        "exported_at",
        "generator",
        "catalog",
        "company",
        "assessment",
        "answers",
        "part2",
    ];
    if version >= super::PAGES_SINCE {
        properties["pages"] = json!({
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "method": { "type": "string", "maxLength": 50, "pattern": "^[a-z0-9][a-z0-9.-]{0,49}$", "description": "How the pages were recorded (\"page-text-1\"); every later way gets a new name." },
                "digests": {
                    "type": "array",
                    "maxItems": super::shape::MAX_RECORDED_PAGES,
                    "items": object(json!({
                        "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$", "description": "SHA-256 of everything the page shows, with this data's own fingerprint masked." },
                        "lines": { "type": "string", "maxLength": super::shape::MAX_RECORDED_LINES * 9, "pattern": "^([0-9a-f]{8}( [0-9a-f]{8})*)?$", "description": "The start of the SHA-256 of each printed line, top to bottom." }
                    }), &["sha256", "lines"])
                }
            },
            "required": ["method", "digests"],
            "description": "Only in the data attached to a PDF: what each of its pages prints, so that `csr-assess verify` can tell a changed page. An exported file has none."
        });
    }
    if version >= super::REQUESTS_SINCE {
        properties["nec_requests"] = json!({
            "type": "array",
            "maxItems": crate::model::MAX_NEC_REQUESTS,
            "items": { "$ref": "#/$defs/nec_request" },
            "description": "NEC's requests on the supplier's earlier submissions (from the feedback files NEC sent) and the supplier's replies: those of the submission this assessment was carried forward from, until answered, and of its own earlier submissions. A submission carries them as they stood when it was submitted. Each (submission_sha256, id) appears once, which a schema cannot say."
        });
    }
    let company = {
        let mut p = Map::new();
        for (field, limit) in crate::model::CompanyProfile::default().text_field_limits() {
            p.insert(field.into(), if limit == SHORT_TEXT { name(limit) } else { text(limit) });
        }
        p.insert("employees".into(), json!({ "type": ["integer", "null"], "minimum": 0, "maximum": MAX_EMPLOYEES }));
        for flag in ["does_construction", "handles_chemicals", "supplies_goods"] {
            p.insert(flag.into(), json!({ "type": "boolean" }));
        }
        let mut c = object(Value::Object(p), &[]);
        c["description"] = json!("The company profile. Every field is optional in the file; missing text is empty. Names, codes and contacts are stored composed (NFC), and e-mail addresses, the phone number and the supplier code in half-width form.");
        c
    };
    let mut schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("https://csr-self-assessment.app/schema/assessment-v{version}.schema.json"),
        "title": format!("CSR self-assessment interchange file, format version {version}"),
        "description": "One supplier's self-assessment against the NEC Group Supply-Chain CSR Guideline, with its company profile. Written by `csr-assess export` and the desktop app, embedded in the PDF submission. Generated from the app's own checks and its catalog: item and policy ids and each policy's questions are the catalog's (`csr-assess catalog`). Besides what this schema says, an import refuses: a key given twice in one object, text with a broken UTF-16 escape (a lone surrogate), an item or policy answered twice, and files over 16 MB or nested over 32 levels. No text holds control characters other than tab and line feed, nor characters that reverse the direction of the text around them. Lengths count characters as the app stores the text: composed (NFC), and e-mail addresses, the phone number and the supplier code in half-width form (NFKC).",
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
        "$defs": {
            "company": company,
            "declaration": object(json!({
                "signer_name": name(SHORT_TEXT),
                "signer_title": name(SHORT_TEXT),
                "date": date_or_null(),
                "confirmed": { "type": "boolean" }
            }), &[]),
            "evidence": object(evidence_properties, &[]),
            "action_plan": object(json!({
                "what": text(MEDIUM_TEXT),
                "who": name(SHORT_TEXT),
                "due": date_or_null()
            }), &[]),
            "answer": object(json!({
                "item_id": { "enum": items },
                "rating": { "enum": ["full", "mostly", "partly", "not_yet", "not_applicable", null], "description": "3, 2, 1, 0 points, or left out of the score." },
                "na_reason": text(MEDIUM_TEXT),
                "description": text(LONG_TEXT),
                "evidence": { "type": "array", "maxItems": MAX_EVIDENCE, "items": { "$ref": "#/$defs/evidence" } },
                "action_plan": { "$ref": "#/$defs/action_plan" },
                "marked_for_review": { "type": "boolean" },
                "to_reconfirm": { "type": "boolean" },
                "updated_at": timestamp_or_null()
            }), &["item_id"]),
            "part2_answer": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "policy_id": { "enum": policies },
                    "acknowledged": { "type": "boolean" },
                    "cascaded": { "enum": ["done", "partly", "not_yet", "no_upstream", null] },
                    "disclosures": { "type": "object", "description": "Answers to the policy's disclosure questions by question id (catalog/disclosures.json): each policy's questions and choices are listed below." },
                    "notes": text(LONG_TEXT),
                    "to_reconfirm": { "type": "boolean" },
                    "updated_at": timestamp_or_null()
                },
                "required": ["policy_id"],
                "allOf": per_policy
            }
        }
    });
    if version >= super::REQUESTS_SINCE {
        schema["$defs"]["nec_request"] = nec_request(&items, &policies);
    }
    schema
}
