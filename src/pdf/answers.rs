//! Every action item in catalog order with the supplier's answer, whole: rating, what the
//! company does, evidence, action plan. Long texts wrap and flow across pages.

use super::canvas::{Canvas, H2, SMALL};
use super::context::Context;
use crate::model::Rating;

const LABEL_WIDTH: f32 = 95.0;

pub fn draw(c: &mut Canvas, ctx: &Context) {
    let l = ctx.labels;
    c.section(&l.answers, 40.0);
    c.paragraph(&l.titles_note, SMALL);
    for group in ctx.catalog.groups() {
        c.gap(6.0);
        c.heading(&format!("{} {}", group.id, ctx.title(&group.title)), H2, 60.0);
        c.bookmark(format!("{} {}", group.id, ctx.title(&group.title)));
        for item in &group.items {
            item_block(c, ctx, item);
        }
    }
}

fn item_block(c: &mut Canvas, ctx: &Context, item: &crate::catalog::Item) {
    let l = ctx.labels;
    let answer = ctx.record.answer(&item.id);
    let rating = answer.and_then(|a| a.rating);
    c.running = Some(item.id.clone());
    let mut facts = vec![ctx.labelled(&l.iso, &item.iso26000.join(" / "))];
    // A translated title has the English original beneath it (NEC's reviewers may read either).
    if ctx.title(&item.title) != item.title {
        facts.insert(0, ctx.labelled(&l.original, &item.title));
    }
    match item.condition {
        Some(crate::catalog::Condition::Essential) => facts.push(l.essential.clone()),
        Some(crate::catalog::Condition::Recommended) => facts.push(l.recommended.clone()),
        None => {}
    }
    // The supplier's own reminder: shown on a preview, not in what NEC receives.
    if answer.is_some_and(|a| a.marked_for_review) && !ctx.is_submission() {
        facts.push(l.marked_for_review.clone());
    }
    if answer.is_some_and(|a| a.to_reconfirm) {
        facts.push(l.to_reconfirm.clone());
    }
    c.item_heading(&format!("{}  {}", item.id, ctx.title(&item.title)), &facts);
    c.labelled(&l.rating, ctx.rating(rating), LABEL_WIDTH);
    let Some(a) = answer else {
        c.gap(4.0);
        return;
    };
    if rating == Some(Rating::NotApplicable) || !a.na_reason.trim().is_empty() {
        c.labelled(&l.reason, ctx.or_none(&a.na_reason), LABEL_WIDTH);
    }
    if !a.description.trim().is_empty() {
        c.labelled(&l.description, a.description.trim_end(), LABEL_WIDTH);
    }
    if !a.evidence.is_empty() {
        let lines: Vec<String> =
            a.evidence.iter().enumerate().map(|(n, e)| super::evidence::line(n, e, ctx)).collect();
        c.labelled(&l.evidence, &lines.join("\n"), LABEL_WIDTH);
    }
    let plan = &a.action_plan;
    if !plan.is_empty() {
        let due = plan.due.as_deref().map_or_else(|| l.none.clone(), |d| ctx.date(d));
        let text = [
            ctx.labelled(&l.plan_what, ctx.or_none(&plan.what)),
            ctx.labelled(&l.plan_who, ctx.or_none(&plan.who)),
            ctx.labelled(&l.plan_due, &due),
        ]
        .join("\n");
        c.labelled(&l.action_plan, &text, LABEL_WIDTH);
    }
    c.gap(4.0);
}
