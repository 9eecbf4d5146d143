//! The PDF submission NEC receives: readable by people (A4, printable in black and white, in
//! the language chosen in the app) and by machines (the assessment's interchange JSON is
//! attached, and its SHA-256 is printed on the cover and, shortened, in every footer).

mod answers;
mod attachment;
mod canvas;
mod changes;
mod chart;
mod context;
mod cover;
mod declaration;
mod fallback;
mod evidence;
mod font;
mod frame;
mod labels;
mod part2;
mod rtl;
mod sfnt;
mod summary;
mod wrap;

use printpdf::{PdfDocument, PdfFont, PdfSaveOptions};
use serde::Serialize;
use sha2::{Digest, Sha256};
use time::macros::format_description;
use time::OffsetDateTime;

pub use attachment::FILE_NAME as ATTACHMENT_NAME;
pub use font::{unprintable, use_font_file};

use crate::catalog::Catalog;
use crate::error::Result;
use crate::interchange;
use crate::model::AssessmentRecord;
use crate::{readiness, scoring};

/// A rendered submission: the PDF, the JSON attached to it, and that JSON's SHA-256.
pub struct Submission {
    pub pdf: Vec<u8>,
    pub json: String,
    pub sha256: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Renders the submission with labels in `lang` ("en" or "ja"), dated now (the cover's
/// "generated" line and the document information's dates).
pub fn render(record: &AssessmentRecord, catalog: &Catalog, lang: &str) -> Result<Submission> {
    render_with_changes(record, catalog, lang, None)
}

/// Renders the submission as [`render`] does, with a page "Changes since the submission of
/// <period>" after the cover when `changes` (from [`crate::changes`]) are given.
pub fn render_with_changes(
    record: &AssessmentRecord,
    catalog: &Catalog,
    lang: &str,
    changes: Option<&crate::changes::Changes>,
) -> Result<Submission> {
    let now = OffsetDateTime::now_utc();
    let json = interchange::export(record, catalog);
    let sha256 = sha256_hex(json.as_bytes());
    let labels = labels::for_language(lang);
    let score = scoring::score(record, catalog);
    let ctx = context::Context {
        record,
        catalog,
        labels,
        readiness: readiness::check_scored(record, catalog, &score),
        score,
        generated_at: now.format(format_description!("[year]-[month]-[day] [hour]:[minute] UTC")).expect("formats"),
        sha256: sha256.clone(),
    };
    let mut doc = PdfDocument::new(labels.doc_title);
    let mut c = canvas::Canvas::new(font::Metrics::new()?);
    cover::draw(&mut c, &ctx);
    c.new_page();
    // What changed since last year comes first: the page NEC reads before the rest.
    if let Some(changes) = changes {
        changes::draw(&mut c, &ctx, changes);
        c.new_page();
    }
    summary::draw(&mut c, &ctx);
    c.new_page();
    answers::draw(&mut c, &ctx);
    c.new_page();
    part2::draw(&mut c, &ctx);
    c.gap(12.0);
    declaration::draw(&mut c, &ctx);
    let (pages, bookmarks, fonts) = c.finish(|c, n, m| frame::draw(c, &ctx, n, m));
    for (id, font) in fonts {
        doc.resources.fonts.map.insert(id, PdfFont::new(font.clone()));
    }
    doc.with_pages(pages);
    // printpdf's document as lopdf's (the same lopdf), compressed as printpdf's own `save`
    // does; `embed` adds the attachment, the outline and the information and writes it once.
    let mut warnings = Vec::new();
    let opts = PdfSaveOptions { subset_fonts: true, ..Default::default() };
    let mut pdf = doc.to_lopdf_document(&opts, &mut warnings);
    pdf.compress();
    let date = now.format(format_description!("D:[year][month][day][hour][minute][second]Z")).expect("formats");
    let info = attachment::Info {
        title: &format!("{} — {} — {}", labels.doc_title, ctx.company_name(), record.assessment.period),
        author: ctx.company_name(),
        subject: "NEC Group Supply-Chain CSR Guideline",
        keywords: &format!("sha256:{sha256}"),
        date: &date,
        lang: if lang == "ja" { "ja-JP" } else { "en-US" },
    };
    let pdf = attachment::embed(pdf, &json, &info, &bookmarks)?;
    Ok(Submission { pdf, json, sha256 })
}

/// The attached assessment JSON of a submission PDF.
pub fn extract(pdf: &[u8]) -> Result<String> {
    attachment::extract(&attachment::load(pdf)?)
}

/// Whether the attached data is the data whose fingerprint the pages print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// SHA-256 of the attached JSON.
    pub attached_sha256: String,
    /// The SHA-256 printed on the pages, if one is found.
    pub printed_sha256: Option<String>,
    pub pages: usize,
    /// Pages whose footer carries the attached data's short fingerprint.
    pub pages_with_fingerprint: usize,
    /// The printed fingerprint and every page's footer match the attached data.
    pub matches: bool,
}

pub fn verify(pdf: &[u8]) -> Result<Verification> {
    read(pdf).map(|(_, verification)| verification)
}

/// The attached JSON and its verification, reading the PDF once (`collect` reads thousands).
pub fn read(pdf: &[u8]) -> Result<(String, Verification)> {
    let doc = attachment::load(pdf)?;
    let json = attachment::extract(&doc)?;
    let pages = doc.get_pages().len();
    if pages > MAX_PAGES {
        return Err(crate::Error::Pdf(format!(
            "This PDF has {pages} pages; a submission of this app has far fewer (at most {MAX_PAGES} are read). \
             Ask the supplier for the original PDF."
        )));
    }
    let attached = sha256_hex(json.as_bytes());
    let texts = attachment::page_texts(&doc);
    let printed = texts.iter().find_map(|t| find_sha256(t));
    let short = context::short_fingerprint(&attached);
    let pages_with_fingerprint = texts.iter().filter(|t| t.contains(short)).count();
    let matches =
        printed.as_deref() == Some(attached.as_str()) && pages_with_fingerprint == texts.len() && !texts.is_empty();
    let verification = Verification {
        attached_sha256: attached,
        printed_sha256: printed,
        pages: texts.len(),
        pages_with_fingerprint,
        matches,
    };
    Ok((json, verification))
}

/// More pages than any submission has: a PDF beyond it is not read page by page.
const MAX_PAGES: usize = 1000;

/// The first run of exactly 64 lowercase hex digits.
fn find_sha256(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
    let mut i = 0;
    while i < bytes.len() {
        if hex(bytes[i]) {
            let start = i;
            while i < bytes.len() && hex(bytes[i]) {
                i += 1;
            }
            if i - start == 64 {
                return Some(text[start..i].to_string());
            }
        } else {
            i += 1;
        }
    }
    None
}

/// A file name for the submission: `CSR-self-assessment_<company>_<period>.pdf`, safe on
/// Windows, macOS and Linux, keeping Japanese characters.
pub fn file_name(record: &AssessmentRecord) -> String {
    let clean = |s: &str| -> String {
        let s: String = s
            .trim()
            .chars()
            .map(|c| {
                if c.is_control() || "\\/:*?\"<>|".contains(c) {
                    '_'
                } else if c.is_whitespace() {
                    '-'
                } else {
                    c
                }
            })
            .collect();
        s.trim_matches(['.', '-', '_']).chars().take(60).collect()
    };
    let mut parts = vec!["CSR-self-assessment".to_string()];
    for p in [clean(record.company.display_name()), clean(&record.assessment.period)] {
        if !p.is_empty() {
            parts.push(p);
        }
    }
    format!("{}.pdf", parts.join("_"))
}
