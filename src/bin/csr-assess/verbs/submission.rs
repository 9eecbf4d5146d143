//! `pdf`, `extract`, `verify`: the PDF submission.

use csr_core::model::Status;
use csr_core::{pdf, write_atomic, Catalog};
use lexopt::prelude::*;

use super::{show_help, Context};
use crate::args::{self, text};
use crate::{help, output, Failure, Outcome};

pub fn pdf(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::PDF)?;
    let (mut out, mut lang, mut mark) = (None, "en".to_string(), false);
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
            Long("lang") => {
                lang = text(ctx.parser.value()?, "--lang")?;
                if !["en", "ja"].contains(&lang.as_str()) {
                    return Err(Failure::Usage(format!("--lang is en or ja, not \"{lang}\"")));
                }
            }
            Long("mark-submitted") => mark = true,
            Short('h') | Long("help") => return show_help(help::PDF),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let mut store = ctx.store()?;
    let record = store.record(id)?;
    // The same page of changes since last year's assessment as the app prints.
    let changes = csr_core::changes::since_carried_from(&store, &record, Catalog::get())?;
    let submission = pdf::render_with_changes(&record, Catalog::get(), &lang, changes.as_ref())?;
    let path = out.unwrap_or_else(|| pdf::file_name(&record));
    write_atomic(std::path::Path::new(&path), &submission.pdf)?;
    if mark {
        store.set_status(id, Status::Submitted)?;
    }
    crate::say!(
        "Wrote {path} ({} KB). SHA-256 of the attached data: {}",
        submission.pdf.len().div_ceil(1024),
        submission.sha256
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
    } else if v.matches {
        crate::say!(
            "OK: the attached data matches the fingerprint printed in the PDF ({}), on all {} pages.",
            v.attached_sha256,
            v.pages
        );
    } else {
        crate::say!("MISMATCH: the attached data (SHA-256 {}) is not the data this PDF prints.", v.attached_sha256);
        crate::say!("  Printed SHA-256: {}", v.printed_sha256.as_deref().unwrap_or("(none found)"));
        crate::say!("  Pages carrying the attached data's fingerprint: {} of {}", v.pages_with_fingerprint, v.pages);
    }
    if v.matches {
        Ok(())
    } else {
        Err(Failure::Status(4))
    }
}
