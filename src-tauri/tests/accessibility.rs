//! Every screen and dialog in both languages scanned by axe-core against WCAG 2.1 A and AA
//! in the real app (WebKitGTK through WebDriver); any violation fails the test, naming the
//! screen, the rule and the elements. axe-core is installed, pinned, by scripts/setup.sh.

mod seed;
mod support;

use std::path::PathBuf;

use csr_core::Store;
use serde_json::json;
use support::{serial, App};

/// The version scripts/setup.sh installs (npm, into the user's cache): one place to change.
const AXE_VERSION: &str = "4.14.1";

/// Submits assessment `id` and opens NEC's feedback on it: requests on item II-3 (one
/// with a due date) and on a Part 2 policy.
fn nec_feedback_on(store: &mut Store, id: i64, dir: &std::path::Path) {
    use csr_core::feedback::{Author, Draft, Language, RequestDraft};
    use csr_core::{usecase, Catalog};
    let pdf = dir.join("last-year.pdf");
    usecase::submit(store, Catalog::get(), id, csr_core::lang::Lang::parse("en").unwrap(), &pdf).unwrap();
    let request = |target: &str, text: &str, due: Option<&str>| RequestDraft { target: target.into(), text: text.into(), due: due.map(Into::into) };
    let draft = Draft {
        language: Language::Ja,
        author: Author { name: Some("中村 健二".into()), email: None, organisation: "日本電気株式会社".into() },
        note: "ご提出ありがとうございました。".into(),
        requests: vec![
            request("II-3", "新規採用者の年齢確認の記録を添付してください。", Some("2027-03-31")),
            request("conflict-minerals", "CMRTをご提出ください。", None),
        ],
    };
    let file = dir.join("from-nec.csrfeedback");
    usecase::feedback_on_pdf(&pdf, &draft, &file, Catalog::get()).unwrap();
    usecase::open_feedback(store, Catalog::get(), std::fs::read(&file).unwrap().as_slice(), &file).unwrap();
}

/// axe-core's minified source, where scripts/setup.sh put it.
fn axe_source() -> String {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    let path = home.join(format!(".cache/csr-self-assessment/axe-core-{AXE_VERSION}/node_modules/axe-core/axe.min.js"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("axe-core {AXE_VERSION} is not at {} ({e}): run ./scripts/setup.sh", path.display()))
}

/// What axe found on the screen shown now, one line per rule and element ("" when nothing).
async fn violations(app: &App, axe: &str) -> String {
    // Injected once per page load; the app is one page, so once per app.
    let present = app.script("return typeof window.axe === 'object'", vec![]).await;
    if present != json!(true) {
        app.script(&format!("{axe}\n;return typeof window.axe"), vec![]).await;
    }
    // Two frames: the screen is painted (axe's colour contrast reads computed styles).
    let found = app
        .script_async(
            "const done = arguments[arguments.length - 1];
             requestAnimationFrame(() => requestAnimationFrame(() => {
               axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                                   resultTypes: ['violations'] })
                 .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map((n) => n.target.join(' ') + ' — ' + n.failureSummary.replace(/\\s+/g, ' ')) }))))
                 .catch((e) => done([{ id: 'axe-error', help: String(e), nodes: [] }]));
             }));",
            vec![],
        )
        .await;
    let mut out = String::new();
    for v in found.as_array().cloned().unwrap_or_default() {
        out.push_str(&format!("  {} ({}): {}\n", v["id"].as_str().unwrap_or(""), v["impact"], v["help"].as_str().unwrap_or("")));
        for n in v["nodes"].as_array().cloned().unwrap_or_default() {
            out.push_str(&format!("    {}\n", n.as_str().unwrap_or("")));
        }
    }
    out
}

/// Scans the screen drawn now; adds what was found to `report` under `name`.
async fn scan(app: &App, axe: &str, lang: &str, name: &str, report: &mut Vec<String>) {
    let found = violations(app, axe).await;
    if !found.is_empty() {
        report.push(format!("{name} ({lang}):\n{found}"));
    }
}

async fn language(app: &App, lang: &str) {
    app.click(&format!("button[data-lang='{lang}']")).await;
    app.wait_for(&format!("html[lang='{lang}']")).await;
}

/// Closes the open dialog as a keyboard user would.
async fn close_dialog(app: &App) {
    app.script("document.querySelector('dialog[open]')?.close()", vec![]).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_in_both_languages_passes_wcag_2_1_aa() {
    let _one = serial().await;
    let axe = axe_source();
    let dir = tempfile::tempdir().unwrap();
    let mut report = Vec::new();

    // First start: the welcome and an empty profile.
    let first = dir.path().join("first");
    std::fs::create_dir_all(&first).unwrap();
    let app = App::start(&first).await;
    for lang in ["en", "ja"] {
        app.goto("/welcome").await;
        language(&app, lang).await;
        scan(&app, &axe, lang, "welcome", &mut report).await;
        app.goto("/profile").await;
        scan(&app, &axe, lang, "profile (first start)", &mut report).await;
    }
    app.kill().await;

    // A returning user: last year's assessment, this year's carried forward with a gap, and
    // a company whose profile makes some Part 2 policies not apply.
    let db = dir.path().join("db.sqlite3");
    // Last year's was submitted and NEC's feedback on it opened: its requests follow.
    let id = seed::returning_user_with(&db, |store, last_year| nec_feedback_on(store, last_year, dir.path()));
    let app = App::start(dir.path()).await;
    let mut screens = seed::returning_user_screens(id);
    screens.push(("NEC's requests", format!("/a/{id}/requests")));
    screens.push(("item with NEC's requests", format!("/a/{id}/item/II-3")));
    for lang in ["en", "ja"] {
        app.goto("/assessments").await;
        language(&app, lang).await;
        for (name, path) in &screens {
            app.goto(path).await;
            scan(&app, &axe, lang, name, &mut report).await;
        }
        // The guideline's text in each view a reader of the translation can choose.
        app.goto(&format!("/a/{id}/item/I-2")).await;
        for view in ["both", "original", "translation"] {
            if app.find_all(&format!("button[data-gl-view='{view}']")).await.is_empty() {
                continue; // English has no translation to switch.
            }
            app.click(&format!("button[data-gl-view='{view}']")).await;
            scan(&app, &axe, lang, &format!("item, guideline view '{view}'"), &mut report).await;
        }
        // The sidebar filtered.
        app.script(
            "const s = document.querySelector(\"[data-finder='filter']\"); s.value = 'gaps'; s.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![],
        )
        .await;
        app.wait_for("[data-testid='finder-results']").await;
        scan(&app, &axe, lang, "sidebar filtered", &mut report).await;
        app.click("[data-finder='clear']").await;
        // The dialogs: About, and the backups.
        app.click("[data-action='about']").await;
        app.wait_for("dialog[open]").await;
        scan(&app, &axe, lang, "About", &mut report).await;
        close_dialog(&app).await;
        app.goto("/assessments").await;
        app.click("[data-action='backups']").await;
        app.wait_for("dialog[open] .modal-actions").await;
        scan(&app, &axe, lang, "backups", &mut report).await;
        close_dialog(&app).await;
        // A preview written: the panel that opens the PDF and the e-mail.
        app.goto(&format!("/a/{id}/submit")).await;
        app.answer_file_dialogs_with(&dir.path().join(format!("preview-{lang}.pdf"))).await;
        app.click("[data-action='create-pdf']").await;
        app.wait_for("[data-testid='pdf-result']:not([hidden])").await;
        scan(&app, &axe, lang, "PDF written", &mut report).await;
    }
    app.close().await;
    assert!(report.is_empty(), "axe-core {AXE_VERSION} (WCAG 2.1 A/AA) found:\n{}", report.join("\n"));
}

#[test]
fn the_version_tested_is_the_one_setup_installs() {
    let setup = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/setup.sh")).unwrap();
    assert!(setup.contains(&format!("AXE_VERSION={AXE_VERSION}")), "scripts/setup.sh installs axe-core {AXE_VERSION}");
}
