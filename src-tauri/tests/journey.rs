//! The whole journey through the real app, in English and in Japanese: first start, profile,
//! new assessment, every item answered (Japanese text, an action plan on essential gaps),
//! Part 2, review scores, declaration, submission check. Then the database is read back.
//! The Japanese journey starts on a computer set to Japanese and types as a Japanese input
//! method does (full-width digits and letters).

mod support;

use csr_core::{Catalog, Store};
use support::{serial, string, template_pieces, App};

const RATINGS: [&str; 5] = ["full", "mostly", "partly", "not_yet", "not_applicable"];

/// The rating the test gives to the n-th item.
fn rating_of(n: usize) -> &'static str {
    RATINGS[n % RATINGS.len()]
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_journey_in_english_with_japanese_answers() {
    journey("en").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_whole_journey_in_japanese_on_a_japanese_computer() {
    journey("ja").await;
}

/// The screenshot's name in `lang` (English ones keep their old names).
fn shot(lang: &str, name: &str) -> String {
    if lang == "en" {
        name.to_string()
    } else {
        format!("{lang}-journey-{name}")
    }
}

async fn journey(lang: &str) {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let (mut env, opened_log) = support::recording_opener(dir.path());
    if lang == "ja" {
        env.extend(support::japanese_system());
    }
    let app = App::start_with(dir.path(), &dir.path().join("db.sqlite3"), &env).await;

    // First start, in the system's language.
    app.wait_for(".welcome").await;
    app.wait_for(&format!("html[lang='{lang}']")).await;
    assert_eq!(app.text("h1").await, string(lang, "welcome.title"));
    app.screenshot(&shot(lang, "01-welcome")).await;
    app.click("[data-testid='start']").await;

    // Company profile, with a mistake first.
    app.wait_for(".profile").await;
    app.type_into("[data-field='contact_email']", "hanako@").await;
    app.find("[data-field='contact_email']").await.send_keys("\u{E004}").await.unwrap(); // Tab
    // The core checks the address (profile_problems): its verdict arrives a moment later.
    let problem = app.text("[data-field='contact_email'] ~ .field-problem:not([hidden])").await;
    assert_eq!(problem, string(lang, "profile.problem.email"));
    // A Japanese input method types full-width digits, letters and dashes.
    let (employees, email, phone) = match lang {
        "ja" => ("３８", "ｈａｎａｋｏ．ｓａｔｏ＠ｓａｋｕｒａ．ｅｘａｍｐｌｅ．ｊｐ", "０４５ー１２３ー４５６７"),
        _ => ("38", "hanako.sato@sakura.example.jp", "045-123-4567"),
    };
    for (field, value) in [
        ("legal_name", "株式会社さくら精密工業"),
        ("name_latin", "Sakura Precision Industries Co., Ltd."),
        ("supplier_code", "NEC-SUP-004711"),
        ("address", "神奈川県横浜市神奈川区栄町5-1"),
        ("country", "日本"),
        ("representative", "代表取締役 山田 太郎"),

        ("products", "精密板金部品"),
        ("contact_name", "佐藤 花子"),
    ] {
        app.type_into(&format!("[data-field='{field}']"), value).await;
    }
    for (field, value) in [("employees", employees), ("contact_email", email), ("contact_phone", phone)] {
        app.commit_text(&format!("[data-field='{field}']"), value).await;
    }
    app.click("[data-field='supplies_goods']").await;
    app.click("[data-field='handles_chemicals']").await;
    app.wait_saved().await;
    let left = app
        .script("return [...document.querySelectorAll('.field-problem:not([hidden])')].map((p) => { const i = p.closest('.field').querySelector('[data-field]'); return i.dataset.field + ' = ' + JSON.stringify(i.value) + ': ' + p.textContent; })", vec![])
        .await;
    assert_eq!(left, serde_json::json!([]), "no problems left");
    // Once saved and left, the fields show what was stored (half-width).
    app.wait_saved().await;
    for (field, stored) in [("employees", "38"), ("contact_email", "hanako.sato@sakura.example.jp"), ("contact_phone", "045-123-4567")] {
        let css = format!("[data-field='{field}']");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while app.value(&css).await != stored {
            assert!(std::time::Instant::now() < deadline, "{field} shows {:?}, stored {stored}", app.value(&css).await);
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
    app.screenshot(&shot(lang, "02-profile")).await;
    app.click("[data-action='continue']").await;

    // A new assessment.
    app.wait_for(".assessments").await;
    app.click("[data-action='new']").await;
    app.type_into("#new-period", "2026年度").await;
    app.click("#new-form button[type='submit']").await;
    app.wait_hash("#/a/1/item/I-1").await;
    app.wait_for(".item-step").await;

    // Every item.
    let items: Vec<_> = Catalog::get().items().cloned().collect();
    for (n, item) in items.iter().enumerate() {
        app.wait_hash(&format!("#/a/1/item/{}", item.id)).await;
        app.wait_for("#item-title .item-id").await;
        assert_eq!(app.text("#item-title .item-id").await, item.id);
        let rating = rating_of(n);
        app.click(&format!("input[data-field='rating'][value='{rating}']")).await;
        app.type_into(
            "[data-field='description']",
            &format!("{}：規程を定め、年1回見直しています。担当は総務部です。", item.id),
        )
        .await;
        if rating == "not_applicable" {
            app.type_into("[data-field='na_reason']", "当社は該当する業務を行っていません。").await;
        }
        if item.is_essential() && rating != "full" && rating != "not_applicable" {
            app.type_into("[data-field='plan.what']", "化学物質管理の手順書を作成する").await;
            app.type_into("[data-field='plan.who']", "品質保証課 鈴木").await;
            app.set_date("[data-field='plan.due']", "2026-09-30").await;
        }
        if lang == "ja" {
            // The title in our Japanese translation, labelled, with the English original beneath.
            let ja = Catalog::get().translation("ja").unwrap();
            assert_eq!(app.text("#item-title [data-tr]").await, ja.text(&item.title));
            assert_eq!(app.text("#item-title .original-title").await, item.title);
            assert!(app.is_displayed(".sidebar .tr-label").await, "{}: the translation's label", item.id);
        }
        if n == 0 {
            app.click("[data-action='add-evidence']").await;
            app.type_into("[data-field='evidence.0.name']", "CSR方針（2025年版）").await;
            app.type_into("[data-field='evidence.0.location']", "本社 総務キャビネット").await;
            app.screenshot(&shot(lang, "03-item")).await;
        }
        if item.id == "VI-2" {
            app.screenshot_here(&shot(lang, "04-item-essential-gap")).await;
        }
        app.wait_saved().await;
        // Move on with the mouse, the keyboard outside a field, or Ctrl+Enter.
        match n % 3 {
            0 => app.click("[data-step-link='next']").await,
            1 => {
                app.script("document.activeElement.blur()", vec![]).await;
                app.find("body").await.send_keys("\u{E014}").await.unwrap(); // ArrowRight
            }
            _ => app.find("[data-field='description']").await.send_keys("\u{E009}\u{E007}").await.unwrap(), // Ctrl+Enter
        }
    }

    // Part 2.
    for p in Catalog::get().policies() {
        app.wait_hash(&format!("#/a/1/part2/{}", p.id)).await;
        app.wait_for(".part2-step").await;
        app.click("[data-field='acknowledged']").await;
        app.click("input[data-field='cascaded'][value='partly']").await;
        for f in Catalog::get().disclosure_fields(&p.id) {
            let css = format!("[data-field='d.{}']", f.id);
            match f.kind {
                csr_core::catalog::FieldKind::Choice => {
                    app.click(&format!("input{css}[value='{}']", f.options[0].id)).await
                }
                csr_core::catalog::FieldKind::Number => app.type_into(&css, "125.4").await,
                csr_core::catalog::FieldKind::Year => app.type_into(&css, "2025").await,
                csr_core::catalog::FieldKind::Date => app.set_date(&css, "2025-10-01").await,
                csr_core::catalog::FieldKind::Text => app.type_into(&css, "総務課 佐藤（045-123-4567）").await,
            }
        }
        if p.id == "climate-change" {
            app.screenshot(&shot(lang, "05-part2")).await;
        }
        app.wait_saved().await;
        app.click("[data-step-link='next']").await;
    }

    // Review: the scores, worked out here from the ratings given.
    app.wait_hash("#/a/1/review").await;
    app.wait_for(".review-step").await;
    let (mut points, mut max) = (0, 0);
    for n in 0..items.len() {
        match rating_of(n) {
            "not_applicable" => {}
            r => {
                points += match r {
                    "full" => 3,
                    "mostly" => 2,
                    "partly" => 1,
                    _ => 0,
                };
                max += 3;
            }
        }
    }
    let overall = (points * 100 + max / 2) / max;
    assert_eq!(app.text("[data-testid='overall-score']").await, format!("{overall}%"));
    assert_eq!(app.text("[data-testid='completeness']").await, "100%");
    // Group IV: items 21 and 22 of the table (n = 20, 21): "full" and "mostly" => 5 of 6 = 83%.
    assert_eq!((rating_of(20), rating_of(21)), ("full", "mostly"));
    let iv = app.text("[data-testid='group-scores'] tr[data-group='IV'] td").await;
    assert_eq!(iv, "83%");
    let gaps = app.find_all("[data-testid='gaps'] tbody tr").await;
    assert_eq!(
        gaps.len(),
        (0..items.len()).filter(|n| ["mostly", "partly", "not_yet"].contains(&rating_of(*n))).count()
    );
    assert!(app.text("[data-testid='gaps'] tbody tr").await.contains("VI-"), "essential gaps come first");
    app.screenshot(&shot(lang, "06-review")).await;

    // Declaration.
    app.click("[data-step-link='next']").await;
    app.wait_hash("#/a/1/declaration").await;
    app.type_into("[data-field='signer_name']", "山田 太郎").await;
    app.type_into("[data-field='signer_title']", "代表取締役").await;
    app.click("[data-field='confirmed']").await;
    app.wait_saved().await;
    assert!(!app.value("[data-field='date']").await.is_empty(), "the date is filled in");
    app.screenshot(&shot(lang, "07-declaration")).await;

    // Submission check, then the PDF through the (answered) save dialog.
    app.click("[data-step-link='next']").await;
    app.wait_hash("#/a/1/submit").await;
    app.wait_for("[data-testid='readiness'][data-ready='true']").await;
    app.screenshot(&shot(lang, "08-submit")).await;
    let pdf_path = dir.path().join("CSR submission 2026.pdf");
    app.answer_file_dialogs_with(&pdf_path).await;
    app.click("[data-action='create-pdf']").await;
    app.wait_for("[data-testid='pdf-result']:not([hidden])").await;
    let bytes = std::fs::read(&pdf_path).expect("the PDF was written where the dialog said");
    let check = csr_core::pdf::verify(&bytes).unwrap();
    assert!(check.matches, "{check:?}");
    assert!(app.text("[data-testid='pdf-result']").await.contains(&check.attached_sha256));
    // Open it (to print), and email it.
    app.click("[data-action='open-pdf']").await;
    assert_eq!(support::opened(&opened_log, 1).await[0], pdf_path.to_str().unwrap());
    app.type_into("[data-field='nec_contact_email']", "buyer@nec.example").await;
    app.click("[data-action='email']").await;
    // Shown only when the test fails: what the screen said (an error box, say).
    eprintln!("after the e-mail button: {}", app.page_text().await);
    let mail = support::opened(&opened_log, 2).await[1].clone();
    assert!(mail.starts_with("mailto:buyer@nec.example?subject="), "{mail}");
    if lang == "en" {
        assert!(mail.starts_with("mailto:buyer@nec.example?subject=CSR%20self-assessment%202026"), "{mail}");
        assert!(mail.contains("as%20a%20PDF"), "{mail}");
    }
    // The core's business e-mail, which only points to the attached PDF (the PDF carries the
    // fingerprint): a link short enough for every mail program.
    let record = Store::open(dir.path().join("db.sqlite3"), csr_core::Catalog::get()).unwrap().record(1).unwrap();
    let email = csr_core::usecase::compose_submission_email(&record, csr_core::lang::Lang::parse(lang).unwrap()).unwrap();
    assert_eq!(mail, csr_core::mail::mailto(&email.to, &email.subject, &email.body).unwrap());
    assert!(!mail.contains(&check.attached_sha256) && mail.len() < 2_000, "{} characters: {mail}", mail.len());
    if lang == "ja" {
        assert!(email.body.contains("いつもお世話になっております。") && email.body.contains("ご査収のほど"), "{}", email.body);
    }
    app.screenshot_here(&shot(lang, "08b-pdf-created")).await;
    app.wait_saved().await;
    // A later change makes it a draft again, and says so.
    app.goto("/a/1/item/I-1").await;
    app.click("input[data-field='rating'][value='mostly']").await;
    let notice = app.text(".toast").await;
    assert!(notice.contains(&string(lang, "status.submitted")), "{notice}");
    for piece in template_pieces(&string(lang, "save.reverted")) {
        assert!(notice.contains(&piece), "{notice} lacks {piece}");
    }
    app.wait_saved().await;
    app.click("input[data-field='rating'][value='full']").await;
    app.wait_saved().await;
    app.close().await;

    // What the database holds.
    let store = Store::open(dir.path().join("db.sqlite3"), csr_core::Catalog::get()).unwrap();
    let record = store.record(1).unwrap();
    assert_eq!(record.company.legal_name, "株式会社さくら精密工業");
    assert_eq!(record.company.employees, Some(38));
    assert_eq!(record.company.name_latin, "Sakura Precision Industries Co., Ltd.", "typed as is");
    assert_eq!(record.company.supplier_code, "NEC-SUP-004711");
    assert_eq!(record.company.contact_email, "hanako.sato@sakura.example.jp", "stored half-width");
    assert_eq!(record.company.contact_phone, "045-123-4567", "stored half-width");
    assert_eq!(record.answers.len(), 47);
    assert_eq!(
        record.answers[10].description,
        format!("{}：規程を定め、年1回見直しています。担当は総務部です。", items[10].id)
    );
    assert_eq!(record.answers[0].evidence[0].name, "CSR方針（2025年版）");
    let vi2 = record.answer("VI-2").unwrap();
    assert_eq!(vi2.action_plan.due.as_deref(), Some("2026-09-30"));
    assert_eq!(record.part2.len(), 6);
    assert!(record.assessment.declaration.is_complete());
    assert_eq!(record.assessment.status, csr_core::model::Status::Draft, "changed after the PDF");
    assert!(record.assessment.submitted_at.is_some());
    assert_eq!(record.company.nec_contact_email, "buyer@nec.example", "kept in the profile");
    assert_eq!(record.assessment.position.as_deref(), Some("item:I-1"));
}
