//! Page 1: who submits what, when, against which guideline, and the data's fingerprint.

use super::canvas::{Canvas, BODY, H2, LEFT, SMALL, TITLE, WIDTH};
use super::context::Context;
use super::wrap::wrap;

pub fn draw(c: &mut Canvas, ctx: &Context) {
    let l = ctx.labels;
    let p = &ctx.record.company;
    let a = &ctx.record.assessment;
    let g = &ctx.catalog.guideline.guideline;
    c.bookmark(l.doc_title);
    c.gap(40.0);
    c.paragraph(l.doc_title, TITLE);
    c.paragraph(l.submitted_to, BODY);
    c.gap(22.0);
    c.paragraph(ctx.company_name(), H2);
    if !p.legal_name.trim().is_empty() && !p.name_latin.trim().is_empty() {
        c.paragraph(p.name_latin.trim(), BODY);
    }
    c.gap(10.0);
    c.rule(0.8, 0.0);
    let employees = p.employees.map(|n| n.to_string()).unwrap_or_default();
    let contact = [p.contact_name.trim(), p.contact_email.trim(), p.contact_phone.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" / ");
    let rows: [(&str, &str); 13] = [
        (l.supplier_code, &p.supplier_code),
        (l.address, &p.address),
        (l.country, &p.country),
        (l.representative, &p.representative),
        (l.contact, &contact),
        (l.employees, &employees),
        (l.products, &p.products),
        (l.sites, &p.sites),
        (l.period, &a.period),
        (l.status, ctx.status(a.status)),
        (l.generated, &ctx.generated_at),
        (l.guideline, &format!("{} — {} ({}...)", g.title, g.edition, &g.source_sha256[..16])),
        (
            l.catalog,
            &format!(
                "{} ({} {})",
                ctx.catalog.version(),
                l.app,
                concat!("CSR Self-Assessment ", env!("CARGO_PKG_VERSION"))
            ),
        ),
    ];
    for (label, value) in rows {
        c.labelled(label, ctx.or_none(value), 130.0);
    }
    c.gap(6.0);
    c.rule(0.8, 0.0);
    // On a line of its own, whole: people compare it by eye, `verify` finds it.
    c.paragraph(l.fingerprint_full, super::canvas::LABEL);
    c.paragraph(&ctx.sha256, BODY);
    c.gap(4.0);
    c.paragraph(l.attachment_note, SMALL);
    if !ctx.readiness.ready {
        c.gap(14.0);
        // The box and the note in it on one page: room first, then where its top is.
        let lines = wrap(l.incomplete_note, WIDTH - 20.0, BODY.size, &c.metrics).len();
        c.ensure(lines as f32 * BODY.leading + 8.0);
        let top = c.cursor();
        c.paragraph_at(LEFT + 10.0, WIDTH - 20.0, l.incomplete_note, BODY);
        let bottom = c.cursor();
        c.rect(LEFT, bottom - 2.0, WIDTH, top - bottom + 6.0, None, Some(0.0));
    }
}
