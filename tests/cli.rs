//! The `csr-assess` command line, run as a real process.

mod common;
#[path = "support/cli.rs"]
mod cli;

use std::path::{Path, PathBuf};
use std::process::Command;

use csr_core::catalog::FieldKind;
use csr_core::Catalog;
use serde_json::Value;

use cli::{ok, run, BIN};

const VERBS: [&str; 24] = [
    "catalog", "profile", "new", "list", "show", "answer", "part2", "declare", "status", "rename", "delete", "restore",
    "score", "check", "export", "import", "submit", "pdf", "extract", "verify", "collect", "backup", "backups", "restore-backup",
];

#[test]
fn every_verb_has_help() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    let main = ok(&db, &["--help"]);
    for verb in VERBS {
        assert!(main.contains(&format!("  {verb} ")), "main help lists {verb}");
        let help = ok(&db, &[verb, "--help"]);
        assert!(help.starts_with(&format!("Usage: csr-assess {verb}")), "{verb}: {help}");
        assert_eq!(ok(&db, &["help", verb]), help);
    }
    assert!(!db.exists(), "asking for help creates no database");
    for status in ["3 when `check` or `submit`", "4 when `verify`"] {
        assert!(main.contains(status), "main help gives exit status {status}");
    }
}

#[test]
fn a_pdf_is_not_written_to_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let id = ok(&db, &["new", "--period", "FY2026"]).trim().to_string();
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .args(["--db", db.to_str().unwrap(), "pdf", &id, "-o", "-"])
        .env_remove("CSR_ASSESS_DB")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a PDF must go to a file"));
    assert!(out.stdout.is_empty());
    assert!(!dir.path().join("-").exists(), "no file named \"-\"");
}

#[test]
fn mistakes_exit_nonzero_with_a_message_that_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.sqlite3");
    let out = run(&db, &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no command \"frobnicate\""));
    let out = run(&db, &["show", "abc"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("must be a number"));
    let out = run(&db, &["show", "42"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Assessment 42 does not exist"));
    ok(&db, &["new", "--period", "FY2026"]);
    let out = run(&db, &["answer", "1", "II-3", "--rating", "great"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--rating is full, mostly, partly, not-yet or not-applicable")
    );
}

fn fill_assessment(db: &Path) -> String {
    ok(
        db,
        &[
            "profile",
            "set",
            "--legal-name",
            "株式会社みらい電子",
            "--name-latin",
            "Mirai Denshi K.K.",
            "--address",
            "大阪府大阪市北区梅田1-1-1",
            "--country",
            "日本",
            "--representative",
            "田中 一郎",
            "--contact-name",
            "高橋 美咲",
            "--contact-email",
            "misaki@mirai-denshi.example.jp",
            "--contact-phone",
            "06-6123-4567",
            "--supplier-code",
            "S-2024-118",
            "--employees",
            "24",
            "--products",
            "制御基板の実装",
            "--goods",
            "yes",
            "--chemicals",
            "yes",
            "--construction",
            "no",
        ],
    );
    let id = ok(db, &["new", "--period", "2026年度"]).trim().to_string();
    let ratings = ["full", "mostly", "partly", "not-yet", "not-applicable"];
    for (n, item) in Catalog::get().items().enumerate() {
        let rating = ratings[n % ratings.len()];
        let description = format!("{}：手順を定めて実施しています（{}）。", item.id, n);
        let mut args = vec!["answer", &id, &item.id, "--rating", rating, "--description", &description];
        let evidence = format!("規程 {}|共有フォルダ/CSR/{}|2025-06-0{}", item.id, item.id, n % 9 + 1);
        args.extend(["--evidence", &evidence]);
        if rating == "not-applicable" {
            args.extend(["--na-reason", "該当する業務がありません。"]);
        }
        if ["mostly", "partly", "not-yet"].contains(&rating) {
            args.extend(["--plan-what", "手順書を整備する", "--plan-who", "品質保証課", "--plan-due", "2026-09-30"]);
        }
        ok(db, &args);
    }
    for p in Catalog::get().policies() {
        let mut sets = Vec::new();
        for f in Catalog::get().disclosure_fields(&p.id) {
            let value = match f.kind {
                FieldKind::Choice => f.options[0].id.clone(),
                FieldKind::Number => "86.4".into(),
                FieldKind::Year => "2025".into(),
                FieldKind::Date => "2025-09-01".into(),
                FieldKind::Text => "総務課 高橋".into(),
            };
            sets.push(format!("{}={value}", f.id));
        }
        let mut args = vec!["part2", &id, &p.id, "--ack", "yes", "--cascaded", "partly"];
        for s in &sets {
            args.extend(["--set", s.as_str()]);
        }
        ok(db, &args);
    }
    ok(
        db,
        &["declare", &id, "--name", "田中 一郎", "--title", "代表取締役", "--date", "2026-05-20", "--confirm", "yes"],
    );
    id
}

fn strip_time(text: &str) -> Value {
    let mut v: Value = serde_json::from_str(text).unwrap();
    v["exported_at"] = Value::Null;
    v
}

#[test]
fn a_fully_answered_assessment_round_trips_through_export_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.sqlite3");
    let id = fill_assessment(&db);
    let out = run(&db, &["check", &id]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let score: Value = serde_json::from_str(&ok(&db, &["score", &id, "--json"])).unwrap();
    assert_eq!(score["overall"]["completeness"], 100);
    let file: PathBuf = dir.path().join("export.json");
    ok(&db, &["export", &id, "--output", file.to_str().unwrap()]);
    let exported = std::fs::read_to_string(&file).unwrap();
    assert!(exported.contains("株式会社みらい電子"));
    assert_eq!(strip_time(&ok(&db, &["show", &id, "--json"])), strip_time(&exported));

    // Another computer: a fresh database.
    let other = dir.path().join("b.sqlite3");
    let new_id = ok(&other, &["import", file.to_str().unwrap()]).trim().to_string();
    let again = ok(&other, &["export", &new_id]);
    assert_eq!(strip_time(&again), strip_time(&exported));
    assert_eq!(ok(&other, &["score", &new_id, "--json"]), ok(&db, &["score", &id, "--json"]));
    // The same file again: the period is there already, so nothing is imported, and the
    // message says how to replace it or keep both (issue 23 point 6).
    let stdin_import = || {
        Command::new(BIN)
            .args(["--db", other.to_str().unwrap(), "import", "-"])
            .stdin(std::fs::File::open(&file).unwrap())
            .output()
            .unwrap()
    };
    let out = stdin_import();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("which is already in this app; nothing was imported") && err.contains("delete") && err.contains("rename"), "{err}");
    assert_eq!(serde_json::from_str::<Value>(&ok(&other, &["list", "--json"])).unwrap().as_array().unwrap().len(), 1);
    // Renamed first, both are kept; and standard input imports.
    ok(&other, &["rename", &new_id, "FY2026 (old)"]);
    assert!(stdin_import().status.success());
    assert_eq!(serde_json::from_str::<Value>(&ok(&other, &["list", "--json"])).unwrap().as_array().unwrap().len(), 2);
}

#[test]
fn a_malformed_import_says_where_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.sqlite3");
    let id = fill_assessment(&db);
    let file = dir.path().join("broken.json");
    let exported = ok(&db, &["export", &id]);
    std::fs::write(&file, exported.replacen("\"item_id\": \"II-4\"", "\"item_id\": \"II-99\"", 1)).unwrap();
    let before = ok(&db, &["list", "--json"]);
    let out = run(&db, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("answers[") && err.contains("II-99") && err.contains("nothing was changed"), "{err}");
    assert_eq!(ok(&db, &["list", "--json"]), before);
}

#[test]
fn check_exits_3_until_ready_and_says_what_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.sqlite3");
    let id = ok(&db, &["new", "--period", "FY2026"]).trim().to_string();
    let out = run(&db, &["check", &id]);
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Not answered yet: I-1, I-2"), "{text}");
    assert!(text.contains("Declaration incomplete"), "{text}");
}

#[test]
fn carry_forward_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e.sqlite3");
    let id = fill_assessment(&db);
    let next = ok(&db, &["new", "--period", "2027年度", "--from", &id]).trim().to_string();
    let shown = ok(&db, &["show", &next]);
    assert_eq!(shown.matches("[re-confirm]").count(), 47);
    let out = run(&db, &["check", &next]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Carried over, still to re-confirm"));
}

#[test]
fn a_damaged_font_file_is_reported_and_no_pdf_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("f.sqlite3");
    let id = fill_assessment(&db);
    let bad = dir.path().join("ipaexg.ttf");
    std::fs::write(&bad, b"not a font").unwrap();
    let out_pdf = dir.path().join("out.pdf");
    let out = Command::new(BIN)
        .args(["--db", db.to_str().unwrap(), "pdf", &id, "--output", out_pdf.to_str().unwrap()])
        .env("CSR_ASSESS_FONT", &bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("damaged") && err.contains("Reinstall the app"), "{err}");
    assert!(!out_pdf.exists());
}

/// On a computer without fonts for Korean, Chinese or emoji (no system font folder), `check`
/// names each character the PDF cannot print with its field, and the PDF prints the
/// characters' codes in their place.
#[test]
fn without_system_fonts_check_names_the_unprintable_characters_and_the_pdf_marks_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("u.sqlite3");
    let id = fill_assessment(&db);
    let no_fonts = |cmd: &mut Command| {
        cmd.env("CSR_ASSESS_FONT_DIRS", "").env_remove("CSR_ASSESS_DB");
    };
    ok(&db, &["profile", "set", "--representative", "김민준"]);
    ok(&db, &["answer", &id, "I-1", "--description", "担当：张伟 😀"]);
    let mut cmd = Command::new(BIN);
    cmd.args(["--db", db.to_str().unwrap(), "check", &id]);
    no_fonts(&mut cmd);
    let text = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
    assert!(text.contains("cannot print"), "{text}");
    assert!(text.contains("profile representative: 김민준 (U+AE40 U+BBFC U+C900)"), "{text}");
    assert!(text.contains("item I-1 description: 张伟😀 (U+5F20 U+4F1F U+1F600)"), "{text}");

    let out_pdf = dir.path().join("u.pdf");
    let mut cmd = Command::new(BIN);
    cmd.args(["--db", db.to_str().unwrap(), "pdf", &id, "--output", out_pdf.to_str().unwrap()]);
    no_fonts(&mut cmd);
    assert!(cmd.output().unwrap().status.success());
    if !common::poppler("the PDF's text in without_system_fonts_check_names…") {
        return;
    }
    let out = Command::new("pdftotext").args(["-enc", "UTF-8", out_pdf.to_str().unwrap(), "-"]).output().unwrap();
    let printed: String = String::from_utf8(out.stdout).unwrap().split_whitespace().collect();
    assert!(printed.contains("[U+AE40][U+BBFC][U+C900]"), "the PDF marks the place: {printed}");
    assert!(printed.contains("担当：[U+5F20][U+4F1F][U+1F600]"), "{printed}");
}

/// `extract --output` writes the attached data itself (UTF-8, the bytes `extract` prints),
/// and a file PowerShell 5.1 would write with `>` (UTF-16 with a byte-order mark) imports.
#[test]
fn extract_writes_a_file_and_a_utf16_copy_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite3");
    let id = fill_assessment(&db);
    let pdf = dir.path().join("提出書.pdf");
    ok(&db, &["pdf", &id, "--lang", "ja", "--output", pdf.to_str().unwrap()]);
    let printed = ok(&db, &["extract", pdf.to_str().unwrap()]);
    let file = dir.path().join("取り出し.json");
    let out = run(&db, &["extract", pdf.to_str().unwrap(), "--output", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "with --output nothing goes to standard output");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), printed);
    // What `csr-assess extract a.pdf > a.json` gives in Windows PowerShell 5.1.
    let utf16 = dir.path().join("powershell.json");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(printed.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&utf16, bytes).unwrap();
    // Into another database (the period is already in this one).
    let other = dir.path().join("y.sqlite3");
    let new_id = ok(&other, &["import", utf16.to_str().unwrap()]).trim().to_string();
    assert_eq!(ok(&other, &["score", &new_id, "--json"]), ok(&db, &["score", &id, "--json"]));
    assert!(ok(&other, &["show", &new_id]).contains("株式会社みらい電子"));
}

#[test]
fn submit_exits_3_with_what_is_missing_then_submits_once_ready() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.sqlite3");
    let empty = ok(&db, &["new", "--period", "FY2025"]).trim().to_string();
    let refused = dir.path().join("refused.pdf");
    let out = run(&db, &["submit", &empty, "--output", refused.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(3));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Not submitted") && text.contains("Not answered yet: I-1, I-2"), "{text}");
    assert!(!refused.exists(), "nothing is written");
    assert!(ok(&db, &["list"]).contains("draft"));
    // `status` cannot claim what only `submit` does.
    let out = run(&db, &["status", &empty, "submitted"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("csr-assess submit"));

    let id = fill_assessment(&db);
    let pdf = dir.path().join("submission.pdf");
    let said = ok(&db, &["submit", &id, "--lang", "ja", "--output", pdf.to_str().unwrap()]);
    assert!(said.contains("Submitted assessment"), "{said}");
    let list: Value = serde_json::from_str(&ok(&db, &["list", "--json"])).unwrap();
    let row = list.as_array().unwrap().iter().find(|a| a["id"].to_string() == id).unwrap().clone();
    assert_eq!(row["status"], "submitted");
    let attached: Value = serde_json::from_str(&ok(&db, &["extract", pdf.to_str().unwrap()])).unwrap();
    assert_eq!(attached["assessment"]["status"], "submitted");
    // `pdf` of a submitted assessment: a copy of the submission, the same data (and in
    // another language, the same assessment, with the record of its other pages).
    let copy = dir.path().join("copy.pdf");
    let said = ok(&db, &["pdf", &id, "--lang", "ja", "--output", copy.to_str().unwrap()]);
    assert!(said.contains("a copy of the submission"), "{said}");
    assert_eq!(ok(&db, &["extract", copy.to_str().unwrap()]), ok(&db, &["extract", pdf.to_str().unwrap()]));
    let english = dir.path().join("copy-en.pdf");
    ok(&db, &["pdf", &id, "--output", english.to_str().unwrap()]);
    let mut en: Value = serde_json::from_str(&ok(&db, &["extract", english.to_str().unwrap()])).unwrap();
    let mut ja = attached.clone();
    assert_ne!(en["pages"], ja["pages"], "other pages, another record");
    en.as_object_mut().unwrap().remove("pages");
    ja.as_object_mut().unwrap().remove("pages");
    assert_eq!(en, ja);
    // `pdf` of an unfinished one: a preview.
    let preview = dir.path().join("preview.pdf");
    let said = ok(&db, &["pdf", &empty, "--output", preview.to_str().unwrap()]);
    assert!(said.contains("a preview"), "{said}");
}

/// One calendar day: at 07:30 in Tokyo (22:30 UTC the day before) evidence valid until
/// yesterday is expired for the supplier, so `check` warns of it and the PDF marks it, in
/// either language. (Before "today" was the supplier's day, both said nothing until 09:00.)
#[test]
fn evidence_valid_until_yesterday_is_expired_at_half_past_seven_in_tokyo() {
    if !common::poppler("evidence_valid_until_yesterday_is_expired_at_half_past_seven_in_tokyo") {
        return;
    }
    let (dir, mut store) = common::temp_store();
    let id = common::fully_answered(&mut store);
    let mut answer = store.record(id).unwrap().answer("I-2").cloned().unwrap();
    answer.evidence[0].valid_until = Some("2026-12-07".into());
    store.save_answer(id, &answer).unwrap();
    drop(store);
    let db = common::db_path(&dir);
    let in_tokyo = |args: &[&str], now: &str| {
        Command::new(BIN)
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("CSR_ASSESS_DB")
            .env("TZ", "Asia/Tokyo")
            .env(csr_core::clock::NOW_ENV_VAR, now)
            .output()
            .unwrap()
    };
    let id = id.to_string();
    // 07:30 on 8 December in Tokyo.
    let check: Value = serde_json::from_slice(&in_tokyo(&["check", &id, "--json"], "2026-12-07T22:30:00Z").stdout).unwrap();
    let expired = check["findings"].as_array().unwrap().iter().find(|f| f["kind"] == "expired_evidence");
    assert_eq!(expired.map(|f| f["items"].clone()), Some(serde_json::json!(["I-2"])), "{check}");
    for (lang, mark) in [("en", "EXPIRED"), ("ja", "期限切れ")] {
        let pdf = dir.path().join(format!("tokyo-{lang}.pdf"));
        let out = in_tokyo(&["pdf", &id, "--lang", lang, "--output", pdf.to_str().unwrap()], "2026-12-07T22:30:00Z");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = common::pdf_text(&pdf);
        assert!(text.contains(mark), "{lang}: the PDF marks the evidence {mark}");
    }
    // The evening before (22:30 on 7 December in Tokyo), it is still valid: its last day.
    let check: Value = serde_json::from_slice(&in_tokyo(&["check", &id, "--json"], "2026-12-07T13:30:00Z").stdout).unwrap();
    assert!(!check["findings"].as_array().unwrap().iter().any(|f| f["kind"] == "expired_evidence"), "{check}");
}

/// Names read the same everywhere: a direction override or an invisible character in a name
/// is refused naming the field, and what is stored is composed (NFC).
#[test]
fn names_with_direction_controls_are_refused_and_text_is_stored_composed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("n.sqlite3");
    for (flag, value, field) in [
        ("--legal-name", "Sakura \u{202E}laeS\u{202C} KK", "legal_name"),
        ("--supplier-code", "NEC-\u{200B}4711", "supplier_code"),
        ("--representative", "\u{2067}山田\u{2069}", "representative"),
    ] {
        let out = run(&db, &["profile", "set", flag, value]);
        assert_eq!(out.status.code(), Some(1), "{flag}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains(field) && said.contains("U+"), "{flag}: the field and the character are named: {said}");
    }
    ok(&db, &["profile", "set", "--legal-name", "Cafe\u{301} さくら か\u{3099}"]);
    let profile: Value = serde_json::from_str(&ok(&db, &["profile", "--json"])).unwrap();
    assert_eq!(profile[0]["profile"]["legal_name"], "Café さくら が", "stored composed");
}

/// `verify` tells apart a PDF whose pages could not be checked (made before the app
/// recorded them): exit status 5, never "OK".
#[test]
fn verify_says_when_the_pages_could_not_be_checked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v.sqlite3");
    let id = fill_assessment(&db);
    let pdf = dir.path().join("s.pdf");
    ok(&db, &["submit", &id, "--output", pdf.to_str().unwrap()]);
    let out = run(&db, &["verify", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("OK: "));
    // The same PDF as an earlier version made it: its data without the record of the pages.
    let bytes = std::fs::read(&pdf).unwrap();
    let json = csr_core::pdf::extract(&bytes).unwrap();
    let mut data: Value = serde_json::from_str(&json).unwrap();
    data.as_object_mut().unwrap().remove("pages");
    data["format_version"] = serde_json::json!(2);
    let old = common_old_pdf(&bytes, &serde_json::to_string_pretty(&data).unwrap());
    let path = dir.path().join("old.pdf");
    std::fs::write(&path, old).unwrap();
    let out = run(&db, &["verify", path.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(5), "{said}");
    assert!(said.starts_with("PAGES NOT CHECKED: ") && !said.contains("OK"), "{said}");
}

/// `pdf` with `data` attached instead and every fingerprint printed rewritten to match, as a
/// PDF of an earlier version would be: only its pages' record is missing.
fn common_old_pdf(pdf: &[u8], data: &str) -> Vec<u8> {
    use lopdf::{Document, Object};
    let old = csr_core::pdf::sha256_hex(csr_core::pdf::extract(pdf).unwrap().as_bytes());
    let new = csr_core::pdf::sha256_hex(data.as_bytes());
    let mut doc = Document::load_mem(pdf).unwrap();
    // The glyph codes of hexadecimal digits, from the main font's ToUnicode (every digit is
    // printed in the fingerprint).
    let ids: Vec<lopdf::ObjectId> = doc.objects.keys().copied().collect();
    let mut fonts = Vec::new();
    for id in &ids {
        if let Ok(Object::Stream(s)) = doc.get_object(*id) {
            let text = String::from_utf8_lossy(&s.decompressed_content().unwrap_or_default()).to_string();
            if text.contains("beginbfchar") {
                let mut codes = std::collections::HashMap::new();
                for line in text.lines() {
                    let parts: Vec<&str> = line.split(['<', '>']).filter(|p| !p.trim().is_empty()).collect();
                    if let [code, target] = parts[..] {
                        if let Some(c) = u32::from_str_radix(target, 16).ok().and_then(char::from_u32) {
                            codes.insert(c, code.to_uppercase());
                        }
                    }
                }
                fonts.push(codes);
            }
        }
    }
    let encode = |codes: &std::collections::HashMap<char, String>, s: &str| -> Option<String> {
        s.chars().map(|c| codes.get(&c).map(|code| format!("<{code}>"))).collect()
    };
    for id in ids {
        if let Ok(Object::Stream(s)) = doc.get_object_mut(id) {
            if s.dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"EmbeddedFile") {
                s.dict.remove(b"Filter");
                s.set_content(data.as_bytes().to_vec());
                continue;
            }
            let Ok(content) = s.decompressed_content() else { continue };
            let mut text = String::from_utf8_lossy(&content).to_string();
            let mut changed = false;
            for codes in &fonts {
                let pairs = [(encode(codes, &old), encode(codes, &new)), (encode(codes, &old[..16]), encode(codes, &new[..16]))];
                for (from, to) in pairs {
                    if let (Some(from), Some(to)) = (from, to) {
                        if text.contains(&from) {
                            text = text.replace(&from, &to);
                            changed = true;
                        }
                    }
                }
            }
            if changed {
                s.dict.remove(b"Filter");
                s.set_content(text.into_bytes());
            }
        }
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}
