//! Screens leave nothing behind on the window's frame: going from step to step adds no event
//! listener to the elements that stay (the document, the window, the header, the sidebar's
//! nav, main). A listener put there at each step keeps every earlier screen it refers to
//! alive: the sidebar's finder once added one to the nav at every step, and after three
//! walks through the 47 items 141 detached sidebars were kept (seen in the web inspector's
//! heap snapshot). In English and in Japanese.

mod seed;
mod support;

use serde_json::json;
use support::{serial, App};

/// Counts from now on every listener added to the frame's elements, by element and event.
const COUNT_FRAME_LISTENERS: &str = "
    window.__frameListeners = [];
    const frame = new Map([[document, 'document'], [window, 'window'], [document.documentElement, 'html'],
      [document.body, 'body'], [document.getElementById('app-header'), 'header'],
      [document.getElementById('app-nav'), 'nav'], [document.getElementById('main'), 'main']]);
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, listener, options) {
      if (frame.has(this)) window.__frameListeners.push(`${frame.get(this)} ${type}`);
      return add.call(this, type, listener, options);
    };";

#[tokio::test(flavor = "multi_thread")]
async fn going_from_step_to_step_adds_no_listener_to_the_frame_in_english_and_japanese() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let id = seed::completed_assessment(&db, "FY2025");
    let app = App::start(dir.path()).await;
    app.goto(&format!("/a/{id}/item/I-1")).await;
    app.script(COUNT_FRAME_LISTENERS, vec![]).await;
    for lang in ["en", "ja"] {
        app.click(&format!("button[data-lang='{lang}']")).await;
        app.wait_for(&format!("html[lang='{lang}']")).await;
        // Items of several groups (each opens its group in the sidebar), Part 2, the review.
        for step in ["item/I-2", "item/II-1", "item/III-4", "item/VI-2", "item/VII-8", "part2/climate-change", "review"]
        {
            app.goto(&format!("/a/{id}/{step}")).await;
        }
        // The sidebar's finder in use: a filter, then back to the groups.
        app.script(
            "const s = document.querySelector(\"[data-finder='filter']\"); s.value = 'gaps'; s.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![],
        )
        .await;
        app.click("[data-finder='clear']").await;
        app.goto(&format!("/a/{id}/item/I-1")).await;
    }
    let added = app.script("return window.__frameListeners", vec![]).await;
    assert_eq!(added, json!([]), "listeners added to the frame while going from step to step");
    app.kill().await;
}
