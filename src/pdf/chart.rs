//! The score per group as horizontal bars, drawn with PDF vector operations; greys only,
//! so it prints the same in black and white.

use super::canvas::{Canvas, LEFT, SMALL, WIDTH};
use super::context::Context;

/// rows: (label, score 0–100 or None)
pub fn bars(c: &mut Canvas, ctx: &Context, rows: &[(String, Option<u32>)]) {
    let row_h = 17.0;
    let label_w = 200.0;
    let bar_x = LEFT + label_w;
    let bar_w = WIDTH - label_w - 40.0;
    let height = rows.len() as f32 * row_h + 16.0;
    c.ensure(height + 8.0);
    let top = c.cursor() - 4.0;
    let bottom = top - rows.len() as f32 * row_h;
    // Grid and scale.
    for p in [0u32, 25, 50, 75, 100] {
        let x = bar_x + bar_w * p as f32 / 100.0;
        c.line(x, top, x, bottom, 0.4, 0.75);
        let label = format!("{p}%");
        let w = c.metrics.width(&label, 7.0);
        c.text_at(x - w / 2.0, bottom - 10.0, &label, super::canvas::Style { size: 7.0, ..SMALL });
    }
    for (i, (label, score)) in rows.iter().enumerate() {
        let y = top - (i as f32 + 1.0) * row_h;
        c.text_right(bar_x - 8.0, y + 5.0, label, SMALL);
        c.rect(bar_x, y + 3.0, bar_w, row_h - 6.0, None, Some(0.6));
        if let Some(s) = score {
            let w = bar_w * (*s).min(100) as f32 / 100.0;
            if w > 0.0 {
                c.rect(bar_x, y + 3.0, w, row_h - 6.0, Some(0.35), None);
            }
        }
        let value = ctx.percent(*score);
        c.text_at(bar_x + bar_w + 6.0, y + 5.0, &value, SMALL);
    }
    c.advance(height + 6.0);
}
