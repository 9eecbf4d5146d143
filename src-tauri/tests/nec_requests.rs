//! NEC's feedback in the real app, in English and in Japanese: the supplier opens NEC's
//! feedback file through the import dialog; the list of NEC's requests opens with the count
//! in the header; each request shows on its item in NEC's words, labelled as NEC's, with its
//! due date; a reply typed there is saved through the save controller (and stored), and the
//! count goes down. A feedback file double-clicked while the app runs (a second launch with
//! the file, handed on by the single-instance guard) opens in the running window.

mod seed;
mod support;

use csr_core::feedback::{Author, Draft, Language, RequestDraft};
use csr_core::{usecase, Catalog, Store};
use support::{processes, serial, string, App};

/// NEC's feedback in `language`: two requests on item II-3 (one with a due date) and one on
/// a Part 2 policy.
fn draft(language: Language) -> Draft {
    let ja = language == Language::Ja;
    let t = |en: &str, ja_text: &str| if ja { ja_text.to_string() } else { en.to_string() };
    Draft {
        language,
        author: Author {
            name: Some(t("Kenji Nakamura", "中村 健二")),
            email: None,
            organisation: t("NEC Corporation", "日本電気株式会社"),
        },
        note: t("Thank you for your submission.", "ご提出ありがとうございました。"),
        requests: vec![
            RequestDraft {
                target: "II-3".into(),
                text: t(
                    "Please attach the age-check record for new hires.",
                    "新規採用者の年齢確認の記録を添付してください。",
                ),
                due: Some("2027-03-31".into()),
            },
            RequestDraft {
                target: "II-3".into(),
                text: t("Also say who checks it.", "確認の担当者も記載してください。"),
                due: None,
            },
            RequestDraft {
                target: "conflict-minerals".into(),
                text: t("Please send your CMRT.", "CMRTをご提出ください。"),
                due: None,
            },
        ],
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn nec_requests_in_english() {
    nec_requests("en").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn nec_requests_in_japanese() {
    nec_requests("ja").await;
}

/// A submitted assessment in `dir/db.sqlite3` and NEC's feedback on its PDF in `lang`: the
/// database, the assessment's id and the feedback file.
fn submitted_with_feedback(dir: &std::path::Path, lang: &str) -> (std::path::PathBuf, i64, std::path::PathBuf) {
    let db = dir.join("db.sqlite3");
    let id = seed::completed_assessment(&db, "2025年度");
    let pdf = dir.join("submission.pdf");
    {
        let mut store = Store::open(&db, Catalog::get()).unwrap();
        usecase::submit(&mut store, Catalog::get(), id, csr_core::lang::Lang::parse(lang).unwrap(), &pdf).unwrap();
    }
    let feedback = dir.join("from-nec.csrfeedback");
    usecase::feedback_on_pdf(&pdf, &draft(Language::parse(lang).unwrap()), &feedback, Catalog::get()).unwrap();
    (db, id, feedback)
}

/// Starts the app a second time with `file`, as a double click does, and waits (at most
/// 30 s) for it to hand the file to the running app and end.
async fn hand_on(dir: &std::path::Path, db: &std::path::Path, file: &std::path::Path) {
    let mut second = std::process::Command::new(support::APP)
        .arg(file)
        .env("CSR_ASSESS_DB", db)
        .env("XDG_DATA_HOME", dir.join("xdg/data"))
        .env("XDG_CONFIG_HOME", dir.join("xdg/config"))
        .env("XDG_CACHE_HOME", dir.join("xdg/cache"))
        .env(processes::RUN_VAR, processes::run_id())
        .env(processes::APP_VAR, processes::new_app_id())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while second.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = second.kill();
            let _ = second.wait();
            panic!("the second launch did not hand the file on and end within 30 s");
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_double_clicked_feedback_file_opens_in_the_running_window() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let (db, id, feedback) = submitted_with_feedback(dir.path(), "ja");
    let app = App::start_with_db(dir.path(), &db).await;
    app.goto("/assessments").await;
    app.click("button[data-lang='ja']").await;
    app.wait_for("html[lang='ja']").await;
    // The system starts the app again with the file; the guard hands it on, and it ends.
    hand_on(dir.path(), &db, &feedback).await;
    app.wait_for("[data-testid='requests-view']").await;
    assert_eq!(app.find_all("[data-testid='nec-request']").await.len(), 3);
    // Handed on again: refused as opened before, said in the window, nothing added.
    hand_on(dir.path(), &db, &feedback).await;
    let said = app.text("dialog[open]").await;
    assert!(said.contains(&string("ja", "error.feedback_already_opened.title")), "{said}");
    app.close().await;
    let store = Store::open(&db, Catalog::get()).unwrap();
    assert_eq!(store.record(id).unwrap().nec_requests.len(), 3);
}

async fn nec_requests(lang: &str) {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let (db, id, feedback) = submitted_with_feedback(dir.path(), lang);
    let language = Language::parse(lang).unwrap();

    let app = App::start_with_db(dir.path(), &db).await;
    app.goto("/assessments").await;
    app.click(&format!("button[data-lang='{lang}']")).await;
    app.wait_for(&format!("html[lang='{lang}']")).await;

    // Opened through the import dialog: the list of NEC's requests, the count in the header.
    app.answer_file_dialogs_with(&feedback).await;
    app.click("[data-action='import']").await;
    app.wait_for("[data-testid='requests-view']").await;
    assert_eq!(app.find_all("[data-testid='nec-request']").await.len(), 3);
    let header = app.text("[data-testid='header-requests']").await;
    assert_eq!(header, string(lang, "requests.header_open").replace("{n}", "3"));
    let note = app.text("[data-testid='nec-note']").await;
    assert!(note.contains(if lang == "en" { "Thank you" } else { "ご提出ありがとう" }), "{note}");
    app.screenshot(&format!("nec-requests-{lang}")).await;

    // On its item: NEC's words labelled as NEC's, in NEC's language, with the due date.
    app.goto(&format!("/a/{id}/item/II-3")).await;
    app.wait_for("[data-testid='nec-requests']").await;
    let card = "[data-testid='nec-request'][data-request-id='II-3#1']";
    let text = app.text(&format!("{card} [data-testid='nec-request-text']")).await;
    assert_eq!(text, draft(language).requests[0].text);
    let shown_lang = app.script(&format!("return document.querySelector(\"{card} blockquote\").lang"), vec![]).await;
    assert_eq!(shown_lang, lang);
    let whole = app.text(card).await;
    assert!(whole.contains(&string(lang, "requests.nec_text")), "labelled as NEC's text: {whole}");
    let due = app.text(&format!("{card} [data-testid='nec-request-due']")).await;
    let day = csr_core::lang::Lang::parse(lang).unwrap().date_text("2027-03-31");
    assert_eq!(due, string(lang, "requests.due").replace("{date}", &day));

    // The reply, saved as typed.
    let reply = if lang == "en" {
        "Attached: the age-check record (scan)."
    } else {
        "年齢確認の記録（写し）を添付しました。"
    };
    app.click(&format!("{card} input[data-field='status'][value='done']")).await;
    let field = format!("{card} textarea[data-field='reply']");
    if lang == "ja" {
        app.commit_text(&field, reply).await;
    } else {
        app.type_into(&field, reply).await;
    }
    app.wait_saved().await;
    let header = app.text("[data-testid='header-requests']").await;
    assert_eq!(header, string(lang, "requests.header_open").replace("{n}", "2"), "the count follows");
    app.screenshot(&format!("nec-request-reply-{lang}")).await;
    // The review says what is left to answer.
    app.goto(&format!("/a/{id}/review")).await;
    let left = app.text("[data-testid='review-requests'] h2").await;
    assert_eq!(left, string(lang, "review.requests_open").replace("{n}", "2"));
    app.close().await;

    let store = Store::open(&db, Catalog::get()).unwrap();
    let kept = store.record(id).unwrap().nec_requests.into_iter().find(|r| r.id == "II-3#1").unwrap();
    assert_eq!((kept.status.as_str(), kept.reply.as_str()), ("done", reply));
}

/// NEC's staff screen: a submission that answers one of NEC's three requests shows the
/// counts, and the two open ones are listed with the supplier, in English and Japanese.
#[tokio::test(flavor = "multi_thread")]
async fn the_staff_screen_counts_answered_requests_and_lists_the_open_ones() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let (db, id, feedback) = submitted_with_feedback(dir.path(), "ja");
    let received = dir.path().join("received");
    std::fs::create_dir_all(&received).unwrap();
    {
        // The supplier opens the feedback, answers one request and submits again.
        let mut store = Store::open(&db, Catalog::get()).unwrap();
        let bytes = std::fs::read(&feedback).unwrap();
        usecase::open_feedback(&mut store, Catalog::get(), bytes.as_slice(), &feedback).unwrap();
        let r = store.record(id).unwrap().nec_requests.into_iter().find(|r| r.id == "II-3#1").unwrap();
        let reply = csr_core::model::Reply {
            status: csr_core::model::RequestStatus::Done,
            reply: "添付しました。".into(),
            reason: String::new(),
            revision: r.revision,
        };
        usecase::reply_to_request(&mut store, Catalog::get(), id, &r.submission_sha256, &r.id, &reply).unwrap();
        let ja = csr_core::lang::Lang::parse("ja").unwrap();
        usecase::submit(&mut store, Catalog::get(), id, ja, &received.join("answered.pdf")).unwrap();
    }
    let staff = dir.path().join("staff");
    std::fs::create_dir_all(&staff).unwrap();
    let app = App::start(&staff).await;
    app.goto("/collect").await;
    for lang in ["en", "ja"] {
        app.click(&format!("button[data-lang='{lang}']")).await;
        app.wait_for(&format!("html[lang='{lang}']")).await;
        app.wait_path("/collect").await;
        app.answer_file_dialogs_with(&received).await;
        app.click("[data-action='choose-folder']").await;
        app.wait_for("[data-testid='collect-folder']:not([hidden])").await;
        app.answer_file_dialogs_with(&dir.path().join(format!("book-{lang}.xlsx"))).await;
        app.click("[data-action='collect']").await;
        app.wait_for("[data-testid='collect-result']:not([hidden])").await;
        let counts = app.text("[data-testid='collect-requests']").await;
        let expected = string(lang, "collect.requests_counts").replace("{answered}", "1").replace("{open}", "2");
        assert_eq!(counts, expected);
        let open = app.find_all("[data-testid='collect-unanswered'] li").await;
        assert_eq!(open.len(), 2, "{lang}");
        let listed = app.text("[data-testid='collect-unanswered']").await;
        assert!(
            listed.contains("II-3#2") && listed.contains("conflict-minerals#1") && !listed.contains("II-3#1"),
            "{listed}"
        );
        assert!(listed.contains("CMRTをご提出ください。"), "NEC's text: {listed}");
        app.screenshot(&format!("staff-requests-{lang}")).await;
    }
    app.close().await;
}

/// A feedback file double-clicked while the app is closed: the app starts with the file and
/// shows its requests first.
#[tokio::test(flavor = "multi_thread")]
async fn the_app_started_by_a_double_click_on_a_feedback_file_shows_its_requests() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let (db, id, feedback) = submitted_with_feedback(dir.path(), "en");
    let app = App::start_with_args(dir.path(), &db, &[feedback.to_str().unwrap()]).await;
    app.wait_for("[data-testid='requests-view']").await;
    assert_eq!(app.find_all("[data-testid='nec-request']").await.len(), 3);
    app.wait_path(&format!("/a/{id}/requests")).await;
    app.close().await;
    let store = Store::open(&db, Catalog::get()).unwrap();
    assert_eq!(store.record(id).unwrap().nec_requests.len(), 3);
}
