//! `requests` and `reply`: NEC's requests shown in an assessment, and the supplier's reply.

use csr_core::model::{Reply, RequestStatus, Revision};
use csr_core::usecase;
use lexopt::prelude::*;

use super::{show_help, Context};
use crate::args::text;
use crate::{help, output, Failure, Outcome};

/// `requests ID [--json]`
pub fn list(ctx: &mut Context) -> Outcome {
    let (id, json) = ctx.id_and_json(help::REQUESTS)?;
    let store = ctx.store()?;
    let found = usecase::nec_feedback(&store, id)?;
    if json {
        output::json(&found);
        return Ok(());
    }
    for n in &found.notes {
        if let Some(note) = &n.about.note {
            crate::say!(
                "NEC's note ({}, {}): {note}",
                n.about.author_organisation,
                &n.about.written_at[..10.min(n.about.written_at.len())]
            );
        }
    }
    if found.requests.is_empty() {
        crate::say!("No requests from NEC.");
        return Ok(());
    }
    crate::say!("{} request(s) from NEC, {} open:", found.requests.len(), found.open);
    for r in &found.requests {
        let due = r.due.as_deref().map(|d| format!(" — due {d}")).unwrap_or_default();
        crate::say!(
            "  {:<22} {:<12} NEC asked, on {}: {}{due}",
            r.id,
            r.status.as_str(),
            &r.asked_at[..10.min(r.asked_at.len())],
            output::first_line(&r.text, 80)
        );
        if r.is_answered() {
            let reason = if r.reason.is_empty() { String::new() } else { format!(" (because: {})", r.reason) };
            crate::say!("  {:<22} {:<12} our reply: {}{reason}", "", "", output::first_line(&r.reply, 80));
        }
    }
    Ok(())
}

/// `reply ID REQUEST [--submission SHA256] [--text TEXT] (--done | --not-possible REASON | --open)`
pub fn reply(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::REPLY)?;
    let request = ctx.positional("the request id (see `csr-assess requests`)", help::REPLY)?;
    let (mut sha, mut reply, mut status, mut reason) = (None, String::new(), None, String::new());
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Long("submission") => sha = Some(text(ctx.parser.value()?, "--submission")?),
            Long("text") => reply = text(ctx.parser.value()?, "--text")?.replace("\r\n", "\n"),
            Long("done") => status = Some(RequestStatus::Done),
            Long("open") => status = Some(RequestStatus::Open),
            Long("not-possible") => {
                status = Some(RequestStatus::NotPossible);
                reason = text(ctx.parser.value()?, "--not-possible")?.replace("\r\n", "\n");
            }
            Short('h') | Long("help") => return show_help(help::REPLY),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let status = status.ok_or_else(|| {
        Failure::Usage(format!("say how it stands: --done, --not-possible REASON or --open.\n\n{}", help::REPLY))
    })?;
    let mut store = ctx.store()?;
    let shown = usecase::nec_feedback(&store, id)?.requests;
    let matching: Vec<_> = shown
        .iter()
        .filter(|r| r.id == request && sha.as_deref().is_none_or(|s| r.submission_sha256.starts_with(s)))
        .collect();
    let target = match matching.as_slice() {
        [one] => *one,
        [] => return Err(csr_core::Error::NotFound { what: format!("NEC's request {request} in assessment {id}") }.into()),
        _ => {
            return Err(Failure::Usage(format!(
                "assessment {id} shows {request} of more than one submission; name one with --submission (see `csr-assess requests {id} --json`)"
            )))
        }
    };
    let saved = usecase::reply_to_request(
        &mut store,
        ctx.catalog,
        id,
        &target.submission_sha256.clone(),
        &request,
        &Reply { status, reply, reason, revision: Revision::default() },
    )?;
    if let Some(from) = saved.receipt.reverted_from {
        eprintln!(
            "Assessment {id} was {} and is a draft again: submit it again to send NEC your reply.",
            from.as_str()
        );
    }
    crate::say!("Saved the reply to {request}: {}.", status.as_str());
    Ok(())
}
