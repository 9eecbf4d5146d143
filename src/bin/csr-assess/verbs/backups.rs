//! `backup`, `backups`, `restore-backup`: snapshots of the whole database.

use csr_core::store::{self, BackupReason};
use csr_core::Catalog;

use super::Context;
use crate::{help, output, Outcome};

pub fn backup(ctx: &mut Context) -> Outcome {
    ctx.json_flag(help::BACKUP)?;
    let snap = ctx.store()?.back_up(BackupReason::Manual)?;
    crate::say!(
        "Saved and checked {} ({} assessments, {} answers, {} KB).",
        snap.path.display(),
        snap.assessments,
        snap.answers,
        snap.bytes.div_ceil(1024)
    );
    Ok(())
}

pub fn list(ctx: &mut Context) -> Outcome {
    let json = ctx.json_flag(help::BACKUPS)?;
    let list = store::backup::list(&ctx.db()?);
    if json {
        output::json(&list);
    } else if list.is_empty() {
        crate::say!("No snapshots yet; `csr-assess backup` takes one.");
    } else {
        for s in &list {
            match &s.damaged {
                None => crate::say!(
                    "{}  {}  {}  {} assessments, {} answers",
                    s.name,
                    s.taken_at,
                    s.reason,
                    s.assessments,
                    s.answers
                ),
                Some(why) => crate::say!("{}  {}  {}  DAMAGED: {why} (never restored)", s.name, s.taken_at, s.reason),
            }
        }
    }
    Ok(())
}

pub fn restore(ctx: &mut Context) -> Outcome {
    let name = ctx.positional("the snapshot's name (see `csr-assess backups`)", help::RESTORE_BACKUP)?;
    ctx.json_flag(help::RESTORE_BACKUP)?;
    let restored = store::restore_backup_at(&ctx.db()?, &name, Catalog::get(), None)?;
    let facts = csr_core::usecase::restored(&restored, &name)?;
    let list: Vec<String> = facts.assessments.iter().map(|a| format!("{} of {} ({} answers)", a.period, a.company, a.answers)).collect();
    crate::say!(
        "Restored {name}, taken {} ({}): {} assessments{}{}. The database as it was is kept in the backups folder.",
        facts.taken_at,
        facts.reason,
        facts.assessments.len(),
        if list.is_empty() { "" } else { ": " },
        list.join("; ")
    );
    Ok(())
}

/// "I have a copy, continue": removes the damage mark; the file itself is not changed.
pub fn continue_after_damage(ctx: &mut Context) -> Outcome {
    use lexopt::prelude::*;
    let mut confirmed = false;
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Long("i-have-a-copy") => confirmed = true,
            Short('h') | Long("help") => return super::show_help(help::CONTINUE_AFTER_DAMAGE),
            _ => return Err(arg.unexpected().into()),
        }
    }
    if !confirmed {
        return Err(crate::Failure::Usage(format!(
            "--i-have-a-copy is missing: say that you have a copy of your work.\n\n{}",
            help::CONTINUE_AFTER_DAMAGE
        )));
    }
    let db = ctx.db()?;
    let had = store::mark::read(&db);
    let store = store::continue_after_damage_at(&db, Catalog::get())?;
    match (had, store.damage_error()) {
        (_, Some(e)) => return Err(e.into()),
        (Some(mark), None) => crate::say!(
            "Removed the damage mark of {} (found {}: {}). Saving to it is possible again; the file was not changed.",
            db.display(),
            mark.found_at,
            mark.detail
        ),
        (None, None) => crate::say!("{} carries no damage mark; nothing was changed.", db.display()),
    }
    Ok(())
}
