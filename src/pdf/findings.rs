//! The submission check's findings in the PDF's words: the open points of a submission and
//! the list of what is missing on the first page of a preview. Every place is named by the
//! label the pages print it under, never by a field's id.

use super::context::Context;
use super::labels::Labels;
use crate::lang::fill;
use crate::model::FieldProblem;
use crate::readiness::{Problem, UnprintableField};

pub fn describe(ctx: &Context, p: &Problem) -> String {
    let l = ctx.labels;
    let list = |ids: &[String]| ctx.list(ids);
    // A missing field is named as it is (the finding says "missing"); one to be checked says so.
    let field = |label: &str, f: &FieldProblem| {
        if f.problem == "missing" {
            label.to_string()
        } else {
            ctx.lang.with_paren(label, &l.malformed)
        }
    };
    match p {
        Problem::Profile { fields } => {
            let names: Vec<String> = fields.iter().map(|f| field(&profile_label(ctx, &f.field), f)).collect();
            fill(&l.problem_profile, &[("list", &list(&names))])
        }
        Problem::Unanswered { items } => fill(&l.problem_unanswered, &[("list", &list(items))]),
        Problem::NotApplicableWithoutReason { items } => fill(&l.problem_na_reason, &[("list", &list(items))]),
        Problem::EssentialGapWithoutPlan { items } => fill(&l.problem_essential_plan, &[("list", &list(items))]),
        Problem::ToReconfirm { items, policies } => {
            let policies = policies.iter().map(|p| policy_name(ctx, p));
            fill(&l.problem_reconfirm, &[("list", &list(&items.iter().cloned().chain(policies).collect::<Vec<_>>()))])
        }
        Problem::PoliciesNotAcknowledged { policies } => {
            let titles: Vec<String> = policies.iter().map(|p| policy_name(ctx, p)).collect();
            fill(&l.problem_policies, &[("list", &list(&titles))])
        }
        Problem::Disclosures { policy, fields } => {
            let names: Vec<String> = fields.iter().map(|f| field(&disclosure_label(ctx, policy, &f.field), f)).collect();
            fill(&l.problem_disclosures, &[("policy", &policy_name(ctx, policy)), ("list", &list(&names))])
        }
        Problem::Declaration { missing } => {
            // The fields as the declaration page names them, not their ids.
            let names: Vec<String> =
                missing.iter().map(|m| declaration_label(l, m).unwrap_or(m.as_str()).to_string()).collect();
            fill(&l.problem_declaration, &[("list", &list(&names))])
        }
        Problem::MarkedForReview { items } => fill(&l.problem_review, &[("list", &list(items))]),
        Problem::UnprintableCharacters { fields } => {
            // The codes, not the characters: these are the ones the PDF cannot show.
            let codes = |s: &str| s.chars().map(|c| format!("U+{:04X}", c as u32)).collect::<Vec<_>>().join(" ");
            let places: Vec<String> =
                fields.iter().map(|u| ctx.lang.with_paren(&unprintable_place(ctx, u), &codes(&u.characters))).collect();
            fill(&l.problem_unprintable, &[("list", &list(&places))])
        }
        Problem::ExpiredEvidence { items } => fill(&l.problem_expired, &[("list", &list(items))]),
    }
}

/// A policy by its short title in the PDF's language.
fn policy_name(ctx: &Context, id: &str) -> String {
    ctx.catalog.policy(id).map_or(id, |p| ctx.title(&p.short_title)).to_string()
}

/// A Part 2 question's label in the PDF's language.
fn disclosure_label(ctx: &Context, policy: &str, field: &str) -> String {
    let questions = ctx.catalog.disclosure_fields(policy);
    questions.iter().find(|q| q.id == field).map_or(field, |q| q.label.get(ctx.lang.code()).as_str()).to_string()
}

/// Where characters the PDF cannot print were typed, as the pages label the place:
/// 「II-1 当社の取り組み」, 「誓約の氏名」.
fn unprintable_place(ctx: &Context, u: &UnprintableField) -> String {
    let l = ctx.labels;
    let id = u.id.as_deref().unwrap_or("");
    match u.place {
        "profile" => profile_label(ctx, &u.field),
        "assessment" => l.period.clone(),
        "item" => {
            let field = match u.field.as_str() {
                "na_reason" => l.reason.clone(),
                "description" => l.description.clone(),
                "evidence.name" => l.evidence.clone(),
                "evidence.location" => l.evidence_location.clone(),
                "evidence.date" => l.evidence_date.clone(),
                "plan.what" => ctx.labelled(&l.action_plan, &l.plan_what),
                "plan.who" => ctx.labelled(&l.action_plan, &l.plan_who),
                "plan.due" => ctx.labelled(&l.action_plan, &l.plan_due),
                other => other.to_string(),
            };
            fill(&l.unprintable_item, &[("id", id), ("field", &field)])
        }
        "policy" => {
            let field = match u.field.strip_prefix("disclosure.") {
                Some(question) => disclosure_label(ctx, id, question),
                None if u.field == "notes" => l.notes.clone(),
                None => u.field.clone(),
            };
            fill(&l.unprintable_policy, &[("policy", &policy_name(ctx, id)), ("field", &field)])
        }
        "declaration" => {
            let field = declaration_label(l, &u.field).unwrap_or(&u.field);
            fill(&l.unprintable_declaration, &[("field", field)])
        }
        other => ctx.labelled(other, &u.field),
    }
}

/// A profile field's name as the form names it (`words.json` `profile_field`: one name for
/// the form, the submission check on screen and the PDF).
fn profile_label(ctx: &Context, field: &str) -> String {
    ctx.lang.words().profile_field(field).to_string()
}

/// A declaration field's name as the declaration page prints it ("name" and "signer_name"
/// are the signer's name: the check and the unprintable scan name it differently).
fn declaration_label<'l>(l: &'l Labels, field: &str) -> Option<&'l str> {
    Some(match field {
        "signer_name" | "name" => &l.signer,
        "signer_title" | "title" => &l.signer_title,
        "date" => &l.date,
        "confirmed" => &l.confirmed,
        _ => return None,
    })
}
