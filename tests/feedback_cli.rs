//! `csr-assess feedback`, `feedback-from-workbook` and `reminders`, run as real processes:
//! their help, a feedback file written from a real submission PDF in English and Japanese,
//! one per supplier from a filled-in workbook, a calendar file, and the mistakes each refuses
//! with a message and exit status.

mod common;
#[path = "support/cli.rs"]
mod cli;
#[path = "support/filled_workbook.rs"]
mod filled;
#[path = "support/feedback.rs"]
mod support;

use std::path::Path;

use csr_core::feedback::{self, Language};
use csr_core::Catalog;

use cli::{ok, run};

fn fails(db: &Path, args: &[&str], code: i32, says: &str) {
    let out = run(db, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(err.contains(says), "{args:?}: “{says}” in: {err}");
}

#[test]
fn the_new_verbs_have_help() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    let main = ok(&db, &["--help"]);
    for verb in ["feedback", "feedback-from-workbook", "reminders"] {
        assert!(main.contains(&format!("  {verb} ")), "main help lists {verb}");
        let help = ok(&db, &[verb, "--help"]);
        assert!(help.starts_with(&format!("Usage: csr-assess {verb}")), "{verb}: {help}");
        assert_eq!(ok(&db, &["help", verb]), help);
    }
    assert!(!db.exists(), "asking for help creates no database");
}

#[test]
fn nec_writes_feedback_on_a_submission_pdf_in_both_languages() {
    for language in [Language::En, Language::Ja] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("nec.sqlite3");
        let s =
            support::submitted(dir.path(), "sub.pdf", "NEC-SUP-004711", "株式会社さくら精密工業", language.as_str());
        let d = support::draft(language);
        let out = dir.path().join("fb.csrfeedback");
        let said = ok(
            &db,
            &[
                "feedback",
                s.pdf.to_str().unwrap(),
                "--output",
                out.to_str().unwrap(),
                "--note",
                &d.note,
                "--request",
                "II-3",
                &d.requests[0].text,
                "--due",
                "2027-03-31",
                "--request",
                "II-3",
                &d.requests[1].text,
                "--request",
                "conflict-minerals",
                &d.requests[2].text,
                "--due",
                "2027-02-28",
                "--author",
                d.author.name.as_deref().unwrap(),
                "--author-email",
                "k-nakamura@nec.example",
                "--author-organisation",
                &d.author.organisation,
                "--lang",
                language.as_str(),
            ],
        );
        assert!(
            said.contains("feedback on 株式会社さくら精密工業 (NEC-SUP-004711), 2025年度: a note and 3 request(s)"),
            "{said}"
        );
        assert!(!db.exists(), "NEC's side does not touch an assessment database");
        let f = feedback::read(&std::fs::read(&out).unwrap(), Catalog::get()).unwrap();
        assert_eq!(f.submission.sha256, s.sha256);
        assert_eq!(f.language, language);
        assert_eq!(f.note.as_deref(), Some(d.note.as_str()));
        let got: Vec<(&str, &str, Option<&str>)> =
            f.requests.iter().map(|r| (r.id.as_str(), r.text.as_str(), r.due.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("II-3#1", d.requests[0].text.as_str(), Some("2027-03-31")),
                ("II-3#2", d.requests[1].text.as_str(), None),
                ("conflict-minerals#1", d.requests[2].text.as_str(), Some("2027-02-28")),
            ]
        );
        assert_eq!(f.author.organisation, d.author.organisation);
    }
}

#[test]
fn feedback_mistakes_are_refused_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nec.sqlite3");
    let s = support::submitted(dir.path(), "sub.pdf", "NEC-SUP-004711", "株式会社さくら精密工業", "en");
    let pdf = s.pdf.to_str().unwrap();
    let out = dir.path().join("fb.csrfeedback");
    let o = out.to_str().unwrap();
    fails(
        &db,
        &["feedback", pdf, "-o", o, "--request", "VIII-9", "Explain."],
        1,
        "\"VIII-9\" is neither an action item",
    );
    fails(
        &db,
        &["feedback", pdf, "-o", o, "--due", "2027-03-31"],
        2,
        "--due gives the due date of the --request just before it",
    );
    fails(
        &db,
        &["feedback", pdf, "-o", o, "--request", "II-3", "x", "--due", "2027-03-31", "--due", "2027-04-01"],
        2,
        "--due gives",
    );
    fails(&db, &["feedback", pdf, "-o", o, "--request", "II-3", "x", "--due", "31.3.2027"], 1, "not a calendar date");
    fails(&db, &["feedback", pdf, "-o", o, "--request", "II-3"], 2, "--request takes an item");
    fails(&db, &["feedback", pdf, "-o", o], 2, "the feedback would be empty");
    fails(&db, &["feedback", pdf, "--note", "x"], 2, "--output FILE.csrfeedback is missing");
    fails(&db, &["feedback", pdf, "-o", "fb.json", "--note", "x"], 1, "should end in .csrfeedback");
    fails(&db, &["feedback", pdf, "-o", o, "--note", "x", "--lang", "fr"], 2, "--lang is en or ja");
    let bytes = std::fs::read(&s.pdf).unwrap();
    let cut = dir.path().join("cut.pdf");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    fails(&db, &["feedback", cut.to_str().unwrap(), "-o", o, "--note", "x"], 1, "cannot be answered with feedback");
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn nec_writes_one_file_per_supplier_from_the_filled_in_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nec.sqlite3");
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    for (code, name) in [("NEC-SUP-000001", "株式会社あおば電子"), ("NEC-SUP-000002", "Cedar Works Ltd.")] {
        let s = support::submitted(dir.path(), &format!("{code}.pdf"), code, name, "ja");
        std::fs::rename(&s.pdf, inbox.join(format!("{code}.pdf"))).unwrap();
    }
    let collected = dir.path().join("received.xlsx");
    ok(&db, &["collect", inbox.to_str().unwrap(), "--output", collected.to_str().unwrap(), "--lang", "ja"]);
    let book = dir.path().join("filled.xlsx");
    let submission = |at: &filled::At| filled::SubmissionFill {
        note: (at.supplier_code == "NEC-SUP-000002").then(|| "ご提出ありがとうございました。".into()),
        policies: vec![],
    };
    let answer = |at: &filled::At| {
        (at.supplier_code == "NEC-SUP-000001" && at.item == "VI-2")
            .then(|| ("記録を添付してください。".to_string(), filled::Due::Date(2027, 3, 31)))
    };
    filled::fill_in(
        &collected,
        &book,
        &filled::Filling { copies: 1, submission: &submission, answer: &answer, extra_answers: vec![] },
    );
    let out = dir.path().join("to-send");
    let said = ok(
        &db,
        &[
            "feedback-from-workbook",
            book.to_str().unwrap(),
            "--output-dir",
            out.to_str().unwrap(),
            "--author",
            "中村 健二",
        ],
    );
    assert!(said.contains("2 feedback file(s) written"), "{said}");
    assert!(
        said.contains("CSR-feedback_NEC-SUP-000001_2025年度.csrfeedback") && said.contains("1 request(s)"),
        "{said}"
    );
    let f = feedback::read(
        &std::fs::read(out.join("CSR-feedback_NEC-SUP-000002_2025年度.csrfeedback")).unwrap(),
        Catalog::get(),
    )
    .unwrap();
    assert_eq!(
        (f.language, f.author.organisation.as_str(), f.note.as_deref()),
        (Language::Ja, "日本電気株式会社", Some("ご提出ありがとうございました。"))
    );
    fails(&db, &["feedback-from-workbook", book.to_str().unwrap()], 2, "--output-dir DIR is missing");
    // Collect's own workbook, not filled in: nothing written, said plainly.
    let none = dir.path().join("none");
    let said = ok(&db, &["feedback-from-workbook", collected.to_str().unwrap(), "--output-dir", none.to_str().unwrap()]);
    assert!(said.contains("no feedback file was written"), "{said}");
}

#[test]
fn reminders_are_written_as_a_calendar_file() {
    let dir = tempfile::tempdir().unwrap();
    let s = support::submitted(dir.path(), "sub.pdf", "NEC-SUP-004711", "株式会社さくら精密工業", "ja");
    let db = dir.path().join("sub.pdf.sqlite3");
    drop(s.store);
    let ics = dir.path().join("reminders.ics");
    let said = ok(&db, &["reminders", &s.id.to_string(), "--output", ics.to_str().unwrap(), "--lang", "ja"]);
    assert!(said.starts_with(&format!("Wrote {}: ", ics.display())) && said.contains("reminder(s)"), "{said}");
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.contains("NEC向けCSRセルフアセスメントの次回実施"));
    fails(&db, &["reminders", &s.id.to_string(), "--output", "r.txt"], 1, "should end in .ics");
    fails(&db, &["reminders", &s.id.to_string()], 2, "--output FILE.ics is missing");
    fails(&db, &["reminders", "99", "--output", ics.to_str().unwrap()], 1, "Assessment 99 does not exist");
}
