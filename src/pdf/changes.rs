//! The page "Changes since the submission of <period>": what a returning supplier changed
//! since last year's assessment, item by item, for NEC to read first: the rating, evidence
//! added, removed or expired, and each rewritten text (the reason for "not applicable", the
//! description, the action plan) as it was and as it is, each shortened past a few lines.

use super::canvas::{Canvas, BODY, LEFT, RIGHT, SMALL};
use super::context::Context;
use super::wrap::wrap;
use crate::changes::{Changes, RatingMove, TextChange, TextField};
use crate::lang::fill;

/// Width of the labels of the old and new texts.
const LABEL_WIDTH: f32 = 150.0;
/// Lines of an old or new text printed before it is shortened with "…".
const MAX_LINES: usize = 4;

pub fn draw(c: &mut Canvas, ctx: &Context, changes: &Changes) {
    let l = ctx.labels;
    let period = [("period", changes.since_period.as_str())];
    let title = if changes.since_submitted_at.is_some() { &l.changes_title_submitted } else { &l.changes_title };
    c.section(&fill(title, &period), 40.0);
    c.paragraph(&fill(&l.changes_intro, &period), SMALL);
    if changes.items.is_empty() {
        c.paragraph(&l.changes_none, SMALL);
        return;
    }
    for change in &changes.items {
        let title = ctx.catalog.item(&change.item_id).map_or("", |i| ctx.title(&i.title));
        let mut facts = Vec::new();
        if let Some(m) = change.rating_move {
            let word = match m {
                RatingMove::Up => &l.changes_up,
                RatingMove::Down => &l.changes_down,
                RatingMove::Changed => &l.changes_changed,
            };
            facts.push(ctx.labelled(word, &format!("{} → {}", ctx.rating(change.rating_before), ctx.rating(change.rating_now))));
        }
        for (label, names) in [
            (&l.changes_evidence_added, &change.evidence_added),
            (&l.changes_evidence_removed, &change.evidence_removed),
            (&l.changes_evidence_expired, &change.evidence_expired),
        ] {
            if !names.is_empty() {
                facts.push(ctx.labelled(label, &ctx.list(names)));
            }
        }
        c.item_heading(&format!("{} {title}", change.item_id), &facts);
        for text in &change.texts {
            rewritten(c, ctx, text);
        }
        c.gap(4.0);
    }
}

/// A rewritten text: its old and its new wording, each shortened past a few lines.
fn rewritten(c: &mut Canvas, ctx: &Context, change: &TextChange) {
    let l = ctx.labels;
    let field = match change.field {
        TextField::NaReason => l.reason.clone(),
        TextField::Description => l.description.clone(),
        TextField::PlanWhat => ctx.labelled(&l.action_plan, &l.plan_what),
        TextField::PlanWho => ctx.labelled(&l.action_plan, &l.plan_who),
        TextField::PlanDue => ctx.labelled(&l.action_plan, &l.plan_due),
    };
    let shown = |text: &str| -> String {
        let text = if change.field == TextField::PlanDue { ctx.date(text) } else { text.to_string() };
        shortened(c, ctx.or_none(&text))
    };
    let (before, now) = (shown(&change.before), shown(&change.now));
    c.labelled(&fill(&l.change_before, &[("field", &field)]), &before, LABEL_WIDTH);
    c.labelled(&fill(&l.change_now, &[("field", &field)]), &now, LABEL_WIDTH);
}

/// `text` as at most [`MAX_LINES`] lines of the value column, the last ending in "…" when
/// there is more.
fn shortened(c: &Canvas, text: &str) -> String {
    let width = RIGHT - LEFT - LABEL_WIDTH;
    let lines = wrap(text, width, BODY.size, &c.metrics);
    if lines.len() <= MAX_LINES {
        return text.to_string();
    }
    let mut kept = lines[..MAX_LINES].to_vec();
    let last = kept.pop().unwrap_or_default();
    kept.push(c.metrics.shorten(&format!("{last}…"), BODY.size, width));
    // `shorten` ends in "…" only when it cut; the line must say that more follows.
    if let Some(l) = kept.last_mut() {
        if !l.ends_with('…') {
            l.push('…');
        }
    }
    kept.join("\n")
}
