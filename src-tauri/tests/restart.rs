//! Japanese over time: choosing 日本語 and starting again, reloading every screen in both
//! languages, a first start on a computer set to Japanese, translated guideline text always
//! with its label, and the bundled font reachable when no system font has a character.

mod seed;
mod support;

use serde_json::json;
use support::{serial, string, App};

fn has_japanese(s: &str) -> bool {
    s.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// A data folder holding a company and one empty assessment; its id.
fn seeded() -> (tempfile::TempDir, i64) {
    let dir = tempfile::tempdir().unwrap();
    let (_, id) = seed::company_with_empty_assessment(&dir.path().join("db.sqlite3"), "2026年度");
    (dir, id)
}

/// Switches the UI language with the header's button, as a user does.
async fn choose_language(app: &App, lang: &str) {
    app.click(&format!("button[data-lang='{lang}']")).await;
    app.wait_for(&format!("html[lang='{lang}']")).await;
}

/// The screens of a seeded assessment `id`, as routes.
fn screens(id: i64) -> Vec<String> {
    let mut list: Vec<String> = ["/welcome", "/profile", "/assessments"].iter().map(|s| s.to_string()).collect();
    for step in ["item/I-1", "item/VI-2", "item/VII-8", "part2/climate-change", "review", "declaration", "submit"] {
        list.push(format!("/a/{id}/{step}"));
    }
    list
}

/// The screen drew what it should: no error screen, its route stamped, no missing string, and
/// any translated guideline text has its label in view.
async fn assert_screen_whole(app: &App, path: &str, lang: &str) {
    app.wait_path(path).await;
    let fatal = app.script("return document.querySelector('.fatal')?.innerText ?? null", vec![]).await;
    assert_eq!(fatal, json!(null), "{lang} {path}: an error screen instead of the screen");
    app.wait_for(&format!("html[lang='{lang}']")).await;
    let text = app.page_text().await;
    assert!(!text.contains('⟦'), "{lang} {path}: a missing string");
    // (The header's 日本語 button is Japanese in either language: look at the rest.)
    assert_eq!(has_japanese(&app.text("header .brand").await), lang == "ja", "{lang} {path}: the header's language");
    // Every visible piece of our translation comes with a visible label saying it is ours.
    let unlabelled = app
        .script(
            "const shown = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
             const tr = [...document.querySelectorAll('[data-tr]')].filter(shown);
             const labels = [...document.querySelectorAll('.tr-label')].filter(shown);
             return tr.length > 0 && labels.length === 0;",
            vec![],
        )
        .await;
    assert_eq!(unlabelled, json!(false), "{lang} {path}: translated guideline text without its label");
    if lang == "en" {
        assert_eq!(app.script("return document.querySelectorAll('[data-tr]').length", vec![]).await, json!(0));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn japanese_chosen_once_is_the_language_of_every_later_start_where_the_user_left_off() {
    let _one = serial().await;
    let (dir, id) = seeded();

    let app = App::start(dir.path()).await;
    app.wait_for(".assessments").await;
    choose_language(&app, "ja").await;
    app.goto(&format!("/a/{id}/item/III-4")).await;
    app.wait_for("#item-title [data-tr]").await;
    app.close_like_a_user().await;

    for round in 0..2 {
        let app = App::start(dir.path()).await;
        // Back on the item the user was on, drawn whole, in Japanese.
        assert_screen_whole(&app, &format!("/a/{id}/item/III-4"), "ja").await;
        assert!(has_japanese(&app.text("#item-title [data-tr]").await), "round {round}: the title in Japanese");
        assert_eq!(app.text("main h1 .original-title").await, csr_core::Catalog::get().item("III-4").unwrap().title);
        // The language switch still works, both ways.
        app.click("button[data-lang='en']").await;
        assert_screen_whole(&app, &format!("/a/{id}/item/III-4"), "en").await;
        app.click("button[data-lang='ja']").await;
        assert_screen_whole(&app, &format!("/a/{id}/item/III-4"), "ja").await;
        app.close_like_a_user().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_survives_a_reload_in_both_languages() {
    let _one = serial().await;
    let (dir, id) = seeded();
    let app = App::start(dir.path()).await;
    app.wait_for(".assessments").await;
    for lang in ["ja", "en"] {
        choose_language(&app, lang).await;
        for path in screens(id) {
            app.goto(&path).await;
            assert_screen_whole(&app, &path, lang).await;
            // F5: the page starts again from nothing, on the same route.
            app.script("location.reload()", vec![]).await;
            app.wait_ready().await;
            assert_screen_whole(&app, &path, lang).await;
        }
    }
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_first_start_on_a_japanese_computer_is_in_japanese() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::start_with(dir.path(), &dir.path().join("db.sqlite3"), &support::japanese_system()).await;
    app.wait_for(".welcome").await;
    app.wait_for("html[lang='ja']").await;
    assert_eq!(app.text("h1").await, string("ja", "welcome.title"));
    assert!(has_japanese(&app.text("header").await));
    app.screenshot("ja-first-start").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_guideline_text_shows_as_translation_original_or_both_and_the_choice_is_kept() {
    let _one = serial().await;
    let (dir, id) = seeded();
    let item = csr_core::Catalog::get().item("II-3").unwrap().clone();
    let ja = csr_core::Catalog::get().translation("ja").unwrap();

    let app = App::start(dir.path()).await;
    app.wait_for(".assessments").await;
    choose_language(&app, "ja").await;
    app.goto(&format!("/a/{id}/item/II-3")).await;
    // By default our translation, labelled; the English original one click away.
    assert!(app.is_displayed(".guideline .gl-translation").await);
    assert!(!app.is_displayed(".guideline .gl-original").await);
    assert_eq!(app.text(".guideline .gl-translation .tr-label").await, ja.about.label.ja);
    assert!(app.text(".guideline .gl-translation .request").await.contains(ja.text(item.request.as_deref().unwrap())));
    app.screenshot("ja-item-translation").await;
    app.click("button[data-gl-view='both']").await;
    // Side by side: paragraph by paragraph, each English paragraph beside its Japanese one
    // (not the whole English under the whole translation), in the item panel at both sizes.
    assert!(app.is_displayed(".guideline .gl-pairs").await);
    assert!(!app.is_displayed(".guideline .gl-original").await && !app.is_displayed(".guideline .gl-translation").await);
    assert_eq!(app.text(".guideline .gl-pairs .request .gl-pair-en").await, item.request.clone().unwrap());
    assert_eq!(app.text(".guideline .gl-pairs .request .gl-pair-tr").await, ja.text(item.request.as_deref().unwrap()));
    for (w, h) in [(1280, 800), (1024, 700)] {
        app.client.set_window_size(w, h).await.unwrap();
        let beside = app
            .script(
                "return [...document.querySelectorAll('.guideline .gl-pairs .gl-pair:not(.gl-pair-head)')].map((p) => {
                   const [ja, en] = [p.children[0].getBoundingClientRect(), p.children[1].getBoundingClientRect()];
                   return Math.abs(ja.top - en.top) < 2 && en.left >= ja.right;
                 })",
                vec![],
            )
            .await;
        let beside: Vec<bool> = serde_json::from_value(beside).unwrap();
        assert!(beside.len() > 3 && beside.iter().all(|&b| b), "at {w}×{h} each English paragraph is beside its Japanese one: {beside:?}");
    }
    app.client.set_window_size(1280, 800).await.unwrap();
    app.screenshot("ja-item-side-by-side").await;
    app.click("button[data-gl-view='original']").await;
    assert!(!app.is_displayed(".guideline .gl-translation").await);
    app.close_like_a_user().await;

    // Remembered.
    let app = App::start(dir.path()).await;
    assert_screen_whole(&app, &format!("/a/{id}/item/II-3"), "ja").await;
    assert!(app.is_displayed(".guideline .gl-original").await);
    assert!(!app.is_displayed(".guideline .gl-translation").await);
    assert_eq!(app.script("return document.querySelector(\"button[data-gl-view='original']\").getAttribute('aria-pressed')", vec![]).await, json!("true"));
    // The bundled Japanese font is reachable by the page (a computer without a Japanese
    // system font draws Japanese with it rather than boxes).
    let loaded = app
        .script_async(
            "const done = arguments[arguments.length - 1];
             document.fonts.load('16px \"App IPAexGothic\"', '日本語').then((faces) => done(faces.length), (e) => done(String(e)));",
            vec![],
        )
        .await;
    assert_eq!(loaded, json!(1), "the bundled font loads through appfont:");
    app.close().await;
}
