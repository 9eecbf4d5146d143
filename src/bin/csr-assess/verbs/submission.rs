//! `submit`, `pdf`, `extract`, `verify`: the PDF submission and its previews.

use std::path::Path;

use csr_core::lang::Lang;
use csr_core::pdf::Verdict;
use csr_core::{pdf, usecase, write_atomic};
use lexopt::prelude::*;

use super::{show_help, Context};
use crate::args::{self, text};
use crate::{help, output, Failure, Outcome};

/// `--output FILE` and `--lang en|ja`, the options of `submit` and `pdf`.
fn pdf_options(ctx: &mut Context, help_text: &str) -> Result<(Option<String>, Lang), Failure> {
    let (mut out, mut lang) = (None, Lang::english());
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Short('o') | Long("output") => {
                let path = text(ctx.parser.value()?, "--output")?;
                if path == "-" {
                    // Unlike `export -o -`: a PDF is binary, for a file, not a terminal.
                    return Err(Failure::Usage(
                        "a PDF must go to a file: give --output a file name, not \"-\" (standard output)".into(),
                    ));
                }
                out = Some(path);
            }
            Long("lang") => lang = args::lang(ctx.parser.value()?)?,
            Short('h') | Long("help") => {
                crate::say_raw!("{help_text}");
                return Err(Failure::Status(0));
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    Ok((out, lang))
}

/// `submit ID --output FILE`: the submission, or exit 3 with what is missing.
pub fn submit(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::SUBMIT)?;
    let (out, lang) = pdf_options(ctx, help::SUBMIT)?;
    let out = out.ok_or_else(|| Failure::Usage(format!("--output is missing.\n\n{}", help::SUBMIT)))?;
    let mut store = ctx.store()?;
    match usecase::submit(&mut store, ctx.catalog, id, lang, Path::new(&out)) {
        Ok(written) => {
            crate::say!(
                "Submitted assessment {id} at {} and wrote {} ({} KB). SHA-256 of the attached data: {}",
                written.submitted_at.as_deref().unwrap_or(""),
                out,
                written.size.div_ceil(1024),
                written.sha256
            );
            Ok(())
        }
        Err(csr_core::Error::NotReady { findings }) => {
            crate::say!("Not submitted: the assessment is not ready. Still missing:");
            super::reports::print_findings(&findings);
            crate::say!("Nothing was written. `csr-assess pdf {id}` makes a preview marked as not submitted.");
            Err(Failure::Status(3))
        }
        Err(e) => Err(e.into()),
    }
}

/// `pdf ID`: a preview, or a copy of the submission of a submitted assessment.
pub fn pdf(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::PDF)?;
    let (out, lang) = pdf_options(ctx, help::PDF)?;
    let store = ctx.store()?;
    let path = match out {
        Some(p) => p,
        None => usecase::suggested_file_name(&store.record(id)?, usecase::FileKind::Submission, lang),
    };
    let written = usecase::preview_pdf(&store, ctx.catalog, id, lang, Path::new(&path))?;
    let what = if written.preview {
        "a preview (marked \"DRAFT — not submitted\"; `csr-assess submit` makes the submission)"
    } else {
        "a copy of the submission"
    };
    crate::say!(
        "Wrote {path}, {what} ({} KB). SHA-256 of the attached data: {}",
        written.size.div_ceil(1024),
        written.sha256
    );
    Ok(())
}

pub fn extract(ctx: &mut Context) -> Outcome {
    let path = ctx.positional("the PDF file", help::EXTRACT)?;
    let mut out: Option<String> = None;
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Short('o') | Long("output") => out = Some(text(ctx.parser.value()?, "--output")?),
            Short('h') | Long("help") => return show_help(help::EXTRACT),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let json = pdf::extract(&args::read_input(&path)?)?;
    // A file written here is UTF-8 as extracted; a shell redirection may re-encode it
    // (Windows PowerShell 5.1 writes UTF-16), which is why --output exists.
    match out.as_deref() {
        None | Some("-") => crate::say_raw!("{json}"),
        Some(file) => {
            write_atomic(std::path::Path::new(file), json.as_bytes())?;
            eprintln!("Wrote {file}.");
        }
    }
    Ok(())
}

pub fn verify(ctx: &mut Context) -> Outcome {
    let path = ctx.positional("the PDF file", help::VERIFY)?;
    let json = ctx.json_flag(help::VERIFY)?;
    let v = pdf::verify(&args::read_input(&path)?)?;
    if json {
        output::json(&v);
    } else {
        let word = match v.verdict {
            Verdict::Valid => "OK",
            Verdict::PagesUnchecked => "PAGES NOT CHECKED",
            Verdict::DataMismatch => "MISMATCH",
            Verdict::Changed => "CHANGED",
        };
        crate::say!("{word}: {}", v.summary());
        for f in &v.findings {
            crate::say!("  {}", f.detail);
        }
    }
    match v.verdict {
        Verdict::Valid => Ok(()),
        // Neither valid nor shown to be changed: a distinct status.
        Verdict::PagesUnchecked => Err(Failure::Status(5)),
        Verdict::DataMismatch | Verdict::Changed => Err(Failure::Status(4)),
    }
}
