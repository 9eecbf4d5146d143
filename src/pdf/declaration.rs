//! The declaration: the statement, who confirmed it, and spaces for a handwritten signature
//! and the company seal (for those who print, sign and scan).

use super::canvas::{Canvas, BODY, LEFT, RIGHT, SMALL, WIDTH};
use super::context::Context;
use super::wrap::wrap;
use crate::model::DECLARATION_TEXT;

pub fn draw(c: &mut Canvas, ctx: &Context) {
    let l = ctx.labels;
    let d = &ctx.record.assessment.declaration;
    c.gap(10.0);
    c.ensure(330.0);
    c.section(&l.declaration, 200.0);
    let text = DECLARATION_TEXT.get(ctx.lang.code());
    c.paragraph(text, BODY);
    // In another language, the English beneath it: the words NEC's other readers know.
    if *text != DECLARATION_TEXT.en {
        c.gap(2.0);
        c.paragraph(&ctx.labelled(&l.declaration_english, DECLARATION_TEXT.en), SMALL);
    }
    c.gap(10.0);
    c.labelled(&l.signer, ctx.or_none(&d.signer_name), 110.0);
    c.labelled(&l.signer_title, ctx.or_none(&d.signer_title), 110.0);
    c.labelled(&l.date, &d.date.as_deref().map_or_else(|| l.none.clone(), |x| ctx.date(x)), 110.0);
    c.labelled(&l.confirmed, if d.confirmed { &l.confirmed_yes } else { &l.confirmed_no }, 110.0);
    c.gap(26.0);
    // The note, the signature and date lines on the left and a square for the seal on the
    // right (from 20 points above the first line to below the seal's caption) stay together
    // and off the footer, however long the signer's name and title above them are.
    let seal = 85.0;
    let note = wrap(&l.handwritten_note, WIDTH, SMALL.size, &c.metrics).len() as f32 * SMALL.leading;
    c.ensure(note + 34.0 + seal + 10.0);
    c.paragraph(&l.handwritten_note, SMALL);
    c.gap(34.0);
    let y = c.cursor();
    c.line(LEFT, y, LEFT + 250.0, y, 0.7, 0.0);
    c.text_at(LEFT, y - 11.0, &l.signature, SMALL);
    c.line(LEFT, y - 48.0, LEFT + 250.0, y - 48.0, 0.7, 0.0);
    c.text_at(LEFT, y - 59.0, &l.date, SMALL);
    c.rect(RIGHT - seal, y - seal + 20.0, seal, seal, None, Some(0.0));
    c.text_at(RIGHT - seal, y - seal + 8.0, &l.seal, SMALL);
    c.advance(seal);
}
