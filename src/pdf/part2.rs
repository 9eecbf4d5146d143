//! Part 2: each policy, whether it concerns the supplier, acknowledgement, passing it on,
//! and the disclosures. A policy that does not concern the supplier (by its profile) says
//! so, with the reason, instead of a page of unanswered questions.

use super::canvas::{Canvas, BODY, H3, SMALL};
use super::context::Context;
use crate::catalog::{FieldKind, Relevance};
use crate::readiness::is_relevant;

const LABEL_WIDTH: f32 = 150.0;

pub fn draw(c: &mut Canvas, ctx: &Context) {
    let l = ctx.labels;
    c.gap(10.0);
    c.section(l.part2, 80.0);
    c.paragraph(l.part2_intro, SMALL);
    for policy in ctx.catalog.policies() {
        let answer = ctx.record.part2_answer(&policy.id);
        let (title, english) = ctx.title(&policy.title);
        // Continuation pages name the policy.
        c.running = Some(ctx.title(&policy.short_title).0.to_string());
        let relevant = is_relevant(policy.relevance, &ctx.record.company);
        let mut facts = vec![if relevant { l.concerns } else { l.does_not_apply }.to_string()];
        if relevant && answer.is_some_and(|a| a.to_reconfirm) {
            facts.push(l.to_reconfirm.to_string());
        }
        c.heading(title, H3, BODY.leading * 3.0 + if english.is_some() { SMALL.leading } else { 0.0 });
        if let Some(english) = english {
            c.paragraph(english, SMALL);
        }
        c.paragraph(&facts.join("  ·  "), SMALL);
        if !relevant {
            c.labelled(l.reason, reason(ctx, policy.relevance), LABEL_WIDTH);
            c.gap(4.0);
            continue;
        }
        c.labelled(l.acknowledged, ctx.yes_no(answer.is_some_and(|a| a.acknowledged)), LABEL_WIDTH);
        c.labelled(l.cascaded, ctx.cascade(answer.and_then(|a| a.cascaded)), LABEL_WIDTH);
        for field in ctx.catalog.disclosure_fields(&policy.id) {
            let value = answer.and_then(|a| a.disclosures.get(&field.id)).map(String::as_str).unwrap_or("");
            let shown = match field.kind {
                FieldKind::Choice => field.option(value).map(|o| o.label.get(l.lang).as_str()).unwrap_or(value),
                _ => value,
            };
            c.labelled(field.label.get(l.lang), ctx.or_none(shown), LABEL_WIDTH);
        }
        if let Some(notes) = answer.map(|a| a.notes.trim()).filter(|n| !n.is_empty()) {
            c.labelled(l.notes, notes, LABEL_WIDTH);
        }
        c.gap(4.0);
    }
}

/// Why a policy does not concern the supplier: the profile answer that decides it.
fn reason(ctx: &Context, relevance: Relevance) -> &'static str {
    let l = ctx.labels;
    match relevance {
        Relevance::Goods => l.not_apply_goods,
        Relevance::Chemicals => l.not_apply_chemicals,
        Relevance::Construction => l.not_apply_construction,
        // Never reached: a policy for everyone always concerns the supplier.
        Relevance::All => l.concerns,
    }
}
