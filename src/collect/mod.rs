//! NEC's side: reads a folder of received submissions (PDFs and interchange `.json` files),
//! verifies each, and consolidates them into one table for procurement staff.
//!
//! One job per file: [`walk`] finds the files, [`read`] reads and verifies one, [`summary`]
//! turns a verified assessment into its rows, [`aggregate`] keeps the newest submission of
//! each supplier (code and legal name) and period, lists what needs a person's look and
//! compares with an earlier year, [`sheets`] lays the rows out
//! as tables in the language chosen (`lang/<code>/workbook.json`), and [`xlsx`] and [`csv`]
//! write them.
//!
//! Nothing read is trusted: every problem with a file becomes a row of the failures table,
//! never an error of the whole run. Memory stays flat in the number of files: files are read
//! one at a time per worker, and each submission's answer rows wait in a temporary file
//! until the newest submission of each supplier is known.

mod aggregate;
mod csv;
mod labels;
mod read;
mod requests;
mod sheets;
mod spool;
mod summary;
mod walk;
mod xlsx;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::lang::Lang;

pub use aggregate::{Change, Look, NeedsLook};
pub use labels::{labels, Labels, Problem};
pub use requests::{OpenRequest, Requests};
pub use summary::{PolicyRow, Submission, Supplier};

/// A file that could not be used, with the reason.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Failure {
    /// The file as found under the paths given.
    pub file: String,
    pub problem: Problem,
    /// The details in English (the core's message, naming the place in the file).
    pub detail: String,
}

/// What `collect` found: the newest submission of each supplier and period, the files that
/// failed, and the answer rows of the kept submissions (in a temporary file).
pub struct Collection {
    /// Kept submissions, sorted by supplier code, name and period.
    pub submissions: Vec<Submission>,
    /// Files that failed, sorted by file name.
    pub failures: Vec<Failure>,
    /// Files found (PDF and .json) and read; earlier submissions (`previous`) not counted, and
    /// their failures not listed.
    pub files: usize,
    /// Submissions left out because a newer one of the same supplier and period was kept.
    pub superseded: usize,
    /// Kept submissions that need a person's look: one supplier code under several legal
    /// names, pages that could not be checked, an earlier submission under another name.
    pub looks: Vec<NeedsLook>,
    /// Whether earlier submissions were given (`--previous`) to compare with.
    pub compared: bool,
    spool: spool::Spool,
}

/// How far `collect` is: files done of files found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// Reads every PDF and `.json` under `paths` (files or folders, searched recursively), and
/// the earlier submissions under `previous` to compare with, using `jobs` threads (0: one per
/// core), each against `catalog`. `progress` is called after each file.
pub fn collect(
    paths: &[PathBuf],
    previous: &[PathBuf],
    jobs: usize,
    catalog: &Catalog,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Collection> {
    let files = walk::files(paths)?;
    let old = if previous.is_empty() { Vec::new() } else { walk::files(previous)? };
    let total = files.len() + old.len();
    let mut spool = spool::Spool::new()?;
    let mut current = aggregate::Newest::default();
    let mut earlier = aggregate::Newest::default();
    let mut failures = Vec::new();
    // The current files first, then the earlier ones; a worker per core reads and verifies,
    // this thread aggregates. The channel is bounded, so a slow consumer holds back readers
    // instead of piling up results.
    let all: Vec<(&Path, bool)> =
        files.iter().map(|f| (f.as_path(), true)).chain(old.iter().map(|f| (f.as_path(), false))).collect();
    let jobs = if jobs == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { jobs };
    let next = AtomicUsize::new(0);
    let mut spool_error = None;
    let mut done = 0;
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel(jobs * 2);
        for _ in 0..jobs.min(all.len().max(1)) {
            let tx = tx.clone();
            let (all, next) = (&all, &next);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&(path, is_current)) = all.get(i) else { break };
                let outcome = read::file(path, catalog).map(|r| summary::build(r, catalog));
                if tx.send((path, is_current, outcome)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (path, is_current, outcome) in rx {
            match outcome {
                Ok((submission, answers)) if is_current => match spool.put(&answers) {
                    Ok(at) => current.offer(submission.with_answers(at)),
                    Err(e) => spool_error = Some(e),
                },
                Ok((submission, _)) => earlier.offer(submission),
                Err((problem, detail)) => {
                    if is_current {
                        failures.push(Failure { file: path.display().to_string(), problem, detail });
                    }
                }
            }
            done += 1;
            progress(Progress { done, total });
        }
    });
    if let Some(e) = spool_error {
        return Err(e);
    }
    spool.flush()?;
    let (mut submissions, superseded) = current.finish();
    let mut looks = aggregate::looks(&submissions);
    if !previous.is_empty() {
        let (before, _) = earlier.finish();
        looks.extend(aggregate::compare(&mut submissions, &before));
    }
    failures.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(Collection { submissions, failures, files: files.len(), superseded, looks, compared: !previous.is_empty(), spool })
}

/// How to write the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One Excel workbook with five sheets.
    Xlsx,
    /// Five CSV files beside each other: `<name>-submissions.csv`, `-needs-look.csv`,
    /// `-ratings.csv`, `-answers.csv`, `-failures.csv`.
    Csv,
}

impl Format {
    /// The format an output file name asks for: `.csv` for CSV, `.xlsx` for a workbook.
    pub fn for_path(path: &Path) -> Result<Format> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("xlsx") => Ok(Format::Xlsx),
            Some("csv") => Ok(Format::Csv),
            _ => Err(Error::invalid(
                "output",
                format!("{} should end in .xlsx (an Excel workbook) or .csv (CSV files).", path.display()),
            )),
        }
    }
}

impl Collection {
    /// Writes the tables to `path` (`.xlsx` or `.csv`) in `lang` (its labels, words and
    /// punctuation), the items and policies named as in `catalog`; returns the files written.
    pub fn write(&self, path: &Path, catalog: &Catalog, lang: Lang) -> Result<Vec<PathBuf>> {
        let tables = sheets::Tables { collection: self, catalog, lang, labels: labels::labels(lang) };
        match Format::for_path(path)? {
            Format::Xlsx => xlsx::write(&tables, path).map(|()| vec![path.to_path_buf()]),
            Format::Csv => csv::write(&tables, path),
        }
    }
}
