//! NEC's feedback closes the loop, in English and Japanese: NEC collects a real submission
//! PDF and writes feedback on it; the supplier opens the file with `csr-assess import` (a
//! real process on the supplier's real database), replies to two of the three requests, and
//! submits again; NEC's next collect counts them answered and lists the open one, which
//! follows into next year's assessment. And the bad inputs: the file opened twice, edited,
//! cut short, for another supplier, for a submission this database does not hold.

mod common;
#[path = "support/cli.rs"]
mod cli;
#[path = "support/feedback.rs"]
mod support;

use std::path::{Path, PathBuf};

use csr_core::feedback::Language;
use csr_core::lang::Lang;
use csr_core::model::{Reply, RequestStatus};
use csr_core::{usecase, Catalog, Store};
use serde_json::Value;

use cli::{ok, run};

/// Runs `args`, expecting failure (exit 1) with a message that holds every one of `says`.
fn fails(db: &Path, args: &[&str], says: &[&str]) {
    let out = run(db, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    for s in says {
        assert!(err.contains(s), "{args:?}: “{s}” in: {err}");
    }
}

fn collect(dir: &Path, pdfs: &[PathBuf], lang: Lang, name: &str) -> usecase::CollectReport {
    let out = dir.join(name);
    usecase::collect_to(pdfs, &[], 1, Catalog::get(), lang, &out, &|_| {}).unwrap()
}

fn language(code: &str) -> Language {
    if code == "en" {
        Language::En
    } else {
        Language::Ja
    }
}

/// NEC's requests assessment `id` shows, as `requests ID --json` prints them.
fn shown(db: &Path, id: i64) -> Value {
    serde_json::from_str(&ok(db, &["requests", &id.to_string(), "--json"])).unwrap()
}

#[test]
fn collect_feedback_import_reply_submit_collect_in_both_languages() {
    for code in ["en", "ja"] {
        let lang = Lang::parse(code).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let name = "株式会社あおば電子";
        let sub = support::submitted(dir.path(), "aoba.pdf", "NEC-SUP-000001", name, code);
        let (db, id) = (dir.path().join("aoba.pdf.sqlite3"), sub.id);
        drop(sub.store);

        // NEC: the first collect has no requests to count; NEC writes feedback on the PDF.
        let first = collect(dir.path(), std::slice::from_ref(&sub.pdf), lang, "first.xlsx");
        assert_eq!((first.kept, first.requests_answered, first.requests_open), (1, 0, 0), "{code}");
        let fb = dir.path().join("feedback.csrfeedback");
        usecase::feedback_on_pdf(&sub.pdf, &support::draft(language(code)), &fb, Catalog::get()).unwrap();

        // The supplier: `import` recognises the feedback by its content, whatever its name.
        let renamed = dir.path().join("from-nec.json");
        std::fs::copy(&fb, &renamed).unwrap();
        let said = ok(&db, &["import", renamed.to_str().unwrap()]);
        assert!(said.contains("3 request(s)") && said.contains(&format!("assessment {id}")), "{code}: {said}");
        let listed = shown(&db, id);
        assert_eq!(listed["open"], 3, "{code}: {listed}");
        let requests = listed["requests"].as_array().unwrap();
        let r = requests.iter().find(|r| r["id"] == "II-3#1").expect("II-3#1");
        assert_eq!(r["item"], "II-3");
        assert_eq!(r["due"], "2027-03-31");
        assert_eq!(r["language"], code, "the language NEC wrote in");
        assert_eq!(r["submission_sha256"], sub.sha256.as_str(), "matched by the data's fingerprint");
        let author = if code == "en" { "Kenji Nakamura" } else { "中村 健二" };
        assert!(r["asked_by"].as_str().unwrap().contains(author), "{code}: NEC's author: {r}");
        let policy = requests.iter().find(|r| r["policy"] == "conflict-minerals").expect("the policy's request");
        assert_eq!(policy["status"], "open");

        // Opened twice: refused, nothing added.
        fails(&db, &["import", fb.to_str().unwrap()], &["already opened"]);
        assert_eq!(shown(&db, id)["requests"].as_array().unwrap().len(), 3, "{code}: no duplicates");

        // The replies: one done, one not possible (with its reason), the policy's left open.
        let (done, because) = if code == "en" {
            ("The age-check record is attached (scanned copy).", "We hire through an agency that keeps the record.")
        } else {
            ("年齢確認の記録を添付しました（写し）。", "採用は派遣会社経由で、記録は派遣会社が保管しているためです。")
        };
        ok(&db, &["reply", &id.to_string(), "II-3#1", "--text", done, "--done"]);
        // `show --json` is the assessment file (version 4): NEC's requests with the replies.
        let file: Value = serde_json::from_str(&ok(&db, &["show", &id.to_string(), "--json"])).unwrap();
        assert_eq!(file["format_version"], 4);
        let kept = file["nec_requests"].as_array().expect("nec_requests");
        let r = kept.iter().find(|r| r["id"] == "II-3#1").unwrap();
        assert_eq!((r["status"].as_str(), r["reply"].as_str()), (Some("done"), Some(done)), "{code}: {r}");
        let mut store = Store::open(&db, Catalog::get()).unwrap();
        let theirs = store.record(id).unwrap().nec_requests.into_iter().find(|r| r.id == "II-3#2").unwrap();
        let reply = Reply {
            status: RequestStatus::NotPossible,
            reply: String::new(),
            reason: because.into(),
            revision: theirs.revision,
        };
        let saved = usecase::reply_to_request(&mut store, Catalog::get(), id, &sub.sha256, "II-3#2", &reply).unwrap();
        // The same reply saved on the old revision again: a conflict, not a silent overwrite.
        let stale = usecase::reply_to_request(&mut store, Catalog::get(), id, &sub.sha256, "II-3#2", &reply);
        assert_eq!(stale.unwrap_err().kind(), "conflict", "{code}");
        assert!(saved.receipt.revision.is_some());

        // The next submission carries the replies; NEC's next collect counts them.
        let again = dir.path().join("aoba-2.pdf");
        usecase::submit(&mut store, Catalog::get(), id, lang, &again).unwrap();
        // Its page of NEC's requests and our replies, checked by `verify` like every page.
        ok(&db, &["verify", again.to_str().unwrap()]);
        if common::poppler("the PDF's page of NEC's requests") {
            let text = common::pdf_text(&again);
            let l = csr_core::pdf::labels(lang);
            // The page after the cover (no changes page here: not carried forward).
            let page = text.split('\u{c}').nth(1).unwrap();
            assert!(page.contains(&l.requests_title), "{code}: the second page is the requests page: {page}");
            let flat: String = page.split_whitespace().collect();
            // The states in the language's words (one source with the screens).
            let w = lang.words();
            for shown in [w.request_status("done"), w.request_status("not_possible"), w.request_status("open"), &l.requests_text] {
                assert!(flat.contains(&shown.split_whitespace().collect::<String>()), "{code}: {shown} in {page}");
            }
            for said in [done, because, "2027-03-31"] {
                let said = if said.starts_with("2027") { lang.date_text(said) } else { said.to_string() };
                assert!(flat.contains(&said.split_whitespace().collect::<String>()), "{code}: {said} in {page}");
            }
        }
        let second = collect(dir.path(), std::slice::from_ref(&again), lang, "second.xlsx");
        assert_eq!((second.requests_answered, second.requests_open), (2, 1), "{code}");
        assert_eq!(second.unanswered[0].request.id, "conflict-minerals#1", "{code}");
        assert_eq!(second.unanswered[0].supplier_code, "NEC-SUP-000001");
        // The command line says it too, and names the open one.
        let said = ok(&db, &["collect", again.to_str().unwrap(), "--output", dir.path().join("cli.xlsx").to_str().unwrap()]);
        assert!(said.contains("NEC's earlier requests: 2 answered, 1 not answered yet."), "{said}");
        assert!(said.contains("OPEN 株式会社あおば電子 (NEC-SUP-000001") && said.contains("conflict-minerals#1"), "{said}");
        // The workbook's Submissions sheet: the counts and the open one, headed in the language.
        let w = csr_core::collect::labels(lang);
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(dir.path().join("second.xlsx")).unwrap();
        let sheet = calamine::Reader::worksheet_range(&mut book, &w.sheet_submissions).unwrap();
        let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
        let col = |h: &str| rows[0].iter().position(|x| x == h).unwrap_or_else(|| panic!("{code}: no column {h}"));
        assert_eq!(rows[1][col(&w.requests_answered)], "2", "{code}");
        assert_eq!(rows[1][col(&w.requests_open)], "1", "{code}");
        assert_eq!(rows[1][col(&w.requests_open_ids)], "conflict-minerals#1", "{code}");

        // Next year: the open request follows, the answered ones stay with last year.
        let next = usecase::start_assessment(
            &mut store,
            &usecase::Start { period: "FY2027".into(), from: Some(id), company: None },
        )
        .unwrap();
        let carried = store.record(next.id).unwrap().nec_requests;
        let ids: Vec<&str> = carried.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["conflict-minerals#1"], "{code}: only the open request follows");
        // Answered there, it is answered (and no longer open) where NEC asked it too.
        let open = carried[0].clone();
        let done_there =
            Reply { status: RequestStatus::Done, reply: done.into(), reason: String::new(), revision: open.revision };
        usecase::reply_to_request(&mut store, Catalog::get(), next.id, &sub.sha256, &open.id, &done_there).unwrap();
        assert!(store.record(next.id).unwrap().nec_requests.iter().all(|r| r.is_answered()), "{code}");
        drop(store);
        assert_eq!(shown(&db, next.id)["open"], 0, "{code}");
    }
}

#[test]
fn bad_feedback_files_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let sub = support::submitted(dir.path(), "aoba.pdf", "NEC-SUP-000001", "株式会社あおば電子", "ja");
    let other = support::submitted(dir.path(), "other.pdf", "NEC-SUP-000002", "株式会社みどり製作所", "en");
    let (db, id) = (dir.path().join("aoba.pdf.sqlite3"), sub.id);
    drop(sub.store);
    drop(other.store);
    let fb = dir.path().join("aoba.csrfeedback");
    usecase::feedback_on_pdf(&sub.pdf, &support::draft(Language::Ja), &fb, Catalog::get()).unwrap();
    let text = std::fs::read_to_string(&fb).unwrap();
    let write = |name: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        p
    };
    // Cut short, and edited after NEC wrote it.
    let cut = write("cut.csrfeedback", &text[..text.len() / 2]);
    fails(&db, &["import", cut.to_str().unwrap()], &["cut.csrfeedback"]);
    let edited = write("edited.csrfeedback", &text.replace("2027-03-31", "2027-06-30"));
    fails(&db, &["import", edited.to_str().unwrap()], &["edited.csrfeedback"]);
    // A request on an item the guideline does not have (the file's id made to fit it).
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["requests"][0]["item"] = "II-99".into();
    v["requests"][0]["id"] = "II-99#1".into();
    v.as_object_mut().unwrap().remove("id");
    let id_of = csr_core::fingerprint::sha256_hex(csr_core::feedback::canonical::canonical(&v).as_bytes());
    v["id"] = id_of.into();
    let unknown = write("unknown.csrfeedback", &serde_json::to_string_pretty(&v).unwrap());
    fails(&db, &["import", unknown.to_str().unwrap()], &["II-99"]);
    // Another supplier's feedback: it names both.
    let theirs = dir.path().join("other.csrfeedback");
    usecase::feedback_on_pdf(&other.pdf, &support::draft(Language::En), &theirs, Catalog::get()).unwrap();
    fails(&db, &["import", theirs.to_str().unwrap()], &["NEC-SUP-000002", "NEC-SUP-000001"]);
    // A submission this database does not hold: the same supplier's, made from another database.
    let elsewhere = tempfile::tempdir().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let unknown_sub = support::submitted(elsewhere.path(), "again.pdf", "NEC-SUP-000001", "株式会社あおば電子", "ja");
    let later = dir.path().join("later.csrfeedback");
    usecase::feedback_on_pdf(&unknown_sub.pdf, &support::draft(Language::Ja), &later, Catalog::get()).unwrap();
    let out = run(&db, &["import", later.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("not in this app's data"), "{err}");
    // Nothing of any of them was kept.
    assert_eq!(shown(&db, id)["requests"].as_array().unwrap().len(), 0);
    assert_eq!(ok(&db, &["import", fb.to_str().unwrap()]).contains("3 request(s)"), true);
}

/// A submission made before the app kept fingerprints (a database of an earlier layout,
/// updated when opened): NEC's feedback on it is matched by the same supplier's submission of
/// that period at that very second, and its requests are kept.
#[test]
fn feedback_on_a_submission_made_before_fingerprints_were_kept_is_matched_by_its_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.sqlite3");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/schema-v1.sqlite3"), &db).unwrap();
    {
        // Submitted under the first layout, which kept no fingerprint.
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute("UPDATE assessment SET status = 'submitted', submitted_at = '2026-06-10T09:00:00Z'", []).unwrap();
    }
    let mut store = Store::open(&db, Catalog::get()).unwrap();
    let id = store.list_assessments().unwrap()[0].id;
    // NEC's copy of that submission, as the app prints it again.
    let pdf = dir.path().join("old.pdf");
    usecase::preview_pdf(&store, Catalog::get(), id, Lang::parse("ja").unwrap(), &pdf).unwrap();
    let fb = dir.path().join("old.csrfeedback");
    usecase::feedback_on_pdf(&pdf, &support::draft(Language::Ja), &fb, Catalog::get()).unwrap();
    let bytes = std::fs::read(&fb).unwrap();
    let opened = usecase::open_feedback(&mut store, Catalog::get(), bytes.as_slice(), &fb).unwrap();
    assert_eq!((opened.assessment_id, opened.added), (id, 3));
    assert_eq!(store.record(id).unwrap().nec_requests.len(), 3);
}
