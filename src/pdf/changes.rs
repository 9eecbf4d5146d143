//! The page "Changes since the submission of <period>": what a returning supplier changed
//! since last year's assessment, item by item, for NEC to read first: the rating, evidence
//! added, removed or expired, and each rewritten text (the reason for "not applicable", the
//! description, the action plan) as it was and as it is, each shortened past a few lines.

use super::canvas::{Canvas, BODY, LEFT, RIGHT, SMALL};
use super::context::Context;
use super::labels::fill;
use super::wrap::wrap;
use crate::changes::{Changes, RatingMove, TextChange, TextField};

/// Width of the labels of the old and new texts.
const LABEL_WIDTH: f32 = 150.0;
/// Lines of an old or new text printed before it is shortened with "…".
const MAX_LINES: usize = 4;

/// This page's words in one language (kept here, beside the one page that uses them).
struct Words {
    title_submitted: &'static str,
    title: &'static str,
    intro: &'static str,
    none: &'static str,
    up: &'static str,
    down: &'static str,
    changed: &'static str,
    evidence_added: &'static str,
    evidence_removed: &'static str,
    evidence_expired: &'static str,
}

const EN: Words = Words {
    title_submitted: "Changes since the submission of {period}",
    title: "Changes since {period}",
    intro: "Answers that differ from the assessment for {period}, from which this one was carried forward. Items not listed are unchanged.",
    none: "No answer has changed since then.",
    up: "Rating up",
    down: "Rating down",
    changed: "Rating changed",
    evidence_added: "Evidence added",
    evidence_removed: "Evidence removed",
    evidence_expired: "Evidence expired",
};

const JA: Words = Words {
    title_submitted: "{period} の提出からの変更点",
    title: "{period} からの変更点",
    intro: "本アセスメントの引き継ぎ元である {period} のアセスメントと異なる回答です。記載のない項目は変更ありません。",
    none: "それ以降に変更された回答はありません。",
    up: "評価が向上",
    down: "評価が低下",
    changed: "評価を変更",
    evidence_added: "根拠資料を追加",
    evidence_removed: "根拠資料を削除",
    evidence_expired: "根拠資料の期限切れ",
};

pub fn draw(c: &mut Canvas, ctx: &Context, changes: &Changes) {
    let w = if ctx.labels.lang == "ja" { &JA } else { &EN };
    let period = [("period", changes.since_period.as_str())];
    let title = if changes.since_submitted_at.is_some() { w.title_submitted } else { w.title };
    c.section(&fill(title, &period), 40.0);
    c.paragraph(&fill(w.intro, &period), SMALL);
    if changes.items.is_empty() {
        c.paragraph(w.none, SMALL);
        return;
    }
    // The language's colon: 「：」 in Japanese.
    let colon = if ctx.labels.lang == "ja" { "：" } else { ": " };
    for change in &changes.items {
        let title = ctx.catalog.item(&change.item_id).map_or("", |i| ctx.title(&i.title));
        let mut facts = Vec::new();
        if let Some(m) = change.rating_move {
            let word = match m {
                RatingMove::Up => w.up,
                RatingMove::Down => w.down,
                RatingMove::Changed => w.changed,
            };
            facts.push(format!("{word}{colon}{} → {}", ctx.rating(change.rating_before), ctx.rating(change.rating_now)));
        }
        if !change.evidence_added.is_empty() {
            facts.push(format!("{}{colon}{}", w.evidence_added, change.evidence_added.join(ctx.separator())));
        }
        if !change.evidence_removed.is_empty() {
            facts.push(format!("{}{colon}{}", w.evidence_removed, change.evidence_removed.join(ctx.separator())));
        }
        if !change.evidence_expired.is_empty() {
            facts.push(format!("{}{colon}{}", w.evidence_expired, change.evidence_expired.join(ctx.separator())));
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
    let colon = if l.lang == "ja" { "：" } else { ": " };
    let field = match change.field {
        TextField::NaReason => l.reason.to_string(),
        TextField::Description => l.description.to_string(),
        TextField::PlanWhat => format!("{}{colon}{}", l.action_plan, l.plan_what),
        TextField::PlanWho => format!("{}{colon}{}", l.action_plan, l.plan_who),
        TextField::PlanDue => format!("{}{colon}{}", l.action_plan, l.plan_due),
    };
    let shown = |text: &str| -> String {
        let text = if change.field == TextField::PlanDue { ctx.date(text) } else { text.to_string() };
        shortened(c, ctx.or_none(&text))
    };
    let (before, now) = (shown(&change.before), shown(&change.now));
    c.labelled(&fill(l.change_before, &[("field", &field)]), &before, LABEL_WIDTH);
    c.labelled(&fill(l.change_now, &[("field", &field)]), &now, LABEL_WIDTH);
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
