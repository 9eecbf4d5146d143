//! Part 2: each policy, whether it concerns the supplier, acknowledgement, passing it on,
//! and the disclosures. A policy that does not concern the supplier (by its profile) says
//! so, with the reason, instead of a page of unanswered questions; whatever the supplier
//! wrote for it all the same (notes, disclosures) is printed too: every character the
//! supplier typed is on the pages, not only in the attached data.

use super::canvas::{Canvas, SMALL};
use super::context::Context;
use crate::catalog::{Block, FieldKind, Relevance};
use crate::readiness::is_relevant;

const LABEL_WIDTH: f32 = 150.0;

pub fn draw(c: &mut Canvas, ctx: &Context) {
    let l = ctx.labels;
    c.section(l.part2, 40.0);
    // The guideline's words, quoted and labelled as such: a paraphrase here would put our
    // words under the guideline's name.
    c.paragraph(l.part2_quoted, SMALL);
    for block in &ctx.catalog.guideline.part2.intro {
        match block {
            Block::Paragraph { text } => c.paragraph(text, SMALL),
            Block::List { items } => items.iter().for_each(|i| c.paragraph(&format!("- {i}"), SMALL)),
        }
    }
    for policy in ctx.catalog.policies() {
        let answer = ctx.record.part2_answer(&policy.id);
        // Continuation pages name the policy.
        c.running = Some(ctx.title(&policy.short_title).to_string());
        let relevant = is_relevant(policy.relevance, &ctx.record.company);
        let mut facts = vec![if relevant { l.concerns } else { l.does_not_apply }.to_string()];
        if ctx.title(&policy.title) != policy.title {
            facts.insert(0, policy.title.clone());
        }
        if relevant && answer.is_some_and(|a| a.to_reconfirm) {
            facts.push(l.to_reconfirm.to_string());
        }
        c.item_heading(ctx.title(&policy.title), &facts);
        // A policy that does not concern the supplier says why, not a page of blank answers.
        if !relevant {
            c.labelled(l.reason, reason(ctx, policy.relevance), LABEL_WIDTH);
        } else {
            c.labelled(l.acknowledged, ctx.yes_no(answer.is_some_and(|a| a.acknowledged)), LABEL_WIDTH);
            c.labelled(l.cascaded, ctx.cascade(answer.and_then(|a| a.cascaded)), LABEL_WIDTH);
        }
        for field in ctx.catalog.disclosure_fields(&policy.id) {
            let value = answer.and_then(|a| a.disclosures.get(&field.id)).map(String::as_str).unwrap_or("");
            // Of a policy that does not concern the supplier, only what was answered.
            if !relevant && value.trim().is_empty() {
                continue;
            }
            let shown = match field.kind {
                FieldKind::Choice => field.option(value).map(|o| o.label.get(l.lang).to_string()).unwrap_or_else(|| value.to_string()),
                // Dates as everywhere in the PDF: "1 October 2025", 「2025年10月1日」.
                FieldKind::Date => ctx.date(value.trim()),
                _ => value.to_string(),
            };
            c.labelled(field.label.get(l.lang), ctx.or_none(&shown), LABEL_WIDTH);
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
