//! The e-mail to NEC in the real app, in English and in Japanese: after a submission the
//! panel shows the core's e-mail in full (addressee with one honorific, greeting, request,
//! closing, signature) and opens it in the mail program; where no mail program opens, it
//! says so in the user's language and every part stays there to copy; a preview offers none.

mod seed;
mod support;

use csr_core::lang::Lang;
use csr_core::Store;
use support::{serial, string, template_pieces, App};

/// A submitted-ready assessment (last year's, complete and signed); returns its id.
fn ready(db: &std::path::Path) -> i64 {
    seed::completed_assessment(db, "2026年度")
}

/// Waits until the panel has drawn the core's e-mail `times` times (after each save).
async fn drawn(app: &App, times: u64) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let n = app.script("return Number(document.querySelector('.email-panel')?.dataset.drawn ?? 0)", vec![]).await;
        if n.as_u64().unwrap_or(0) >= times {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "the e-mail was not drawn {times} times");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Waits until the panel shows `expected` as the e-mail's part `part` (it redraws after each save).
async fn shows(app: &App, name: &str, expected: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let shown = part(app, name).await;
        if shown == expected {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "the e-mail's {name} is\n{shown}\nnot\n{expected}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// The part `part` of the e-mail as the panel shows it.
async fn part(app: &App, part: &str) -> String {
    app.script("return document.querySelector(`[data-part='${arguments[0]}']`).textContent", vec![part.into()])
        .await
        .as_str()
        .unwrap()
        .to_string()
}

async fn submit(app: &App, lang: &str, id: i64, pdf: &std::path::Path) {
    app.goto("/assessments").await;
    app.click(&format!("button[data-lang='{lang}']")).await;
    app.wait_for(&format!("html[lang='{lang}']")).await;
    app.goto(&format!("/a/{id}/submit")).await;
    app.answer_file_dialogs_with(pdf).await;
    app.click("[data-action='create-pdf']").await;
    app.wait_for("[data-testid='pdf-result']:not([hidden])").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_submission_e_mail_in_english() {
    submission_e_mail("en").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_submission_e_mail_in_japanese() {
    submission_e_mail("ja").await;
}

async fn submission_e_mail(lang: &str) {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let id = ready(&db);
    let (env, opened_log) = support::recording_opener(dir.path());
    let app = App::start_with(dir.path(), &db, &env).await;
    let pdf = dir.path().join("submission.pdf");
    submit(&app, lang, id, &pdf).await;
    drawn(&app, 1).await;

    // The contact typed with an honorific, as people do: the e-mail says 様 once.
    app.type_into("[data-field='nec_contact_name']", "購買部 山本様").await;
    app.type_into("[data-field='nec_contact_email']", "yamamoto@nec.example").await;
    app.wait_saved().await;
    let store = Store::open(&db, csr_core::Catalog::get()).unwrap();
    let record = store.record(id).unwrap();
    drop(store);
    assert_eq!(record.company.nec_contact_name, "購買部 山本様", "the profile keeps what was typed");
    let email = csr_core::usecase::compose_submission_email(&record, Lang::parse(lang).unwrap()).unwrap();
    shows(&app, "body", &email.body).await;
    shows(&app, "to", "yamamoto@nec.example").await;
    assert_eq!(part(&app, "subject").await, email.subject);
    assert_eq!(part(&app, "path").await, pdf.to_str().unwrap());
    let note = app.text("[data-testid='email-panel']").await;
    match lang {
        "ja" => {
            assert!(email.body.starts_with("購買部 山本様\n\nいつもお世話になっております。\n株式会社みらい電子の高橋 美咲です。"), "{}", email.body);
            assert!(email.body.contains("ご査収のほど、よろしくお願いいたします。"), "{}", email.body);
            assert!(!email.body.contains("様様") && !email.body.contains("様 様"));
            for piece in template_pieces(&string(lang, "pdf.email_honorific_removed")) {
                assert!(note.contains(&piece), "the note under the field says 様 was left out: {note}");
            }
        }
        _ => {
            assert!(email.body.starts_with("Dear 購買部 山本様,\n\nPlease find attached"), "{}", email.body);
            assert!(email.body.contains("Kind regards,\n\n高橋 美咲\n株式会社みらい電子"), "{}", email.body);
            assert!(!app.is_displayed("[data-testid='honorific-note']").await, "English adds no honorific, so none is left out");
        }
    }
    app.screenshot_here(&format!("email-{lang}")).await;

    // Opened in the mail program: the same e-mail, as a link.
    app.click("[data-action='email']").await;
    let link = support::opened(&opened_log, 1).await[0].clone();
    assert_eq!(link, csr_core::mail::mailto(&email.to, &email.subject, &email.body).unwrap());
    let said = app.text("[data-testid='email-sent']").await;
    assert!(said.contains(&string(lang, "pdf.email_sent")), "{said}");

    // A preview offers no e-mail: it is not sent to NEC. ("Not applicable" without a reason
    // leaves a point open, so the PDF is a preview.)
    app.goto(&format!("/a/{id}/item/I-1")).await;
    app.click("input[data-field='rating'][value='not_applicable']").await;
    app.wait_saved().await;
    app.goto(&format!("/a/{id}/submit")).await;
    app.wait_for("[data-testid='readiness'][data-ready='false']").await;
    app.answer_file_dialogs_with(&dir.path().join("preview.pdf")).await;
    app.click("[data-action='create-pdf'][data-kind='preview']").await;
    app.wait_for("[data-testid='pdf-result']:not([hidden])").await;
    assert_eq!(app.text("[data-testid='no-email']").await, string(lang, "pdf.preview_no_email"));
    assert!(app.find_all("[data-testid='email-panel'], [data-action='email']").await.is_empty());
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_mail_program_every_part_is_there_to_copy_in_both_languages() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let id = ready(&db);
    let (env, opened_log) = support::opener_without_mail_program(dir.path());
    let app = App::start_with(dir.path(), &db, &env).await;
    for (n, lang) in ["en", "ja"].into_iter().enumerate() {
        let pdf = dir.path().join(format!("submission-{lang}.pdf"));
        submit(&app, lang, id, &pdf).await;
        drawn(&app, 1).await;
        if n == 0 {
            app.type_into("[data-field='nec_contact_email']", "buyer@nec.example").await;
            app.wait_saved().await;
        }
        app.click("[data-action='email']").await;
        app.wait_for("[data-testid='email-sent']:not([hidden]) [role='alert']").await;
        let said = app.text("[data-testid='email-sent']").await;
        assert!(said.contains(&string(lang, "error.no_mail_program.title")), "{lang}: {said}");
        assert!(said.contains(&string(lang, "error.no_mail_program.advice")), "{lang}: {said}");
        // The details for support, in the user's language (and the system's own words).
        app.click("[data-testid='email-sent'] details summary").await;
        let details = app.text("[data-testid='email-sent'] details .technical").await;
        let template: serde_json::Value = serde_json::from_str(Lang::parse(lang).unwrap().part("mail").unwrap()).unwrap();
        for piece in template_pieces(template["could_not_open"].as_str().unwrap()) {
            assert!(details.contains(&piece), "{lang}: {details} lacks {piece}");
        }
        assert!(details.contains("buyer@nec.example"), "{details}");
        // Everything to write it by hand: address, subject, attachment and message.
        let record = Store::open(&db, csr_core::Catalog::get()).unwrap().record(id).unwrap();
        let email = csr_core::usecase::compose_submission_email(&record, Lang::parse(lang).unwrap()).unwrap();
        assert_eq!(part(&app, "to").await, "buyer@nec.example");
        assert_eq!(part(&app, "subject").await, email.subject);
        assert_eq!(part(&app, "path").await, pdf.to_str().unwrap());
        shows(&app, "body", &email.body).await;
        assert_eq!(app.find_all("[data-testid='email-text'] button[data-copy]").await.len(), 4, "each part has its copy button");
        app.screenshot_here(&format!("email-no-mail-program-{lang}")).await;
    }
    let tried = std::fs::read_to_string(&opened_log).unwrap();
    // Every launcher the app may use was tried, for each e-mail, and refused it.
    assert!(tried.lines().filter(|l| l.contains("mailto:buyer@nec.example")).count() >= 2, "{tried}");
    app.close().await;
}
