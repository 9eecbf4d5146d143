//! From a filled-in workbook to feedback files: real submission PDFs are collected into the
//! workbook `collect` writes (English and Japanese), NEC's staff columns are added and filled
//! in as the contract says, and `feedback-from-workbook` writes one file per supplier with a
//! note or a request, naming each submission by its printed fingerprint. A row naming an item
//! that does not exist, a due date that is no date, a draft, or a file the workbook does not
//! list is refused with its sheet and row, and nothing is written.

mod common;
#[path = "support/filled_workbook.rs"]
mod filled;

use std::path::{Path, PathBuf};

use calamine::{Reader, Xlsx};
use csr_core::feedback::workbook::columns;
use csr_core::lang::Lang;
use csr_core::feedback::{self, Author, Language};
use csr_core::model::{Assessment, AssessmentRecord, CompanyProfile, Status};
use csr_core::{pdf, usecase, Catalog};
use filled::{At, Due, Filling, SubmissionFill};

fn record(code: &str, name: &str, status: Status) -> AssessmentRecord {
    let submitted = "2026-06-10T09:00:00Z";
    AssessmentRecord {
        company: CompanyProfile { supplier_code: code.into(), legal_name: name.into(), ..common::japanese_profile() },
        assessment: Assessment {
            id: 0,
            company_id: 0,
            period: "FY2025".into(),
            status,
            catalog_version: Catalog::get().version().into(),
            created_at: "2026-04-01T09:00:00Z".into(),
            updated_at: submitted.into(),
            submitted_at: (status == Status::Submitted).then(|| submitted.into()),
            carried_from: None,
            position: None,
            declaration: common::declaration(),
        },
        answers: common::full_answers(),
        part2: common::full_part2(),
        nec_requests: Vec::new(),
    }
}

struct Collected {
    dir: tempfile::TempDir,
    book: PathBuf,
    /// The fingerprint of each supplier's submission, by supplier code.
    sha: Vec<(String, String)>,
}

/// Three submissions and a draft, collected into a workbook in `lang`.
fn collected(lang: &str) -> Collected {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let mut sha = Vec::new();
    for (code, name, status) in [
        ("NEC-SUP-000001", "株式会社あおば電子", Status::Submitted),
        ("NEC-SUP-000002", "さくら精密工業株式会社", Status::Submitted),
        ("NEC-SUP-000003", "Cedar Works Ltd.", Status::Submitted),
        ("NEC-SUP-000004", "北斗化成株式会社", Status::Draft),
    ] {
        let rendered = pdf::render(&record(code, name, status), Catalog::get(), csr_core::lang::Lang::parse(lang).unwrap()).unwrap();
        std::fs::write(inbox.join(format!("{code}.pdf")), &rendered.pdf).unwrap();
        sha.push((code.to_string(), rendered.sha256));
    }
    let book = dir.path().join("received.xlsx");
    usecase::collect_to(&[inbox], &[], 2, Catalog::get(), csr_core::lang::Lang::parse(lang).unwrap(), &book, &|_| {}).unwrap();
    Collected { dir, book, sha }
}

/// A request and its due date on an Answers row.
type AnswerFill = Option<(String, Due)>;

fn no_answers(_: &At) -> AnswerFill {
    None
}

fn no_submissions(_: &At) -> SubmissionFill {
    SubmissionFill::default()
}

/// What staff write: supplier 1 a note, a request on a policy and two on items; supplier 2
/// one request on an item; supplier 3 and the draft nothing.
fn staff(ja: bool) -> (impl Fn(&At) -> SubmissionFill, impl Fn(&At) -> AnswerFill) {
    let submission = move |at: &At| match at.supplier_code {
        "NEC-SUP-000001" => SubmissionFill {
            note: Some(if ja { "ご提出ありがとうございました。" } else { "Thank you for your submission." }.into()),
            policies: vec![(
                "conflict-minerals".into(),
                if ja { "CMRTをご提出ください。" } else { "Please send your CMRT." }.into(),
                Due::Date(2027, 2, 28),
            )],
        },
        _ => SubmissionFill::default(),
    };
    let answer = move |at: &At| match (at.supplier_code, at.item) {
        ("NEC-SUP-000001", "II-3") => Some((
            if ja {
                "年齢確認の記録を添付してください。"
            } else {
                "Please attach the age-check record."
            }
            .into(),
            Due::Date(2027, 3, 31),
        )),
        ("NEC-SUP-000001", "III-1") => {
            Some(("Please name the person in charge.\r\nThank you.".into(), Due::Text("2027/4/1".into())))
        }
        ("NEC-SUP-000002", "VI-1") => Some(("Please describe the check.".into(), Due::None)),
        _ => None,
    };
    (submission, answer)
}

fn author() -> Author {
    Author {
        name: Some("中村 健二".into()), email: Some("k-nakamura@nec.example".into()), organisation: String::new()
    }
}

fn fill(c: &Collected, filling: &Filling) -> PathBuf {
    let out = c.dir.path().join("filled.xlsx");
    filled::fill_in(&c.book, &out, filling);
    out
}

#[test]
fn each_supplier_with_a_note_or_a_request_gets_one_file_naming_its_submission() {
    for lang in ["en", "ja"] {
        let c = collected(lang);
        let (submission, answer) = staff(lang == "ja");
        let book = fill(&c, &Filling { copies: 1, submission: &submission, answer: &answer, extra_answers: vec![] });
        let out = c.dir.path().join("feedback");
        let written = usecase::feedback_from_workbook(&book, &out, &author(), None, Catalog::get()).unwrap();
        assert_eq!(written.len(), 2, "{lang}: suppliers 1 and 2 only");
        let mut files: Vec<String> =
            std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        files.sort();
        assert_eq!(
            files,
            ["CSR-feedback_NEC-SUP-000001_FY2025.csrfeedback", "CSR-feedback_NEC-SUP-000002_FY2025.csrfeedback"]
        );
        let read = |code: &str| {
            let f = feedback::read(
                &std::fs::read(out.join(format!("CSR-feedback_{code}_FY2025.csrfeedback"))).unwrap(),
                Catalog::get(),
            )
            .unwrap();
            let sha = &c.sha.iter().find(|(c, _)| c == code).unwrap().1;
            assert_eq!(&f.submission.sha256, sha, "named by the fingerprint printed on its PDF");
            assert_eq!(f.submission.submitted_at, "2026-06-10T09:00:00Z");
            assert_eq!(f.language, if lang == "ja" { Language::Ja } else { Language::En }, "the workbook's language");
            f
        };
        let one = read("NEC-SUP-000001");
        assert_eq!(one.submission.legal_name, "株式会社あおば電子");
        assert_eq!(one.author.organisation, if lang == "ja" { "日本電気株式会社" } else { "NEC Corporation" });
        assert_eq!(one.author.name.as_deref(), Some("中村 健二"));
        assert!(one.note.is_some());
        let got: Vec<(&str, Option<&str>, &str, Option<&str>)> = one
            .requests
            .iter()
            .map(|r| (r.id.as_str(), r.due.as_deref(), r.text.as_str(), r.policy.as_deref()))
            .collect();
        assert_eq!(got[0].0, "II-3#1");
        assert_eq!(got[0].1, Some("2027-03-31"), "a date cell");
        assert_eq!(
            (got[1].0, got[1].1, got[1].2),
            ("III-1#1", Some("2027-04-01"), "Please name the person in charge.\nThank you."),
            "a text date; CRLF as LF"
        );
        assert_eq!(
            (got[2].0, got[2].1, got[2].3),
            ("conflict-minerals#1", Some("2027-02-28"), Some("conflict-minerals"))
        );
        let two = read("NEC-SUP-000002");
        assert_eq!((two.note.as_deref(), two.requests.len(), two.requests[0].due.as_deref()), (None, 1, None));
        // The language can be given.
        let en = usecase::feedback_from_workbook(
            &book,
            &c.dir.path().join("en"),
            &author(),
            Some(Language::En),
            Catalog::get(),
        )
        .unwrap();
        let f = feedback::read(&std::fs::read(&en[0].path).unwrap(), Catalog::get()).unwrap();
        assert_eq!(f.language, Language::En);
    }
}

#[test]
fn collects_workbook_has_every_heading_the_reader_relies_on() {
    for lang in ["en", "ja"] {
        let c = collected(lang);
        let mut book: Xlsx<_> = calamine::open_workbook(&c.book).unwrap();
        let w = columns::collected_in(Lang::parse(lang).unwrap());
        for (sheet, needed) in [
            (
                w.sheet_submissions,
                vec![w.supplier_code, w.legal_name, w.period, w.status, w.exported_at, w.file, w.sha256],
            ),
            (w.sheet_answers, vec![w.supplier_code, w.period, w.item, w.file]),
        ] {
            let range = book.worksheet_range(sheet).unwrap_or_else(|e| panic!("{lang}: sheet {sheet}: {e}"));
            let heads: Vec<String> = range.rows().next().unwrap().iter().map(|d| d.to_string()).collect();
            for h in needed {
                assert!(heads.iter().any(|x| x == h), "{lang}: {sheet} has the column {h}: {heads:?}");
            }
            if sheet == w.sheet_submissions {
                let status = heads.iter().position(|x| x == w.status).unwrap();
                let values: Vec<String> = range.rows().skip(1).map(|r| r[status].to_string()).collect();
                assert!(
                    values.iter().any(|v| v == w.status_submitted),
                    "{lang}: the status of a submission reads {}",
                    w.status_submitted
                );
            }
        }
        // Collect's workbook has the feedback columns, empty: nothing to write yet.
        let written =
            usecase::feedback_from_workbook(&c.book, &c.dir.path().join("out"), &author(), None, Catalog::get()).unwrap();
        assert!(written.is_empty(), "{lang}: no feedback from an unfilled workbook: {written:?}");
    }
}

/// The Answers sheet's row count (with its heading), to name the row staff added.
fn answer_rows(book: &Path, lang: &str) -> usize {
    let mut b: Xlsx<_> = calamine::open_workbook(book).unwrap();
    let w = columns::collected_in(Lang::parse(lang).unwrap());
    b.worksheet_range(w.sheet_answers).unwrap().height()
}

#[test]
fn bad_rows_are_refused_with_their_sheet_and_row_and_nothing_is_written() {
    let c = collected("ja");
    let (submission, answer) = staff(true);
    let out = c.dir.path().join("feedback");
    let check = |name: &str, book: &Path, expect: &[&str]| {
        let e = usecase::feedback_from_workbook(book, &out, &author(), None, Catalog::get()).unwrap_err();
        assert_eq!(e.kind(), "feedback_workbook", "{name}: {e}");
        let m = e.to_string();
        for x in expect {
            assert!(m.contains(x), "{name}: “{x}” in: {m}");
        }
        assert!(m.contains("No feedback file was written"), "{name}: {m}");
        assert!(!out.exists(), "{name}: nothing was written");
    };
    let extra = |item: &str, file: &str| {
        vec![["NEC-SUP-000001".to_string(), "FY2025".into(), item.into(), file.into(), "Please explain.".into()]]
    };
    // A row staff added by hand for an item that does not exist, on supplier 1's submission.
    let file = c.dir.path().join("inbox").join("NEC-SUP-000001.pdf").display().to_string();
    let book = fill(
        &c,
        &Filling { copies: 1, submission: &submission, answer: &answer, extra_answers: extra("VIII-9", &file) },
    );
    let last = answer_rows(&book, "ja");
    check("an unknown item", &book, &["sheet “回答”", &format!("row {last}"), "“VIII-9” is not an action item"]);
    // A row for a file the Submissions sheet does not list.
    let book = fill(
        &c,
        &Filling { copies: 1, submission: &submission, answer: &answer, extra_answers: extra("II-4", "elsewhere.pdf") },
    );
    check(
        "an unknown file",
        &book,
        &["sheet “回答”", &format!("row {last}"), "“elsewhere.pdf” is not listed on sheet “提出一覧”"],
    );
    // Due dates that are not dates.
    for (due, says) in [
        (Due::Text("3月末".into()), "“3月末” is not a date"),
        (Due::Number(46000.0), "the number 46000"),
        (Due::Text("2027-02-30".into()), "not a calendar date"),
    ] {
        let d = due.clone();
        let answer = move |at: &At| {
            (at.supplier_code == "NEC-SUP-000002" && at.item == "I-2").then(|| ("x".to_string(), d.clone()))
        };
        let book =
            fill(&c, &Filling { copies: 1, submission: &no_submissions, answer: &answer, extra_answers: vec![] });
        check(says, &book, &["sheet “回答”", says]);
    }
    // A due date without a request.
    let answer = |at: &At| (at.item == "I-2").then(|| (String::new(), Due::Date(2027, 1, 1)));
    let book = fill(&c, &Filling { copies: 1, submission: &no_submissions, answer: &answer, extra_answers: vec![] });
    check("a due date alone", &book, &["sheet “回答”", "a due date without a request"]);
    // Feedback on a draft.
    let draft = |at: &At| SubmissionFill {
        note: (at.supplier_code == "NEC-SUP-000004").then(|| "ご確認ください。".into()),
        policies: vec![],
    };
    let book = fill(&c, &Filling { copies: 1, submission: &draft, answer: &no_answers, extra_answers: vec![] });
    check("a draft", &book, &["sheet “提出一覧”", "“下書き”", "feedback answers a submitted assessment"]);
}

#[test]
fn a_workbook_that_is_none_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.xlsx");
    std::fs::write(&path, "not a workbook").unwrap();
    let e = usecase::feedback_from_workbook(&path, &dir.path().join("o"), &author(), None, Catalog::get()).unwrap_err();
    assert_eq!(e.kind(), "feedback_workbook");
    assert!(e.to_string().contains("not an Excel workbook"), "{e}");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("Sheet1").unwrap();
    book.save(&path).unwrap();
    let e = usecase::feedback_from_workbook(&path, &dir.path().join("o"), &author(), None, Catalog::get()).unwrap_err();
    assert!(e.to_string().contains("no sheets “Submissions” and “Answers”"), "{e}");
}
