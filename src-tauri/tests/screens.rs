//! A screenshot of every screen in both languages at 1280×800 and 1024×700, for looking at
//! them as a user would (`CSR_SCREENSHOTS=$PWD/docs/screenshots` keeps them in
//! docs/screenshots/screens/). Each screen is also checked for what a look would catch
//! first: no untranslated key, no sideways scrolling, a header on one row.

mod seed;
mod support;

use support::{serial, App};

const SIZES: [(u32, u32); 2] = [(1280, 800), (1024, 700)];

/// Checks the screen drawn now and takes its picture as `screens/<w>-<lang>-<name>`.
async fn shoot(app: &App, width: u32, lang: &str, name: &str) {
    app.screenshot(&format!("screens/{width}-{lang}-{name}")).await;
    let text = app.page_text().await;
    assert!(!text.contains('⟦'), "{name} ({lang}) shows a missing string: {text}");
    let overflow = app
        .script("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
        .await;
    assert!(overflow.as_f64().unwrap() <= 1.0, "{name} ({lang}, {width} px) scrolls sideways by {overflow} px");
    let header = app.script("return document.querySelector('.app-header').getBoundingClientRect().height", vec![]).await;
    assert!(header.as_f64().unwrap() < 64.0, "{name} ({lang}, {width} px): the header wraps ({header} px high)");
}

async fn set_size(app: &App, (w, h): (u32, u32)) {
    app.client.set_window_size(w, h).await.unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.script("return window.innerWidth", vec![]).await.as_f64().unwrap() > w as f64 {
        assert!(std::time::Instant::now() < deadline, "the window did not shrink to {w} px");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

async fn language(app: &App, lang: &str) {
    app.click(&format!("button[data-lang='{lang}']")).await;
    app.wait_for(&format!("html[lang='{lang}']")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_in_both_languages_at_two_sizes() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(support::screenshot_dir(dir.path()).join("screens")).unwrap();

    // First start: the welcome and an empty profile.
    let first = dir.path().join("first");
    std::fs::create_dir_all(support::screenshot_dir(&first).join("screens")).unwrap();
    let app = App::start(&first).await;
    for size in SIZES {
        set_size(&app, size).await;
        for lang in ["en", "ja"] {
            app.goto("/welcome").await;
            language(&app, lang).await;
            shoot(&app, size.0, lang, "01-welcome").await;
            app.goto("/profile").await;
            shoot(&app, size.0, lang, "02-profile-first").await;
        }
    }
    app.kill().await;

    // A returning user: last year's assessment, and this year's carried forward from it.
    let db = dir.path().join("db.sqlite3");
    let id = seed::returning_user(&db);
    // Nothing answered yet: the submission check lists every item, by group.
    let empty = {
        let mut store = csr_core::Store::open(&db, csr_core::Catalog::get()).unwrap();
        let company = store.assessment(id).unwrap().company_id;
        store.create_assessment(company, "FY2027").unwrap().id
    };
    let app = App::start(dir.path()).await;
    // Numbered from 03, after the first start's two screens, in the order a user meets them.
    let mut screens: Vec<(String, String)> = seed::returning_user_screens(id)
        .into_iter()
        .enumerate()
        .map(|(n, (name, path))| (format!("{:02}-{name}", n + 3), path))
        .collect();
    // After them the sidebar's filter, then the check of an assessment with nothing answered.
    let filter_shot = format!("{:02}-sidebar-filter-gaps", screens.len() + 3);
    screens.push((format!("{:02}-submit-unanswered", screens.len() + 4), format!("/a/{empty}/submit")));
    for size in SIZES {
        set_size(&app, size).await;
        for lang in ["en", "ja"] {
            app.goto("/assessments").await;
            language(&app, lang).await;
            for (name, path) in &screens {
                app.goto(path).await;
                shoot(&app, size.0, lang, name).await;
            }
            // The sidebar's filter: the gaps.
            app.goto(&format!("/a/{id}/item/I-1")).await;
            app.script(
                "const s = document.querySelector(\"[data-finder='filter']\"); s.value = 'gaps'; s.dispatchEvent(new Event('change', {bubbles: true}));",
                vec![],
            )
            .await;
            app.wait_for("[data-testid='finder-results']").await;
            shoot(&app, size.0, lang, &filter_shot).await;
            app.click("[data-finder='clear']").await;
        }
    }
    app.close().await;
}
