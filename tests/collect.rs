//! `collect`, NEC's side: a folder of good, older, tampered, truncated and foreign files
//! becomes the right rows, checked against the assessments that made the PDFs, in the
//! workbook (read back with a spreadsheet reader) and in the CSV files.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use csr_core::collect::{self, Collection, Problem};
use csr_core::model::{Assessment, AssessmentRecord, CompanyProfile, Rating, Status};
use csr_core::{interchange, pdf, scoring, Catalog};

const BIN: &str = env!("CARGO_BIN_EXE_csr-assess");

/// A submitted, fully answered assessment; `shift` varies the ratings.
fn record(code: &str, name: &str, period: &str, submitted: &str, shift: usize) -> AssessmentRecord {
    let ratings = [Rating::Full, Rating::Mostly, Rating::Partly, Rating::NotYet];
    let mut answers = common::full_answers();
    for (n, a) in answers.iter_mut().enumerate() {
        if a.rating != Some(Rating::NotApplicable) {
            a.rating = Some(ratings[(n + shift) % ratings.len()]);
        }
    }
    let mut part2 = common::full_part2();
    part2[1].acknowledged = shift % 2 == 0;
    AssessmentRecord {
        company: CompanyProfile { supplier_code: code.into(), legal_name: name.into(), ..common::japanese_profile() },
        assessment: Assessment {
            id: 0,
            company_id: 0,
            period: period.into(),
            status: Status::Submitted,
            catalog_version: Catalog::get().version().into(),
            created_at: "2026-04-01T09:00:00Z".into(),
            updated_at: submitted.into(),
            submitted_at: Some(submitted.into()),
            carried_from: None,
            position: None,
            declaration: common::declaration(),
        },
        answers,
        part2,
        nec_requests: Vec::new(),
    }
}

fn render(r: &AssessmentRecord, lang: &str) -> Vec<u8> {
    pdf::render(r, Catalog::get(), csr_core::lang::Lang::parse(lang).unwrap()).unwrap().pdf
}

/// The same PDF with its attachment's bytes replaced by `json` (left uncompressed).
fn reattach(pdf_bytes: &[u8], json: &str) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(pdf_bytes).unwrap();
    for obj in doc.objects.values_mut() {
        if let lopdf::Object::Stream(s) = obj {
            if s.dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"EmbeddedFile".as_slice()) {
                s.dict.remove(b"Filter");
                s.set_content(json.as_bytes().to_vec());
            }
        }
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// The same PDF without its attachment: a PDF this app did not make.
fn strip_attachment(pdf_bytes: &[u8]) -> Vec<u8> {
    let mut doc = lopdf::Document::load_mem(pdf_bytes).unwrap();
    let catalog = doc.catalog_mut().unwrap();
    catalog.remove(b"Names");
    catalog.remove(b"AF");
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

struct Folder {
    _dir: tempfile::TempDir,
    inbox: PathBuf,
    newest_a: AssessmentRecord,
    b: AssessmentRecord,
}

/// A mailbox folder as NEC staff would have it, with a subfolder.
fn folder() -> Folder {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    let sub = inbox.join("portal");
    std::fs::create_dir_all(&sub).unwrap();
    let older_a = record("NEC-SUP-000001", "株式会社あおば電子", "FY2025", "2026-05-01T09:00:00Z", 3);
    let newest_a = record("NEC-SUP-000001", "株式会社あおば電子", "FY2025", "2026-06-10T09:00:00Z", 0);
    let b = record("NEC-SUP-000002", "さくら精密工業株式会社", "FY2025", "2026-05-20T09:00:00Z", 1);
    let c = record("NEC-SUP-000003", "Cedar Works Ltd.", "FY2025", "2026-05-21T09:00:00Z", 2);
    let good_a = render(&newest_a, "ja");
    std::fs::write(inbox.join("aoba-final.pdf"), &good_a).unwrap();
    std::fs::write(sub.join("aoba-first.PDF"), render(&older_a, "en")).unwrap();
    std::fs::write(inbox.join("sakura.json"), interchange::export(&b, Catalog::get())).unwrap();
    // C's data attached to A's pages.
    let c_json = interchange::export(&c, Catalog::get());
    std::fs::write(inbox.join("tampered.pdf"), reattach(&good_a, &c_json)).unwrap();
    std::fs::write(inbox.join("truncated.pdf"), &good_a[..good_a.len() / 2]).unwrap();
    std::fs::write(inbox.join("foreign.pdf"), strip_attachment(&good_a)).unwrap();
    std::fs::write(inbox.join("letter.pdf"), "Dear NEC, please find attached…").unwrap();
    std::fs::write(sub.join("package.json"), r#"{"name": "not-an-assessment"}"#).unwrap();
    // Whatever version this build writes, a file from a far newer one.
    let current = format!("\"format_version\": {}", csr_core::interchange::FORMAT_VERSION);
    assert!(c_json.contains(&current), "the export names its format version");
    let newer = c_json.replacen(&current, "\"format_version\": 99", 1);
    std::fs::write(sub.join("newer.json"), newer).unwrap();
    let huge = std::fs::File::create(inbox.join("huge.pdf")).unwrap();
    huge.set_len(40 << 20).unwrap();
    std::fs::write(inbox.join("readme.txt"), "not read").unwrap();
    std::fs::write(inbox.join(".hidden.pdf"), "not read").unwrap();
    Folder { _dir: dir, inbox, newest_a, b }
}

fn run(paths: &[PathBuf], previous: &[PathBuf]) -> Collection {
    collect::collect(paths, previous, 2, Catalog::get(), &|_| {}).unwrap()
}

fn name(path: &str) -> &str {
    Path::new(path).file_name().unwrap().to_str().unwrap()
}

#[test]
fn keeps_the_newest_good_submission_of_each_supplier_and_lists_every_failed_file() {
    let f = folder();
    let c = run(&[f.inbox.clone()], &[]);
    assert_eq!(c.files, 10, "every PDF and .json, in subfolders too; not .txt nor hidden files");
    let failed: Vec<(&str, Problem)> = c.failures.iter().map(|x| (name(&x.file), x.problem)).collect();
    assert_eq!(
        failed,
        [
            ("foreign.pdf", Problem::NotSubmission),
            ("huge.pdf", Problem::TooLarge),
            ("letter.pdf", Problem::NotSubmission),
            ("newer.json", Problem::NewerFormat),
            ("package.json", Problem::InvalidData),
            ("tampered.pdf", Problem::Mismatch),
            ("truncated.pdf", Problem::NotSubmission),
        ]
    );
    assert!(c.failures.iter().all(|x| !x.detail.is_empty()));
    assert_eq!(c.submissions.len(), 2);
    assert_eq!(c.superseded, 1);
    let a = &c.submissions[0];
    assert_eq!(name(&a.file), "aoba-final.pdf", "the newest submission of A is kept");
    assert_eq!(a.superseded.iter().map(|s| name(s)).collect::<Vec<_>>(), ["aoba-first.PDF"]);
    let b = &c.submissions[1];
    assert_eq!(name(&b.file), "sakura.json");
    for (row, r) in [(a, &f.newest_a), (b, &f.b)] {
        let score = scoring::score(r, Catalog::get());
        assert_eq!(row.supplier_code, r.company.supplier_code);
        assert_eq!(row.legal_name, r.company.legal_name);
        assert_eq!(row.period, r.assessment.period);
        assert_eq!(row.submitted_at, r.assessment.submitted_at);
        assert_eq!(row.completeness, score.overall.completeness);
        assert_eq!(row.overall, score.overall.score);
        assert_eq!(row.groups, score.groups.iter().map(|g| g.tally.score).collect::<Vec<_>>());
        let essential: Vec<String> = score.gaps.iter().filter(|g| g.essential).map(|g| g.item_id.clone()).collect();
        assert!(!essential.is_empty());
        assert_eq!(row.essential_gaps, essential);
        assert_eq!(row.gaps, score.gaps.len());
        assert_eq!(row.marked_for_review, score.marked_for_review);
        let climate = row.part2.iter().find(|p| p.policy_id == "climate-change").unwrap();
        assert_eq!(climate.disclosures["co2_amount"], "1234.5");
        assert_eq!(row.part2[1].acknowledged, r.part2[1].acknowledged);
    }
    assert_eq!(a.sha256, pdf::verify(&std::fs::read(&a.file).unwrap()).unwrap().attached_sha256);
}

#[test]
fn a_compressed_bomb_attached_to_a_pdf_is_a_failure_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let good = render(&record("NEC-SUP-000009", "株式会社ばくだん", "FY2025", "2026-05-01T09:00:00Z", 0), "en");
    // 40 MB of spaces, about 40 KB packed: more than any attachment may unpack to.
    let mut doc = lopdf::Document::load_mem(&good).unwrap();
    for obj in doc.objects.values_mut() {
        if let lopdf::Object::Stream(s) = obj {
            if s.dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"EmbeddedFile".as_slice()) {
                s.dict.remove(b"Filter");
                s.set_content(vec![b' '; 40 << 20]);
                s.compress().unwrap();
            }
        }
    }
    let mut bomb = Vec::new();
    doc.save_to(&mut bomb).unwrap();
    assert!(bomb.len() < 1 << 20, "the bomb is small on disk ({} bytes)", bomb.len());
    std::fs::write(dir.path().join("bomb.pdf"), bomb).unwrap();
    std::fs::write(dir.path().join("good.pdf"), &good).unwrap();
    let c = run(&[dir.path().to_path_buf()], &[]);
    assert_eq!(c.submissions.len(), 1);
    assert_eq!(c.failures.len(), 1);
    assert_eq!(c.failures[0].problem, Problem::NotSubmission);
    assert!(c.failures[0].detail.contains("cannot be unpacked"), "{}", c.failures[0].detail);
}

/// A date as Excel counts it: days since 30 December 1899.
fn serial(ymd: &str) -> f64 {
    let d = csr_core::clock::parse_date(ymd).unwrap();
    let epoch = csr_core::clock::parse_date("1899-12-30").unwrap();
    (d - epoch).whole_days() as f64
}

/// The text of a cell as a spreadsheet shows it.
fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[test]
fn the_workbook_in_japanese_has_the_three_sheets_with_the_rows() {
    let f = folder();
    let c = run(&[f.inbox.clone()], &[]);
    let out = f.inbox.parent().unwrap().join("集計.xlsx");
    assert_eq!(c.write(&out, Catalog::get(), csr_core::lang::Lang::parse("ja").unwrap()).unwrap(), [out.clone()]);
    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), ["提出一覧", "要確認", "項目別の評価", "回答", "読めなかったファイル"]);
    let subs = book.worksheet_range("提出一覧").unwrap();
    let head: Vec<String> = subs.rows().next().unwrap().iter().map(text).collect();
    for h in [
        "取引先コード",
        "会社名",
        "対象期間",
        "状態",
        "提出日時（UTC）",
        "完了率（%）",
        "総合スコア（%）",
        "必須条件で未達の項目",
    ] {
        assert!(head.iter().any(|x| x == h), "heading {h} in {head:?}");
    }
    let col = |h: &str| head.iter().position(|x| x.starts_with(h)).unwrap_or_else(|| panic!("no column {h}"));
    assert_eq!(subs.height(), 3, "a heading row and two submissions");
    let row: Vec<&Data> = subs.rows().nth(1).unwrap().iter().collect();
    let score = scoring::score(&f.newest_a, Catalog::get());
    assert_eq!(text(row[col("取引先コード")]), "NEC-SUP-000001");
    assert_eq!(text(row[col("会社名")]), "株式会社あおば電子");
    assert_eq!(text(row[col("状態")]), "提出済み");
    // A date and time, not text: 2026-06-10 09:00 UTC.
    let Data::DateTime(submitted) = row[col("提出日時")] else { panic!("a date: {:?}", row[col("提出日時")]) };
    assert!(submitted.is_datetime());
    assert_eq!(submitted.as_f64(), serial("2026-06-10") + 9.0 / 24.0);
    assert_eq!(row[col("総合スコア")], &Data::Float(score.overall.score.unwrap().into()));
    let essential: Vec<&str> = score.gaps.iter().filter(|g| g.essential).map(|g| g.item_id.as_str()).collect();
    // Listed with the language's own separator (「、」), as every Japanese line is.
    assert_eq!(text(row[col("必須条件で未達の項目")]), csr_core::lang::Lang::parse("ja").unwrap().list(&essential));
    assert!(!text(row[col("必須条件で未達の項目")]).contains(", "));
    assert_eq!(text(row[col("除外した旧提出ファイル")]).rsplit(['/', '\\']).next().unwrap(), "aoba-first.PDF");
    let co2 = head.iter().position(|h| h.ends_with("年間のCO2排出量")).expect("a CO2 column");
    assert_eq!(row[co2], &Data::Float(1234.5));
    let bcp = head.iter().position(|h| h.ends_with("事業継続計画（BCP）はありますか。")).expect("a BCP column");
    assert!(!text(row[bcp]).is_empty() && !text(row[bcp]).is_ascii(), "the BCP answer in Japanese");

    let answers = book.worksheet_range("回答").unwrap();
    let items = Catalog::get().item_count();
    assert_eq!(answers.height(), 1 + 2 * items, "one row per item of each kept submission");
    let ah: Vec<String> = answers.rows().next().unwrap().iter().map(text).collect();
    let (item, rating) = (ah.iter().position(|h| h == "項目").unwrap(), ah.iter().position(|h| h == "評価").unwrap());
    for (n, r) in answers.rows().skip(1).take(items).enumerate() {
        let id = text(&r[item]);
        let expected = f.newest_a.answer(&id).and_then(|a| a.rating).unwrap();
        let label = ["十分に実施している", "おおむね実施している", "一部実施している", "未実施", "該当しない"]
            [Rating::ALL.iter().position(|x| *x == expected).unwrap()];
        assert_eq!(text(&r[rating]), label, "row {n}, item {id}");
    }
    // Due dates are dates.
    let due = ah.iter().position(|h| h == "改善計画：期限").unwrap();
    let planned = answers.rows().skip(1).find(|r| !matches!(r[due], Data::Empty)).unwrap();
    let Data::DateTime(d) = &planned[due] else { panic!("a date: {:?}", planned[due]) };
    assert_eq!(d.as_f64(), serial("2026-03-31"));
    // One row per submission, a column per item with its rating.
    let ratings = book.worksheet_range("項目別の評価").unwrap();
    assert_eq!(ratings.height(), 3);
    let rh: Vec<String> = ratings.rows().next().unwrap().iter().map(text).collect();
    let ids: Vec<String> = Catalog::get().items().map(|i| i.id.clone()).collect();
    assert_eq!(rh[4..4 + items], ids[..], "a column per item, in the catalog's order");
    let first: Vec<String> = ratings.rows().nth(1).unwrap().iter().map(text).collect();
    assert_eq!(first[0], "NEC-SUP-000001");
    for (k, id) in ids.iter().enumerate() {
        let expected = f.newest_a.answer(id).and_then(|a| a.rating).unwrap();
        let label = ["十分に実施している", "おおむね実施している", "一部実施している", "未実施", "該当しない"]
            [Rating::ALL.iter().position(|x| *x == expected).unwrap()];
        assert_eq!(first[4 + k], label, "{id}");
    }
    let failed = book.worksheet_range("読めなかったファイル").unwrap();
    assert_eq!(failed.height(), 1 + 7);
    let tampered = failed.rows().find(|r| text(&r[0]).ends_with("tampered.pdf")).unwrap();
    assert!(text(&tampered[1]).starts_with("改ざんまたは取り違え"), "{:?}", tampered[1]);
}

#[test]
fn csv_files_carry_the_same_rows_with_a_byte_order_mark() {
    let f = folder();
    let c = run(&[f.inbox.clone()], &[]);
    let out = f.inbox.parent().unwrap().join("received.csv");
    let written = c.write(&out, Catalog::get(), csr_core::lang::Lang::parse("en").unwrap()).unwrap();
    let names: Vec<&str> = written.iter().map(|p| p.file_name().unwrap().to_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "received-submissions.csv",
            "received-needs-look.csv",
            "received-ratings.csv",
            "received-answers.csv",
            "received-failures.csv"
        ]
    );
    let subs = std::fs::read(&written[0]).unwrap();
    assert!(subs.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with a byte-order mark");
    let subs = String::from_utf8(subs).unwrap();
    let lines: Vec<&str> = subs.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].contains("Supplier code,Legal name"));
    assert!(lines[1].starts_with("NEC-SUP-000001,株式会社あおば電子,"));
    assert!(lines[1].contains(",2026-06-10 09:00:00,"), "dates in ISO form: {}", lines[1]);
    let answers = std::fs::read_to_string(&written[3]).unwrap();
    assert_eq!(answers.matches("\r\nNEC-SUP-000002,").count(), Catalog::get().item_count());
    let failures = std::fs::read_to_string(&written[4]).unwrap();
    assert!(failures.contains("tampered.pdf,Tampered or mixed up: the attached data does not match"), "{failures}");
}

#[test]
fn previous_submissions_give_the_change_and_the_essential_conditions_that_got_worse() {
    let f = folder();
    let last_year = f.inbox.parent().unwrap().join("fy2024");
    std::fs::create_dir(&last_year).unwrap();
    let before = record("NEC-SUP-000001", "株式会社あおば電子", "FY2024", "2025-06-01T09:00:00Z", 2);
    std::fs::write(last_year.join("aoba-2024.pdf"), render(&before, "en")).unwrap();
    // B's code under another name last year: not compared, but named for a look.
    let renamed = record("NEC-SUP-000002", "さくら精密株式会社", "FY2024", "2025-06-02T09:00:00Z", 1);
    std::fs::write(last_year.join("sakura-2024.pdf"), render(&renamed, "en")).unwrap();
    let c = run(&[f.inbox.clone()], &[last_year]);
    assert_eq!(c.looks.len(), 1, "{:?}", c.looks);
    assert_eq!(c.looks[0].supplier_code, "NEC-SUP-000002");
    assert!(matches!(&c.looks[0].look, collect::Look::PreviousOtherName { name, .. } if name == "さくら精密株式会社"));
    assert!(c.compared);
    let a = &c.submissions[0];
    let change = a.change.as_ref().expect("A has an earlier submission");
    assert_eq!(change.previous_period, "FY2024");
    let (now, then) = (scoring::score(&f.newest_a, Catalog::get()), scoring::score(&before, Catalog::get()));
    assert_eq!(change.overall, Some(i64::from(now.overall.score.unwrap()) - i64::from(then.overall.score.unwrap())));
    let worse: Vec<String> = Catalog::get()
        .items()
        .filter(|i| i.is_essential())
        .filter(|i| {
            let p = |r: &AssessmentRecord| r.answer(&i.id).and_then(|a| a.rating).and_then(Rating::points);
            matches!((p(&f.newest_a), p(&before)), (Some(n), Some(t)) if n < t)
        })
        .map(|i| i.id.clone())
        .collect();
    assert!(!worse.is_empty());
    assert_eq!(change.essential_worse, worse);
    assert!(c.submissions[1].change.is_none(), "B sent nothing last year under its name");
}

#[test]
fn the_command_line_writes_the_workbook_and_names_the_failed_files() {
    let f = folder();
    let out = f.inbox.parent().unwrap().join("all.xlsx");
    let run =
        Command::new(BIN).args(["collect"]).arg(&f.inbox).arg("--output").arg(&out).args(["--lang", "ja"]).output();
    let run = run.unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(stdout.contains("Read 10 files: 2 submissions kept, 1 older ones left out, 0 need a look, 7 failed."), "{stdout}");
    assert!(stdout.contains("tampered.pdf: Tampered or mixed up"), "{stdout}");
    assert!(out.exists());
    let wrong = Command::new(BIN).arg("collect").arg(&f.inbox).args(["--output", "x.txt"]).output().unwrap();
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("should end in .xlsx"));
}

/// Suppliers are never merged by one field: five legal names under one supplier code are five
/// submissions, each listed under "Needs a look" with the others and the difference named,
/// never under "older left out"; a changed PDF of one of them is only a failure.
#[test]
fn one_code_under_several_names_is_never_merged_and_needs_a_look() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let names = ["Sakura KK", "Sakura Seal KK", "Sakura Precision KK", "株式会社さくら", "Sakura  KK"];
    for (n, name) in names.iter().enumerate() {
        let r = record("NEC-SUP-777", name, "FY2025", &format!("2026-05-0{}T09:00:00Z", n + 1), n);
        std::fs::write(inbox.join(format!("sakura-{n}.pdf")), render(&r, "en")).unwrap();
    }
    // A later PDF of the first name, with a printed digit changed: the newest by date, and
    // changed, so only a failure: the first name's own PDF is kept.
    let later = record("NEC-SUP-777", names[0], "FY2025", "2026-06-30T09:00:00Z", 0);
    let good = render(&later, "en");
    let mut doc = lopdf::Document::load_mem(&good).unwrap();
    let id = doc.get_page_contents(doc.get_pages()[&2])[0];
    let stream = doc.get_object_mut(id).unwrap().as_stream_mut().unwrap();
    let mut content = stream.decompressed_content().unwrap();
    // Move the first text of the summary page by ten points.
    let at = content.windows(4).position(|w| w == b" Td\n").unwrap();
    let start = content[..at].iter().rposition(|&b| b == b'\n').unwrap() + 1;
    content.splice(start..start, b"10 0 Td ".iter().copied());
    stream.dict.remove(b"Filter");
    stream.set_content(content);
    let mut changed = Vec::new();
    doc.save_to(&mut changed).unwrap();
    std::fs::write(inbox.join("sakura-later.pdf"), changed).unwrap();

    let c = run(&[inbox.clone()], &[]);
    assert_eq!(c.submissions.len(), 5, "five names, five suppliers");
    assert_eq!(c.superseded, 0, "none left out as older");
    assert!(c.submissions.iter().all(|s| s.superseded.is_empty()));
    assert_eq!(c.failures.len(), 1);
    assert!(c.failures[0].file.ends_with("sakura-later.pdf") && c.failures[0].problem == Problem::PagesChanged);
    assert!(c.submissions.iter().all(|s| !s.file.ends_with("sakura-later.pdf")), "a failed file is only a failure");
    assert_eq!(c.looks.len(), 5, "each is listed for a look");
    for look in &c.looks {
        let collect::Look::OtherNames { others } = &look.look else { panic!("{look:?}") };
        assert_eq!(others.len(), 4, "{look:?}");
    }
    // In the workbook: the sheet names the other names and the difference.
    let out = dir.path().join("all.xlsx");
    c.write(&out, Catalog::get(), csr_core::lang::Lang::parse("en").unwrap()).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let looks = book.worksheet_range("Needs a look").unwrap();
    assert_eq!(looks.height(), 1 + 5);
    let rows: Vec<Vec<String>> = looks.rows().skip(1).map(|r| r.iter().map(text).collect()).collect();
    let seal = rows.iter().find(|r| r[1] == "Sakura Seal KK").unwrap();
    assert_eq!(seal[3], "One supplier code, several legal names");
    assert!(seal[4].contains("NEC-SUP-777") && seal[4].contains("“Sakura KK”") && seal[4].contains("sakura-0.pdf"), "{}", seal[4]);
    assert!(seal[4].contains("“Seal ” here, “(nothing)” there"), "the difference named: {}", seal[4]);
    let double_space = rows.iter().find(|r| r[1] == "Sakura  KK").unwrap();
    assert!(double_space[4].contains("“ ” here"), "even a space: {}", double_space[4]);
}
