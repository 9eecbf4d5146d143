//! The page "NEC's requests and our replies": each request NEC sent on the supplier's earlier
//! submissions (in NEC's words, labelled as NEC's), when and by whom it was asked, its due
//! date, and the supplier's reply (done, or not possible and why; or not answered yet), so
//! NEC reads the answers to its own requests before the rest.

use super::canvas::{Canvas, SMALL};
use super::context::Context;
use crate::model::{NecRequest, RequestStatus};

/// Width of the labels before NEC's text and the reply.
const LABEL_WIDTH: f32 = 150.0;

pub fn draw(c: &mut Canvas, ctx: &Context, requests: &[NecRequest]) {
    let l = ctx.labels;
    c.section(&l.requests_title, 40.0);
    c.paragraph(&l.requests_intro, SMALL);
    for r in requests {
        c.running = Some(l.requests_title.clone());
        let day = |t: &str| ctx.date(t.get(..10).unwrap_or(t));
        let mut facts =
            vec![ctx.labelled(&l.requests_asked, &day(&r.asked_at)), ctx.labelled(&l.requests_from, &r.asked_by)];
        if let Some(due) = &r.due {
            facts.push(ctx.labelled(&l.requests_due, &day(due)));
        }
        let status = ctx.lang.words().request_status(r.status.as_str());
        facts.push(ctx.labelled(&l.requests_status, status));
        c.item_heading(&heading(ctx, r), &facts);
        c.labelled(&l.requests_text, &r.text, LABEL_WIDTH);
        if r.is_answered() || !r.reply.is_empty() {
            c.labelled(&l.requests_reply, ctx.or_none(&r.reply), LABEL_WIDTH);
        }
        if r.status == RequestStatus::NotPossible {
            c.labelled(&l.requests_reason, ctx.or_none(&r.reason), LABEL_WIDTH);
        }
        c.gap(4.0);
    }
    c.running = None;
}

/// The item or policy the request is about: its id and title in the PDF's language.
fn heading(ctx: &Context, r: &NecRequest) -> String {
    if let Some(item) = &r.item {
        let title = ctx.catalog.item(item).map_or("", |i| ctx.title(&i.title));
        return format!("{item} {title}");
    }
    let policy = r.policy.as_deref().unwrap_or_default();
    ctx.catalog.policies().iter().find(|p| p.id == policy).map_or(policy, |p| ctx.title(&p.title)).to_string()
}
