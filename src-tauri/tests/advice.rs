//! Our advice in the real app: labelled as ours in both languages, its legal notes in small
//! print with source and date, the headcount sentence computed from the company profile, and
//! Japanese thresholds withheld when the profile puts the company outside Japan.

mod seed;
mod support;

use support::{serial, App};

/// Scrolls the legal notes' heading to the middle of the view (clear of the sticky header)
/// and takes a screenshot of them.
async fn shot_of_law(app: &App, name: &str) {
    app.script("document.querySelector('.advice-law h3').scrollIntoView({block: 'center'})", vec![]).await;
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    app.screenshot_here(name).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn legal_notes_follow_the_profile_in_english_and_japanese() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    // The seeded company: 24 employees, in 日本.
    let (_, a) = seed::company_with_empty_assessment(&db, "FY2026");
    let app = App::start(dir.path()).await;
    app.wait_for(".assessments").await;

    let item = format!("/a/{a}/item/III-8");
    app.goto(&item).await;
    assert!(app.text(".advice h2").await.starts_with("Our advice"), "the advice is labelled as ours");
    let law = app.text(".advice-law").await;
    for expected in [
        "Legal notes: the law in Japan, as we read it",
        "With 24 employees you are below the threshold of this rule (50 or more workers): it does not apply to you. Counted per workplace (事業場).",
        "Source: Industrial Safety and Health Act (労働安全衛生法), Art. 66-10 · as of 2026-11",
        // The 2025 amendment's rule concerns workplaces under 50: all of them, here.
        "With 24 employees you are within the threshold of this rule (49 or fewer workers): it applies to you.",
    ] {
        assert!(law.contains(expected), "English notes say {expected:?}: {law}");
    }
    shot_of_law(&app, "advice-law-en").await;

    // A company-wide threshold (I-2: more than 300 workers).
    app.goto(&format!("/a/{a}/item/I-2")).await;
    assert!(app.text(".advice-law").await.contains("With 24 employees you are below the threshold of this rule (301 or more workers)"));

    app.goto("/assessments").await;
    app.click("button[data-lang='ja']").await;
    app.wait_for("html[lang='ja']").await;
    app.goto(&item).await;
    assert_eq!(app.text(".advice h2").await, "本アプリによる中小企業向けアドバイス");
    let law = app.text(".advice-law").await;
    for expected in [
        "法令メモ：日本の法令（私たちの理解）",
        "従業員24人の貴社は、この規定の基準（50人以上）を下回るため対象外です。人数は事業場ごとに数えます。",
        "出典： 労働安全衛生法 第66条の10 · 2026年11月時点",
    ] {
        assert!(law.contains(expected), "Japanese notes say {expected:?}: {law}");
    }
    assert!(!law.contains('⟦'), "no untranslated string: {law}");
    shot_of_law(&app, "advice-law-ja").await;

    // Outside Japan, the Japanese rules are examples and no threshold is applied.
    app.goto("/profile").await;
    app.type_into("[data-field='country']", "Vietnam").await;
    app.wait_saved().await;
    app.goto(&item).await;
    let law = app.text(".advice-law").await;
    assert!(law.contains("会社情報の国は「Vietnam」です。以下の日本の法令は参考例にすぎず"), "{law}");
    assert!(!law.contains("従業員24人"), "no Japanese threshold is applied abroad: {law}");
    shot_of_law(&app, "advice-law-abroad-ja").await;
    app.click("button[data-lang='en']").await;
    app.wait_for("html[lang='en']").await;
    app.goto(&item).await;
    let law = app.text(".advice-law").await;
    assert!(law.contains("Your company profile gives Vietnam as your country. The Japanese rules below are examples only"), "{law}");
    assert!(!law.contains("With 24 employees"), "{law}");
    app.close().await;
}
