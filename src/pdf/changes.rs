//! The page "Changes since the submission of <period>": what a returning supplier changed
//! since last year's assessment, item by item, for NEC to read first.

use super::canvas::{Canvas, SMALL};
use super::context::Context;
use super::labels::fill;
use crate::changes::{Changes, RatingMove};

/// This page's words in one language (kept here, beside the one page that uses them).
struct Words {
    title_submitted: &'static str,
    title: &'static str,
    intro: &'static str,
    none: &'static str,
    up: &'static str,
    down: &'static str,
    changed: &'static str,
    text_changed: &'static str,
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
    text_changed: "Description or action plan rewritten",
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
    text_changed: "取り組みの説明または改善計画を書き直し",
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
    for change in &changes.items {
        let title = ctx.catalog.item(&change.item_id).map_or("", |i| ctx.title(&i.title));
        let mut facts = Vec::new();
        if let Some(m) = change.rating_move {
            let word = match m {
                RatingMove::Up => w.up,
                RatingMove::Down => w.down,
                RatingMove::Changed => w.changed,
            };
            facts.push(format!("{word}: {} → {}", ctx.rating(change.rating_before), ctx.rating(change.rating_now)));
        }
        if change.text_changed {
            facts.push(w.text_changed.to_string());
        }
        if !change.evidence_added.is_empty() {
            facts.push(format!("{}: {}", w.evidence_added, change.evidence_added.join(ctx.separator())));
        }
        if !change.evidence_removed.is_empty() {
            facts.push(format!("{}: {}", w.evidence_removed, change.evidence_removed.join(ctx.separator())));
        }
        if !change.evidence_expired.is_empty() {
            facts.push(format!("{}: {}", w.evidence_expired, change.evidence_expired.join(ctx.separator())));
        }
        c.item_heading(&format!("{} {title}", change.item_id), &facts);
    }
}
