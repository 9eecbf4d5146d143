//! `export` and `import` of interchange files.

use csr_core::usecase;
use lexopt::prelude::*;

use super::{show_help, Context};
use crate::args::{self, text};
use crate::{help, output, Outcome};

pub fn export(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::EXPORT)?;
    let mut out: Option<String> = None;
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Short('o') | Long("output") => out = Some(text(ctx.parser.value()?, "--output")?),
            Short('h') | Long("help") => return show_help(help::EXPORT),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let store = ctx.store()?;
    match out.as_deref() {
        None | Some("-") => crate::say_raw!("{}", usecase::export_text(&store, ctx.catalog, id)?),
        Some(path) => {
            usecase::export_to(&store, ctx.catalog, id, std::path::Path::new(path))?;
            eprintln!("Wrote {path}.");
        }
    }
    Ok(())
}

pub fn import(ctx: &mut Context) -> Outcome {
    let path = ctx.positional("the file to import", help::IMPORT)?;
    let json = ctx.json_flag(help::IMPORT)?;
    let bytes = args::read_input(&path)?;
    let mut store = ctx.store()?;
    let imported = usecase::import_file(&mut store, ctx.catalog, bytes.as_slice(), std::path::Path::new(&path))?;
    match imported {
        usecase::Imported::Assessment { id } if json => output::json(&store.assessment(id)?),
        usecase::Imported::Assessment { id } => crate::say!("{id}"),
        usecase::Imported::Feedback(opened) if json => output::json(&opened),
        usecase::Imported::Feedback(o) => {
            crate::say!(
                "Opened NEC's feedback on {} (assessment {}): {} request(s), {} new, {} revised{}. See them with `csr-assess requests {}`.",
                o.period,
                o.assessment_id,
                o.requests,
                o.added,
                o.revised,
                if o.has_note { ", and a note" } else { "" },
                o.assessment_id
            );
        }
    }
    Ok(())
}
