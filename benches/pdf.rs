//! PDF generation of a fully answered assessment with Japanese text: time (p50 of several
//! runs) and size; and, in the same run, headless Chromium printing an HTML page with the
//! same content and font to PDF. Figures are printed, not asserted.

#[path = "../tests/common/mod.rs"]
mod common;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use csr_core::model::AssessmentRecord;
use csr_core::{pdf, scoring, Catalog};

fn p50(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('\n', "<br>")
}

/// The same content as the PDF, as an A4 HTML page for Chromium to print.
fn html(record: &AssessmentRecord, sha256: &str, font: &Path) -> String {
    let c = Catalog::get();
    let s = scoring::score(record, c);
    let p = &record.company;
    let mut h = String::new();
    let _ = write!(h, "<!doctype html><html lang=ja><meta charset=utf-8><style>
        @font-face {{ font-family: IPAex; src: url('file://{}'); }}
        @page {{ size: A4; margin: 22mm 18mm 20mm; }}
        body {{ font-family: IPAex; font-size: 9.5pt; line-height: 1.45; }}
        h1 {{ font-size: 16pt; }} h2 {{ font-size: 12.5pt; }} h3 {{ font-size: 10.5pt; margin: 8pt 0 2pt; }}
        dl {{ display: grid; grid-template-columns: 95pt 1fr; margin: 0; }} dt {{ color: #555; font-size: 8pt; }} dd {{ margin: 0; }}
        .bar {{ background: #555; height: 10pt; }} .track {{ border: 1px solid #999; width: 230pt; }}
        </style><body>", font.display());
    let _ = write!(h, "<h1>サプライチェーンCSR セルフアセスメント</h1><h2>{}</h2><dl>", esc(p.display_name()));
    for (k, v) in [
        ("所在地", &p.address),
        ("代表者", &p.representative),
        ("連絡担当者", &p.contact_name),
        ("対象期間", &record.assessment.period),
    ] {
        let _ = write!(h, "<dt>{k}</dt><dd>{}</dd>", esc(v));
    }
    let _ = write!(h, "</dl><p>{sha256}</p><h1>概要</h1>");
    for g in &s.groups {
        let w = g.tally.score.unwrap_or(0);
        let _ =
            write!(h, "<div>{} <div class=track><div class=bar style='width:{w}%'></div></div> {w}%</div>", g.group_id);
    }
    let _ = write!(h, "<h1>回答</h1>");
    for item in c.items() {
        let _ = write!(h, "<h3>{} {}</h3>", item.id, esc(&item.title));
        if let Some(a) = record.answer(&item.id) {
            let _ = write!(
                h,
                "<dl><dt>評価</dt><dd>{:?}</dd><dt>当社の取り組み</dt><dd>{}</dd>",
                a.rating,
                esc(&a.description)
            );
            for e in &a.evidence {
                let _ = write!(
                    h,
                    "<dt>証拠</dt><dd>{} — {} — {}</dd>",
                    esc(&e.name),
                    esc(&e.location),
                    e.date.as_deref().unwrap_or("")
                );
            }
            if !a.action_plan.is_empty() {
                let _ = write!(
                    h,
                    "<dt>改善計画</dt><dd>{}<br>{}<br>{}</dd>",
                    esc(&a.action_plan.what),
                    esc(&a.action_plan.who),
                    a.action_plan.due.as_deref().unwrap_or("")
                );
            }
            h.push_str("</dl>");
        }
    }
    let _ = write!(h, "<h1>パート 2</h1>");
    for pa in &record.part2 {
        let _ = write!(h, "<h3>{}</h3><dl>", pa.policy_id);
        for (k, v) in &pa.disclosures {
            let _ = write!(h, "<dt>{k}</dt><dd>{}</dd>", esc(v));
        }
        let _ = write!(h, "<dt>備考</dt><dd>{}</dd></dl>", esc(&pa.notes));
    }
    let d = &record.assessment.declaration;
    let _ = write!(
        h,
        "<h1>誓約</h1><p>{}</p><dl><dt>氏名</dt><dd>{}</dd><dt>役職</dt><dd>{}</dd></dl></body></html>",
        csr_core::model::DECLARATION_TEXT.ja,
        esc(&d.signer_name),
        esc(&d.signer_title)
    );
    h
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| Command::new(b).arg("--version").output().is_ok_and(|o| o.status.success()))
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let (_db, mut store) = common::temp_store();
    let id = common::fully_answered(&mut store);
    let record = store.record(id).unwrap();
    println!(
        "PDF benchmark ({} build): fully answered assessment, Japanese labels and text",
        if cfg!(debug_assertions) { "debug" } else { "release" }
    );

    let (first, sub) = {
        let t = Instant::now();
        let s = pdf::render(&record, Catalog::get(), "ja").unwrap();
        (t.elapsed(), s)
    };
    let runs: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            pdf::render(&record, Catalog::get(), "ja").unwrap();
            t.elapsed()
        })
        .collect();
    let pages = lopdf::Document::load_mem(&sub.pdf).map(|d| d.get_pages().len()).unwrap_or(0);
    println!("{:<40} {:>9.1} ms (includes loading the font)", "this app: first PDF in the process", ms(first));
    println!("{:<40} {:>9.1} ms p50 of {} runs", "this app: PDF generation", ms(p50(runs.clone())), runs.len());
    println!(
        "{:<40} {:>9} bytes ({:.0} KB), {pages} pages",
        "this app: PDF size",
        sub.pdf.len(),
        sub.pdf.len() as f64 / 1024.0
    );

    let font = std::fs::canonicalize(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/ipaexg.ttf")).unwrap();
    let page = dir.path().join("submission.html");
    std::fs::write(&page, html(&record, &sub.sha256, &font)).unwrap();
    let Some(browser) = chromium() else {
        println!("chromium: not installed (scripts/bench.sh installs Debian's chromium for this comparison)");
        return;
    };
    let version =
        String::from_utf8_lossy(&Command::new(browser).arg("--version").output().unwrap().stdout).trim().to_string();
    let out = dir.path().join("chromium.pdf");
    let mut times = Vec::new();
    for n in 0..5 {
        let profile = dir.path().join(format!("profile-{n}"));
        let t = Instant::now();
        let status = Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
                "--allow-file-access-from-files",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", out.display()))
            .arg(format!("file://{}", page.display()))
            .output()
            .unwrap();
        times.push(t.elapsed());
        assert!(status.status.success(), "chromium failed: {}", String::from_utf8_lossy(&status.stderr));
    }
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    let cpages = lopdf::Document::load_mem(&std::fs::read(&out).unwrap()).map(|d| d.get_pages().len()).unwrap_or(0);
    println!(
        "{:<40} {:>9.1} ms p50 of {} runs ({version}, a new process each time)",
        "headless Chromium: HTML to PDF",
        ms(p50(times.clone())),
        times.len()
    );
    println!(
        "{:<40} {:>9} bytes ({:.0} KB), {cpages} pages",
        "headless Chromium: PDF size",
        size,
        size as f64 / 1024.0
    );
}
