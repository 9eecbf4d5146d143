//! `new`, `list`, `show`, `status`, `rename`, `delete`, `restore`.

use csr_core::model::Status;
use csr_core::{interchange, usecase};
use lexopt::prelude::*;

use super::{show_help, Context};
use crate::args::{self, text};
use crate::{help, output, Failure, Outcome};

pub fn new(ctx: &mut Context) -> Outcome {
    let (mut period, mut company, mut from, mut json) = (None, None, None, false);
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Long("period") => period = Some(text(ctx.parser.value()?, "--period")?),
            Long("company") => company = Some(args::id(&text(ctx.parser.value()?, "--company")?, "--company")?),
            Long("from") => from = Some(args::id(&text(ctx.parser.value()?, "--from")?, "--from")?),
            Long("json") => json = true,
            Short('h') | Long("help") => return show_help(help::NEW),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let period = period.ok_or_else(|| Failure::Usage(format!("--period is missing.\n\n{}", help::NEW)))?;
    let mut store = ctx.store()?;
    let company = match (from, company) {
        // `pick_company` refuses an unknown id (and, with several companies, a missing one).
        (None, _) => super::profile::pick_company(&store, company)?.map(|c| c.id),
        (Some(_), c) => c,
    };
    let created = usecase::start_assessment(&mut store, &usecase::Start { period, from, company })?;
    if json {
        output::json(&created);
    } else {
        crate::say!("{}", created.id);
    }
    Ok(())
}

pub fn list(ctx: &mut Context) -> Outcome {
    let json = ctx.json_flag(help::LIST)?;
    let list = ctx.store()?.list_assessments()?;
    if json {
        output::json(&list);
        return Ok(());
    }
    if list.is_empty() {
        crate::say!("No assessments yet. Start one with `csr-assess new --period FY2026`.");
    }
    for a in list {
        crate::say!(
            "{:>4}  {:<16} {:<10} {:>3}% answered  {}  {}",
            a.id,
            a.period,
            a.status.as_str(),
            a.completeness,
            a.updated_at,
            a.company_name
        );
    }
    Ok(())
}

pub fn show(ctx: &mut Context) -> Outcome {
    let (id, json) = ctx.id_and_json(help::SHOW)?;
    let record = ctx.store()?.record(id)?;
    let catalog = ctx.catalog;
    if json {
        crate::say_raw!("{}", interchange::export(&record, catalog));
        return Ok(());
    }
    let a = &record.assessment;
    crate::say!("Assessment {} — {} — {}", a.id, a.period, a.status.as_str());
    crate::say!("Company: {}", record.company.display_name());
    crate::say!("Catalog {}; created {}; last change {}", a.catalog_version, a.created_at, a.updated_at);
    for group in catalog.groups() {
        crate::say!("\n{} {}", group.id, group.title);
        for item in &group.items {
            let answer = record.answer(&item.id);
            let rating = answer.and_then(|a| a.rating).map_or("—", |r| r.as_str());
            let mut flags = String::new();
            if answer.is_some_and(|a| a.to_reconfirm) {
                flags.push_str(" [re-confirm]");
            }
            if answer.is_some_and(|a| a.marked_for_review) {
                flags.push_str(" [review]");
            }
            let text = answer.map(|a| output::first_line(&a.description, 60)).unwrap_or_default();
            crate::say!("  {:<6} {:<15}{flags} {text}", item.id, rating);
        }
    }
    crate::say!("\nPart 2");
    for p in catalog.policies() {
        let answer = record.part2_answer(&p.id);
        let ack = if answer.is_some_and(|a| a.acknowledged) { "acknowledged" } else { "not acknowledged" };
        crate::say!("  {:<20} {ack}", p.id);
    }
    let d = &a.declaration;
    crate::say!(
        "\nDeclaration: {}",
        if d.is_complete() {
            format!("signed by {} ({}) on {}", d.signer_name, d.signer_title, d.date.as_deref().unwrap_or(""))
        } else {
            "not signed".into()
        }
    );
    Ok(())
}

pub fn status(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::STATUS)?;
    let value = ctx.positional("the status", help::STATUS)?;
    let status = Status::parse(&value)
        .ok_or_else(|| Failure::Usage(format!("the status is draft, ready or submitted, not \"{value}\"")))?;
    ctx.store()?.set_status(id, status)?;
    crate::say!("Assessment {id} is now {}.", status.as_str());
    Ok(())
}

pub fn rename(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::RENAME)?;
    let period = ctx.positional("the new period", help::RENAME)?;
    let renamed = ctx.store()?.rename_assessment(id, &period)?;
    crate::say!("Assessment {id} is now called {}.", renamed.period);
    Ok(())
}

pub fn delete(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::DELETE)?;
    let mut yes = false;
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Long("yes") => yes = true,
            Short('h') | Long("help") => return show_help(help::DELETE),
            _ => return Err(arg.unexpected().into()),
        }
    }
    if !yes {
        return Err(Failure::Usage(format!("add --yes to delete assessment {id}")));
    }
    ctx.store()?.delete_assessment(id)?;
    crate::say!("Assessment {id} moved to the bin. `csr-assess restore {id}` brings it back.");
    Ok(())
}

pub fn restore(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::RESTORE)?;
    let restored = ctx.store()?.restore_assessment(id)?;
    crate::say!("Assessment {id} ({}) is back.", restored.period);
    Ok(())
}
