//! `csr-assess feedback-from-workbook` on one filled-in workbook of 1,000 suppliers: the
//! time to check the whole workbook and write a feedback file per supplier, and the peak
//! memory of the process (from /usr/bin/time). The workbook is built once per run: eight
//! real submission PDFs of varied suppliers are collected by `collect`, and its rows are
//! repeated under other supplier codes and fingerprints until there are 1,000 suppliers;
//! each gets a note, about three requests on items (date cells and typed dates) and every
//! third a request on a Part 2 policy, as NEC's staff would fill them in. Figures are
//! printed, not asserted (target: under 10 s and 200 MB).
//! Run: `cargo bench --bench feedback` (`FEEDBACK_BENCH_SUPPLIERS=N` for another count, a
//! multiple of 8).

#[path = "../tests/common/mod.rs"]
mod common;
#[path = "../tests/support/filled_workbook.rs"]
mod filled;

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use csr_core::model::{Assessment, AssessmentRecord, CompanyProfile, Rating, Status};
use csr_core::{pdf, usecase, Catalog};
use filled::{At, Due, Filling, SubmissionFill};

const BIN: &str = env!("CARGO_BIN_EXE_csr-assess");
const DISTINCT: usize = 8;

const NAMES: [&str; DISTINCT] = [
    "株式会社あおば電子",
    "さくら精密工業株式会社",
    "有限会社みなと製作所",
    "Cedar Works Ltd.",
    "株式会社ひかり物流",
    "北斗化成株式会社",
    "Tanaka Metal Co., Ltd.",
    "株式会社つばさ技研",
];

fn record(n: usize) -> AssessmentRecord {
    let mut answers = common::full_answers();
    for (i, a) in answers.iter_mut().enumerate() {
        if a.rating != Some(Rating::NotApplicable) {
            a.rating = Some([Rating::Full, Rating::Mostly, Rating::Partly, Rating::NotYet][(i + n) % 4]);
        }
    }
    let submitted = format!("2026-06-{:02}T09:00:00Z", 1 + n);
    AssessmentRecord {
        company: CompanyProfile {
            supplier_code: format!("NEC-SUP-{n:06}"),
            legal_name: NAMES[n].into(),
            ..common::japanese_profile()
        },
        assessment: Assessment {
            id: 0,
            company_id: 0,
            period: "FY2025".into(),
            status: Status::Submitted,
            catalog_version: Catalog::get().version().into(),
            created_at: "2026-04-01T09:00:00Z".into(),
            updated_at: submitted.clone(),
            submitted_at: Some(submitted),
            carried_from: None,
            position: None,
            declaration: common::declaration(),
        },
        answers,
        part2: common::full_part2(),
        nec_requests: Vec::new(),
    }
}

/// A small deterministic choice from a text (FNV-1a), so the same workbook is built every time.
fn pick(s: &str, below: u64) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3)) % below
}

fn build(dir: &Path, suppliers: usize) -> std::path::PathBuf {
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    for n in 0..DISTINCT {
        let rendered = pdf::render(&record(n), Catalog::get(), csr_core::lang::Lang::parse(if n % 2 == 0 { "ja" } else { "en" }).unwrap()).unwrap();
        std::fs::write(inbox.join(format!("submission-{n}.pdf")), rendered.pdf).unwrap();
    }
    let collected = dir.join("received.xlsx");
    usecase::collect_to(&[inbox], &[], 2, Catalog::get(), csr_core::lang::Lang::parse("ja").unwrap(), &collected, &|_| {}).unwrap();
    let submission = |at: &At| {
        let policy = pick(at.supplier_code, 3) == 0;
        SubmissionFill {
            note: Some(format!(
                "{}様\nご提出ありがとうございました。下記の依頼について、期限までにご対応をお願いします。",
                at.supplier_code
            )),
            policies: if policy {
                vec![("conflict-minerals".into(), "今年度のCMRTをご提出ください。".into(), Due::Date(2027, 2, 28))]
            } else {
                vec![]
            },
        }
    };
    let answer = |at: &At| {
        (pick(&format!("{}{}", at.supplier_code, at.item), 16) == 0).then(|| {
            let due = if pick(at.item, 2) == 0 { Due::Date(2027, 3, 31) } else { Due::Text("2027/4/30".into()) };
            (format!("{}について、根拠資料（記録や規程）を添付してください。", at.item), due)
        })
    };
    let filled = dir.join("filled.xlsx");
    let filling =
        Filling { copies: suppliers / DISTINCT, submission: &submission, answer: &answer, extra_answers: vec![] };
    filled::fill_in(&collected, &filled, &filling);
    filled
}

/// Runs the verb under /usr/bin/time; returns seconds, peak RSS in MB and what it printed last.
fn run(book: &Path, out: &Path) -> (f64, f64, String) {
    let _ = std::fs::remove_dir_all(out);
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.args(["-f", "peak-rss-kb %M"]).arg(BIN);
        c
    } else {
        Command::new(BIN)
    };
    let start = Instant::now();
    let output = cmd.arg("feedback-from-workbook").arg(book).arg("--output-dir").arg(out).output().unwrap();
    let secs = start.elapsed().as_secs_f64();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let rss = String::from_utf8_lossy(&output.stderr)
        .lines()
        .find_map(|l| l.strip_prefix("peak-rss-kb "))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0);
    let last = String::from_utf8_lossy(&output.stdout).lines().last().unwrap_or("").to_string();
    (secs, rss, last)
}

fn main() {
    let suppliers: usize =
        std::env::var("FEEDBACK_BENCH_SUPPLIERS").ok().and_then(|v| v.parse().ok()).unwrap_or(1000).max(DISTINCT);
    let dir = tempfile::tempdir_in(std::env::temp_dir()).unwrap();
    let start = Instant::now();
    let book = build(dir.path(), suppliers);
    let size = std::fs::metadata(&book).unwrap().len() as f64 / 1_048_576.0;
    let uptime = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "feedback benchmark ({} build): {} suppliers, workbook {size:.1} MB (built in {:.1} s), {} cores, load average {}",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        suppliers / DISTINCT * DISTINCT,
        start.elapsed().as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        uptime.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    );
    let out = dir.path().join("feedback");
    // The same run writing to memory (a tmpfs, where flushing to disk costs nothing) shows
    // how much of the time is the disk's: each file is flushed before it replaces an old one.
    let shm = Path::new("/dev/shm").is_dir().then(|| tempfile::tempdir_in("/dev/shm").unwrap());
    let runs = [(&out, "to the disk"), (&out, "to the disk"), (&out, "to the disk")]
        .into_iter()
        .map(|(o, w)| (o.clone(), w))
        .chain(shm.iter().map(|d| (d.path().join("feedback"), "to memory (tmpfs)")));
    for (out, whereto) in runs {
        let (secs, rss, last) = run(&book, &out);
        let files = std::fs::read_dir(&out).map_or(0, |d| d.count());
        let bytes: u64 =
            std::fs::read_dir(&out).unwrap().filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum();
        println!(
            "{:<44} {secs:>6.2} s  {:>7.0} files/s  peak {rss:>6.1} MB  ({files} files, {:.1} MB; {last})",
            format!("feedback-from-workbook, {whereto}"),
            files as f64 / secs,
            bytes as f64 / 1_048_576.0
        );
    }
}
