//! The header and footer of every page.

use super::canvas::{Canvas, FOOTER_RULE_Y, FOOTER_Y, HEADER_RULE_Y, HEADER_Y, LEFT, RIGHT, SMALL};
use super::context::Context;
use super::labels::fill;

pub fn draw(c: &mut Canvas, ctx: &Context, page: usize, total: usize) {
    let l = ctx.labels;
    // Company and period, ending before the title: a long name is shortened (the cover has
    // it whole), the period is kept, as it tells the pages of two years apart.
    let period = format!(" — {}", ctx.record.assessment.period);
    let room = RIGHT - LEFT - c.metrics.width(l.doc_title, SMALL.size) - 12.0;
    let name_room = (room - c.metrics.width(&period, SMALL.size)).max(room / 2.0);
    let left = c.metrics.shorten(
        &format!("{}{period}", c.metrics.shorten(ctx.company_name(), SMALL.size, name_room)),
        SMALL.size,
        room,
    );
    c.text_at(LEFT, HEADER_Y, &left, SMALL);
    c.text_right(RIGHT, HEADER_Y, l.doc_title, SMALL);
    c.line(LEFT, HEADER_RULE_Y, RIGHT, HEADER_RULE_Y, 0.5, 0.4);
    c.line(LEFT, FOOTER_RULE_Y, RIGHT, FOOTER_RULE_Y, 0.5, 0.4);
    c.text_at(LEFT, FOOTER_Y, &format!("{}: {}", l.fingerprint, ctx.short_fingerprint()), SMALL);
    c.text_right(RIGHT, FOOTER_Y, &fill(l.page_of, &[("n", &page.to_string()), ("m", &total.to_string())]), SMALL);
}
