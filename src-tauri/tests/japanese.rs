//! The Japanese UI: every screen shows no untranslated string, the guideline's text is
//! marked as the English original, and the choice of language is remembered.

mod seed;
mod support;

use csr_core::model::{Answer, Rating};
use csr_core::Store;
use support::{serial, App};

fn has_japanese(s: &str) -> bool {
    s.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_in_japanese_has_no_untranslated_string() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let done = seed::completed_assessment(&db, "2025年度");
    // A second one with gaps and unanswered items, for the review and submission screens.
    let open = {
        let mut store = Store::open(&db, csr_core::Catalog::get()).unwrap();
        let a = store.create_assessment_from(done, "2026年度").unwrap();
        let mut gap = Answer::new("VI-2");
        gap.rating = Some(Rating::Partly);
        store.save_answer(a.id, &gap).unwrap();
        let mut na = Answer::new("VI-12");
        na.rating = Some(Rating::NotApplicable);
        store.save_answer(a.id, &na).unwrap();
        a.id
    };

    let app = App::start(dir.path()).await;
    app.wait_for(".assessments").await;
    // Any breach of the content security policy on the way is recorded.
    app.script("window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));", vec![]).await;
    app.click("button[data-lang='ja']").await;
    app.wait_for("html[lang='ja']").await;
    let screens = [
        "/welcome".to_string(),
        "/profile".into(),
        "/assessments".into(),
        format!("/a/{open}/item/I-1"),
        format!("/a/{open}/item/VI-2"),
        format!("/a/{open}/item/VII-8"),
        format!("/a/{open}/part2/climate-change"),
        format!("/a/{open}/part2/construction-safety"),
        format!("/a/{open}/review"),
        format!("/a/{open}/declaration"),
        format!("/a/{open}/submit"),
    ];
    for (n, path) in screens.iter().enumerate() {
        app.goto(path).await;
        let text = app.page_text().await;
        assert!(!text.contains('⟦'), "{path}: an untranslated string: {text}");
        let h1 = app.text("main h1").await;
        assert!(has_japanese(&h1), "{path}: heading in Japanese: {h1}");
        assert!(has_japanese(&app.text("header").await), "{path}: header in Japanese");
        if path.contains("/item/") || path.contains("/part2/") {
            // The guideline's text: our translation, labelled, shown; the English original,
            // marked lang='en' and untranslated, one click away (VII-8 has no section in the
            // guideline, so no text).
            let original = app
                .script("return document.querySelector('.guideline .gl-original').textContent", vec![])
                .await
                .as_str()
                .unwrap()
                .to_string();
            assert!(!has_japanese(&original), "{path}: the English original: {original}");
            assert!(path.ends_with("/VII-8") || !original.trim().is_empty(), "{path}: the guideline's text is there");
            if !path.ends_with("/VII-8") {
                assert!(has_japanese(&app.text(".guideline .gl-translation").await), "{path}: our translation is shown");
                assert!(app.text(".guideline .gl-translation .tr-label").await.contains("参考訳"), "{path}: labelled as ours");
            }
            assert!(app.text(".guideline .source-note").await.contains("英語の原文"));
            assert!(has_japanese(&app.text(".advice").await), "{path}: our advice is in Japanese");
            assert!(has_japanese(&app.text(".answer").await), "{path}: the answer form is in Japanese");
        }
        let name = [
            "ja-welcome",
            "ja-profile",
            "ja-assessments",
            "ja-item",
            "ja-item-essential",
            "ja-item-no-section",
            "ja-part2",
            "ja-part2-not-relevant",
            "ja-review",
            "ja-declaration",
            "ja-submit",
        ][n];
        app.screenshot(name).await;
    }
    assert!(app.text("[data-testid='readiness']").await.contains("完了が必要な点"));
    assert_eq!(
        app.script("return window.cspViolations", vec![]).await,
        serde_json::json!([]),
        "content security policy violations"
    );
    app.close().await;

    // The language is remembered, and the app starts whole (not on an error screen).
    let app = App::start(dir.path()).await;
    app.wait_for("html[lang='ja']").await;
    app.wait_for("main[data-path] h1").await;
    assert_eq!(app.script("return document.querySelector('.fatal') === null", vec![]).await, serde_json::json!(true));
    assert!(has_japanese(&app.text("header").await));
    app.close().await;
}
