//! Page 1: who submits what, when, against which guideline, and the data's fingerprint. A
//! preview says so at the top and lists what is still missing.

use super::canvas::{Canvas, BODY, H2, H3, LEFT, SMALL, TITLE, WIDTH};
use super::context::Context;
use super::findings::describe;
use super::wrap::wrap;
use crate::lang::fill;
use crate::readiness::{Problem, Severity};

pub fn draw(c: &mut Canvas, ctx: &Context) {
    let l = ctx.labels;
    let p = &ctx.record.company;
    let a = &ctx.record.assessment;
    let g = &ctx.catalog.guideline.guideline;
    c.bookmark(l.doc_title.as_str());
    c.gap(if ctx.is_submission() { 24.0 } else { 8.0 });
    if !ctx.is_submission() {
        preview_box(c, ctx);
        c.gap(14.0);
    }
    // As a business document opens: whom it is for, then what it is.
    c.paragraph(&l.addressee, H3);
    c.gap(14.0);
    c.paragraph(&l.doc_title, TITLE);
    c.paragraph(&l.doc_subtitle, BODY);
    c.gap(22.0);
    c.paragraph(ctx.company_name(), H2);
    if !p.legal_name.trim().is_empty() && !p.name_latin.trim().is_empty() {
        c.paragraph(p.name_latin.trim(), BODY);
    }
    c.gap(10.0);
    c.rule(0.8, 0.0);
    let employees = p.employees.map(|n| n.to_string()).unwrap_or_default();
    let joined = |parts: &[&str]| ctx.list(&parts.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect::<Vec<_>>());
    let contact = joined(&[&p.contact_name, &p.contact_email, &p.contact_phone]);
    let nec_contact = joined(&[&p.nec_contact_name, &p.nec_contact_email]);
    let (status_label, status) = match ctx.submitted_at {
        Some(at) => (&l.submitted_on, ctx.local_time(at)),
        None => (&l.status, l.preview_banner.clone()),
    };
    // A profile field under the name the form gives it.
    let field = |name: &'static str| ctx.lang.words().profile_field(name);
    let mut rows: Vec<(&str, String)> = vec![
        (field("supplier_code"), p.supplier_code.clone()),
        (field("address"), p.address.clone()),
        (field("country"), p.country.clone()),
        (field("representative"), p.representative.clone()),
        (&l.contact, contact),
        (&l.nec_contact, nec_contact),
        (field("employees"), employees),
        (field("products"), p.products.clone()),
        (field("sites"), p.sites.clone()),
        (&l.period, a.period.clone()),
        (status_label, status),
    ];
    if !ctx.is_submission() {
        rows.push((&l.created, ctx.local_time(ctx.made_at)));
    }
    // The guideline by its name in the PDF's language, and which edition the app quotes.
    let guideline = fill(&l.guideline_line, &[("title", ctx.title(&g.title)), ("edition", &l.guideline_edition)]);
    rows.push((&l.guideline, guideline));
    for (label, value) in &rows {
        c.labelled(label, ctx.or_none(value), 130.0);
    }
    // The guideline's fingerprint is a detail, for those who compare editions.
    // Shortened: the one whole SHA-256 on the pages is the attached data's, which `verify` finds.
    c.labelled("", &ctx.labelled(&l.guideline_fingerprint, &format!("{}…", &g.source_sha256[..16])), 130.0);
    let app = ctx.labelled(&l.app, concat!("CSR Self-Assessment ", env!("CARGO_PKG_VERSION")));
    c.labelled(&l.catalog, &ctx.lang.with_paren(ctx.catalog.version(), &app), 130.0);
    // Which advice (and legal notes) the app carried when it made the PDF.
    let advice = &ctx.catalog.content;
    c.labelled(&l.advice, &format!("{} · {}", advice.version, ctx.date(&advice.date)), 130.0);
    c.gap(6.0);
    c.rule(0.8, 0.0);
    // On a line of its own, whole: people compare it by eye, `verify` finds it.
    c.paragraph(&l.fingerprint_full, super::canvas::LABEL);
    c.paragraph(&ctx.sha256, BODY);
    c.gap(4.0);
    c.paragraph(&l.attachment_note, SMALL);
}

/// The box at the top of a preview: not a submission, and what is still missing (or, for a
/// complete assessment, that it still has to be submitted).
fn preview_box(c: &mut Canvas, ctx: &Context) {
    let l = ctx.labels;
    let inner = WIDTH - 20.0;
    // What blocks submitting, then what only deserves a look (marked for review, expired
    // evidence...): a mark for review is not something "missing".
    let of_severity = |severity: Severity| -> Vec<String> {
        ctx.readiness.findings.iter().filter(|f| f.severity == severity).map(|f| describe(ctx, &f.problem)).collect()
    };
    let (missing, to_look_at) = (of_severity(Severity::Blocking), of_severity(Severity::Warning));
    let intro = if ctx.readiness.ready { &l.preview_ready } else { &l.preview_missing };
    let names_policies = ctx.readiness.findings.iter().any(|f| {
        matches!(f.problem, Problem::PoliciesNotAcknowledged { .. } | Problem::Disclosures { .. })
    }) && ctx.catalog.policies().iter().any(|p| ctx.title(&p.short_title) != p.short_title);
    let label = if names_policies { ctx.translation_label() } else { None };
    let top = c.cursor();
    c.gap(6.0);
    c.paragraph_at(LEFT + 10.0, inner, &l.preview_title, H3);
    c.paragraph_at(LEFT + 10.0, inner, intro, BODY);
    let points = |c: &mut Canvas, list: &[String]| {
        for point in list {
            let lines = wrap(point, inner - 10.0, BODY.size, &c.metrics).len();
            c.ensure(lines as f32 * BODY.leading);
            c.bullet(LEFT + 12.0, point, BODY);
        }
    };
    if !ctx.readiness.ready {
        points(c, &missing);
    }
    if !to_look_at.is_empty() {
        c.paragraph_at(LEFT + 10.0, inner, &l.preview_to_look_at, BODY);
        points(c, &to_look_at);
    }
    if let Some(label) = label {
        c.paragraph_at(LEFT + 10.0, inner, label, SMALL);
    }
    let bottom = c.cursor();
    c.rect(LEFT, bottom - 2.0, WIDTH, top - bottom + 2.0, None, Some(0.0));
}
