//! The app's boundaries against its own page: no command takes a file path from the page
//! (a page script that names one writes and reads nothing), the page may not open file
//! dialogs itself, and the window never leaves the app's own pages. Also: a preview from
//! the submission screen while points are open leaves the status as it was.

mod seed;
mod support;

use std::time::Duration;

use csr_core::model::Status;
use csr_core::Store;
use serde_json::json;
use support::{serial, App};

#[tokio::test(flavor = "multi_thread")]
async fn a_page_script_can_name_no_file_and_cannot_leave_the_app() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let id = seed::completed_assessment(&db, "FY2025");
    let app = App::start(dir.path()).await;
    app.wait_for(".assessments").await;

    // Files the page would like to write or read.
    let victim = dir.path().join("settings.json");
    std::fs::write(&victim, "{\"keep\": true}").unwrap();
    let contract = dir.path().join("contract.pdf");
    std::fs::write(&contract, "%PDF-1.4 the signed contract").unwrap();
    app.cancel_file_dialogs();
    let call = |command: &'static str, args: serde_json::Value| {
        let client = app.client.clone();
        async move {
            client
                .execute_async(
                    "const [c, a, done] = arguments; window.__TAURI__.core.invoke(c, a).then((ok) => done({ ok: ok ?? null }), (err) => done({ err: typeof err === 'string' ? err : JSON.stringify(err) }));",
                    vec![json!(command), args],
                )
                .await
                .unwrap()
        }
    };
    let dialog = json!({ "title": "t", "filter": "f" });
    // The commands take no path: one given is ignored, and the (cancelled) dialog decides.
    let r = call("export_assessment", json!({ "id": id, "lang": "en", "path": victim, "dialog": dialog })).await;
    assert_eq!(r, json!({ "ok": null }), "{r}");
    let r = call("submit", json!({ "id": id, "lang": "en", "path": contract, "dialog": dialog })).await;
    assert_eq!(r, json!({ "ok": null }), "{r}");
    let r = call("preview_pdf", json!({ "id": id, "lang": "en", "path": contract, "dialog": dialog })).await;
    assert_eq!(r, json!({ "ok": null }), "{r}");
    let r = call("import_assessment", json!({ "path": victim, "dialog": dialog })).await;
    assert_eq!(r, json!({ "ok": null }), "{r}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "{\"keep\": true}");
    assert_eq!(std::fs::read(&contract).unwrap(), b"%PDF-1.4 the signed contract");
    let store = Store::open(&db, csr_core::Catalog::get()).unwrap();
    assert_eq!(store.assessment(id).unwrap().status, Status::Draft, "nothing was submitted");
    assert_eq!(store.list_assessments().unwrap().len(), 1, "nothing was imported");
    drop(store);
    // The old commands are gone, and so is setting the status from the page.
    for (command, args) in [
        ("create_pdf", json!({ "id": id, "path": contract, "lang": "en" })),
        ("set_status", json!({ "id": id, "status": "submitted" })),
    ] {
        let r = call(command, args).await;
        assert!(r["err"].as_str().is_some_and(|e| e.contains("not found")), "{command}: {r}");
    }
    // The page may not open a file dialog itself (it could pick a path and hand it on).
    for plugin_command in ["plugin:dialog|save", "plugin:dialog|open"] {
        let r = call(plugin_command, json!({ "options": {} })).await;
        assert!(r["err"].as_str().is_some_and(|e| e.contains("not allowed")), "{plugin_command}: {r}");
    }

    // Navigation away from the app's pages is refused.
    let home = app.script("return location.origin", vec![]).await;
    for elsewhere in ["https://example.com/", "file:///etc/hostname", "http://localhost:1/"] {
        app.script("location.href = arguments[0]", vec![json!(elsewhere)]).await;
        tokio::time::sleep(Duration::from_millis(800)).await;
        assert_eq!(app.script("return location.origin", vec![]).await, home, "still home after {elsewhere}");
        assert!(app.find_all(".assessments").await.len() == 1, "the app's page is still shown");
    }
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_preview_while_points_are_open_keeps_the_status() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let (_company, id) = seed::company_with_empty_assessment(&db, "FY2026");
    let app = App::start(dir.path()).await;
    app.goto(&format!("/a/{id}/submit")).await;
    app.wait_for("[data-testid='readiness'][data-ready='false']").await;
    let button = app.text("[data-action='create-pdf']").await;
    assert!(button.contains("preview"), "{button}");
    let path = dir.path().join("preview.pdf");
    app.answer_file_dialogs_with(&path).await;
    app.click("[data-action='create-pdf']").await;
    app.wait_for("[data-testid='pdf-result']:not([hidden])").await;
    assert!(app.text("[data-testid='pdf-result']").await.contains("This is a preview, not a submission"));
    let text = csr_core::pdf::extract(&std::fs::read(&path).unwrap()).unwrap();
    assert!(text.contains("\"status\": \"draft\""), "{text}");
    app.close().await;
    assert_eq!(Store::open(&db, csr_core::Catalog::get()).unwrap().assessment(id).unwrap().status, Status::Draft);
}
