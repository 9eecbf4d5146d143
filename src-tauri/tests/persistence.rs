//! Closing the app at any moment loses nothing, and reopening resumes where the user was.

mod seed;
mod support;

use csr_core::Store;
use support::{serial, App};

#[tokio::test(flavor = "multi_thread")]
async fn closing_mid_typing_loses_nothing_and_reopening_resumes_at_the_same_item() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let (_, id) = seed::company_with_empty_assessment(&db, "FY2026");

    let app = App::start(dir.path()).await;
    // The list, since nothing was opened yet; open the assessment.
    app.wait_for(".assessments").await;
    app.click(&format!("tr[data-id='{id}'] [data-action='open']")).await;
    app.wait_hash(&format!("#/a/{id}/item/I-1")).await;
    // Jump to III-4 through the sidebar.
    app.click("a.group-link[href$='/item/III-1']").await;
    app.wait_hash(&format!("#/a/{id}/item/III-1")).await;
    app.click("a[href$='/item/III-4']").await;
    app.wait_hash(&format!("#/a/{id}/item/III-4")).await;
    app.click("input[data-field='rating'][value='partly']").await;
    app.wait_saved().await;
    // Type and close inside the autosave pause: closing must save the text first. So that
    // the pause cannot end before the close request arrives (a slow machine), the page's
    // timers of 300 ms and more are held back from here on: only the close can save it.
    app.script(
        "const later = window.setTimeout; let id = 1e9;
         window.setTimeout = (fn, ms, ...args) => (ms >= 300 ? ++id : later(fn, ms, ...args));",
        vec![],
    )
    .await;
    app.type_into("[data-field='description']", "労災の記録簿を作成中。閉じる直前に入力した文。").await;
    let before_close = Store::open(&db, csr_core::Catalog::get()).unwrap().record(id).unwrap();
    assert_eq!(
        before_close.answer("III-4").map(|a| a.description.as_str()),
        Some(""),
        "before the close, the rating is saved and the text is not"
    );
    assert_ne!(app.script("return document.querySelector('save-status').dataset.status", vec![]).await, "saved");
    app.close_like_a_user().await;

    let store = Store::open(&db, csr_core::Catalog::get()).unwrap();
    let record = store.record(id).unwrap();
    let a = record.answer("III-4").expect("the answer was saved on close");
    assert_eq!(a.description, "労災の記録簿を作成中。閉じる直前に入力した文。");
    assert_eq!(record.assessment.position.as_deref(), Some("item:III-4"));
    drop(store);

    // Start again: straight back to III-4, with the text there.
    let app = App::start(dir.path()).await;
    app.wait_hash(&format!("#/a/{id}/item/III-4")).await;
    assert_eq!(app.value("[data-field='description']").await, "労災の記録簿を作成中。閉じる直前に入力した文。");
    assert!(app.find("input[data-field='rating'][value='partly']").await.is_selected().await.unwrap());
    app.close().await;
}
