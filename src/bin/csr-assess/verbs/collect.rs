//! `collect`: NEC's side, a folder of received submissions into one workbook.

use std::io::IsTerminal;
use std::path::PathBuf;

use csr_core::collect::Progress;
use csr_core::usecase;
use lexopt::prelude::*;

use super::{show_help, Context};
use crate::args::text;
use crate::{help, Failure, Outcome};

pub fn run(ctx: &mut Context) -> Outcome {
    let (mut paths, mut previous, mut output, mut lang, mut jobs) = (Vec::new(), Vec::new(), None, csr_core::lang::Lang::english(), 0);
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Value(v) => paths.push(PathBuf::from(v)),
            Short('o') | Long("output") => output = Some(PathBuf::from(ctx.parser.value()?)),
            Long("previous") => previous.extend(ctx.parser.values()?.map(PathBuf::from)),
            Long("lang") => lang = crate::args::lang(ctx.parser.value()?)?,
            Long("jobs") => {
                let v = text(ctx.parser.value()?, "--jobs")?;
                jobs = v.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                    Failure::Usage(format!("--jobs takes a number of files to read at once, not \"{v}\""))
                })?;
            }
            Short('h') | Long("help") => return show_help(help::COLLECT),
            _ => return Err(arg.unexpected().into()),
        }
    }
    if paths.is_empty() {
        return Err(Failure::Usage(format!("give the files or folders to read.\n\n{}", help::COLLECT)));
    }
    let output = output
        .ok_or_else(|| Failure::Usage(format!("--output FILE.xlsx (or FILE.csv) is missing.\n\n{}", help::COLLECT)))?;
    let show = std::io::stderr().is_terminal();
    let progress = |p: Progress| {
        if show && (p.done % 25 == 0 || p.done == p.total) {
            eprint!("\rRead {} of {} files", p.done, p.total);
        }
    };
    let report = usecase::collect_to(&paths, &previous, jobs, ctx.catalog, lang, &output, &progress);
    if show {
        eprintln!();
    }
    let report = report?;
    crate::say!(
        "Read {} files: {} submissions kept, {} older ones left out, {} need a look, {} failed.",
        report.files,
        report.kept,
        report.superseded,
        report.needs_look,
        report.failures.len()
    );
    for f in &report.failures {
        crate::say!("  FAILED {}: {}", f.file, f.problem.label(csr_core::lang::Lang::english()));
    }
    if report.requests_answered + report.requests_open > 0 {
        crate::say!(
            "NEC's earlier requests: {} answered, {} not answered yet.",
            report.requests_answered,
            report.requests_open
        );
        for u in &report.unanswered {
            let due = u.request.due.as_deref().map(|d| format!(", due {d}")).unwrap_or_default();
            crate::say!("  OPEN {} ({}, {}) {}{due}: {}", u.legal_name, u.supplier_code, u.period, u.request.id, u.request.text);
        }
    }
    for w in &report.written {
        crate::say!("Wrote {}", w.display());
    }
    Ok(())
}
