//! `feedback` and `feedback-from-workbook`: NEC's staff write feedback on received
//! submissions, for one PDF or for every supplier they filled in on `collect`'s workbook.

use std::path::PathBuf;

use csr_core::feedback::{Author, Draft, Language, RequestDraft};
use csr_core::usecase::{self, WrittenFeedback};
use csr_core::Catalog;
use lexopt::prelude::*;

use super::{show_help, Context};
use crate::args::text;
use crate::{help, Failure, Outcome};

/// `--lang en|ja` as the language NEC writes in.
fn language(ctx: &mut Context) -> Result<Language, Failure> {
    let v = text(ctx.parser.value()?, "--lang")?;
    Language::parse(&v).ok_or_else(|| Failure::Usage(format!("--lang is en or ja, not \"{v}\"")))
}

/// Sets the author field of option `--<option>` (author, author-email, author-organisation).
fn author_option(option: &str, value: std::ffi::OsString, author: &mut Author) -> Result<(), Failure> {
    let value = text(value, &format!("--{option}"))?;
    match option {
        "author" => author.name = Some(value),
        "author-email" => author.email = Some(value),
        "author-organisation" | "author-organization" => author.organisation = value,
        _ => return Err(Failure::Usage(format!("there is no option --{option}"))),
    }
    Ok(())
}

fn say_written(w: &WrittenFeedback) {
    let who = match &w.supplier_code {
        Some(code) => format!("{} ({code})", w.legal_name),
        None => w.legal_name.clone(),
    };
    let what = match (w.has_note, w.requests) {
        (true, 0) => "a note".to_string(),
        (true, n) => format!("a note and {n} request(s)"),
        (false, n) => format!("{n} request(s)"),
    };
    crate::say!("Wrote {}: feedback on {who}, {}: {what}.", w.path.display(), w.period);
}

/// `feedback SUBMISSION.pdf --output FILE [--note TEXT] [--request ITEM TEXT [--due DATE]]...`
pub fn feedback(ctx: &mut Context) -> Outcome {
    let (mut pdf, mut output) = (None, None);
    let mut author = Author { name: None, email: None, organisation: String::new() };
    let mut draft = Draft { language: Language::En, author: author.clone(), note: String::new(), requests: Vec::new() };
    // Whether the last request already has its due date.
    let mut due_given = true;
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Value(v) if pdf.is_none() => pdf = Some(PathBuf::from(v)),
            Short('o') | Long("output") => output = Some(PathBuf::from(ctx.parser.value()?)),
            Long("note") => draft.note = text(ctx.parser.value()?, "--note")?,
            Long("request") => {
                let target = text(ctx.parser.value()?, "--request")?;
                let what = ctx.parser.value().map_err(|_| {
                    Failure::Usage(format!(
                        "--request takes an item (or policy) id and a text: --request {target} \"What NEC asks for\""
                    ))
                })?;
                draft.requests.push(RequestDraft { target, text: text(what, "--request")?, due: None });
                due_given = false;
            }
            Long("due") => {
                let date = text(ctx.parser.value()?, "--due")?;
                match draft.requests.last_mut() {
                    Some(r) if !due_given => r.due = Some(date),
                    _ => return Err(Failure::Usage("--due gives the due date of the --request just before it".into())),
                }
                due_given = true;
            }
            Long("lang") => draft.language = language(ctx)?,
            Long(o) if o.starts_with("author") => {
                let o = o.to_string();
                author_option(&o, ctx.parser.value()?, &mut author)?
            }
            Short('h') | Long("help") => return show_help(help::FEEDBACK),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let pdf = pdf.ok_or_else(|| Failure::Usage(format!("the submission PDF is missing.\n\n{}", help::FEEDBACK)))?;
    let output =
        output.ok_or_else(|| Failure::Usage(format!("--output FILE.csrfeedback is missing.\n\n{}", help::FEEDBACK)))?;
    if draft.note.trim().is_empty() && draft.requests.is_empty() {
        return Err(Failure::Usage("give a --note, a --request, or both: the feedback would be empty".into()));
    }
    draft.author = author;
    let written = usecase::feedback_on_pdf(&pdf, &draft, &output, Catalog::get())?;
    say_written(&written);
    Ok(())
}

/// `feedback-from-workbook WORKBOOK.xlsx --output-dir DIR`
pub fn from_workbook(ctx: &mut Context) -> Outcome {
    let (mut book, mut folder, mut lang) = (None, None, None);
    let mut author = Author { name: None, email: None, organisation: String::new() };
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Value(v) if book.is_none() => book = Some(PathBuf::from(v)),
            Long("output-dir") => folder = Some(PathBuf::from(ctx.parser.value()?)),
            Long("lang") => lang = Some(language(ctx)?),
            Long(o) if o.starts_with("author") => {
                let o = o.to_string();
                author_option(&o, ctx.parser.value()?, &mut author)?
            }
            Short('h') | Long("help") => return show_help(help::FEEDBACK_FROM_WORKBOOK),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let book =
        book.ok_or_else(|| Failure::Usage(format!("the workbook is missing.\n\n{}", help::FEEDBACK_FROM_WORKBOOK)))?;
    let folder = folder
        .ok_or_else(|| Failure::Usage(format!("--output-dir DIR is missing.\n\n{}", help::FEEDBACK_FROM_WORKBOOK)))?;
    let written = usecase::feedback_from_workbook(&book, &folder, &author, lang, Catalog::get())?;
    if written.is_empty() {
        crate::say!("No supplier has a note or a request in {}; no feedback file was written.", book.display());
    }
    for w in &written {
        say_written(w);
    }
    if !written.is_empty() {
        crate::say!("{} feedback file(s) written to {}.", written.len(), folder.display());
    }
    Ok(())
}
