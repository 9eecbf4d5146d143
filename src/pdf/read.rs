//! Reading a submission PDF received from someone else: its attached data (`extract`) and
//! whether the pages and the data agree (`verify`): the data is the data whose fingerprint
//! the pages print, every page prints what the data records it printed when the PDF was
//! made, and the file holds nothing this app never writes (updates appended later, scripts,
//! actions, other files, foreign page content). Everything read is bounded: the file is not
//! ours to trust.

use serde::{Deserialize, Serialize};

use super::structure::{self, Finding, Kind};
use super::tounicode::FontCache;
use super::{attachment, context, pages, sha256_hex};
use crate::error::Result;
use crate::interchange::PageRecord;

/// The attached assessment JSON of a submission PDF.
pub fn extract(pdf: &[u8]) -> Result<String> {
    attachment::extract(&attachment::load(pdf)?)
}

/// What `verify` concludes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The data is the one the pages print the fingerprint of, every page prints what the
    /// data records, and the file holds nothing else.
    Valid,
    /// The data matches the printed fingerprint, but it records nothing of the pages (made
    /// before the app recorded them): what the pages print could not be checked.
    PagesUnchecked,
    /// The attached data is not the data whose fingerprint the pages print.
    DataMismatch,
    /// The pages, or the file around them, were changed after the PDF was made.
    Changed,
}

/// Whether the attached data is the data whose fingerprint the pages print, and the pages
/// what the data records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    pub verdict: Verdict,
    /// SHA-256 of the attached JSON.
    pub attached_sha256: String,
    /// The SHA-256 printed on the pages, if one is found.
    pub printed_sha256: Option<String>,
    pub pages: usize,
    /// Pages whose footer carries the attached data's short fingerprint.
    pub pages_with_fingerprint: usize,
    /// How many times the file was saved: 1 for a PDF as this app made it.
    pub revisions: usize,
    /// Whether the data records what each page prints (PDFs made by this version on).
    pub pages_recorded: bool,
    /// Everything found wrong, each naming its page where it has one.
    pub findings: Vec<Finding>,
    /// The verdict is [`Verdict::Valid`].
    pub matches: bool,
}

pub fn verify(pdf: &[u8]) -> Result<Verification> {
    read(pdf).map(|(_, verification)| verification)
}

/// The part of the attached data that records the pages.
#[derive(Deserialize)]
struct Recorded {
    #[serde(default)]
    format_version: Option<u64>,
    #[serde(default)]
    pages: Option<serde_json::Value>,
}

/// More pages than any submission has: a PDF beyond it is not read page by page.
const MAX_PAGES: usize = 1000;

/// The attached JSON and its verification, reading the PDF once (`collect` reads thousands).
pub fn read(pdf: &[u8]) -> Result<(String, Verification)> {
    let doc = attachment::load(pdf)?;
    let json = attachment::extract(&doc)?;
    let page_ids: Vec<lopdf::ObjectId> = doc.page_iter().take(MAX_PAGES + 1).collect();
    if page_ids.len() > MAX_PAGES {
        return Err(crate::error::Error::Pdf(format!(
            "This PDF has more than {MAX_PAGES} pages; a submission of this app has far fewer. Ask the supplier for \
             the original PDF."
        )));
    }
    let attached = sha256_hex(json.as_bytes());
    let short = context::short_fingerprint(&attached).to_string();
    let mut findings = structure::check(pdf, &doc);
    let mut fonts = FontCache::default();
    let mut read_pages = Vec::with_capacity(page_ids.len());
    for (n, id) in page_ids.iter().enumerate() {
        match pages::read(&doc, *id, &mut fonts) {
            Ok(page) => read_pages.push(Some(page)),
            Err(refusal) => {
                findings.push(Finding {
                    kind: Kind::PageContent,
                    page: Some(n + 1),
                    detail: format!("Page {}: {}.", n + 1, refusal.0),
                });
                read_pages.push(None);
            }
        }
    }
    // The fingerprint: printed whole on the cover, its start in every footer.
    fn texts(page: &Option<pages::Page>) -> Vec<&str> {
        page.as_ref().map(|p| p.content.runs.iter().map(|r| r.glyphs.as_str()).collect()).unwrap_or_default()
    }
    let printed = read_pages.iter().flat_map(texts).find_map(find_sha256);
    let pages_with_fingerprint = read_pages.iter().filter(|p| texts(p).iter().any(|t| t.contains(&short))).count();
    // What the data records of the pages (the data's own validity is `import`'s to judge).
    let head = serde_json::from_str::<Recorded>(json.trim_start_matches('\u{feff}')).ok();
    let recorded = match head.as_ref().and_then(|h| h.pages.clone()) {
        Some(value) => match serde_json::from_value::<PageRecord>(value) {
            Ok(record) => Some(record),
            Err(e) => {
                findings.push(Finding {
                    kind: Kind::PageText,
                    page: None,
                    detail: format!("The attached data's record of the pages cannot be read ({e})."),
                });
                None
            }
        },
        // Every PDF made since the data's format version 3 records its pages: one without
        // them was not made by the app.
        None if head.and_then(|h| h.format_version).is_some_and(|v| v >= 3) => {
            findings.push(Finding {
                kind: Kind::PageText,
                page: None,
                detail: "The attached data does not record what the pages print, which every PDF of its format \
                         version does."
                    .into(),
            });
            None
        }
        None => None,
    };
    if let Some(record) = &recorded {
        compare(record, &read_pages, &attached, &short, &mut findings);
    }
    // The data is the one printed when the cover prints its fingerprint and, where the data
    // records no pages, every page that can be read does too. Where it records them, a page
    // without the fingerprint differs from its record and is named (a changed or swapped
    // page, not other data).
    let readable = read_pages.iter().filter(|p| p.is_some()).count();
    let fingerprint_matches = printed.as_deref() == Some(attached.as_str())
        && !page_ids.is_empty()
        && (recorded.is_some() || pages_with_fingerprint == readable);
    let verdict = if !fingerprint_matches {
        Verdict::DataMismatch
    } else if !findings.is_empty() {
        Verdict::Changed
    } else if recorded.is_none() {
        Verdict::PagesUnchecked
    } else {
        Verdict::Valid
    };
    let verification = Verification {
        verdict,
        attached_sha256: attached,
        printed_sha256: printed,
        pages: page_ids.len(),
        pages_with_fingerprint,
        revisions: structure::revisions(pdf),
        pages_recorded: recorded.is_some(),
        findings,
        matches: verdict == Verdict::Valid,
    };
    Ok((json, verification))
}

/// Compares each page with its record, adding a finding for each that differs.
fn compare(
    record: &PageRecord,
    read_pages: &[Option<pages::Page>],
    full: &str,
    short: &str,
    findings: &mut Vec<Finding>,
) {
    if record.method != pages::METHOD {
        findings.push(Finding {
            kind: Kind::PageText,
            page: None,
            detail: format!(
                "The attached data records its pages in a way this version of the app does not know (\"{}\"); \
                 install the newest version to check them.",
                record.method
            ),
        });
        return;
    }
    if record.digests.len() != read_pages.len() {
        findings.push(Finding {
            kind: Kind::PageCount,
            page: None,
            detail: format!(
                "The PDF has {} pages; the attached data records {}: pages were added or removed after the PDF was made.",
                read_pages.len(),
                record.digests.len()
            ),
        });
    }
    for (n, (recorded, page)) in record.digests.iter().zip(read_pages).enumerate() {
        let Some(page) = page else { continue };
        if let Some(near) = pages::difference(recorded, page, full, short) {
            let detail = match near {
                Some(line) if !line.is_empty() => format!("Page {}: the text differs from the attached data near '{line}'.", n + 1),
                _ => format!(
                    "Page {}: what the page draws (lines, boxes, fonts or the place of its text) differs from the attached data.",
                    n + 1
                ),
            };
            findings.push(Finding { kind: Kind::PageText, page: Some(n + 1), detail });
        }
    }
}

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

impl Verification {
    /// The verdict in a sentence, in English, with what was found (`collect` puts it in the
    /// failures sheet).
    pub fn explain(&self) -> String {
        let mut out = self.summary();
        for f in &self.findings {
            out.push(' ');
            out.push_str(&f.detail);
        }
        out
    }

    /// The verdict in a sentence, in English (the command line prints it, then each finding).
    pub fn summary(&self) -> String {
        match self.verdict {
            Verdict::Valid => format!(
                "The attached data matches the fingerprint printed in the PDF ({}), and all {} pages print what the data \
                 records.",
                self.attached_sha256, self.pages
            ),
            Verdict::PagesUnchecked => format!(
                "The attached data matches the fingerprint printed in the PDF ({}) on all {} pages, but the PDF was made \
                 by a version of the app that did not record what its pages print, so the printed pages could not be \
                 checked against the data. Compare the pages with the data by eye, or ask the supplier for a PDF made \
                 with the current version.",
                self.attached_sha256, self.pages
            ),
            Verdict::DataMismatch => format!(
                "The attached data (SHA-256 {}) is not the data this PDF prints: the PDF prints {} and {} of its {} \
                 pages carry the attached data's short fingerprint. The data was changed after the PDF was made, or \
                 attached to another PDF's pages. Ask the supplier for the original PDF.",
                self.attached_sha256,
                self.printed_sha256.as_deref().unwrap_or("no fingerprint"),
                self.pages_with_fingerprint,
                self.pages
            ),
            Verdict::Changed => "The PDF was changed after it was made: it does not print what its attached data records, \
                                 or holds what this app never writes. Ask the supplier for the original PDF."
                .to_string(),
        }
    }

    /// Whether a finding is an active part (script, action, form, other file), which NEC's
    /// staff must not open, rather than a change to what is printed.
    pub fn has_active_content(&self) -> bool {
        self.findings.iter().any(|f| matches!(f.kind, Kind::ActiveContent | Kind::OtherFile))
    }
}
