//! `csr-assess collect` on 1,000 real submission PDFs with varied content (made once with the
//! core's renderer and kept under the build folder): files per second with one and with two
//! reading threads, peak memory of the process (from /usr/bin/time), and the size of the
//! workbook and of the CSV files; with the machine's load when it ran. Every file is read as
//! `verify` reads it: its data, its fingerprint, and every page's text against the data's
//! record of it. Figures are printed, not asserted.
//! Run: `cargo bench --bench collect` (`COLLECT_BENCH_FILES=N` for another count).

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use csr_core::model::{Assessment, AssessmentRecord, CompanyProfile, Rating, Status};
use csr_core::{pdf, Catalog};

const BIN: &str = env!("CARGO_BIN_EXE_csr-assess");

/// A small deterministic random sequence (xorshift), so the same files are made every time.
struct Seeded(u64);

impl Seeded {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

const NAMES: [&str; 8] = [
    "株式会社あおば電子",
    "さくら精密工業株式会社",
    "有限会社みなと製作所",
    "Cedar Works Ltd.",
    "株式会社ひかり物流",
    "北斗化成株式会社",
    "Tanaka Metal Co., Ltd.",
    "株式会社つばさ技研",
];

/// Submission `n`: its own supplier (every 25th is an older submission of the supplier
/// before it), ratings, unanswered items, Part 2 answers and language.
fn record(n: usize) -> (AssessmentRecord, &'static str) {
    let mut rng = Seeded(0x9E37_79B9_7F4A_7C15 ^ (n as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let supplier = if n % 25 == 24 { n - 1 } else { n };
    let mut answers = common::full_answers();
    for a in answers.iter_mut() {
        a.rating = Some(match rng.next(10) {
            0..=3 => Rating::Full,
            4..=5 => Rating::Mostly,
            6 => Rating::Partly,
            7 => Rating::NotYet,
            8 if a.rating == Some(Rating::NotApplicable) => Rating::NotApplicable,
            _ => Rating::Full,
        });
        if a.rating != Some(Rating::NotApplicable) {
            a.na_reason.clear();
        }
        a.marked_for_review = rng.next(15) == 0;
    }
    if n % 10 == 3 {
        answers.truncate(answers.len() - 5);
    }
    let mut part2 = common::full_part2();
    for p in part2.iter_mut() {
        p.acknowledged = rng.next(6) != 0;
        if let Some(v) = p.disclosures.get_mut("co2_amount") {
            *v = format!("{}.{}", rng.next(5000), rng.next(10));
        }
    }
    let month = if n % 25 == 24 { 4 } else { 5 + rng.next(3) };
    let submitted = format!("2026-{month:02}-{:02}T09:00:00Z", 1 + rng.next(28));
    let record = AssessmentRecord {
        company: CompanyProfile {
            supplier_code: format!("NEC-SUP-{supplier:06}"),
            legal_name: format!("{} 第{supplier}工場", NAMES[supplier % NAMES.len()]),
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
        part2,
        nec_requests: Vec::new(),
    };
    (record, if n % 2 == 0 { "ja" } else { "en" })
}

/// The folder of `count` submissions under the build folder, made once.
fn folder(count: usize) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| {
        // target/release/deps/collect-<hash>
        std::env::current_exe().unwrap().ancestors().nth(3).unwrap().to_path_buf()
    });
    // Made by this format version's renderer (older folders hold PDFs without the record of
    // their pages, which would not be read as today's are).
    let dir = target.join(format!("collect-bench/v{}-{count}", csr_core::interchange::FORMAT_VERSION));
    if dir.join("complete").exists() {
        return dir;
    }
    std::fs::create_dir_all(&dir).unwrap();
    let start = Instant::now();
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let n = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if n >= count {
                    break;
                }
                let (r, lang) = record(n);
                let sub = pdf::render(&r, Catalog::get(), csr_core::lang::Lang::parse(lang).unwrap()).unwrap();
                std::fs::write(dir.join(format!("submission-{n:05}.pdf")), sub.pdf).unwrap();
            });
        }
    });
    std::fs::write(dir.join("complete"), "").unwrap();
    println!(
        "made {count} submission PDFs in {:.1} s (once; kept in {})",
        start.elapsed().as_secs_f64(),
        dir.display()
    );
    dir
}

fn size(paths: &[PathBuf]) -> u64 {
    paths.iter().map(|p| std::fs::metadata(p).map_or(0, |m| m.len())).sum()
}

/// Runs `csr-assess collect` under /usr/bin/time; returns seconds and peak RSS in MB.
fn run(dir: &Path, out: &Path, jobs: usize) -> (f64, f64) {
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.args(["-f", "peak-rss-kb %M"]).arg(BIN);
        c
    } else {
        Command::new(BIN)
    };
    let start = Instant::now();
    let output =
        cmd.arg("collect").arg(dir).arg("--output").arg(out).args(["--jobs", &jobs.to_string()]).output().unwrap();
    let secs = start.elapsed().as_secs_f64();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let rss = stderr
        .lines()
        .find_map(|l| l.strip_prefix("peak-rss-kb "))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0);
    (secs, rss)
}

/// The machine's load averages (1, 5 and 15 minutes), from /proc/loadavg.
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or("unknown".into(), |l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
}

fn main() {
    let count: usize = std::env::var("COLLECT_BENCH_FILES").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    let dir = folder(count);
    let input: u64 = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()?.metadata().ok()).map(|m| m.len()).sum();
    println!(
        "collect benchmark ({} build): {count} submission PDFs, {:.1} MB, {} cores",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        input as f64 / 1_048_576.0,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let out = tempfile::tempdir().unwrap();
    let xlsx = out.path().join("received.xlsx");
    for jobs in [1, 2] {
        for _ in 0..2 {
            let before = load();
            let (secs, rss) = run(&dir, &xlsx, jobs);
            println!(
                "{:<34} {:>6.1} s  {:>6.1} files/s  peak {:>6.1} MB  (load before: {before})",
                format!("collect to .xlsx, {jobs} thread(s)"),
                secs,
                count as f64 / secs,
                rss
            );
        }
    }
    println!("{:<34} {:>6.1} MB", "workbook size", size(&[xlsx]) as f64 / 1_048_576.0);
    let csv = out.path().join("received.csv");
    let (secs, rss) = run(&dir, &csv, 2);
    println!(
        "{:<34} {:>6.1} s  {:>6.1} files/s  peak {:>6.1} MB",
        "collect to .csv, 2 threads",
        secs,
        count as f64 / secs,
        rss
    );
    let csvs: Vec<PathBuf> = ["submissions", "needs-look", "ratings", "answers", "failures"]
        .iter()
        .map(|t| out.path().join(format!("received-{t}.csv")))
        .collect();
    println!("{:<34} {:>6.1} MB", "CSV files, together", size(&csvs) as f64 / 1_048_576.0);
}
