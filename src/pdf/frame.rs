//! The header and footer of every page; on a preview, "DRAFT — not submitted" in the header
//! and across the page, behind the text.

use super::canvas::{Canvas, Style, FOOTER_RULE_Y, FOOTER_Y, HEADER_RULE_Y, HEADER_Y, LEFT, RIGHT, SMALL};
use super::context::Context;

/// The preview's mark in the header: bold and black, where a submission names the document.
const PREVIEW_HEADER: Style = Style { size: 9.0, leading: 12.0, bold: true, grey: 0.0 };

pub fn draw(c: &mut Canvas, ctx: &Context, page: usize, total: usize) {
    let l = ctx.labels;
    // Company and period, ending before the title: a long name is shortened (the cover has
    // it whole), the period is kept, as it tells the pages of two years apart.
    let period = format!(" — {}", ctx.record.assessment.period);
    let right = if ctx.is_submission() { c.metrics.width(&l.doc_title, SMALL.size) } else { c.metrics.width(&l.preview_banner, PREVIEW_HEADER.size) };
    let room = RIGHT - LEFT - right - 12.0;
    let name_room = (room - c.metrics.width(&period, SMALL.size)).max(room / 2.0);
    let left = c.metrics.shorten(
        &format!("{}{period}", c.metrics.shorten(ctx.company_name(), SMALL.size, name_room)),
        SMALL.size,
        room,
    );
    c.text_at(LEFT, HEADER_Y, &left, SMALL);
    if ctx.is_submission() {
        c.text_right(RIGHT, HEADER_Y, &l.doc_title, SMALL);
    } else {
        c.text_right(RIGHT, HEADER_Y, &l.preview_banner, PREVIEW_HEADER);
        c.watermark(&l.preview_banner);
    }
    c.line(LEFT, HEADER_RULE_Y, RIGHT, HEADER_RULE_Y, 0.5, 0.4);
    c.line(LEFT, FOOTER_RULE_Y, RIGHT, FOOTER_RULE_Y, 0.5, 0.4);
    c.text_at(LEFT, FOOTER_Y, &ctx.labelled(&l.fingerprint, ctx.short_fingerprint()), SMALL);
    c.text_right(RIGHT, FOOTER_Y, &ctx.lang.page_of(page, total), SMALL);
}
