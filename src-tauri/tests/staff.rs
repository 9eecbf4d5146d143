//! The staff screen, as NEC's procurement staff use it, in English and Japanese: a folder of
//! received PDFs (a good submission, a cut-off copy, a file that is no PDF) and last year's
//! folder chosen in the dialogs, one workbook written, the count of files read as it works,
//! the counts and each failed file's reason shown.

mod seed;
mod support;

use csr_core::{usecase, Catalog, Store};
use support::{serial, string, template_pieces, App};

#[tokio::test(flavor = "multi_thread")]
async fn a_folder_of_received_pdfs_becomes_one_workbook_in_both_languages() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    // What a buyer received: one good submission, a copy cut off in transit, a stray file.
    let received = dir.path().join("受信 2026");
    std::fs::create_dir_all(&received).unwrap();
    let supplier_db = dir.path().join("supplier.sqlite3");
    let id = seed::completed_assessment(&supplier_db, "2026年度");
    let good = received.join("さくら精密.pdf");
    usecase::submit(&mut Store::open(&supplier_db, Catalog::get()).unwrap(), Catalog::get(), id, csr_core::lang::Lang::parse("ja").unwrap(), &good).unwrap();
    let bytes = std::fs::read(&good).unwrap();
    // Last year's submission of the same supplier, to compare with.
    let last_year = dir.path().join("受信 2025");
    std::fs::create_dir_all(&last_year).unwrap();
    let before = seed::completed_assessment(&supplier_db, "2025年度");
    usecase::submit(&mut Store::open(&supplier_db, Catalog::get()).unwrap(), Catalog::get(), before, csr_core::lang::Lang::parse("ja").unwrap(), &last_year.join("前年度.pdf")).unwrap();
    std::fs::write(received.join("cut.pdf"), &bytes[..bytes.len() / 3]).unwrap();
    std::fs::write(received.join("notes.pdf"), "not a PDF").unwrap();

    let app = App::start(dir.path()).await;
    app.goto("/assessments").await;
    app.click("[data-testid='collect-link']").await;
    app.wait_path("/collect").await;
    for lang in ["en", "ja"] {
        if lang == "ja" {
            app.click("button[data-lang='ja']").await;
            app.wait_for("html[lang='ja']").await;
            app.wait_path("/collect").await;
        }
        assert_eq!(app.text(".collect h1").await, string(lang, "collect.title"));
        assert!(app.find("[data-action='collect']").await.attr("disabled").await.unwrap().is_some(), "no folder yet");
        app.answer_file_dialogs_with(&received).await;
        app.click("[data-action='choose-folder']").await;
        app.wait_for("[data-testid='collect-folder']:not([hidden])").await;
        assert!(app.text("[data-testid='collect-folder']").await.contains("受信 2026"));
        app.answer_file_dialogs_with(&last_year).await;
        app.click("[data-action='choose-previous']").await;
        app.wait_for("[data-testid='collect-previous']:not([hidden])").await;
        assert!(app.text("[data-testid='collect-previous']").await.contains("受信 2025"));
        let workbook = dir.path().join(format!("submissions-{lang}.xlsx"));
        app.answer_file_dialogs_with(&workbook).await;
        app.click("[data-action='collect']").await;
        app.wait_for("[data-testid='collect-result']:not([hidden])").await;
        let counts = app.text("[data-testid='collect-counts']").await;
        for piece in template_pieces(&string(lang, "collect.counts")) {
            assert!(counts.contains(&piece), "{piece:?} in {counts}");
        }
        let numbers: Vec<&str> = counts.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
        assert_eq!(numbers, ["3", "1", "0", "0", "2"], "3 files read, 1 kept, 0 older, 0 to look at, 2 failed: {counts}");
        // The count of files read, this year's and last year's, as the shell reported it.
        let read = app.text("[data-testid='collect-busy']").await;
        for piece in template_pieces(&string(lang, "collect.progress")) {
            assert!(read.contains(&piece), "{piece:?} in {read}");
        }
        let numbers: Vec<&str> = read.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).collect();
        assert_eq!(numbers, ["4", "4"], "all 4 files read: {read}");
        let failures = app.text("[data-testid='collect-failures']").await;
        assert!(failures.contains("cut.pdf") && failures.contains("notes.pdf"), "{failures}");
        let reason = csr_core::collect::Problem::NotSubmission.label(csr_core::lang::Lang::parse(lang).unwrap());
        assert!(failures.contains(reason), "the reason in {lang}: {failures}");
        let written = std::fs::read(&workbook).unwrap();
        assert!(written.starts_with(b"PK"), "an Excel workbook (a zip) was written");
        app.screenshot(&format!("staff-{lang}")).await;
    }
    app.close().await;
}
