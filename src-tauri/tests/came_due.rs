//! At start, the dates that came while the app was closed, in the real app, in English and in
//! Japanese: the notice lists each (date and what) with a link to its item, stays on
//! every start until "Seen", and after "Seen" is gone on the next start too.

mod seed;
mod support;

use csr_core::model::{Answer, Evidence, Rating};
use csr_core::Store;
use support::{serial, string, App};

#[tokio::test(flavor = "multi_thread")]
async fn dates_that_came_while_the_app_was_closed_in_english() {
    came_due("en").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn dates_that_came_while_the_app_was_closed_in_japanese() {
    came_due("ja").await;
}

async fn came_due(lang: &str) {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let (_, id) = seed::company_with_empty_assessment(&db, "FY2026");
    {
        let mut store = Store::open(&db, csr_core::Catalog::get()).unwrap();
        store.set_setting("language", lang).unwrap();
        // An action plan due a week ago and evidence that ran out yesterday (the app's
        // clock is the machine's: the dates are made relative to today).
        let today = csr_core::clock::today();
        let days = |n: i64| {
            let mut d = today;
            for _ in 0..n.abs() {
                d = if n < 0 { d.previous_day().unwrap() } else { d.next_day().unwrap() };
            }
            d.to_string()
        };
        let mut a = Answer::new("II-1");
        a.rating = Some(Rating::Partly);
        a.action_plan.what = "Write the rules".into();
        a.action_plan.due = Some(days(-7));
        a.evidence.push(Evidence {
            name: "Certificate".into(),
            valid_until: Some(days(-1)),
            ..Default::default()
        });
        store.save_answer(id, &a).unwrap();
        // A date still to come is not listed.
        let mut b = Answer::new("II-2");
        b.rating = Some(Rating::Partly);
        b.action_plan.due = Some(days(7));
        store.save_answer(id, &b).unwrap();
    }
    let app = App::start_with_db(dir.path(), &db).await;
    app.wait_for("[data-testid='came-due']").await;
    let title = app.text("#came-due-title").await;
    assert_eq!(title, string(lang, "came_due.title").replace("{n}", "2"));
    let lines = app.find_all("[data-testid='came-due'] li a").await;
    assert_eq!(lines.len(), 2);
    app.screenshot_here(&format!("came-due-{lang}")).await;
    let first = app.text("[data-testid='came-due'] li a").await;
    let plan = if lang == "ja" { "改善計画の期限：Write the rules（II-1）" } else { "Action plan due: Write the rules (II-1)" };
    assert!(first.contains(plan), "{first}");
    // Its link opens the item.
    app.click("[data-testid='came-due'] li a").await;
    app.wait_path(&format!("/a/{id}/item/II-1")).await;
    app.close_like_a_user().await;

    // Not seen yet: shown again at the next start.
    let app = App::start_with_db(dir.path(), &db).await;
    app.wait_for("[data-testid='came-due']").await;
    app.click("[data-action='dates-seen']").await;
    // The notice goes once the core has stored "seen".
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !app.find_all("[data-testid='came-due']").await.is_empty() {
        assert!(std::time::Instant::now() < deadline, "the notice went after Seen");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    app.close_like_a_user().await;

    // Seen: not shown at the next start.
    let app = App::start_with_db(dir.path(), &db).await;
    // The page marks when the core has answered (with or without dates).
    app.wait_for("html[data-came-due='checked']").await;
    assert!(app.find_all("[data-testid='came-due']").await.is_empty(), "seen dates are not shown again");
    app.close().await;
}
