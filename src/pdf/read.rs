//! Reading a submission PDF received from someone else: its attached data (`extract`) and
//! whether that data is what the pages print (`verify`). Everything read is bounded: the
//! file is not ours to trust.

use lopdf::{Dictionary, Document, Object};
use serde::Serialize;

use super::context;
use super::sha256_hex;
use crate::error::{Error, Result};

/// Most bytes a page's content (and the fonts its text is read with) may unpack to when
/// `verify` reads the text of a PDF received from others; a page this app makes is far
/// smaller.
const MAX_PAGE_BYTES: usize = 16 << 20;

/// The attached assessment JSON of a submission PDF.
pub fn extract(pdf: &[u8]) -> Result<String> {
    extract_from(&load(pdf)?)
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
    let doc = load(pdf)?;
    let json = extract_from(&doc)?;
    let attached = sha256_hex(json.as_bytes());
    let texts = page_texts(&doc);
    let printed = texts.iter().find_map(|t| find_sha256(t));
    let short = context::short_fingerprint(&attached);
    let pages_with_fingerprint = texts.iter().filter(|t| t.contains(short)).count();
    let matches =
        printed.as_deref() == Some(attached.as_str()) && pages_with_fingerprint == texts.len() && !texts.is_empty();
    Ok(Verification {
        attached_sha256: attached,
        printed_sha256: printed,
        pages: texts.len(),
        pages_with_fingerprint,
        matches,
    })
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

fn no_data() -> Error {
    Error::Pdf(
        "This PDF has no attached assessment data. It was not made by this app, or the attachment was removed; \
         ask the supplier for the original PDF or the exported .json file."
            .into(),
    )
}

/// Reads a PDF.
fn load(pdf: &[u8]) -> Result<Document> {
    if !pdf.starts_with(b"%PDF-") {
        return Err(Error::Pdf("This file is not a PDF. Choose the PDF submission made by this app.".into()));
    }
    Document::load_mem(pdf)
        .map_err(|e| Error::Pdf(format!("This PDF cannot be read ({e}). It may be damaged; ask for a new copy.")))
}

fn resolve<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Object> {
    doc.dereference(obj).ok().map(|(_, o)| o)
}

/// Collects (name, file-spec id or object) pairs from a name tree, following /Kids.
fn name_tree<'a>(doc: &'a Document, node: &'a Dictionary, out: &mut Vec<(Vec<u8>, &'a Object)>, depth: usize) {
    if depth > 16 {
        return;
    }
    if let Ok(Object::Array(names)) = node.get(b"Names") {
        for pair in names.chunks(2) {
            if let [Object::String(name, _), spec] = pair {
                out.push((name.clone(), spec));
            }
        }
    }
    if let Ok(Object::Array(kids)) = node.get(b"Kids") {
        for kid in kids {
            if let Some(Object::Dictionary(d)) = resolve(doc, kid) {
                name_tree(doc, d, out, depth + 1);
            }
        }
    }
}

/// The attached assessment JSON.
fn extract_from(doc: &Document) -> Result<String> {
    let catalog = doc.catalog().map_err(|_| no_data())?;
    let names =
        catalog.get(b"Names").ok().and_then(|o| resolve(doc, o)).and_then(|o| o.as_dict().ok()).ok_or_else(no_data)?;
    let tree = names
        .get(b"EmbeddedFiles")
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_dict().ok())
        .ok_or_else(no_data)?;
    let mut entries = Vec::new();
    name_tree(doc, tree, &mut entries, 0);
    let spec = entries
        .iter()
        .find(|(name, _)| name.as_slice() == super::attachment::FILE_NAME.as_bytes())
        .map(|(_, spec)| *spec)
        .and_then(|s| resolve(doc, s))
        .and_then(|o| o.as_dict().ok())
        .ok_or_else(no_data)?;
    let ef = spec.get(b"EF").ok().and_then(|o| resolve(doc, o)).and_then(|o| o.as_dict().ok()).ok_or_else(no_data)?;
    let file = ef.get(b"F").ok().and_then(|o| resolve(doc, o)).and_then(|o| o.as_stream().ok()).ok_or_else(no_data)?;
    let bytes = if file.dict.get(b"Filter").is_ok() {
        file.decompressed_content_with_limit(crate::interchange::MAX_BYTES)
            .map_err(|e| Error::Pdf(format!("The attached data cannot be unpacked ({e}); the PDF may be damaged.")))?
    } else {
        file.content.clone()
    };
    String::from_utf8(bytes).map_err(|_| Error::Pdf("The attached data is not text; the PDF may be damaged.".into()))
}

/// The text of each page, as a PDF reader extracts it.
fn page_texts(doc: &Document) -> Vec<String> {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    // Unpacking is bounded: the PDF comes from someone else. A page over the bound reads
    // as no text (so it carries no fingerprint and `verify` reports a mismatch).
    pages.iter().map(|n| doc.extract_text_with_limit(&[*n], MAX_PAGE_BYTES).unwrap_or_default()).collect()
}
