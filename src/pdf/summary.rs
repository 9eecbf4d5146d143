//! The summary: completeness, scores (with the chart), gaps, not-applicable items, and the
//! points the submission check still finds open.

use super::canvas::{Canvas, BODY, H3, LABEL, LEFT, SMALL};
use super::chart;
use super::context::Context;
use super::findings::describe;
use crate::lang::fill;
use crate::readiness::{Problem, Severity};

pub fn draw(c: &mut Canvas, ctx: &Context) {
    let l = ctx.labels;
    let s = &ctx.score;
    let o = &s.overall;
    c.section(&l.summary, 60.0);
    if let Some(label) = ctx.translation_label() {
        c.paragraph(label, SMALL);
    }
    let detail = fill(
        &l.completeness_detail,
        &[
            ("answered", &o.answered.to_string()),
            ("applicable", &o.applicable.to_string()),
            ("na", &o.not_applicable.to_string()),
        ],
    );
    c.labelled(&l.completeness, &format!("{}% — {detail}", o.completeness), 150.0);
    let overall = ctx.percent(o.score);
    let points = fill(&l.points, &[("points", &o.points.to_string()), ("max", &o.max_points.to_string())]);
    c.labelled(&l.overall, &format!("{overall} — {points}"), 150.0);
    let essential: Vec<String> = ctx
        .catalog
        .items()
        .filter(|i| i.is_essential())
        .map(|i| format!("{} {}", i.id, ctx.rating(ctx.record.answer(&i.id).and_then(|a| a.rating))))
        .collect();
    let e = &s.essential;
    c.labelled(&l.essential_summary, &format!("{} / {} — {}", e.full, e.items, ctx.list(&essential)), 150.0);

    c.heading(&l.score_by_group, H3, 150.0);
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
        (&l.group, LEFT, 250.0, LABEL, false),
        (&l.score, LEFT + 260.0, 60.0, LABEL, true),
        (&l.answered, LEFT + 330.0, 70.0, LABEL, true),
        (&l.not_applicable_short, LEFT + 410.0, 70.0, LABEL, true),
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
    // The rating words are the screens' (one source), put into the language's sentence.
    let w = ctx.lang.words();
    let method = fill(
        &l.method,
        &[
            ("full", w.rating("full")),
            ("mostly", w.rating("mostly")),
            ("partly", w.rating("partly")),
            ("not_yet", w.rating("not_yet")),
            ("not_applicable", w.rating("not_applicable")),
        ],
    );
    c.paragraph(&method, SMALL);

    c.heading(&l.gaps, H3, 30.0);
    if s.gaps.is_empty() {
        c.paragraph(&l.no_gaps, BODY);
    } else {
        c.row(&[
            (&l.item, LEFT, 300.0, LABEL, false),
            (&l.rating, LEFT + 310.0, 110.0, LABEL, false),
            (&l.action_plan, LEFT + 425.0, 66.0, LABEL, false),
        ]);
        for gap in &s.gaps {
            let title = ctx.catalog.item(&gap.item_id).map_or("", |i| ctx.title(&i.title));
            let item = if gap.essential {
                ctx.lang.with_paren(&format!("{} {title}", gap.item_id), &l.essential)
            } else {
                format!("{} {title}", gap.item_id)
            };
            c.row(&[
                (&item, LEFT, 300.0, BODY, false),
                (ctx.rating(Some(gap.rating)), LEFT + 310.0, 110.0, BODY, false),
                (if gap.has_action_plan { &l.plan_yes } else { &l.plan_no }, LEFT + 425.0, 66.0, BODY, false),
            ]);
        }
    }

    let count = ctx.lang.count(s.not_applicable.len());
    c.heading(&fill(&l.not_applicable_title, &[("count", &count)]), H3, 30.0);
    if s.not_applicable.is_empty() {
        c.paragraph(&l.none, BODY);
    }
    for na in &s.not_applicable {
        let title = ctx.catalog.item(&na.item_id).map_or("", |i| ctx.title(&i.title));
        c.labelled(&na.item_id, &format!("{title} — {}", ctx.labelled(&l.reason, ctx.or_none(&na.reason))), 50.0);
    }

    // A preview lists what is missing on its first page. On a submission, what the supplier
    // marked for review is its own note, not an open point for NEC; what still blocks a
    // complete submission (never, for one the app submitted) is open, and what only deserves
    // a look (expired evidence, an open Part 2 question) is said to be just that.
    if !ctx.is_submission() {
        return;
    }
    let of_severity = |severity: Severity| -> Vec<String> {
        ctx.readiness
            .findings
            .iter()
            .filter(|f| f.severity == severity && !matches!(f.problem, Problem::MarkedForReview { .. }))
            .map(|f| describe(ctx, &f.problem))
            .collect()
    };
    for (heading, points) in [(&l.open_points, of_severity(Severity::Blocking)), (&l.worth_a_look, of_severity(Severity::Warning))] {
        if points.is_empty() {
            continue;
        }
        c.heading(heading, H3, 30.0);
        for point in points {
            c.bullet(LEFT + 4.0, &point, BODY);
        }
    }
}
