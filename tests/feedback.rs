//! NEC's feedback file: written from a real, verified submission PDF in English and Japanese,
//! read back exactly, valid under the published schema, its id reproducible by anyone (RFC
//! 8785), and every kind of bad input refused naming what is wrong: a truncated or edited
//! file, an assessment file, a newer version, an unknown item, a null, a repeated key, a
//! control character, a file for another supplier, for a submission not held, opened twice.

mod common;
#[path = "support/feedback.rs"]
mod support;

use std::path::Path;

use csr_core::feedback::{self, receive, Feedback, Language};
use csr_core::{usecase, Catalog, Error, FeedbackFault};
use serde_json::{json, Value};
use support::*;

fn written(dir: &Path, language: Language) -> (Submitted, Feedback, Vec<u8>) {
    let s = submitted(dir, "sub.pdf", "NEC-SUP-004711", "株式会社さくら精密工業", language.as_str());
    let out = dir.join("fb.csrfeedback");
    let w = usecase::feedback_on_pdf(&s.pdf, &draft(language), &out, Catalog::get()).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    let f = feedback::read(&bytes, Catalog::get()).unwrap();
    assert_eq!(w.id, f.id);
    assert_eq!((w.requests, w.has_note), (3, true));
    (s, f, bytes)
}

fn fault(e: &Error) -> Option<FeedbackFault> {
    match e {
        Error::Feedback { fault, .. } => Some(*fault),
        _ => None,
    }
}

#[test]
fn feedback_on_a_verified_submission_names_it_and_reads_back_in_both_languages() {
    for language in [Language::En, Language::Ja] {
        let dir = tempfile::tempdir().unwrap();
        let (s, f, bytes) = written(dir.path(), language);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.ends_with("}\n") && !text.contains("null"), "pretty UTF-8, no nulls");
        assert_eq!(f.format, "nec-csr-feedback");
        assert_eq!(f.format_version, 1);
        assert_eq!(f.language, language);
        assert_eq!(f.submission.sha256, s.sha256, "named by the fingerprint printed on the PDF");
        let printed = csr_core::pdf::verify(&std::fs::read(&s.pdf).unwrap()).unwrap();
        assert_eq!(printed.printed_sha256.as_deref(), Some(s.sha256.as_str()));
        assert_eq!(f.submission.supplier_code.as_deref(), Some("NEC-SUP-004711"));
        assert_eq!(f.submission.legal_name, "株式会社さくら精密工業");
        assert_eq!(f.submission.period, "2025年度");
        assert_eq!(f.submission.submitted_at, s.submitted_at);
        let d = draft(language);
        assert_eq!(f.author.name, d.author.name);
        assert_eq!(f.author.email.as_deref(), Some("k-nakamura@nec.example"));
        assert_eq!(f.author.organisation, d.author.organisation);
        assert_eq!(f.note.as_deref(), Some(d.note.as_str()));
        let ids: Vec<&str> = f.requests.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["II-3#1", "II-3#2", "conflict-minerals#1"]);
        assert_eq!(f.requests[0].item.as_deref(), Some("II-3"));
        assert_eq!(f.requests[2].policy.as_deref(), Some("conflict-minerals"));
        assert_eq!(f.requests[0].text, d.requests[0].text);
        assert_eq!((f.requests[0].due.as_deref(), f.requests[1].due.as_deref()), (Some("2027-03-31"), None));
        assert!(csr_core::clock::is_timestamp(&f.written_at));
        let doc: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(schema_errors(&doc), Vec::<String>::new(), "the written file is valid under the schema");
        assert_eq!(feedback::to_text(&f), text, "read and written again, the file is the same");
    }
}

#[test]
fn the_id_is_the_rfc_8785_hash_of_the_rest_as_another_program_computes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_, f, bytes) = written(dir.path(), Language::Ja);
    // Python's json module, with sorted keys, no spaces and no ASCII escaping, writes RFC 8785
    // for this format (whole numbers, keys in ASCII): an independent computation of the id.
    let python = if Path::new(&venv_python()).exists() { venv_python() } else { "python3".to_string() };
    if !common::have_tool(&python, "python3", "the_id_is_the_rfc_8785_hash_of_the_rest") {
        return;
    }
    let script = "import sys, json, hashlib\n\
                  d = json.loads(sys.stdin.buffer.read().decode('utf-8'))\n\
                  d.pop('id')\n\
                  c = json.dumps(d, sort_keys=True, separators=(',', ':'), ensure_ascii=False)\n\
                  print(hashlib.sha256(c.encode('utf-8')).hexdigest())";
    let mut child = std::process::Command::new(&python)
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), f.id);
}

fn venv_python() -> String {
    let home = std::env::var("HOME").unwrap_or_default();
    format!("{home}/.cache/csr-self-assessment/venv/bin/python")
}

#[test]
fn a_truncated_file_is_refused_as_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, bytes) = written(dir.path(), Language::En);
    for cut in [bytes.len() - 2, bytes.len() / 2, 10] {
        let e = feedback::read(&bytes[..cut], Catalog::get()).unwrap_err();
        assert_eq!(fault(&e), Some(FeedbackFault::Damaged), "{e}");
        assert_eq!(e.kind(), "feedback_damaged");
        let m = e.to_string();
        assert!(m.contains("cut off") && m.contains("line ") && m.contains("Ask NEC to send it again"), "{m}");
    }
    let e = feedback::read(b"", Catalog::get()).unwrap_err();
    assert!(e.to_string().contains("empty"), "{e}");
}

#[test]
fn an_edited_file_is_refused_as_changed_after_nec_wrote_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, bytes) = written(dir.path(), Language::Ja);
    let text = String::from_utf8(bytes).unwrap();
    for (from, to) in [("2027-03-31", "2028-03-31"), ("NEC-SUP-004711", "NEC-SUP-004712"), ("添付して", "破棄して")]
    {
        assert!(text.contains(from));
        let edited = text.replacen(from, to, 1);
        let e = feedback::read(edited.as_bytes(), Catalog::get()).unwrap_err();
        assert_eq!(fault(&e), Some(FeedbackFault::Damaged), "{e}");
        assert!(e.to_string().contains("changed after NEC wrote it") && e.to_string().contains("At id"), "{e}");
    }
    // Spaces and line breaks are not content: a file re-indented by an editor still reads.
    let compact = serde_json::to_string(&serde_json::from_str::<Value>(&text).unwrap()).unwrap();
    feedback::read(compact.as_bytes(), Catalog::get()).unwrap();
}

/// The written file as JSON, changed by `f`, with its id made right again, so that what is
/// refused is the change and not the id.
fn changed(bytes: &[u8], f: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut v: Value = serde_json::from_slice(bytes).unwrap();
    f(&mut v);
    rehash(&mut v);
    serde_json::to_vec_pretty(&v).unwrap()
}

fn rehash(v: &mut Value) {
    let mut rest = v.clone();
    rest.as_object_mut().unwrap().remove("id");
    let id = csr_core::pdf::sha256_hex(feedback::canonical::canonical(&rest).as_bytes());
    v["id"] = json!(id);
}

#[test]
fn bad_content_is_refused_naming_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, bytes) = written(dir.path(), Language::En);
    // (what, the change, the place the message must name)
    type Case = (&'static str, Box<dyn FnOnce(&mut Value)>, &'static str);
    let cases: Vec<Case> = vec![
        ("an unknown item", Box::new(|v| v["requests"][0]["item"] = json!("VIII-9")), "requests[0].item"),
        ("an unknown policy", Box::new(|v| v["requests"][2]["policy"] = json!("tax-evasion")), "requests[2].policy"),
        ("a null due date", Box::new(|v| v["requests"][1]["due"] = Value::Null), "requests[1].due"),
        (
            "a due date not in the calendar",
            Box::new(|v| v["requests"][0]["due"] = json!("2027-02-30")),
            "requests[0].due",
        ),
        (
            "an escape sequence in a request",
            Box::new(|v| v["requests"][0]["text"] = json!("ok\u{1b}[2J")),
            "requests[0].text",
        ),
        ("a carriage return in the note", Box::new(|v| v["note"] = json!("a\rb")), "note"),
        ("a request on an item and a policy", Box::new(|v| v["requests"][0]["policy"] = json!("reach")), "requests[0]"),
        ("a request id of another item", Box::new(|v| v["requests"][0]["id"] = json!("II-4#1")), "requests[0].id"),
        ("a request id twice", Box::new(|v| v["requests"][1]["id"] = json!("II-3#1")), "requests[1].id"),
        ("an unknown field", Box::new(|v| v["requests"][0]["priority"] = json!("high")), "requests[0]"),
        ("author as an array", Box::new(|v| v["author"] = json!(["x"])), "author"),
        ("requests as an object", Box::new(|v| v["requests"] = json!({})), "requests"),
        ("a short fingerprint", Box::new(|v| v["submission"]["sha256"] = json!("abc")), "submission.sha256"),
        ("a time that is none", Box::new(|v| v["written_at"] = json!("yesterday")), "written_at"),
        ("an e-mail address that is none", Box::new(|v| v["author"]["email"] = json!("nakamura")), "author.email"),
        (
            "201 requests",
            Box::new(|v| {
                let r = v["requests"][2].clone();
                let mut all = Vec::new();
                for n in 1..=201 {
                    let mut r = r.clone();
                    r["id"] = json!(format!("conflict-minerals#{n}"));
                    all.push(r);
                }
                v["requests"] = json!(all);
            }),
            "requests",
        ),
    ];
    for (name, f, place) in cases {
        let e = feedback::read(&changed(&bytes, f), Catalog::get()).unwrap_err();
        assert_eq!(fault(&e), Some(FeedbackFault::Content), "{name}: {e}");
        assert!(e.to_string().contains(place), "{name}: the message names {place}: {e}");
    }
}

#[test]
fn a_repeated_key_is_refused_even_where_json_parsers_keep_the_last() {
    let dir = tempfile::tempdir().unwrap();
    let (_, f, bytes) = written(dir.path(), Language::En);
    let text = String::from_utf8(bytes).unwrap();
    // A second "text" member after the first: a lenient reader would show the last one.
    let twice = text.replacen(
        &format!("\"text\": {}", json!(f.requests[0].text)),
        &format!("\"text\": {}, \"text\": \"Ignore the above.\"", json!(f.requests[0].text)),
        1,
    );
    assert_ne!(twice, text);
    let e = feedback::read(twice.as_bytes(), Catalog::get()).unwrap_err();
    assert!(e.to_string().contains("duplicate field") && e.to_string().contains("requests[0]"), "{e}");
}

#[test]
fn other_files_are_told_apart_from_feedback() {
    let dir = tempfile::tempdir().unwrap();
    let (s, _, bytes) = written(dir.path(), Language::En);
    let assessment = csr_core::usecase::export_text(&s.store, Catalog::get(), s.id).unwrap();
    let e = feedback::read(assessment.as_bytes(), Catalog::get()).unwrap_err();
    assert_eq!(fault(&e), Some(FeedbackFault::NotFeedback));
    assert!(e.to_string().contains("assessment file"), "{e}");
    let e = feedback::read(b"[1, 2]", Catalog::get()).unwrap_err();
    assert_eq!(e.kind(), "feedback_not_feedback");
    let e = feedback::read(&vec![b' '; feedback::MAX_BYTES + 1], Catalog::get()).unwrap_err();
    assert!(e.to_string().contains("larger than 4 MB"), "{e}");
    let newer = changed(&bytes, |v| v["format_version"] = json!(2));
    let e = feedback::read(&newer, Catalog::get()).unwrap_err();
    assert_eq!(e.kind(), "newer_format", "{e}");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(String::from_utf8(bytes.clone()).unwrap().encode_utf16().flat_map(u16::to_le_bytes));
    let e = feedback::read(&utf16, Catalog::get()).unwrap_err();
    assert!(e.to_string().contains("UTF-16"), "{e}");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(&bytes);
    feedback::read(&bom, Catalog::get()).expect("a byte-order mark is passed over");
}

#[test]
fn the_supplier_side_takes_its_own_feedback_once_and_refuses_another_suppliers() {
    let dir = tempfile::tempdir().unwrap();
    let (s, f, _) = written(dir.path(), Language::Ja);
    let ours = receive::Company { supplier_code: "NEC-SUP-004711", legal_name: "株式会社さくら精密工業" };
    let held = receive::Held {
        assessment_id: s.id,
        sha256: &s.sha256,
        company: ours,
        submitted_at: &f.submission.submitted_at,
        period: &f.submission.period,
    };
    let known = receive::Known { companies: vec![ours], submissions: vec![held], opened: vec![] };
    assert_eq!(receive::answered_assessment(&f, &known).unwrap(), s.id);

    let opened =
        receive::Known { opened: vec![receive::Opened { id: &f.id, opened_at: "2027-01-16" }], ..known.clone() };
    let e = receive::answered_assessment(&f, &opened).unwrap_err();
    assert_eq!(e.kind(), "feedback_already_opened");
    assert!(e.to_string().contains("already opened on 2027-01-16"), "{e}");

    let other = receive::Company { supplier_code: "NEC-SUP-000001", legal_name: "株式会社あおば電子" };
    let theirs = receive::Known { companies: vec![other], submissions: vec![], opened: vec![] };
    let e = receive::answered_assessment(&f, &theirs).unwrap_err();
    assert_eq!(e.kind(), "feedback_other_supplier");
    let m = e.to_string();
    assert!(
        m.contains("株式会社さくら精密工業 (NEC-SUP-004711)") && m.contains("株式会社あおば電子 (NEC-SUP-000001)"),
        "{m}"
    );

    let not_held = receive::Known { companies: vec![ours], submissions: vec![], opened: vec![] };
    let e = receive::answered_assessment(&f, &not_held).unwrap_err();
    assert_eq!(e.kind(), "feedback_unknown_submission");
    assert!(e.to_string().contains("2025年度") && e.to_string().contains(&s.sha256[..16]), "{e}");
}

#[test]
fn a_submission_that_does_not_verify_gets_no_feedback() {
    let dir = tempfile::tempdir().unwrap();
    let s = submitted(dir.path(), "sub.pdf", "NEC-SUP-004711", "株式会社さくら精密工業", "en");
    let out = dir.path().join("fb.csrfeedback");
    // The same pages with other data attached: the fingerprint printed no longer matches.
    let other = csr_core::usecase::export_text(&s.store, Catalog::get(), s.id).unwrap().replace("2025年度", "2024年度");
    let tampered = dir.path().join("tampered.pdf");
    std::fs::write(&tampered, reattach(&std::fs::read(&s.pdf).unwrap(), &other)).unwrap();
    let e = usecase::feedback_on_pdf(&tampered, &draft(Language::En), &out, Catalog::get()).unwrap_err();
    assert_eq!(e.kind(), "unverified_submission", "{e}");
    assert!(e.to_string().contains("does not verify") && e.to_string().contains("No feedback file was written"), "{e}");
    // A preview (never submitted) carries data the supplier's app does not keep.
    let mut store = csr_core::Store::open(dir.path().join("p.sqlite3"), Catalog::get()).unwrap();
    let id = common::fully_answered(&mut store);
    let preview = dir.path().join("preview.pdf");
    usecase::preview_pdf(&store, Catalog::get(), id, csr_core::lang::Lang::parse("ja").unwrap(), &preview).unwrap();
    let e = usecase::feedback_on_pdf(&preview, &draft(Language::En), &out, Catalog::get()).unwrap_err();
    assert!(e.to_string().contains("is a preview"), "{e}");
    let text = dir.path().join("letter.pdf");
    std::fs::write(&text, "Dear NEC").unwrap();
    let e = usecase::feedback_on_pdf(&text, &draft(Language::En), &out, Catalog::get()).unwrap_err();
    assert!(e.to_string().contains("not a PDF"), "{e}");
    assert!(!out.exists(), "nothing was written");
    // A request on an item the guideline does not have.
    let mut d = draft(Language::En);
    d.requests[1].target = "VIII-9".into();
    let e = usecase::feedback_on_pdf(&s.pdf, &d, &out, Catalog::get()).unwrap_err();
    assert_eq!(e.kind(), "invalid");
    assert!(
        e.to_string().contains("\"VIII-9\" is neither an action item") && e.to_string().contains("conflict-minerals"),
        "{e}"
    );
    let e = usecase::feedback_on_pdf(&s.pdf, &draft(Language::En), &dir.path().join("fb.json"), Catalog::get())
        .unwrap_err();
    assert!(e.to_string().contains("should end in .csrfeedback"), "{e}");
    assert!(!out.exists(), "nothing was written");
}

/// The same PDF with its attachment's bytes replaced by `json` (left uncompressed).
fn reattach(pdf_bytes: &[u8], json: &str) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(pdf_bytes).unwrap();
    for obj in doc.objects.values_mut() {
        if let lopdf::Object::Stream(s) = obj {
            if s.dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"EmbeddedFile".as_slice()) {
                s.dict.remove(b"Filter");
                s.set_content(json.as_bytes().to_vec());
            }
        }
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}
