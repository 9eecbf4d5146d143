//! Reading a submission PDF received from someone else: its attached data (`extract`) and
//! whether that data is what the pages print (`verify`), apart from rendering. Everything
//! read is bounded: the file is not ours to trust.

use serde::Serialize;

use super::{attachment, context, sha256_hex};
use crate::error::Result;

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
        return Err(crate::error::Error::Pdf(format!(
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

