//! Our advice in the real app: labelled as ours in both languages, its legal notes in small
//! print with source, address and check month, the fact the core states for the company (may
//! apply, will apply from …, does not apply) from its profile, Japanese thresholds withheld
//! outside Japan, a note past its review day shown as such (the app's clock set past it), and
//! a signed advice update opened from the About box (a tampered one refused).

mod seed;
mod support;

use support::{serial, App};

/// Scrolls the legal notes' heading to the middle of the view (clear of the sticky header)
/// and takes a screenshot of them.
async fn shot_of_law(app: &App, name: &str, note: &str) {
    app.script(
        "const el = [...document.querySelectorAll('.advice-law .law')].find((li) => li.textContent.includes(arguments[0])) ?? document.querySelector('.advice-law h3'); el.scrollIntoView({block: 'center'})",
        vec![serde_json::json!(note)],
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    app.screenshot_here(name).await;
}

/// The text of the legal notes once the core's facts are drawn.
async fn law_text(app: &App) -> String {
    app.wait_for(".advice-law .law-slot:not([aria-busy]) .law").await;
    app.text(".advice-law").await
}

async fn to_language(app: &App, lang: &str) {
    app.goto("/assessments").await;
    app.click(&format!("button[data-lang='{lang}']")).await;
    app.wait_for(&format!("html[lang='{lang}']")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn legal_notes_follow_the_profile_in_english_and_japanese() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    // The seeded company: 24 employees at one site (本社工場), in 日本.
    let (_, a) = seed::company_with_empty_assessment(&db, "FY2026");
    let app = App::start(dir.path()).await;
    app.wait_for(".assessments").await;

    let item = format!("/a/{a}/item/III-8");
    app.goto(&item).await;
    assert!(app.text(".advice h2").await.starts_with("Our advice"), "the advice is labelled as ours");
    let law = law_text(&app).await;
    for expected in [
        "Legal notes: the law in Japan, as we read it",
        "With 24 employees, this rule does not apply to you (it applies at 50 or more workers at one workplace (事業場), part-timers included).",
        "Source: Industrial Safety and Health Act (労働安全衛生法), Art. 66-10 · checked 2026-11",
        "https://laws.e-gov.go.jp/law/347AC0000000057",
        // The 2025 amendment's rule for workplaces under 50: not in force yet.
        "Not in force yet: it will apply to you from a date still to be set, by 14 May 2028 at the latest",
    ] {
        assert!(law.contains(expected), "English notes say {expected:?}: {law}");
    }
    assert!(!law.contains("it applies to you.") && !law.contains("⟦"), "{law}");
    // A company-wide threshold with an effort duty below it (I-2: more than 300 workers).
    app.goto(&format!("/a/{a}/item/I-2")).await;
    assert!(law_text(&app).await.contains("With 24 employees you are below this duty (301 or more workers in the whole company, part-timers included): for you it is a duty to make efforts."));

    to_language(&app, "ja").await;
    app.goto(&item).await;
    assert_eq!(app.text(".advice h2").await, "本アプリによる中小企業向けアドバイス");
    let law = law_text(&app).await;
    for expected in [
        "法令メモ：日本の法令（本アプリ作成者の理解）",
        "従業員24人の貴社は、この規定の対象外です（基準：1つの事業場で50人以上（パート等を含む））。",
        "出典：労働安全衛生法 第66条の10 · 2026年11月確認",
        "まだ施行されていません。施行日はこれから定められ、遅くとも2028年5月14日までに貴社にも適用されます",
    ] {
        assert!(law.contains(expected), "Japanese notes say {expected:?}: {law}");
    }
    assert!(!law.contains('⟦'), "no untranslated string: {law}");
    shot_of_law(&app, "advice-law-ja", "ストレスチェック").await;

    // Outside Japan, the Japanese rules are examples and no threshold is applied.
    app.goto("/profile").await;
    app.type_into("[data-field='country']", "Vietnam").await;
    app.wait_saved().await;
    app.goto(&item).await;
    let law = law_text(&app).await;
    assert!(law.contains("会社情報の国は「Vietnam」です。以下の日本の法令は参考例にすぎず"), "{law}");
    assert!(!law.contains("従業員24人"), "no Japanese threshold is applied abroad: {law}");
    to_language(&app, "en").await;
    app.goto(&item).await;
    let law = law_text(&app).await;
    assert!(
        law.contains("Your company profile gives Vietnam as your country. The Japanese rules below are examples only"),
        "{law}"
    );
    assert!(!law.contains("With 24 employees"), "{law}");
    app.close().await;
}

/// With the app's clock set past the minimum wage note's review day, the note says in both
/// languages that the rule may have changed and where to check it; the fire rule says "may
/// apply" and what to count. Screenshots of both, in English and Japanese.
#[tokio::test(flavor = "multi_thread")]
async fn a_note_past_its_review_day_and_a_may_apply_note_in_english_and_japanese() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let (_, a) = seed::company_with_empty_assessment(&db, "FY2027");
    let app = App::start_with(dir.path(), &db, &[(csr_core::clock::NOW_ENV_VAR, "2027-10-15T03:00:00Z".to_string())]).await;
    app.wait_for(".assessments").await;
    let wage = "https://www.mhlw.go.jp/stf/seisakunitsuite/bunya/koyou_roudou/roudoukijun/minimumichiran/index.html";

    app.goto(&format!("/a/{a}/item/II-5")).await;
    law_text(&app).await;
    let stale = app.text(".advice-law .law.stale .law-stale").await;
    assert_eq!(stale, format!("Checked 2026-12; due for review on 30 September 2027, which has passed: the rule may have changed since. Check the current rule at {wage} before you rely on it."));
    assert_eq!(app.find_all(".advice-law .law.stale").await.len(), 1, "only the note past its day");
    shot_of_law(&app, "advice-stale-en", "minimum wage").await;

    app.goto(&format!("/a/{a}/item/III-5")).await;
    let law = law_text(&app).await;
    assert!(law.contains("This may apply to you: check the number of people regularly in your building, other tenants, visitors and contractors included, not only your employees (it applies at 50 or more people regularly in the building)."), "{law}");
    assert!(!law.contains("does not apply"), "no verdict from the employee count: {law}");
    assert_eq!(
        app.script("return document.querySelector('.law-threshold').dataset.verdict", vec![]).await,
        "may_apply"
    );
    shot_of_law(&app, "advice-may-apply-en", "fire prevention manager").await;

    to_language(&app, "ja").await;
    app.goto(&format!("/a/{a}/item/II-5")).await;
    law_text(&app).await;
    assert_eq!(
        app.text(".advice-law .law.stale .law-stale").await,
        format!("2026年12月に確認した内容で、見直し期限（2027年9月30日）を過ぎています。その後に法令が改正されている可能性があります。ご利用の前に、最新の内容を{wage}でご確認ください。")
    );
    shot_of_law(&app, "advice-stale-ja", "最低賃金").await;
    app.goto(&format!("/a/{a}/item/III-5")).await;
    let law = law_text(&app).await;
    assert!(law.contains("貴社にも当てはまる可能性があります。自社の従業員だけでなく、他のテナント・来客・出入り業者を含めて建物に常時いる人数を確認してください（基準：建物に常時いる人が50人以上）。"), "{law}");
    assert!(!law.contains("対象外"), "{law}");
    shot_of_law(&app, "advice-may-apply-ja", "防火管理者").await;
    app.close().await;
}

/// The About box names the advice in use; a signed newer update opened from it replaces the
/// advice at once (and is kept in content/ beside the database), a tampered one is refused
/// with what happened, in Japanese too.
#[tokio::test(flavor = "multi_thread")]
async fn an_advice_update_is_opened_from_the_about_box_and_a_tampered_one_is_refused() {
    use csr_core::catalog::{content, signature, Content};
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let (_, a) = seed::company_with_empty_assessment(&db, "FY2026");
    // A newer content signed with the test key (trusted by this debug build only).
    let key_text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/content/test-signing-key"))
            .unwrap();
    let key = signature::signing_key(&key_text).unwrap();
    let mut update = Content::built_in().unwrap();
    update.content_version = 3;
    update.date = "2027-01-15".into();
    let mut i1 = serde_json::to_value(&update.items["I-1"]).unwrap();
    i1["en"]["summary"] = serde_json::json!("Updated advice: version 3.");
    i1["ja"]["summary"] = serde_json::json!("更新されたアドバイス（第3版）です。");
    update.items.insert("I-1".into(), serde_json::from_value(i1).unwrap());
    let signed = content::seal(&update, &key);
    let good = dir.path().join("advice-update.json");
    std::fs::write(&good, &signed).unwrap();
    let bad = dir.path().join("advice-edited.json");
    std::fs::write(&bad, signed.replacen("version 3.", "version 4.", 1)).unwrap();

    let app = App::start(dir.path()).await;
    app.wait_for(".assessments").await;
    app.click("[data-action='about']").await;
    assert_eq!(
        app.text(".modal .about-content").await,
        "Advice and legal notes: version 2 of 7 December 2026, built into this version of the app."
    );
    app.answer_file_dialogs_with(&bad).await;
    app.click(".modal button[value='content']").await;
    let refused = app.text(".modal").await;
    assert!(
        refused.contains("This advice update was changed after it was signed.")
            && refused.contains("The advice in use is unchanged."),
        "{refused}"
    );
    app.click(".modal button[value='ok']").await;

    to_language(&app, "ja").await;
    app.click("[data-action='about']").await;
    app.answer_file_dialogs_with(&good).await;
    app.click(".modal button[value='content']").await;
    assert_eq!(app.text(".toast").await, "アドバイスの第3版（2027年1月15日）を使用しています。");
    assert!(dir.path().join("content/advice-content-3.json").is_file(), "kept beside the database");
    app.goto(&format!("/a/{a}/item/I-1")).await;
    assert_eq!(app.text(".advice-summary").await, "更新されたアドバイス（第3版）です。");
    app.click("[data-action='about']").await;
    let about = app.text(".modal .about-content").await;
    assert!(
        about.starts_with("アドバイスと法令メモ：第3版（2027年1月15日）、") && about.contains("advice-content-3.json"),
        "{about}"
    );
    app.click(".modal button[value='ok']").await;
    app.close().await;

    // The next start (back on the item last open) uses the installed update.
    let app = App::start(dir.path()).await;
    app.goto(&format!("/a/{a}/item/I-1")).await;
    assert_eq!(app.text(".advice-summary").await, "更新されたアドバイス（第3版）です。");
    app.close().await;
}
