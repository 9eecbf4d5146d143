//! `backup`, `backups`, `restore-backup`: snapshots of the whole database.

use csr_core::store::{self, BackupReason};

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
            crate::say!(
                "{}  {}  {}  {} assessments, {} answers",
                s.name,
                s.taken_at,
                s.reason,
                s.assessments,
                s.answers
            );
        }
    }
    Ok(())
}

pub fn restore(ctx: &mut Context) -> Outcome {
    let name = ctx.positional("the snapshot's name (see `csr-assess backups`)", help::RESTORE_BACKUP)?;
    ctx.json_flag(help::RESTORE_BACKUP)?;
    let restored = store::restore_backup_at(&ctx.db()?, &name)?;
    let count = restored.list_assessments()?.len();
    crate::say!("Restored {name}: {count} assessments. The database as it was is kept in the backups folder.");
    Ok(())
}
