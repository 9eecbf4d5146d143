//! `answer`, `part2`, `declare`: changing what an assessment says.

use csr_core::model::{Answer, Cascade, Declaration, Evidence, Part2Answer, Rating};
use csr_core::store::SaveReceipt;
use csr_core::{clock, usecase, Catalog};
use lexopt::prelude::*;

use super::{show_help, Context};
use crate::args::{self, text, yes_no};
use crate::{help, Failure, Outcome};

pub fn answer(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::ANSWER)?;
    let item = ctx.positional("the item id", help::ANSWER)?;
    if Catalog::get().item(&item).is_none() {
        return Err(Failure::Usage(format!(
            "\"{item}\" is not an action item; `csr-assess catalog` lists them (I-1 … VII-8)"
        )));
    }
    let mut store = ctx.store()?;
    let mut answer = store.answers(id)?.into_iter().find(|a| a.item_id == item).unwrap_or_else(|| Answer::new(&item));
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Long("rating") => {
                let v = text(ctx.parser.value()?, "--rating")?;
                answer.rating = Some(Rating::parse(&v).ok_or_else(|| {
                    Failure::Usage(format!("--rating is full, mostly, partly, not-yet or not-applicable, not \"{v}\""))
                })?);
            }
            Long("na-reason") => answer.na_reason = text(ctx.parser.value()?, "--na-reason")?,
            Long("description") => answer.description = text(ctx.parser.value()?, "--description")?,
            Long("description-file") => {
                let path = text(ctx.parser.value()?, "--description-file")?;
                // Windows line ends become plain ones: a text holds no other control characters.
                answer.description = String::from_utf8(args::read_input(&path)?)
                    .map_err(|_| Failure::Usage(format!("{path} is not UTF-8 text")))?
                    .replace("\r\n", "\n");
            }
            Long("evidence") => answer.evidence.push(parse_evidence(&text(ctx.parser.value()?, "--evidence")?)),
            Long("clear-evidence") => answer.evidence.clear(),
            Long("plan-what") => answer.action_plan.what = text(ctx.parser.value()?, "--plan-what")?,
            Long("plan-who") => answer.action_plan.who = text(ctx.parser.value()?, "--plan-who")?,
            Long("plan-due") => answer.action_plan.due = non_empty(text(ctx.parser.value()?, "--plan-due")?),
            Long("review") => answer.marked_for_review = yes_no(&text(ctx.parser.value()?, "--review")?, "--review")?,
            Long("from-json") => {
                let path = text(ctx.parser.value()?, "--from-json")?;
                answer = serde_json::from_slice(&args::read_input(&path)?)
                    .map_err(|e| Failure::Usage(format!("{path} is not an answer: {e}")))?;
                if answer.item_id != item {
                    return Err(Failure::Usage(format!("{path} answers {}, not {item}", answer.item_id)));
                }
            }
            Short('h') | Long("help") => return show_help(help::ANSWER),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let saved = usecase::save_answer(&mut store, Catalog::get(), id, &answer)?;
    report(&saved.receipt, &format!("Saved the answer to {item}."));
    Ok(())
}

/// "NAME|WHERE|DATE", with WHERE and DATE optional.
fn parse_evidence(s: &str) -> Evidence {
    let mut parts = s.splitn(3, '|').map(|p| p.trim().to_string());
    Evidence {
        name: parts.next().unwrap_or_default(),
        location: parts.next().unwrap_or_default(),
        date: parts.next().and_then(non_empty),
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.trim().to_string())
}

pub fn part2(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::PART2)?;
    let policy = ctx.positional("the policy id", help::PART2)?;
    if Catalog::get().policy(&policy).is_none() {
        return Err(Failure::Usage(format!("\"{policy}\" is not a Part 2 policy; `csr-assess catalog` lists them")));
    }
    let mut store = ctx.store()?;
    let mut answer = store
        .part2_answers(id)?
        .into_iter()
        .find(|a| a.policy_id == policy)
        .unwrap_or_else(|| Part2Answer::new(&policy));
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Long("ack") => answer.acknowledged = yes_no(&text(ctx.parser.value()?, "--ack")?, "--ack")?,
            Long("cascaded") => {
                let v = text(ctx.parser.value()?, "--cascaded")?;
                answer.cascaded = Some(Cascade::parse(&v).ok_or_else(|| {
                    Failure::Usage(format!("--cascaded is done, partly, not-yet or no-upstream, not \"{v}\""))
                })?);
            }
            Long("set") => {
                let v = text(ctx.parser.value()?, "--set")?;
                let (field, value) =
                    v.split_once('=').ok_or_else(|| Failure::Usage(format!("--set takes FIELD=VALUE, not \"{v}\"")))?;
                if value.is_empty() {
                    answer.disclosures.remove(field);
                } else {
                    answer.disclosures.insert(field.to_string(), value.to_string());
                }
            }
            Long("notes") => answer.notes = text(ctx.parser.value()?, "--notes")?,
            Short('h') | Long("help") => return show_help(help::PART2),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let receipt = store.save_part2(id, &answer)?;
    report(&receipt, &format!("Saved the answer to the {policy} policy."));
    Ok(())
}

pub fn declare(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::DECLARE)?;
    let mut store = ctx.store()?;
    let mut d: Declaration = store.assessment(id)?.declaration;
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Long("name") => d.signer_name = text(ctx.parser.value()?, "--name")?,
            Long("title") => d.signer_title = text(ctx.parser.value()?, "--title")?,
            Long("date") => d.date = non_empty(text(ctx.parser.value()?, "--date")?),
            Long("confirm") => d.confirmed = yes_no(&text(ctx.parser.value()?, "--confirm")?, "--confirm")?,
            Short('h') | Long("help") => return show_help(help::DECLARE),
            _ => return Err(arg.unexpected().into()),
        }
    }
    if d.date.is_none() {
        d.date = Some(clock::today());
    }
    let receipt = store.save_declaration(id, &d)?;
    report(&receipt, "Saved the declaration.");
    Ok(())
}

/// Says what was saved, and when a ready or submitted assessment became a draft again.
fn report(receipt: &SaveReceipt, done: &str) {
    crate::say!("{done}");
    if let Some(before) = receipt.reverted_from {
        crate::say!("The assessment was {} and is a draft again; create a new PDF when you are done.", before.as_str());
    }
}
