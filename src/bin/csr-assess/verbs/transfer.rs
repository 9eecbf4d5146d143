//! `export` and `import` of interchange files.

use csr_core::{interchange, write_atomic, Catalog};
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
    let record = ctx.store()?.record(id)?;
    let json = interchange::export(&record, Catalog::get());
    match out.as_deref() {
        None | Some("-") => crate::say_raw!("{json}"),
        Some(path) => {
            write_atomic(std::path::Path::new(path), json.as_bytes())?;
            eprintln!("Wrote {path}.");
        }
    }
    Ok(())
}

pub fn import(ctx: &mut Context) -> Outcome {
    let path = ctx.positional("the file to import", help::IMPORT)?;
    let json = ctx.json_flag(help::IMPORT)?;
    let bytes = args::read_input(&path)?;
    let record = interchange::import(&bytes, Catalog::get())?;
    let mut store = ctx.store()?;
    let id = store.insert_record(&record)?;
    if json {
        output::json(&store.assessment(id)?);
    } else {
        crate::say!("{id}");
    }
    Ok(())
}
