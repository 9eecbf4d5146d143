//! Submitting and previews, through the core's use cases: a submission says submitted with
//! its date in its text and its data; a preview says "not submitted" on every page, lists
//! what is missing and never changes the status; submitting is refused when not ready and
//! changes nothing when the file cannot be written. Set CSR_PDF_OUT=DIR to keep the PDFs.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use csr_core::model::{Rating, Status};
use csr_core::{pdf, usecase, Catalog, Error, Store};
use serde_json::Value;

fn out(dir: &Path, name: &str) -> PathBuf {
    let dir = std::env::var_os("CSR_PDF_OUT").map(PathBuf::from).unwrap_or_else(|| dir.to_path_buf());
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(format!("{name}.pdf"))
}

/// The text of each page, as pdftotext gives it (layout kept).
fn pages(path: &Path) -> Vec<String> {
    let o = Command::new("pdftotext").args(["-layout", "-enc", "UTF-8"]).arg(path).arg("-").output().unwrap();
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(String::from).collect();
    pages.pop();
    pages
}

fn attached(path: &Path) -> Value {
    serde_json::from_str(&pdf::extract(&std::fs::read(path).unwrap()).unwrap()).unwrap()
}

/// An assessment missing two answers and the declaration's confirmation.
fn incomplete(store: &mut Store) -> i64 {
    let id = fully_answered(store);
    for item in ["I-2", "III-4"] {
        store.save_answer(id, &csr_core::model::Answer::new(item)).unwrap();
    }
    let mut d = declaration();
    d.confirmed = false;
    store.save_declaration(id, &d).unwrap();
    id
}

fn en_date(t: &str) -> String {
    let t = csr_core::clock::at_offset(t, csr_core::clock::local_offset()).unwrap();
    format!("{} {} {}", t.day(), t.month(), t.year())
}

#[test]
fn a_submitted_assessments_pdf_says_submitted_with_its_date_in_its_text_and_its_data() {
    if !poppler("a_submitted_assessments_pdf_says_submitted_with_its_date_in_its_text_and_its_data") {
        return;
    }
    let (dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let path = out(dir.path(), "submission-en");
    let written = usecase::submit(&mut store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap(), &path).unwrap();
    let a = store.assessment(id).unwrap();
    assert_eq!(a.status, Status::Submitted);
    let at = a.submitted_at.clone().expect("the time of the submission is kept");
    assert!(!written.preview);
    assert_eq!(written.submitted_at.as_deref(), Some(at.as_str()));

    let pages = pages(&path);
    let cover = &pages[0];
    assert!(cover.contains("Submitted on"), "{cover}");
    assert!(cover.contains(&en_date(&at)), "the cover gives the date {}: {cover}", en_date(&at));
    assert!(pages.iter().all(|p| !p.contains("DRAFT") && !p.contains("not submitted")), "no page says draft");
    let json = attached(&path);
    assert_eq!(json["assessment"]["status"], "submitted");
    assert_eq!(json["assessment"]["submitted_at"], at.as_str());
    assert_eq!(json["exported_at"], at.as_str(), "the data is dated by its submission");

    // The same in Japanese.
    let ja = out(dir.path(), "submission-ja");
    let again = usecase::preview_pdf(&store, Catalog::get(), id, csr_core::lang::Lang::parse("ja").unwrap(), &ja).unwrap();
    assert!(!again.preview, "a submitted assessment's PDF is its submission");
    let cover = &self::pages(&ja)[0];
    assert!(cover.contains("提出日"), "{cover}");
    let t = csr_core::clock::at_offset(&at, csr_core::clock::local_offset()).unwrap();
    assert!(cover.contains(&format!("{}年{}月{}日", t.year(), u8::from(t.month()), t.day())), "{cover}");
    assert!(!cover.contains("下書き"), "{cover}");
}

#[test]
fn a_copy_of_a_submission_carries_the_same_data() {
    let (dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let first = usecase::submit(&mut store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap(), &out(dir.path(), "first")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let copy = usecase::preview_pdf(&store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap(), &out(dir.path(), "copy")).unwrap();
    assert_eq!(copy.sha256, first.sha256, "the same attached data, byte for byte");
    assert_eq!(attached(&first.path), attached(&copy.path));
    assert_eq!(store.assessment(id).unwrap().status, Status::Submitted);
}

#[test]
fn a_preview_says_not_submitted_on_every_page_lists_what_is_missing_and_keeps_the_status() {
    if !poppler("a_preview_says_not_submitted_on_every_page_lists_what_is_missing_and_keeps_the_status") {
        return;
    }
    let (dir, mut store) = temp_store();
    let id = incomplete(&mut store);
    let before = store.assessment(id).unwrap();
    for (lang, banner, missing) in
        [("en", "DRAFT — not submitted", "Not answered: I-2, III-4"), ("ja", "下書き（未提出）", "未回答：I-2、III-4")]
    {
        let path = out(dir.path(), &format!("preview-{lang}"));
        let written = usecase::preview_pdf(&store, Catalog::get(), id, csr_core::lang::Lang::parse(lang).unwrap(), &path).unwrap();
        assert!(written.preview);
        let pages = pages(&path);
        for (n, page) in pages.iter().enumerate() {
            assert!(page.contains(banner), "page {} of the {lang} preview says {banner}: {page}", n + 1);
        }
        assert!(pages[0].contains(missing), "the first page lists what is missing: {}", pages[0]);
        let json = attached(&path);
        assert_eq!(json["assessment"]["status"], "draft");
        assert!(json["assessment"]["submitted_at"].is_null());
    }
    assert_eq!(store.assessment(id).unwrap(), before, "a preview changes nothing");
}

#[test]
fn a_preview_lists_a_mark_for_review_apart_from_what_is_missing() {
    if !poppler("a_preview_lists_a_mark_for_review_apart_from_what_is_missing") {
        return;
    }
    let (dir, mut store) = temp_store();
    let id = incomplete(&mut store);
    let mut marked = store.record(id).unwrap().answers.into_iter().find(|a| a.item_id == "II-3").unwrap();
    marked.marked_for_review = true;
    store.save_answer(id, &marked).unwrap();
    for (lang, missing, to_look_at, review) in [
        ("en", "Still missing:", "Worth a look before submitting", "Marked for review:"),
        ("ja", "まだ不足している点：", "提出の前に確認するとよい点", "見直し予定："),
    ] {
        let path = out(dir.path(), &format!("preview-review-{lang}"));
        usecase::preview_pdf(&store, Catalog::get(), id, csr_core::lang::Lang::parse(lang).unwrap(), &path).unwrap();
        // Without -layout: the box's lines in reading order.
        let o = Command::new("pdftotext").args(["-enc", "UTF-8", "-l", "1"]).arg(&path).arg("-").output().unwrap();
        let first = String::from_utf8(o.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join("");
        let at = |s: &str| first.find(&s.split_whitespace().collect::<String>()).unwrap_or_else(|| panic!("{lang}: {s} in {first}"));
        assert!(at(missing) < at(to_look_at), "{lang}: the blocking points come first");
        assert!(at(review) > at(to_look_at), "{lang}: the mark for review is not among what is missing: {first}");
        assert!(first[at(review)..].contains("II-3"), "{lang}: the item just marked is listed: {first}");
    }
}

#[test]
fn a_complete_assessment_not_yet_submitted_gives_a_preview_too() {
    if !poppler("a_complete_assessment_not_yet_submitted_gives_a_preview_too") {
        return;
    }
    let (dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let path = out(dir.path(), "preview-ready");
    assert!(usecase::preview_pdf(&store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap(), &path).unwrap().preview);
    let cover = &pages(&path)[0];
    assert!(cover.contains("DRAFT — not submitted") && cover.contains("has not been submitted"), "{cover}");
    assert_eq!(store.assessment(id).unwrap().status, Status::Draft);
}

#[test]
fn submitting_an_assessment_that_is_not_ready_is_refused_and_writes_nothing() {
    let (dir, mut store) = temp_store();
    let id = incomplete(&mut store);
    let path = dir.path().join("refused.pdf");
    match usecase::submit(&mut store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap(), &path) {
        Err(Error::NotReady { findings }) => {
            let kinds: Vec<String> = findings.iter().map(|f| serde_json::to_value(f).unwrap()["kind"].to_string()).collect();
            assert!(kinds.iter().any(|k| k.contains("unanswered")), "{kinds:?}");
            assert!(kinds.iter().any(|k| k.contains("declaration")), "{kinds:?}");
        }
        other => panic!("expected NotReady, got {other:?}"),
    }
    assert!(!path.exists(), "no file");
    let a = store.assessment(id).unwrap();
    assert_eq!((a.status, a.submitted_at), (Status::Draft, None));
}

#[test]
fn when_the_pdf_cannot_be_written_the_status_is_not_changed() {
    let (dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let path = dir.path().join("no such folder").join("submission.pdf");
    let e = usecase::submit(&mut store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap(), &path).unwrap_err();
    assert_eq!(e.kind(), "io", "{e}");
    let a = store.assessment(id).unwrap();
    assert_eq!((a.status, a.submitted_at), (Status::Draft, None));
}

#[test]
fn only_submitting_marks_an_assessment_submitted_and_any_change_reverts_it() {
    if !poppler("only_submitting_marks_an_assessment_submitted_and_any_change_reverts_it") {
        return;
    }
    let (dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    assert_eq!(store.set_status(id, Status::Submitted).unwrap_err().kind(), "invalid");
    assert_eq!(store.assessment(id).unwrap().status, Status::Draft);
    usecase::submit(&mut store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap(), &dir.path().join("s.pdf")).unwrap();
    let mut answer = store.record(id).unwrap().answers[0].clone();
    answer.rating = Some(Rating::Partly);
    let saved = usecase::save_answer(&mut store, Catalog::get(), id, &answer).unwrap();
    assert_eq!(saved.receipt.reverted_from, Some(Status::Submitted));
    assert_eq!(saved.evaluation, usecase::evaluate(&store, Catalog::get(), id).unwrap(), "the new score comes along");
    let path = dir.path().join("after.pdf");
    assert!(usecase::preview_pdf(&store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap(), &path).unwrap().preview);
    assert!(pages(&path)[0].contains("DRAFT — not submitted"));
}

#[test]
fn what_nec_reads_policies_that_do_not_apply_the_nec_contact_and_no_review_marks_on_a_submission() {
    if !poppler("what_nec_reads_policies_that_do_not_apply_the_nec_contact_and_no_review_marks_on_a_submission") {
        return;
    }
    let (dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let company = store.assessment(id).unwrap().company_id;
    let mut profile = japanese_profile();
    profile.does_construction = false;
    store.save_company(company, &profile, None).unwrap();
    assert!(store.record(id).unwrap().answers.iter().any(|a| a.marked_for_review), "the fixture marks some");
    let path = out(dir.path(), "nec-reads-en");
    usecase::submit(&mut store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap(), &path).unwrap();
    let text = pages(&path).join("\n");
    assert!(pages(&path)[0].contains("nakamura@nec.example"), "the NEC contact is on the cover");
    assert!(text.contains("Does not apply to us") && text.contains("we do no construction work"), "{text}");
    assert!(!text.contains("Marked for review"), "the supplier's own reminders are not NEC's open points");
    let ja = out(dir.path(), "nec-reads-ja");
    usecase::preview_pdf(&store, Catalog::get(), id, csr_core::lang::Lang::parse("ja").unwrap(), &ja).unwrap();
    let text = pages(&ja).join("\n");
    assert!(text.contains("対象外"), "{text}");
    assert!(text.contains("2026年4月15日"), "Japanese dates: {text}");
}

#[test]
fn times_are_printed_in_the_suppliers_local_time_with_the_offset() {
    if !poppler("times_are_printed_in_the_suppliers_local_time_with_the_offset") {
        return;
    }
    let (_dir, mut store) = temp_store();
    let id = fully_answered(&mut store);
    let mut record = store.record(id).unwrap();
    record.assessment.status = Status::Submitted;
    record.assessment.submitted_at = Some("2026-11-27T05:30:00Z".into());
    let offset = time::UtcOffset::from_hms(9, 0, 0).unwrap();
    let now = time::OffsetDateTime::now_utc();
    let dir = tempfile::tempdir().unwrap();
    for (lang, expected) in [("en", "27 November 2026, 14:30 (UTC+09:00)"), ("ja", "2026年11月27日 14:30（UTC+09:00）")] {
        let rendered = pdf::render_at(&record, Catalog::get(), csr_core::lang::Lang::parse(lang).unwrap(), None, now, offset).unwrap();
        let path = dir.path().join(format!("{lang}.pdf"));
        std::fs::write(&path, &rendered.pdf).unwrap();
        let cover = &pages(&path)[0];
        assert!(cover.contains(expected), "{cover}");
    }
}
