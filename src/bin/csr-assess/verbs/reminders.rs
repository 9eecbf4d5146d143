//! `reminders`: an assessment's due dates as a calendar file.

use std::path::PathBuf;

use csr_core::{usecase, Catalog};
use lexopt::prelude::*;

use super::{show_help, Context};
use crate::{help, Failure, Outcome};

/// `reminders ID --output FILE.ics [--lang en|ja]`
pub fn run(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::REMINDERS)?;
    let (mut output, mut lang) = (None, csr_core::lang::Lang::english());
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Short('o') | Long("output") => output = Some(PathBuf::from(ctx.parser.value()?)),
            Long("lang") => lang = crate::args::lang(ctx.parser.value()?)?,
            Short('h') | Long("help") => return show_help(help::REMINDERS),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let output =
        output.ok_or_else(|| Failure::Usage(format!("--output FILE.ics is missing.\n\n{}", help::REMINDERS)))?;
    let store = ctx.store()?;
    let events = usecase::reminders_to(&store, Catalog::get(), id, lang, &output)?;
    crate::say!("Wrote {}: {events} reminder(s) for a calendar program to import.", output.display());
    Ok(())
}
