//! The summary: completeness, scores (with the chart), gaps, not-applicable items, and the
//! points the submission check still finds open.

use super::canvas::{Canvas, BODY, H3, LABEL, LEFT, SMALL};
use super::chart;
use super::context::Context;
use super::findings::describe;
use super::labels::fill;
use crate::readiness::Problem;

pub fn draw(c: &mut Canvas, ctx: &Context) {
    let l = ctx.labels;
    let s = &ctx.score;
    let o = &s.overall;
    c.section(l.summary, 60.0);
    if let Some(label) = ctx.translation_label() {
        c.paragraph(label, SMALL);
    }
    let detail = fill(
        l.completeness_detail,
        &[
            ("answered", &o.answered.to_string()),
            ("applicable", &o.applicable.to_string()),
            ("na", &o.not_applicable.to_string()),
        ],
    );
    c.labelled(l.completeness, &format!("{}% — {detail}", o.completeness), 150.0);
    let overall = ctx.percent(o.score);
    let points = fill(l.points, &[("points", &o.points.to_string()), ("max", &o.max_points.to_string())]);
    c.labelled(l.overall, &format!("{overall} — {points}"), 150.0);
    let essential: Vec<String> = ctx
        .catalog
        .items()
        .filter(|i| i.is_essential())
        .map(|i| format!("{} {}", i.id, ctx.rating(ctx.record.answer(&i.id).and_then(|a| a.rating))))
        .collect();
    let e = &s.essential;
    c.labelled(l.essential_summary, &format!("{} / {} — {}", e.full, e.items, essential.join("; ")), 150.0);

    c.heading(l.score_by_group, H3, 150.0);
    let rows: Vec<(String, Option<u32>)> = s
        .groups
        .iter()
        .map(|g| {
            let title = ctx.catalog.group(&g.group_id).map_or("", |x| ctx.title(&x.title));
            (format!("{} {title}", g.group_id), g.tally.score)
        })
        .collect();
    chart::bars(c, ctx, &rows);
    c.row(&[
        (l.group, LEFT, 250.0, LABEL, false),
        (l.score, LEFT + 260.0, 60.0, LABEL, true),
        (l.answered, LEFT + 330.0, 70.0, LABEL, true),
        (l.not_applicable_short, LEFT + 410.0, 70.0, LABEL, true),
    ]);
    for (g, (label, score)) in s.groups.iter().zip(&rows) {
        let score = ctx.percent(*score);
        let answered = format!("{}/{}", g.tally.answered, g.tally.applicable);
        let na = g.tally.not_applicable.to_string();
        c.row(&[
            (label, LEFT, 250.0, BODY, false),
            (&score, LEFT + 260.0, 60.0, BODY, true),
            (&answered, LEFT + 330.0, 70.0, BODY, true),
            (&na, LEFT + 410.0, 70.0, BODY, true),
        ]);
    }
    c.gap(4.0);
    c.paragraph(l.method, SMALL);

    c.heading(l.gaps, H3, 30.0);
    if s.gaps.is_empty() {
        c.paragraph(l.no_gaps, BODY);
    } else {
        c.row(&[
            (l.item, LEFT, 300.0, LABEL, false),
            (l.rating, LEFT + 310.0, 110.0, LABEL, false),
            (l.action_plan, LEFT + 425.0, 66.0, LABEL, false),
        ]);
        for gap in &s.gaps {
            let title = ctx.catalog.item(&gap.item_id).map_or("", |i| ctx.title(&i.title));
            let item = if gap.essential {
                format!("{} {title} [{}]", gap.item_id, l.essential)
            } else {
                format!("{} {title}", gap.item_id)
            };
            c.row(&[
                (&item, LEFT, 300.0, BODY, false),
                (ctx.rating(Some(gap.rating)), LEFT + 310.0, 110.0, BODY, false),
                (ctx.yes_no(gap.has_action_plan), LEFT + 425.0, 66.0, BODY, false),
            ]);
        }
    }

    c.heading(&fill(l.not_applicable_title, &[("n", &s.not_applicable.len().to_string())]), H3, 30.0);
    if s.not_applicable.is_empty() {
        c.paragraph(l.none, BODY);
    }
    for na in &s.not_applicable {
        let title = ctx.catalog.item(&na.item_id).map_or("", |i| ctx.title(&i.title));
        c.labelled(&na.item_id, &format!("{title} — {}: {}", l.reason, ctx.or_none(&na.reason)), 50.0);
    }

    // A preview lists what is missing on its first page. On a submission, what the supplier
    // marked for review is its own note, not an open point for NEC.
    let open: Vec<String> = if ctx.is_submission() {
        ctx.readiness
            .findings
            .iter()
            .filter(|f| !matches!(f.problem, Problem::MarkedForReview { .. }))
            .map(|f| describe(ctx, &f.problem))
            .collect()
    } else {
        Vec::new()
    };
    if !open.is_empty() {
        c.heading(l.open_points, H3, 30.0);
        for point in open {
            c.bullet(LEFT + 4.0, &point, BODY);
        }
    }
}
