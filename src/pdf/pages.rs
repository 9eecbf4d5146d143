//! What each page prints, as the attached data records it: a SHA-256 of everything the
//! page shows (its text runs with their places and styles, its lines and boxes, its fonts,
//! its size), and a short digest of each printed line, so that `verify` can name the line
//! where a changed page first differs. Both are taken from the page as [`super::content`]
//! reads it, with the data's fingerprint (which the pages print, and which cannot be known
//! before the data is complete) replaced by a fixed mark.

use std::collections::BTreeMap;

use lopdf::{Document, Object, ObjectId};

use super::content::{self, PageContent, Refusal};
use super::sha256_hex;
use super::tounicode::FontCache;
use crate::interchange::{PageDigest, PageRecord};

/// The way the record is made; a later way gets another name, and this one stays readable.
pub const METHOD: &str = "page-text-1";

/// Most bytes a page's content may unpack to (a page this app makes is far smaller).
const MAX_PAGE_BYTES: usize = 16 << 20;

/// One page as read.
pub struct Page {
    pub content: PageContent,
    /// The page's size and boxes, coarse.
    boxes: String,
    /// The one content stream the page has, when it has one (where the fingerprint is
    /// written when the PDF is made).
    pub stream: Option<ObjectId>,
}

fn no(why: impl Into<String>) -> Refusal {
    Refusal(why.into())
}

/// Keys a page of this app has; any other (an action, a rotation, a thumbnail…) is refused.
const PAGE_KEYS: [&[u8]; 8] =
    [b"Type", b"Parent", b"MediaBox", b"CropBox", b"TrimBox", b"Contents", b"Resources", b"Annots"];
/// Kinds of resources a page of this app lists; all but fonts are empty.
const RESOURCE_KEYS: [&[u8]; 8] =
    [b"Font", b"ExtGState", b"Shading", b"XObject", b"Pattern", b"ColorSpace", b"Properties", b"ProcSet"];

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

/// Reads one page: its dictionary, resources, fonts and content.
pub fn read(doc: &Document, page_id: ObjectId, fonts: &mut FontCache) -> Result<Page, Refusal> {
    let page = doc.get_dictionary(page_id).map_err(|_| no("it is not a page dictionary"))?;
    for (key, value) in page.iter() {
        if !PAGE_KEYS.contains(&key.as_slice()) {
            return Err(no(format!("its page has an entry this app never writes (/{})", String::from_utf8_lossy(key))));
        }
        if key == b"Annots" && !matches!(resolve(doc, value), Some(Object::Array(a)) if a.is_empty()) {
            return Err(no(
                "it carries annotations (links, notes, form fields or actions), which this app never writes",
            ));
        }
    }
    let resources = page
        .get(b"Resources")
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_dict().ok())
        .ok_or_else(|| no("it has no resources of its own"))?;
    for (key, value) in resources.iter() {
        if !RESOURCE_KEYS.contains(&key.as_slice()) {
            return Err(no(format!(
                "its resources hold /{}, which this app never writes",
                String::from_utf8_lossy(key)
            )));
        }
        let empty = match resolve(doc, value) {
            Some(Object::Dictionary(d)) => d.is_empty(),
            Some(Object::Array(_)) => key == b"ProcSet",
            _ => false,
        };
        if key != b"Font" && !empty {
            return Err(no(format!(
                "its resources hold /{} (images, forms, patterns or marked content), which this app never writes",
                String::from_utf8_lossy(key)
            )));
        }
    }
    let fonts = fonts.page_fonts(doc, resources)?;
    let mut boxes = String::new();
    for key in [b"MediaBox".as_slice(), b"CropBox", b"TrimBox"] {
        boxes.push_str(&String::from_utf8_lossy(key));
        if let Some(Object::Array(values)) = page.get(key).ok().and_then(|o| resolve(doc, o)) {
            for v in values {
                let n = resolve(doc, v).and_then(|v| v.as_float().ok()).unwrap_or(f32::NAN);
                boxes.push_str(&format!(" {}", n.round()));
            }
        }
        boxes.push(';');
    }
    let streams = doc.get_page_contents(page_id);
    let mut bytes = Vec::new();
    for id in &streams {
        let stream =
            doc.get_object(*id).ok().and_then(|o| o.as_stream().ok()).ok_or_else(|| no("its content is missing"))?;
        let part = stream
            .decompressed_content_with_limit(MAX_PAGE_BYTES)
            .map_err(|e| no(format!("its content cannot be unpacked ({e}); the file is damaged")))?;
        if bytes.len() + part.len() > MAX_PAGE_BYTES {
            return Err(no("its content is far larger than any page this app makes"));
        }
        bytes.extend(part);
        bytes.push(b'\n');
    }
    let content = content::read(&bytes, &fonts)?;
    Ok(Page { content, boxes, stream: (streams.len() == 1).then(|| streams[0]) })
}

/// The mark the fingerprint is replaced with in the record.
const FULL_MARK: &str = "\u{2}fingerprint\u{2}";
const SHORT_MARK: &str = "\u{2}short fingerprint\u{2}";

/// `s` with the data's fingerprint (whole, then its printed start) replaced by marks.
fn mask(s: &str, full: &str, short: &str) -> String {
    if !s.contains(short) {
        return s.to_string();
    }
    s.replace(full, FULL_MARK).replace(short, SHORT_MARK)
}

/// A printed line: the runs on one baseline, left to right.
struct Line {
    digest: String,
    shown: String,
}

fn lines(page: &Page, full: &str, short: &str) -> Vec<Line> {
    // Top to bottom (baselines to whole points), then in the order drawn (left to right,
    // but for the words of right-to-left text, which are drawn in the order typed).
    let mut by_line: BTreeMap<(i64, usize), &content::Run> = BTreeMap::new();
    for (i, r) in page.content.runs.iter().enumerate() {
        by_line.insert((-(r.y.round() as i64), i), r);
    }
    let mut out: Vec<(i64, String, Vec<&str>)> = Vec::new();
    for ((y, _), run) in by_line {
        match out.last_mut() {
            Some((line_y, record, shown)) if *line_y == y => {
                record.push('\n');
                record.push_str(&run.record);
                shown.push(&run.glyphs);
            }
            _ => out.push((y, run.record.clone(), vec![&run.glyphs])),
        }
    }
    out.into_iter()
        .map(|(_, record, shown)| Line {
            digest: sha256_hex(mask(&record, full, short).as_bytes())[..8].to_string(),
            shown: shown.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" "),
        })
        .collect()
}

/// The record of one page, with the fingerprint `full` (and its printed start `short`) masked.
pub fn digest(page: &Page, full: &str, short: &str) -> PageDigest {
    let mut all = String::with_capacity(page.content.records().map(str::len).sum::<usize>() + 64);
    all.push_str(METHOD);
    all.push('\n');
    all.push_str(&page.boxes);
    for r in page.content.records() {
        all.push('\n');
        all.push_str(r);
    }
    let lines: Vec<String> = lines(page, full, short).into_iter().map(|l| l.digest).collect();
    PageDigest { sha256: sha256_hex(mask(&all, full, short).as_bytes()), lines: lines.join(" ") }
}

/// The record of every page.
pub fn record(pages: &[Page], full: &str, short: &str) -> PageRecord {
    PageRecord { method: METHOD.into(), digests: pages.iter().map(|p| digest(p, full, short)).collect() }
}

/// What differs between a page and its record: `None` when nothing does, else the printed
/// text of the first line that differs (or nothing to quote, when the text is the same and
/// the drawing or fonts differ).
pub fn difference(recorded: &PageDigest, page: &Page, full: &str, short: &str) -> Option<Option<String>> {
    let now = digest(page, full, short);
    if now.sha256 == recorded.sha256 {
        return None;
    }
    let then: Vec<&str> = recorded.lines.split(' ').filter(|s| !s.is_empty()).collect();
    let printed = lines(page, full, short);
    let first = printed.iter().enumerate().find(|(i, l)| then.get(*i) != Some(&l.digest.as_str()));
    Some(match first {
        Some((_, line)) => Some(shorten(&line.shown)),
        // Every line recorded is there: a line was removed at the end, or only the drawing differs.
        None if then.len() > printed.len() => printed.last().map(|l| shorten(&l.shown)),
        None => None,
    })
}

/// A line as quoted in a message: its first 60 characters.
fn shorten(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= 60 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(59).collect::<String>())
    }
}

/// Writes `fingerprint` over every printed `placeholder` (whole or its start) in the pages'
/// content streams: each hexadecimal digit glyph's code is replaced by the code of the
/// fingerprint's digit in the same place, in the same font. The placeholder holds every
/// hexadecimal digit, so each has a glyph and code in the embedded font. Returns how many
/// glyphs were written, or `None` when a placeholder could not be written over (the caller
/// then draws the pages again).
pub fn write_fingerprint(doc: &mut Document, pages: &[Page], placeholder: &str, fingerprint: &str) -> Option<usize> {
    let short = &placeholder[..16];
    let mut written = 0;
    for page in pages {
        let mut edits: Vec<(usize, u16)> = Vec::new();
        for run in &page.content.runs {
            // Each digit's code in this run's font, from the placeholder itself.
            let mut code_of: BTreeMap<char, u16> = BTreeMap::new();
            for glyph in &run.glyph_list {
                let text = &run.glyphs[glyph.text.clone()];
                if text.len() == 1 {
                    code_of.entry(text.chars().next()?).or_insert(glyph.code);
                }
            }
            let mut from = 0;
            while let Some(at) = run.glyphs[from..].find(short).map(|i| i + from) {
                let len = if run.glyphs[at..].starts_with(placeholder) { placeholder.len() } else { short.len() };
                for (offset, digit) in fingerprint[..len].chars().enumerate() {
                    let glyph = run.glyph_list.iter().find(|g| g.text.start == at + offset)?;
                    edits.push((glyph.hex_at?, *code_of.get(&digit)?));
                }
                from = at + len;
            }
        }
        if edits.is_empty() {
            continue;
        }
        let stream = doc.get_object_mut(page.stream?).ok()?.as_stream_mut().ok()?;
        if stream.dict.get(b"Filter").is_ok() {
            return None;
        }
        for (at, code) in edits {
            // In capitals, as lopdf writes hexadecimal strings.
            let slot = stream.content.get_mut(at..at + 4)?;
            slot.copy_from_slice(format!("{code:04X}").as_bytes());
            written += 1;
        }
    }
    Some(written)
}
