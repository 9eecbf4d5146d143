//! What the window tells a user, in English and in Japanese (issue 23 points 5 and 6): the
//! submission check names unanswered items by title under their group; after submitting, the
//! sidebar and the header say "Submitted"; an import of a period already here is refused with
//! what to do; a deleted assessment is offered back inside the page, in the page's language; a
//! restore says what it brought back; a date is typed as text and shown in words; a Part 2
//! policy that does not concern the company says so on its re-confirm card.

mod seed;
mod support;

use csr_core::lang::Lang;
use csr_core::model::Part2Answer;
use csr_core::{interchange, Catalog, Store};
use support::{serial, string, App};

const LANGS: [&str; 2] = ["en", "ja"];

async fn in_language(app: &App, lang: &str) {
    app.goto("/assessments").await;
    app.click(&format!("button[data-lang='{lang}']")).await;
    app.wait_for(&format!("html[lang='{lang}']")).await;
}

fn filled(template: &str, pairs: &[(&str, &str)]) -> String {
    pairs.iter().fold(template.to_string(), |t, (k, v)| t.replace(&format!("{{{k}}}"), v))
}

/// Waits until `css` is gone from the page.
async fn gone(app: &App, css: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !app.find_all(css).await.is_empty() {
        assert!(std::time::Instant::now() < deadline, "{css} is still there");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_check_names_items_by_title_under_their_group_and_a_submission_shows_in_sidebar_and_header() {
    let _one = serial().await;
    for lang in LANGS {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db.sqlite3");
        let done = seed::completed_assessment(&db, "2026年度");
        let open = {
            let mut store = Store::open(&db, Catalog::get()).unwrap();
            let company = store.assessment(done).unwrap().company_id;
            store.create_assessment(company, "2027年度").unwrap().id
        };
        let words = Lang::parse(lang).unwrap();
        let catalog = Catalog::get();

        let app = App::start(dir.path()).await;
        app.wait_for(".assessments").await;
        in_language(&app, lang).await;

        // 47 unanswered: each with its title, under the heading of its group.
        app.goto(&format!("/a/{open}/submit")).await;
        let listed = app.text("[data-kind='unanswered'] [data-testid='grouped-items']").await;
        assert_eq!(app.find_all("[data-kind='unanswered'] .link-group-name").await.len(), catalog.groups().len());
        for group in catalog.groups() {
            assert!(listed.contains(catalog.guideline_text(lang, &group.title)), "{lang}: group {} named: {listed}", group.id);
        }
        for id in ["I-1", "II-2", "VII-8"] {
            let title = catalog.guideline_text(lang, &catalog.item(id).unwrap().title);
            assert!(listed.contains(&format!("{id} {title}")), "{lang}: {id} with its title: {listed}");
        }
        app.screenshot_here(&format!("{lang}-check-grouped")).await;
        assert!(app.find_all("[data-testid='sidebar-status']").await.is_empty(), "a draft is not marked submitted");

        // Submitted: the sidebar and the header say so, until a change makes it a draft again.
        app.goto(&format!("/a/{done}/submit")).await;
        app.answer_file_dialogs_with(&dir.path().join("submission.pdf")).await;
        app.click("[data-action='create-pdf']").await;
        app.wait_for("[data-testid='pdf-result']:not([hidden])").await;
        let submitted = words.words().status("submitted");
        assert_eq!(app.text("[data-testid='sidebar-status']").await, submitted);
        assert_eq!(app.text("[data-testid='header-status']").await, submitted);
        app.screenshot_here(&format!("{lang}-submitted")).await;
        app.goto(&format!("/a/{done}/item/I-1")).await;
        assert_eq!(app.text("[data-testid='header-status']").await, submitted, "{lang}: still submitted on the item");
        app.click("input[data-field='rating'][value='mostly']").await;
        gone(&app, "[data-testid='header-status']").await;
        gone(&app, "[data-testid='sidebar-status']").await;
        app.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_import_of_a_period_already_here_is_refused_and_a_deleted_one_is_offered_back_in_the_page() {
    let _one = serial().await;
    for lang in LANGS {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db.sqlite3");
        let id = seed::completed_assessment(&db, "2026年度");
        let file = dir.path().join("2026年度.json");
        let text = interchange::export(&Store::open(&db, Catalog::get()).unwrap().record(id).unwrap(), Catalog::get());
        std::fs::write(&file, text).unwrap();

        let app = App::start(dir.path()).await;
        app.wait_for(".assessments").await;
        in_language(&app, lang).await;
        app.answer_file_dialogs_with(&file).await;
        app.click("[data-action='import']").await;
        app.wait_for("dialog.modal[open]").await;
        assert_eq!(app.text("dialog.modal .modal-title").await, string(lang, "error.period_exists.title"));
        let advice = filled(&string(lang, "error.period_exists.advice"), &[("period", "2026年度"), ("company", "株式会社みらい電子")]);
        assert!(app.text("dialog.modal").await.contains(&advice), "{lang}: the advice names the period and the company");
        app.screenshot_here(&format!("{lang}-import-period-exists")).await;
        app.click("dialog.modal button[value='ok']").await;
        assert_eq!(Store::open(&db, Catalog::get()).unwrap().list_assessments().unwrap().len(), 1, "nothing imported");

        // Deleted: offered back inside the page (not over it), at 1024×700, in the page's language.
        app.client.set_window_size(1024, 700).await.unwrap();
        app.click(&format!("tr[data-id='{id}'] [data-action='delete']")).await;
        app.click("dialog.modal button[value='ok']").await;
        app.wait_for("[data-testid='deleted-notice']").await;
        assert_eq!(
            app.text("[data-testid='deleted-notice'] span").await,
            filled(&string(lang, "assessments.deleted"), &[("period", "2026年度")])
        );
        assert!(app.find_all(".toast").await.is_empty(), "no floating notice");
        let inside = app
            .script("const n = document.querySelector('[data-testid=\"deleted-notice\"]'); return !!n.closest('.assessments') && getComputedStyle(n).position === 'static'", vec![])
            .await;
        assert_eq!(inside, serde_json::json!(true));
        app.screenshot_here(&format!("{lang}-deleted-notice-1024")).await;
        let other = if lang == "en" { "ja" } else { "en" };
        app.click(&format!("button[data-lang='{other}']")).await;
        app.wait_for(&format!("html[lang='{other}']")).await;
        assert_eq!(
            app.text("[data-testid='deleted-notice'] span").await,
            filled(&string(other, "assessments.deleted"), &[("period", "2026年度")]),
            "in the language of the page"
        );
        app.click("[data-action='undo-delete']").await;
        app.wait_for(&format!("tr[data-id='{id}']")).await;
        gone(&app, "[data-testid='deleted-notice']").await;
        app.client.set_window_size(1280, 800).await.unwrap();
        app.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_restore_says_what_it_brought_back() {
    let _one = serial().await;
    for lang in LANGS {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db.sqlite3");
        let id = seed::completed_assessment(&db, "2026年度");
        let snap = Store::open(&db, Catalog::get()).unwrap().back_up(csr_core::store::BackupReason::Manual).unwrap();
        // Only the manual backup is there: the store's own daily one is left out of the way.
        for e in std::fs::read_dir(dir.path().join("backups")).unwrap().flatten() {
            if e.file_name().to_string_lossy() != snap.name {
                std::fs::remove_file(e.path()).unwrap();
            }
        }

        let app = App::start(dir.path()).await;
        app.wait_for(".assessments").await;
        in_language(&app, lang).await;
        app.click("[data-action='backups']").await;
        app.click("dialog.modal button[value='restore:0']").await;
        app.click("dialog.modal button[value='ok']").await;
        app.wait_for("[data-testid='restored-list']").await;
        let said = app.text("dialog.modal").await;
        let line = filled(
            &string(lang, "backups.restored_line"),
            &[("period", "2026年度"), ("company", "株式会社みらい電子"), ("answers", &Catalog::get().item_count().to_string())],
        );
        assert!(said.contains(&line), "{lang}: {said}");
        assert!(said.contains(&string(lang, "backups.restored_title")), "{said}");
        assert!(said.contains(&format!("({})", string(lang, "backups.reason.manual"))) || said.contains(&format!("（{}）", string(lang, "backups.reason.manual"))), "{said}");
        app.screenshot_here(&format!("{lang}-restored")).await;
        app.click("dialog.modal button[value='ok']").await;
        app.wait_for(&format!("tr[data-id='{id}']")).await;
        app.close().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_date_is_typed_as_text_and_shown_in_words() {
    let _one = serial().await;
    for lang in LANGS {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db.sqlite3");
        let (_, id) = seed::company_with_empty_assessment(&db, "2026年度");

        let app = App::start(dir.path()).await;
        app.wait_for(".assessments").await;
        in_language(&app, lang).await;
        app.goto(&format!("/a/{id}/declaration")).await;
        let date = "[data-field='date']";
        assert_eq!(app.script("return document.querySelector(arguments[0]).type", vec![date.into()]).await, serde_json::json!("text"));
        assert_eq!(app.script("return document.querySelector(arguments[0]).placeholder", vec![date.into()]).await, serde_json::json!(""));
        app.type_into(date, "2026/12/31").await;
        app.click("[data-field='signer_title']").await; // leaving the field
        assert_eq!(app.value(date).await, "2026-12-31", "written in the core's form");
        assert_eq!(app.text(".date-field .date-shown").await, Lang::parse(lang).unwrap().date_text("2026-12-31"));
        app.wait_saved().await;
        // No date: said how to write one, and nothing saved.
        // Typed over (as the field is left: WebDriver's clear would leave it empty first).
        app.set_date(date, "2026/02/30").await;
        assert_eq!(app.text(".date-field .field-problem").await, string(lang, "date.problem"));
        app.screenshot_here(&format!("{lang}-date-typed")).await;
        app.wait_saved().await;
        app.close().await;
        let stored = Store::open(&db, Catalog::get()).unwrap().assessment(id).unwrap().declaration.date;
        assert_eq!(stored.as_deref(), Some("2026-12-31"), "{lang}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_policy_that_does_not_concern_the_company_says_so_on_its_re_confirm_card() {
    let _one = serial().await;
    for lang in LANGS {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db.sqlite3");
        let last = seed::completed_assessment(&db, "2025年度");
        let this = {
            let mut store = Store::open(&db, Catalog::get()).unwrap();
            let this = store.create_assessment_from(last, "2026年度").unwrap().id;
            // The company does no construction work (seed profile); it left the policy unticked.
            store.save_part2(this, &Part2Answer::new("construction-safety")).unwrap();
            this
        };

        let app = App::start(dir.path()).await;
        app.wait_for(".assessments").await;
        in_language(&app, lang).await;
        app.goto(&format!("/a/{this}/reconfirm/part2")).await;
        let card = "[data-policy='construction-safety']";
        assert_eq!(app.text(&format!("{card} [data-testid='policy-state']")).await, string(lang, "part2.not_relevant_short"));
        assert!(app.text(card).await.contains(&string(lang, "reconfirm.confirmed")));
        assert!(!app.text(card).await.contains(&Lang::parse(lang).unwrap().words().not_answered), "{lang}: not 'not answered yet'");
        app.close().await;
    }
}
