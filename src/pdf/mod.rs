//! The PDF submission NEC receives: readable by people (A4, printable in black and white, in
//! the language chosen in the app) and by machines (the assessment's interchange JSON is
//! attached, and its SHA-256 is printed on the cover and, shortened, in every footer).

mod answers;
mod attachment;
mod canvas;
mod changes;
mod chart;
mod content;
mod context;
mod cover;
mod declaration;
mod evidence;
mod fallback;
mod findings;
mod font;
mod frame;
mod labels;
mod outline;
mod pages;
mod part2;
mod read;
mod requests;
mod rtl;
mod sfnt;
mod structure;
mod summary;
mod tounicode;
mod wrap;

use printpdf::{PdfDocument, PdfFont, PdfSaveOptions};

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

pub use crate::fingerprint::sha256_hex;
pub use attachment::FILE_NAME as ATTACHMENT_NAME;
pub use font::{unprintable, use_font_file};
pub use labels::{labels, Labels};
pub use read::{extract, read, verify, Verdict, Verification};
pub use structure::{Finding, Kind as FindingKind};

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::interchange;
use crate::lang::Lang;
use crate::model::{AssessmentRecord, Status};
use crate::{clock, readiness, scoring};

/// A rendered submission: the PDF, the JSON attached to it, and that JSON's SHA-256.
pub struct Submission {
    pub pdf: Vec<u8>,
    pub json: String,
    pub sha256: String,
}


/// Whether the PDF of `record` is its submission: it is submitted, with its time. Any other
/// PDF is a preview, marked "not submitted" on every page.
pub fn is_submission(record: &AssessmentRecord) -> bool {
    record.assessment.status == Status::Submitted && record.assessment.submitted_at.is_some()
}

/// Renders the PDF of `record` in `lang` (its labels, words and punctuation), times in the
/// computer's local time: its submission if it is submitted, else a preview.
pub fn render(record: &AssessmentRecord, catalog: &Catalog, lang: Lang) -> Result<Submission> {
    render_with_changes(record, catalog, lang, None)
}

/// Renders the PDF as [`render`] does, with a page "Changes since the submission of
/// <period>" after the cover when `changes` (from [`crate::changes`]) are given.
pub fn render_with_changes(
    record: &AssessmentRecord,
    catalog: &Catalog,
    lang: Lang,
    changes: Option<&crate::changes::Changes>,
) -> Result<Submission> {
    render_at(record, catalog, lang, changes, OffsetDateTime::now_utc(), clock::local_offset())
}

/// [`render_with_changes`] made at `now`, printing times at `offset`. A submission is dated
/// by its submission, not by `now`: rendering it again gives the same attached data.
pub fn render_at(
    record: &AssessmentRecord,
    catalog: &Catalog,
    lang: Lang,
    changes: Option<&crate::changes::Changes>,
    now: OffsetDateTime,
    offset: UtcOffset,
) -> Result<Submission> {
    let submitted_at = if is_submission(record) {
        record.assessment.submitted_at.as_deref().and_then(|t| clock::at_offset(t, UtcOffset::UTC))
    } else {
        None
    };
    let made_at = submitted_at.unwrap_or(now).replace_nanosecond(0).expect("0 ns is valid");
    let exported_at = made_at.format(&Rfc3339).expect("UTC times format");
    let labels = labels::labels(lang);
    let score = scoring::score(record, catalog);
    // The day the pages speak of: the submission's (a copy printed later says the same), else now.
    let today = made_at.to_offset(offset).date();
    let at = readiness::Circumstances { today, unprintable: &unprintable };
    let mut ctx = context::Context {
        record,
        catalog,
        lang,
        labels,
        readiness: readiness::check_scored(record, catalog, &score, &at),
        score,
        today,
        made_at,
        submitted_at,
        offset,
        sha256: String::new(),
    };
    // The pages print the data's fingerprint, and the data records what the pages print:
    // the pages are drawn with a placeholder of the fingerprint's shape, read back, recorded
    // with the placeholder masked, and the fingerprint of the finished data is then written
    // over the placeholder's digits.
    let mut drawn = None;
    for attempt in 0..16 {
        ctx.sha256 = placeholder(attempt);
        let (doc, bookmarks) = draw(&ctx, changes)?;
        let pages = read_back(&doc)?;
        // The placeholder must be printed only where the fingerprint goes (once whole on the
        // cover, its start in every footer): else a supplier's text holds it, and another
        // placeholder is taken.
        let short = &ctx.sha256[..16];
        let printed: usize = pages.iter().flat_map(|p| &p.content.runs).map(|r| r.glyphs.matches(short).count()).sum();
        if printed == pages.len() + 4 {
            drawn = Some((doc, bookmarks, pages));
            break;
        }
    }
    let Some((mut pdf, bookmarks, pages)) = drawn else {
        return Err(Error::Pdf(format!("The PDF could not be made: the answers print the placeholder of the data's fingerprint. {}", attachment::TRY_AGAIN)));
    };
    let placeholder = ctx.sha256.clone();
    let record_of_pages = pages::record(&pages, &placeholder, &placeholder[..16]);
    let json = interchange::export_with_pages(record, catalog, &exported_at, Some(record_of_pages.clone()));
    let sha256 = sha256_hex(json.as_bytes());
    let written = pages::write_fingerprint(&mut pdf, &pages, &placeholder, &sha256);
    if written != Some(pages.len() * 16 + 64) {
        // Not written in place (never seen): the pages are drawn again with the fingerprint,
        // and must record alike.
        ctx.sha256 = sha256.clone();
        pdf = draw(&ctx, changes)?.0;
        if pages::record(&read_back(&pdf)?, &sha256, &sha256[..16]) != record_of_pages {
            return Err(Error::Pdf(format!("The PDF could not be made: its pages did not come out the same twice. {}", attachment::TRY_AGAIN)));
        }
    }
    ctx.sha256 = sha256.clone();
    pdf.compress();
    let date = made_at.format(format_description!("D:[year][month][day][hour][minute][second]Z")).expect("formats");
    let title = if ctx.is_submission() {
        format!("{} — {} — {}", labels.doc_title, ctx.company_name(), record.assessment.period)
    } else {
        format!("{} — {} — {} — {}", labels.preview_banner, labels.doc_title, ctx.company_name(), record.assessment.period)
    };
    let info = attachment::Info {
        title: &title,
        author: ctx.company_name(),
        subject: ctx.title(&catalog.guideline.guideline.title),
        keywords: &format!("sha256:{sha256}"),
        date: &date,
        lang: lang.tag(),
    };
    let pdf = attachment::embed(pdf, &json, &info, &bookmarks)?;
    Ok(Submission { pdf, json, sha256 })
}

/// The placeholder the pages are first drawn with: every hexadecimal digit, so that each has
/// a glyph in the embedded font to write the fingerprint with; `attempt` turns it.
fn placeholder(attempt: usize) -> String {
    let digits = "0123456789abcdef";
    let turned = format!("{}{}", &digits[attempt % 16..], &digits[..attempt % 16]);
    turned.repeat(4)
}

/// Draws the pages (printing `ctx.sha256` as the fingerprint) into a PDF document, not yet
/// compressed; with the outline's entries.
fn draw(ctx: &context::Context, changes: Option<&crate::changes::Changes>) -> Result<(lopdf::Document, Vec<(String, usize)>)> {
    let mut doc = PdfDocument::new(&ctx.labels.doc_title);
    let mut c = canvas::Canvas::new(font::Metrics::new()?);
    cover::draw(&mut c, ctx);
    c.new_page();
    // What changed since last year comes first: the page NEC reads before the rest.
    if let Some(changes) = changes {
        changes::draw(&mut c, ctx, changes);
        c.new_page();
    }
    // Then NEC's requests on earlier submissions and the replies to them.
    if !ctx.record.nec_requests.is_empty() {
        requests::draw(&mut c, ctx, &ctx.record.nec_requests);
        c.new_page();
    }
    summary::draw(&mut c, ctx);
    c.new_page();
    answers::draw(&mut c, ctx);
    part2::draw(&mut c, ctx);
    declaration::draw(&mut c, ctx);
    let (pages, bookmarks, fonts) = c.finish(|c, n, m| frame::draw(c, ctx, n, m));
    for (id, font) in fonts {
        doc.resources.fonts.map.insert(id, PdfFont::new(font.clone()));
    }
    doc.with_pages(pages);
    // printpdf's document as lopdf's (the same lopdf); `embed` adds the attachment, the
    // outline and the information and writes it once.
    let mut warnings = Vec::new();
    let opts = PdfSaveOptions { subset_fonts: true, ..Default::default() };
    Ok((doc.to_lopdf_document(&opts, &mut warnings), bookmarks))
}

/// The pages of a document just drawn, read as `verify` reads them.
fn read_back(doc: &lopdf::Document) -> Result<Vec<pages::Page>> {
    let mut fonts = tounicode::FontCache::default();
    doc.page_iter()
        .enumerate()
        .map(|(n, id)| {
            pages::read(doc, id, &mut fonts).map_err(|e| {
                Error::Pdf(format!("The PDF could not be made: page {} cannot be read back ({}). {}", n + 1, e.0, attachment::TRY_AGAIN))
            })
        })
        .collect()
}
