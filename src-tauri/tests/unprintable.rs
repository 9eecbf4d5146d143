//! On a computer without fonts for some of the user's characters (Korean, simplified
//! Chinese, emoji), the submission check names them with the field they are in, in English
//! and in Japanese, and links to where they are written.

mod seed;
mod support;

use csr_core::model::Answer;
use csr_core::Store;
use support::{serial, App};

#[tokio::test(flavor = "multi_thread")]
async fn the_submission_check_names_characters_the_pdf_cannot_print() {
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let id = seed::completed_assessment(&db, "2025年度");
    {
        let mut store = Store::open(&db, csr_core::Catalog::get()).unwrap();
        let record = store.record(id).unwrap();
        let mut profile = record.company.clone();
        profile.representative = "김민준".into();
        store.save_company(record.assessment.company_id, &profile, None).unwrap();
        let mut answer = record.answer("I-1").cloned().unwrap_or_else(|| Answer::new("I-1"));
        answer.description = "担当：张伟 😀".into();
        store.save_answer(id, &answer).unwrap();
    }
    // An empty font folder stands for a computer without such fonts.
    let no_fonts = dir.path().join("no-fonts");
    std::fs::create_dir_all(&no_fonts).unwrap();
    let app = App::start_with(dir.path(), &db, &[("CSR_ASSESS_FONT_DIRS", no_fonts.display().to_string())]).await;
    app.wait_for(".assessments").await;
    let finding = "li.finding.warning[data-kind='unprintable_characters']";
    for (lang, representative, says) in [("en", "Representative: ", "cannot print"), ("ja", "代表者：", "印刷できない文字")] {
        app.click(&format!("button[data-lang='{lang}']")).await;
        app.wait_for(&format!("html[lang='{lang}']")).await;
        app.goto(&format!("/a/{id}/submit")).await;
        app.wait_for(finding).await;
        let text = app.text(finding).await;
        assert!(text.contains(says), "{lang}: {text}");
        assert!(text.contains(&format!("{representative}김민준")), "{lang}: {text}");
        assert!(text.contains("U+AE40 U+BBFC U+C900"), "{lang}: {text}");
        assert!(text.contains("I-1") && text.contains("张伟😀"), "{lang}: {text}");
        assert!(!app.page_text().await.contains('⟦'), "{lang}: no untranslated string");
        app.script(&format!("document.querySelector(\"{finding}\").scrollIntoView()"), vec![]).await;
        app.screenshot_here(&format!("{lang}-unprintable-characters")).await;
    }
    // The field's link leads to where it is written.
    app.click(&format!("{finding} a[href='#/profile']")).await;
    app.wait_for("[data-field='representative']").await;
    app.close().await;
}
