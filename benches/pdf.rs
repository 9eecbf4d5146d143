//! PDF generation: a fully answered assessment in Japanese (warm, first in the process, and
//! as a fresh `csr-assess pdf` process) and a worst case (47 answers of 10,000 characters),
//! with the cost per printed character; then headless Chromium printing the same text
//! (an HTML page made from the app's PDF, page by page, in the same font; pdftotext word
//! counts of both PDFs are printed to show it), warm (one long-lived browser printing again
//! and again through its DevTools protocol) and cold (a new browser per PDF).
//! Figures are printed, not asserted.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use csr_core::model::AssessmentRecord;
use csr_core::{pdf, Catalog};

fn p50(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()))
}

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| panic!("{name} (poppler-utils) runs: {e}"));
    assert!(out.status.success(), "{name} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// pdftotext's text of a PDF file, in reading order.
fn text_of(path: &Path) -> String {
    tool("pdftotext", &["-enc", "UTF-8", path.to_str().unwrap(), "-"])
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn printed_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The app's PDF's text as an A4 HTML page in the same font and size, one printed page per
/// page of the app's PDF, for Chromium to print: the same content, by construction.
fn html_of(text: &str, font: &Path) -> String {
    let mut h = format!(
        "<!doctype html><html lang=ja><meta charset=utf-8><style>
        @font-face {{ font-family: IPAex; src: url('file://{}'); }}
        @page {{ size: A4; margin: 18mm 18mm 16mm; }}
        body {{ font-family: IPAex; font-size: 9.5pt; line-height: 1.35; margin: 0; }}
        section {{ break-after: page; }} p {{ margin: 0; white-space: pre-wrap; }}
        </style><body>",
        font.display()
    );
    // pdftotext ends every page with a form feed.
    for page in text.split('\u{c}').filter(|p| !p.trim().is_empty()) {
        h.push_str("<section>");
        for line in page.lines() {
            h.push_str("<p>");
            h.push_str(&esc(line));
            h.push_str("</p>");
        }
        h.push_str("</section>");
    }
    h.push_str("</body></html>");
    h
}

fn time_renders(record: &AssessmentRecord, runs: usize) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            pdf::render(record, Catalog::get(), csr_core::lang::Lang::parse("ja").unwrap()).unwrap();
            t.elapsed()
        })
        .collect()
}

/// Run as `pdf --first-pdf DB ID` (by [`first_pdfs`]): times this process's first PDF, font
/// loading included, and prints the milliseconds.
const FIRST_PDF: &str = "--first-pdf";

/// The first PDF in a process, p50 of `n` fresh processes (this bench run again). One
/// measurement in the bench's own process, after it has built its fixture, varied between
/// 75 and 400 ms on this VM: the first touch of new memory, not the PDF.
fn first_pdfs(db: &Path, id: i64, n: usize) -> Duration {
    let runs = (0..n)
        .map(|_| {
            let out = Command::new(std::env::current_exe().unwrap())
                .arg(FIRST_PDF)
                .arg(db)
                .arg(id.to_string())
                .output()
                .unwrap();
            assert!(out.status.success(), "first PDF: {}", String::from_utf8_lossy(&out.stderr));
            Duration::from_secs_f64(String::from_utf8_lossy(&out.stdout).trim().parse::<f64>().unwrap() / 1000.0)
        })
        .collect();
    p50(runs)
}

/// Instructions executed by this bench run as `--first-pdf DB ID RENDERS`, counted by
/// valgrind's callgrind: a figure the machine's load does not change (the times above vary
/// two-fold on this shared machine). None when valgrind is not installed.
fn instructions(db: &Path, id: i64, renders: usize) -> Option<u64> {
    let out = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(std::env::current_exe().unwrap())
        .arg(FIRST_PDF)
        .arg(db)
        .arg(id.to_string())
        .arg(renders.to_string())
        .output()
        .ok()?;
    assert!(out.status.success(), "callgrind: {}", String::from_utf8_lossy(&out.stderr));
    // "==123== Collected : 1234567"
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .find_map(|l| l.split_once("Collected :").map(|(_, n)| n.trim().parse().unwrap()))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some(FIRST_PDF) {
        let store = csr_core::store::Store::open(&args[2], csr_core::Catalog::get()).unwrap();
        let record = store.record(args[3].parse().unwrap()).unwrap();
        let renders: usize = args.get(4).map_or(1, |n| n.parse().unwrap());
        let t = Instant::now();
        let ja = csr_core::lang::Lang::parse("ja").unwrap();
        pdf::render(&record, Catalog::get(), ja).unwrap();
        let first = t.elapsed();
        for _ in 1..renders {
            pdf::render(&record, Catalog::get(), ja).unwrap();
        }
        println!("{}", ms(first));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (db_dir, mut store) = common::temp_store();
    let id = common::fully_answered(&mut store);
    let record = store.record(id).unwrap();
    println!(
        "PDF benchmark ({} build): fully answered assessment, Japanese labels and text; load {}",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        std::fs::read_to_string("/proc/loadavg").map_or("unknown".into(), |l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
    );

    let sub = pdf::render(&record, Catalog::get(), csr_core::lang::Lang::parse("ja").unwrap()).unwrap();
    let runs = time_renders(&record, 15);
    // The fresh processes below open the database themselves: one writer at a time.
    drop(store);
    let app_pdf = dir.path().join("app.pdf");
    std::fs::write(&app_pdf, &sub.pdf).unwrap();
    let app_text = text_of(&app_pdf);
    let pages = lopdf::Document::load_mem(&sub.pdf).map(|d| d.get_pages().len()).unwrap_or(0);
    let warm = p50(runs.clone());
    let first = first_pdfs(&common::db_path(&db_dir), id, 7);
    println!(
        "{:<44} {:>9.1} ms p50 of 7 processes (font loading included)",
        "this app: first PDF in a process",
        ms(first)
    );
    println!("{:<44} {:>9.1} ms p50 of {} runs", "this app: PDF generation (warm)", ms(warm), runs.len());
    // `verify` of the same submission: the data, its fingerprint, every page read and
    // compared with the data's record of it (the reading is also what making the PDF adds).
    let english = pdf::render(&record, Catalog::get(), csr_core::lang::Lang::parse("en").unwrap()).unwrap();
    let english_pages = lopdf::Document::load_mem(&english.pdf).map(|d| d.get_pages().len()).unwrap_or(0);
    for (lang, sub, pages) in [("ja", &sub, pages), ("en", &english, english_pages)] {
        let checks: Vec<Duration> = (0..15)
            .map(|_| {
                let t = Instant::now();
                assert!(pdf::verify(&sub.pdf).unwrap().matches);
                t.elapsed()
            })
            .collect();
        println!("{:<44} {:>9.1} ms p50 of 15, {pages} pages", format!("this app: verify ({lang})"), ms(p50(checks)));
    }
    let db = common::db_path(&db_dir);
    match (instructions(&db, id, 1), instructions(&db, id, 4)) {
        (Some(one), Some(four)) => println!(
            "{:<44} {:>9.1} M instructions warm (callgrind); {:.1} M for a whole process with its first PDF",
            "this app: PDF generation, instructions",
            (four - one) as f64 / 3.0 / 1e6,
            one as f64 / 1e6
        ),
        _ => println!("{:<44} not measured: valgrind is not installed", "this app: PDF generation, instructions"),
    }
    println!(
        "{:<44} {:>9} bytes ({:.0} KB), {pages} pages, {} characters, {} words (pdftotext)",
        "this app: PDF size",
        sub.pdf.len(),
        sub.pdf.len() as f64 / 1024.0,
        printed_chars(&app_text),
        words(&app_text)
    );

    // A fresh process: start, open the database, load the font, render, write the file.
    let exe = env!("CARGO_BIN_EXE_csr-assess");
    let out = dir.path().join("cli.pdf");
    let cold: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            let status = Command::new(exe)
                .arg("--db")
                .arg(&db)
                .args(["pdf", &id.to_string(), "--lang", "ja", "--output"])
                .arg(&out)
                .env_remove("CSR_ASSESS_DB")
                .output()
                .unwrap();
            assert!(status.status.success(), "csr-assess pdf: {}", String::from_utf8_lossy(&status.stderr));
            t.elapsed()
        })
        .collect();
    let cold = p50(cold);
    println!(
        "{:<44} {:>9.1} ms p50 of 7 (a new `csr-assess pdf` process each)",
        "this app: PDF, cold process",
        ms(cold)
    );

    // The worst case of issue 16: every answer 10,000 characters long.
    let mut big = record.clone();
    let sentence =
        "当社では就業規則に強制労働の禁止を明記し、入社時に全員へ説明しています。Records are kept for five years. ";
    let long: String = sentence.chars().cycle().take(10_000).collect();
    for a in &mut big.answers {
        a.description = long.clone();
    }
    let big_sub = pdf::render(&big, Catalog::get(), csr_core::lang::Lang::parse("ja").unwrap()).unwrap();
    let big_runs = time_renders(&big, 5);
    let big_pdf = dir.path().join("big.pdf");
    std::fs::write(&big_pdf, &big_sub.pdf).unwrap();
    let big_chars = printed_chars(&text_of(&big_pdf));
    let big_pages = lopdf::Document::load_mem(&big_sub.pdf).map(|d| d.get_pages().len()).unwrap_or(0);
    let big_time = p50(big_runs);
    println!(
        "{:<44} {:>9.1} ms p50 of 5, {big_pages} pages, {big_chars} characters, {:.2} µs a character, {:.0} KB",
        "this app: 47 answers of 10,000 characters",
        ms(big_time),
        big_time.as_secs_f64() * 1e6 / big_chars as f64,
        big_sub.pdf.len() as f64 / 1024.0
    );

    let font = std::fs::canonicalize(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/ipaexg.ttf")).unwrap();
    let page = dir.path().join("submission.html");
    std::fs::write(&page, html_of(&app_text, &font)).unwrap();
    let Some(browser) = chromium() else {
        println!("chromium: not installed (scripts/bench.sh installs Debian's chromium for this comparison)");
        return;
    };
    let version =
        String::from_utf8_lossy(&Command::new(browser).arg("--version").output().unwrap().stdout).trim().to_string();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/chromium_print.py");
    let run = Command::new("python3")
        .args([script, browser, page.to_str().unwrap(), dir.path().to_str().unwrap(), "15", "5"])
        .output()
        .unwrap();
    if !run.status.success() {
        // Not a figure: say so rather than print a wrong one.
        println!("headless Chromium: the measurement failed: {}", String::from_utf8_lossy(&run.stderr).trim());
        return;
    }
    let report = String::from_utf8_lossy(&run.stdout).into_owned();
    let report: serde_json::Value = serde_json::from_str(&report).expect("chromium_print.py prints JSON");
    let secs = |key: &str| -> Option<Vec<Duration>> {
        report[key].as_array().map(|a| a.iter().map(|v| Duration::from_secs_f64(v.as_f64().unwrap())).collect())
    };
    let c_warm = secs("warm").map(p50);
    let c_cold = p50(secs("cold").expect("cold runs are always reported"));
    // The content check reads the cold PDF: it is there whether or not the warm runs were.
    let c_pdf = Path::new(report["cold_pdf"].as_str().unwrap());
    let c_text = text_of(c_pdf);
    let c_bytes = std::fs::read(c_pdf).unwrap();
    let c_pages = lopdf::Document::load_mem(&c_bytes).map(|d| d.get_pages().len()).unwrap_or(0);
    println!("{version}, printing the app's PDF text as HTML (same font, one page per page):");
    match c_warm {
        Some(c_warm) => println!(
            "{:<44} {:>9.1} ms p50 of 15 (one browser on a virtual display, DevTools protocol)",
            "Chromium: HTML to PDF (warm)",
            ms(c_warm)
        ),
        None => println!(
            "{:<44} not measured: {}",
            "Chromium: HTML to PDF (warm)",
            report["warm_failed"].as_str().unwrap_or("no reason given")
        ),
    }
    println!(
        "{:<44} {:>9.1} ms p50 of 5 (a new browser process each)",
        "headless Chromium: HTML to PDF (cold)",
        ms(c_cold)
    );
    println!(
        "{:<44} {:>9} bytes ({:.0} KB), {c_pages} pages, {} characters, {} words (pdftotext; the app: {}, {})",
        "headless Chromium: PDF size",
        c_bytes.len(),
        c_bytes.len() as f64 / 1024.0,
        printed_chars(&c_text),
        words(&c_text),
        printed_chars(&app_text),
        words(&app_text)
    );
    let warm_ratio =
        c_warm.map_or("no warm figure".to_string(), |c| format!("{:.0}× warm", c.as_secs_f64() / warm.as_secs_f64()));
    println!(
        "{:<44} {warm_ratio}, {:.0}× cold",
        "Chromium time / this app's time",
        c_cold.as_secs_f64() / cold.as_secs_f64()
    );
}
