//! `answer`, `part2`, `declare`: changing what an assessment says.

use csr_core::model::{Answer, Cascade, Declaration, Evidence, Part2Answer, Rating, Revision};
use csr_core::store::SaveReceipt;
use csr_core::clock;
use lexopt::prelude::*;

use super::{show_help, Context};
use crate::args::{self, text, yes_no};
use crate::{help, Failure, Outcome};

/// One change asked for on the command line, applied inside the save's transaction.
enum Edit {
    Rating(Rating),
    NaReason(String),
    Description(String),
    AddEvidence(Evidence),
    ClearEvidence,
    PlanWhat(String),
    PlanWho(String),
    PlanDue(Option<String>),
    Review(bool),
    Replace(Box<Answer>),
}

impl Edit {
    fn apply(self, a: &mut Answer) {
        match self {
            Edit::Rating(r) => a.rating = Some(r),
            Edit::NaReason(s) => a.na_reason = s,
            Edit::Description(s) => a.description = s,
            Edit::AddEvidence(e) => a.evidence.push(e),
            Edit::ClearEvidence => a.evidence.clear(),
            Edit::PlanWhat(s) => a.action_plan.what = s,
            Edit::PlanWho(s) => a.action_plan.who = s,
            Edit::PlanDue(d) => a.action_plan.due = d,
            Edit::Review(b) => a.marked_for_review = b,
            Edit::Replace(new) => *a = *new,
        }
    }
}

pub fn answer(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::ANSWER)?;
    let item = ctx.positional("the item id", help::ANSWER)?;
    if ctx.catalog.item(&item).is_none() {
        return Err(Failure::Usage(format!(
            "\"{item}\" is not an action item; `csr-assess catalog` lists them (I-1 … VII-8)"
        )));
    }
    let mut edits = Vec::new();
    while let Some(arg) = ctx.parser.next()? {
        edits.push(match arg {
            Long("rating") => {
                let v = text(ctx.parser.value()?, "--rating")?;
                Edit::Rating(Rating::parse(&v).ok_or_else(|| {
                    Failure::Usage(format!("--rating is full, mostly, partly, not-yet or not-applicable, not \"{v}\""))
                })?)
            }
            Long("na-reason") => Edit::NaReason(text(ctx.parser.value()?, "--na-reason")?),
            Long("description") => Edit::Description(text(ctx.parser.value()?, "--description")?),
            Long("description-file") => {
                let path = text(ctx.parser.value()?, "--description-file")?;
                // Windows line ends become plain ones: a text holds no other control characters.
                Edit::Description(
                    String::from_utf8(args::read_input(&path)?)
                        .map_err(|_| Failure::Usage(format!("{path} is not UTF-8 text")))?
                        .replace("\r\n", "\n"),
                )
            }
            Long("evidence") => Edit::AddEvidence(parse_evidence(&text(ctx.parser.value()?, "--evidence")?)),
            Long("clear-evidence") => Edit::ClearEvidence,
            Long("plan-what") => Edit::PlanWhat(text(ctx.parser.value()?, "--plan-what")?),
            Long("plan-who") => Edit::PlanWho(text(ctx.parser.value()?, "--plan-who")?),
            Long("plan-due") => Edit::PlanDue(non_empty(text(ctx.parser.value()?, "--plan-due")?)),
            Long("review") => Edit::Review(yes_no(&text(ctx.parser.value()?, "--review")?, "--review")?),
            Long("from-json") => {
                let path = text(ctx.parser.value()?, "--from-json")?;
                let answer: Answer = serde_json::from_slice(&args::read_input(&path)?)
                    .map_err(|e| Failure::Usage(format!("{path} is not an answer: {e}")))?;
                if answer.item_id != item {
                    return Err(Failure::Usage(format!("{path} answers {}, not {item}", answer.item_id)));
                }
                Edit::Replace(Box::new(Answer { revision: Revision::default(), ..answer }))
            }
            Short('h') | Long("help") => return show_help(help::ANSWER),
            _ => return Err(arg.unexpected().into()),
        });
    }
    // Read, change and save in one write transaction: another program saving the same
    // answer at the same moment waits, and neither change is lost.
    let receipt = ctx.store()?.edit_answer(id, &item, |answer| {
        edits.into_iter().for_each(|e| e.apply(answer));
        Ok(())
    })?;
    report(&receipt, &format!("Saved the answer to {item}."));
    Ok(())
}

/// "NAME|WHERE|DATE", with WHERE and DATE optional.
fn parse_evidence(s: &str) -> Evidence {
    let mut parts = s.splitn(3, '|').map(|p| p.trim().to_string());
    Evidence {
        name: parts.next().unwrap_or_default(),
        location: parts.next().unwrap_or_default(),
        date: parts.next().and_then(non_empty),
        ..Default::default()
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.trim().to_string())
}

pub fn part2(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::PART2)?;
    let policy = ctx.positional("the policy id", help::PART2)?;
    if ctx.catalog.policy(&policy).is_none() {
        return Err(Failure::Usage(format!("\"{policy}\" is not a Part 2 policy; `csr-assess catalog` lists them")));
    }
    let mut edits: Vec<Box<dyn FnOnce(&mut Part2Answer)>> = Vec::new();
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Long("ack") => {
                let ack = yes_no(&text(ctx.parser.value()?, "--ack")?, "--ack")?;
                edits.push(Box::new(move |a| a.acknowledged = ack));
            }
            Long("cascaded") => {
                let v = text(ctx.parser.value()?, "--cascaded")?;
                let c = Cascade::parse(&v).ok_or_else(|| {
                    Failure::Usage(format!("--cascaded is done, partly, not-yet or no-upstream, not \"{v}\""))
                })?;
                edits.push(Box::new(move |a| a.cascaded = Some(c)));
            }
            Long("set") => {
                let v = text(ctx.parser.value()?, "--set")?;
                let (field, value) =
                    v.split_once('=').ok_or_else(|| Failure::Usage(format!("--set takes FIELD=VALUE, not \"{v}\"")))?;
                let (field, value) = (field.to_string(), value.to_string());
                edits.push(Box::new(move |a| {
                    if value.is_empty() {
                        a.disclosures.remove(&field);
                    } else {
                        a.disclosures.insert(field, value);
                    }
                }));
            }
            Long("notes") => {
                let notes = text(ctx.parser.value()?, "--notes")?;
                edits.push(Box::new(move |a| a.notes = notes));
            }
            Short('h') | Long("help") => return show_help(help::PART2),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let receipt = ctx.store()?.edit_part2(id, &policy, |answer| {
        edits.into_iter().for_each(|e| e(answer));
        Ok(())
    })?;
    report(&receipt, &format!("Saved the answer to the {policy} policy."));
    Ok(())
}

pub fn declare(ctx: &mut Context) -> Outcome {
    let id = ctx.assessment_id(help::DECLARE)?;
    let mut edits: Vec<Box<dyn FnOnce(&mut Declaration)>> = Vec::new();
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Long("name") => {
                let v = text(ctx.parser.value()?, "--name")?;
                edits.push(Box::new(move |d| d.signer_name = v));
            }
            Long("title") => {
                let v = text(ctx.parser.value()?, "--title")?;
                edits.push(Box::new(move |d| d.signer_title = v));
            }
            Long("date") => {
                let v = non_empty(text(ctx.parser.value()?, "--date")?);
                edits.push(Box::new(move |d| d.date = v));
            }
            Long("confirm") => {
                let v = yes_no(&text(ctx.parser.value()?, "--confirm")?, "--confirm")?;
                edits.push(Box::new(move |d| d.confirmed = v));
            }
            Short('h') | Long("help") => return show_help(help::DECLARE),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let receipt = ctx.store()?.edit_declaration(id, |d| {
        edits.into_iter().for_each(|e| e(d));
        if d.date.is_none() {
            d.date = Some(clock::today_text());
        }
    })?;
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
