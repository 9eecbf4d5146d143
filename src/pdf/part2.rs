//! Part 2: each policy, whether it concerns the supplier, acknowledgement, passing it on,
//! and the disclosures. A policy that does not concern the supplier (by its profile) says
//! so, with the reason, instead of a page of unanswered questions; whatever the supplier
//! wrote for it all the same (notes, disclosures) is printed too: every character the
//! supplier typed is on the pages, not only in the attached data.

use super::canvas::{Canvas, SMALL};
use super::context::Context;
use crate::catalog::{Block, FieldKind, Relevance};
use crate::lang::fill;
use crate::readiness::is_relevant;

const LABEL_WIDTH: f32 = 150.0;

pub fn draw(c: &mut Canvas, ctx: &Context) {
    let l = ctx.labels;
    c.section(&l.part2, 40.0);
    // The guideline's words, quoted and labelled as such: a paraphrase here would put our
    // words under the guideline's name. In a language we translated the guideline into,
    // our reference translation first, labelled, then the English original.
    let part2 = &ctx.catalog.guideline.part2;
    let translated = part2.intro.iter().any(|b| match b {
        Block::Paragraph { text } => ctx.title(text) != text,
        Block::List { items } => items.iter().any(|i| ctx.title(i) != i),
    });
    if translated {
        c.paragraph(&fill(&l.part2_translation, &[("section", ctx.title(&part2.heading))]), SMALL);
        intro(c, ctx, |text| ctx.title(text));
        c.gap(3.0);
        c.paragraph(&l.part2_original, SMALL);
    } else {
        c.paragraph(&fill(&l.part2_quoted, &[("section", &part2.heading)]), SMALL);
    }
    intro(c, ctx, |text| text);
    for policy in ctx.catalog.policies() {
        let answer = ctx.record.part2_answer(&policy.id);
        // Continuation pages name the policy.
        c.running = Some(ctx.title(&policy.short_title).to_string());
        let relevant = is_relevant(policy.relevance, &ctx.record.company);
        let mut facts = vec![if relevant { &l.concerns } else { &l.does_not_apply }.clone()];
        if ctx.title(&policy.title) != policy.title {
            facts.insert(0, ctx.labelled(&l.original, &policy.title));
        }
        if relevant && answer.is_some_and(|a| a.to_reconfirm) {
            facts.push(l.to_reconfirm.clone());
        }
        c.item_heading(ctx.title(&policy.title), &facts);
        // A policy that does not concern the supplier says why, not a page of blank answers.
        if !relevant {
            c.labelled(&l.reason, reason(ctx, policy.relevance), LABEL_WIDTH);
        } else {
            let acknowledged = if answer.is_some_and(|a| a.acknowledged) { &l.acknowledged_yes } else { &l.acknowledged_no };
            c.labelled(&l.acknowledged, acknowledged, LABEL_WIDTH);
            c.labelled(&l.cascaded, ctx.cascade(answer.and_then(|a| a.cascaded)), LABEL_WIDTH);
        }
        for field in ctx.catalog.disclosure_fields(&policy.id) {
            let value = answer.and_then(|a| a.disclosures.get(&field.id)).map(String::as_str).unwrap_or("");
            // Of a policy that does not concern the supplier, only what was answered.
            if !relevant && value.trim().is_empty() {
                continue;
            }
            let shown = match field.kind {
                FieldKind::Choice => {
                    field.option(value).map(|o| o.label.get(ctx.lang.code()).to_string()).unwrap_or_else(|| value.to_string())
                }
                // Dates as everywhere in the PDF: "1 October 2025", 「2025年10月1日」.
                FieldKind::Date => ctx.date(value.trim()),
                _ => value.to_string(),
            };
            c.labelled(field.label.get(ctx.lang.code()), ctx.or_none(&shown), LABEL_WIDTH);
        }
        if let Some(notes) = answer.map(|a| a.notes.trim()).filter(|n| !n.is_empty()) {
            c.labelled(&l.notes, notes, LABEL_WIDTH);
        }
        c.gap(4.0);
    }
}

/// The blocks of the guideline's Part 2 introduction, each text as `shown` gives it; list
/// entries with the language's bullet.
fn intro<'t>(c: &mut Canvas, ctx: &'t Context, shown: impl Fn(&'t str) -> &'t str) {
    for block in &ctx.catalog.guideline.part2.intro {
        match block {
            Block::Paragraph { text } => c.paragraph(shown(text), SMALL),
            Block::List { items } => items.iter().for_each(|i| c.paragraph(&ctx.lang.bullet(shown(i)), SMALL)),
        }
    }
}

/// Why a policy does not concern the supplier: the profile answer that decides it.
fn reason(ctx: &Context, relevance: Relevance) -> &'static str {
    let l = ctx.labels;
    match relevance {
        Relevance::Goods => &l.not_apply_goods,
        Relevance::Chemicals => &l.not_apply_chemicals,
        Relevance::Construction => &l.not_apply_construction,
        // Never reached: a policy for everyone always concerns the supplier.
        Relevance::All => &l.concerns,
    }
}
