//! NEC's side: a folder of received submissions verified and written into one workbook (or
//! CSV files), as the CLI's `collect` and the app's staff screen both do it.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::catalog::Catalog;
use crate::collect::{self, Failure, Format, Problem, Progress};
use crate::error::Result;
use crate::lang::Lang;

/// What was read and written, for the staff screen and the CLI's summary.
#[derive(Debug, Clone, Serialize)]
pub struct CollectReport {
    /// Files found (PDF and `.json`) and read.
    pub files: usize,
    /// Submissions kept (the newest of each supplier and period).
    pub kept: usize,
    /// Older submissions of the same supplier and period, left out.
    pub superseded: usize,
    /// Kept submissions that need a look (one supplier code under several names, pages that
    /// could not be checked): the workbook's sheet "Needs a look".
    pub needs_look: usize,
    /// Files that could not be used, with the reason.
    pub failures: Vec<FailedFile>,
    /// The files written (one workbook, or three CSV files).
    pub written: Vec<PathBuf>,
    /// NEC's earlier requests the kept submissions answer, and those they leave open.
    pub requests_answered: usize,
    pub requests_open: usize,
    /// The open ones, per supplier, for the staff screen to list.
    pub unanswered: Vec<Unanswered>,
}

/// A request of NEC's that a kept submission leaves unanswered.
#[derive(Debug, Clone, Serialize)]
pub struct Unanswered {
    pub supplier_code: String,
    pub legal_name: String,
    pub period: String,
    pub file: String,
    #[serde(flatten)]
    pub request: collect::OpenRequest,
}

/// A file that could not be used: the reason in the report's language, the details in
/// English (naming the place in the file).
#[derive(Debug, Clone, Serialize)]
pub struct FailedFile {
    pub file: String,
    pub problem: Problem,
    pub reason: &'static str,
    pub detail: String,
}

/// Reads every submission under `paths` (and the earlier ones under `previous`, to compare
/// with) against `catalog`, then writes the tables to `output` (`.xlsx` or `.csv`) in
/// `lang`. A wrong output name is refused before any file is read.
pub fn collect_to(
    paths: &[PathBuf],
    previous: &[PathBuf],
    jobs: usize,
    catalog: &Catalog,
    lang: Lang,
    output: &Path,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<CollectReport> {
    Format::for_path(output)?;
    let c = collect::collect(paths, previous, jobs, catalog, progress)?;
    let written = c.write(output, catalog, lang)?;
    let unanswered: Vec<Unanswered> = c
        .submissions
        .iter()
        .flat_map(|s| {
            s.requests.open.iter().map(move |r| Unanswered {
                supplier_code: s.supplier_code.clone(),
                legal_name: s.legal_name.clone(),
                period: s.period.clone(),
                file: s.file.clone(),
                request: r.clone(),
            })
        })
        .collect();
    Ok(CollectReport {
        requests_answered: c.submissions.iter().map(|s| s.requests.answered).sum(),
        requests_open: unanswered.len(),
        unanswered,
        files: c.files,
        kept: c.submissions.len(),
        superseded: c.superseded,
        needs_look: c.looks.len(),
        failures: c
            .failures
            .iter()
            .map(|f: &Failure| FailedFile {
                file: f.file.clone(),
                problem: f.problem,
                reason: f.problem.label(lang),
                detail: f.detail.clone(),
            })
            .collect(),
        written,
    })
}
