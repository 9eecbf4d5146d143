//! The second year, editing in place: an answer edited twice in the re-confirm view is
//! saved twice, each save based on the one before (no "changed in another window" where no
//! other window was), and the item page edits it on from there. In English and Japanese.

mod seed;
mod support;

use csr_core::Store;
use support::{serial, App};

async fn edit_twice_in_the_reconfirm_view(lang: &str) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let last_year = seed::completed_assessment(&db, if lang == "ja" { "2025年度" } else { "FY2025" });
    let id = Store::open(&db, csr_core::Catalog::get()).unwrap().create_assessment_from(last_year, if lang == "ja" { "2026年度" } else { "FY2026" }).unwrap().id;
    Store::open(&db, csr_core::Catalog::get()).unwrap().set_setting("language", lang).unwrap();
    let app = App::start_with_db(dir.path(), &db).await;
    app.goto(&format!("/a/{id}/reconfirm/II")).await;
    app.click("[data-action='edit'][data-item='II-2']").await;
    let editor = "[data-item='II-2'] .reconfirm-edit";
    // First the rating (saved at once), then the text (saved after the pause): two saves.
    app.click(&format!("{editor} input[data-field='rating'][value='partly']")).await;
    app.wait_saved().await;
    app.wait_for(".reconfirm-row.confirmed[data-item='II-2']").await;
    let text = if lang == "ja" { "今年は規程を改定中です" } else { "Rules being revised this year" };
    app.type_into(&format!("{editor} textarea[data-field='description']"), text).await;
    app.wait_saved().await;
    assert!(app.find_all("dialog.modal[open]").await.is_empty(), "{lang}: no conflict where no other window saved");
    // A third change, now from the item page: based on the second save too.
    app.goto(&format!("/a/{id}/item/II-2")).await;
    app.click("input[data-field='marked_for_review']").await;
    app.wait_saved().await;
    assert!(app.find_all("dialog.modal[open]").await.is_empty(), "{lang}: the item page saves on from there");
    app.close().await;

    let answer = Store::open(&db, csr_core::Catalog::get()).unwrap().record(id).unwrap().answer("II-2").cloned().unwrap();
    assert_eq!(answer.rating, Some(csr_core::model::Rating::Partly), "{lang}: the first save");
    assert_eq!(answer.description, text, "{lang}: the second save");
    assert!(answer.marked_for_review, "{lang}: the third save");
    assert!(!answer.to_reconfirm);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_answer_edited_twice_in_the_reconfirm_view_is_saved_twice_in_english() {
    let _one = serial().await;
    edit_twice_in_the_reconfirm_view("en").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_answer_edited_twice_in_the_reconfirm_view_is_saved_twice_in_japanese() {
    let _one = serial().await;
    edit_twice_in_the_reconfirm_view("ja").await;
}
