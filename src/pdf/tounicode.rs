//! The fonts a page's text is read with: each a composite font with two-byte glyph codes
//! (Identity-H) and a ToUnicode map, as this app embeds them, named by a fingerprint of
//! everything that decides how its glyphs look (the embedded font program, the widths, the
//! glyph map, the text map). A font of any other kind is refused.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::content::Refusal;
use super::sha256_hex;

/// A font as the page reader uses it.
#[derive(Debug, Clone)]
pub struct PageFont {
    /// The start of the SHA-256 of the font's program, widths and maps.
    pub identity: String,
    /// What each glyph code stands for, by code (a subset's codes run from 1 up).
    by_code: Vec<Option<String>>,
}

impl PageFont {
    pub fn new(identity: String, to_unicode: HashMap<u16, String>) -> PageFont {
        let size = to_unicode.keys().max().map_or(0, |m| usize::from(*m) + 1);
        let mut by_code = vec![None; size];
        for (code, text) in to_unicode {
            by_code[usize::from(code)] = Some(text);
        }
        PageFont { identity, by_code }
    }

    /// What a glyph code stands for.
    pub fn text_of(&self, code: u16) -> Option<&str> {
        self.by_code.get(usize::from(code))?.as_deref()
    }
}

/// Most bytes a font program or map may unpack to (a subset this app embeds is far smaller).
const MAX_FONT_BYTES: usize = 16 << 20;

fn no(why: impl Into<String>) -> Refusal {
    Refusal(why.into())
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

fn dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    d.get(key).ok().and_then(|o| resolve(doc, o)).and_then(|o| o.as_dict().ok())
}

fn name<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    d.get(key).ok().and_then(|o| resolve(doc, o)).and_then(|o| o.as_name().ok())
}

fn stream_bytes(doc: &Document, o: &Object) -> Result<Vec<u8>, Refusal> {
    let s = resolve(doc, o).and_then(|o| o.as_stream().ok()).ok_or_else(|| no("a font's data is not a stream"))?;
    s.decompressed_content_with_limit(MAX_FONT_BYTES).map_err(|e| no(format!("a font's data cannot be unpacked ({e})")))
}

/// An object written out with references resolved, for the fingerprint of a font's widths.
fn canonical(doc: &Document, o: &Object, out: &mut String, depth: usize) {
    if depth > 8 {
        return;
    }
    match resolve(doc, o) {
        Some(Object::Integer(i)) => out.push_str(&format!("{i} ")),
        Some(Object::Real(r)) => out.push_str(&format!("{r} ")),
        Some(Object::Name(n)) => out.push_str(&format!("/{} ", String::from_utf8_lossy(n))),
        Some(Object::Array(items)) => {
            out.push('[');
            for i in items {
                canonical(doc, i, out, depth + 1);
            }
            out.push(']');
        }
        Some(Object::Stream(s)) => {
            out.push_str(&sha256_hex(&s.decompressed_content_with_limit(MAX_FONT_BYTES).unwrap_or_default()))
        }
        Some(other) => out.push_str(&format!("{other:?} ")),
        None => out.push_str("? "),
    }
}

/// The fonts of pages, each font read once however many pages use it.
#[derive(Default)]
pub struct FontCache {
    read: HashMap<ObjectId, Result<PageFont, Refusal>>,
}

impl FontCache {
    /// The fonts of a page's resources, by resource name.
    pub fn page_fonts(
        &mut self,
        doc: &Document,
        resources: &Dictionary,
    ) -> Result<HashMap<Vec<u8>, PageFont>, Refusal> {
        let mut out = HashMap::new();
        let Some(fonts) = dict(doc, resources, b"Font") else { return Ok(out) };
        for (key, value) in fonts.iter() {
            let Ok(id) = value.as_reference() else {
                return Err(no(format!("its font /{} is not an object of its own", String::from_utf8_lossy(key))));
            };
            let font = self.read.entry(id).or_insert_with(|| read_font(doc, id)).clone();
            let font = font.map_err(|e| no(format!("its font /{}: {}", String::from_utf8_lossy(key), e.0)))?;
            out.insert(key.clone(), font);
        }
        Ok(out)
    }
}

/// Reads a composite font as this app embeds it.
fn read_font(doc: &Document, id: ObjectId) -> Result<PageFont, Refusal> {
    let font = doc.get_dictionary(id).map_err(|_| no("it is not a font dictionary"))?;
    if name(doc, font, b"Subtype") != Some(b"Type0") || name(doc, font, b"Encoding") != Some(b"Identity-H") {
        return Err(no("it is not a composite font with two-byte codes, the only kind this app embeds"));
    }
    let descendant = match font.get(b"DescendantFonts").ok().and_then(|o| resolve(doc, o)) {
        Some(Object::Array(a)) if a.len() == 1 => resolve(doc, &a[0]).and_then(|o| o.as_dict().ok()),
        _ => None,
    }
    .ok_or_else(|| no("it has no single descendant font"))?;
    let kind = name(doc, descendant, b"Subtype").unwrap_or_default();
    if kind != b"CIDFontType2" && kind != b"CIDFontType0" {
        return Err(no("its descendant font is of a kind this app never embeds"));
    }
    let descriptor = dict(doc, descendant, b"FontDescriptor").ok_or_else(|| no("it has no font descriptor"))?;
    let program = [b"FontFile2".as_slice(), b"FontFile3", b"FontFile"]
        .iter()
        .find_map(|k| descriptor.get(k).ok())
        .ok_or_else(|| no("its glyphs are not embedded"))?;
    let to_unicode_object =
        font.get(b"ToUnicode").map_err(|_| no("it does not say what its glyphs stand for (no ToUnicode)"))?;
    let map = stream_bytes(doc, to_unicode_object)?;
    let to_unicode = parse_cmap(&map).ok_or_else(|| no("its map of what the glyphs stand for cannot be read"))?;
    // Everything that decides how a glyph code looks on the page and what it reads as.
    let mut described = String::new();
    described.push_str(&sha256_hex(&stream_bytes(doc, program)?));
    for key in [b"W".as_slice(), b"DW", b"CIDToGIDMap", b"Subtype"] {
        described.push('|');
        if let Ok(o) = descendant.get(key) {
            canonical(doc, o, &mut described, 0);
        }
    }
    // The map as read, not its bytes: they carry a name made up for each PDF.
    described.push('|');
    let mut entries: Vec<(&u16, &String)> = to_unicode.iter().collect();
    entries.sort();
    for (code, text) in entries {
        described.push_str(&format!("{code:04x}={text};"));
    }
    Ok(PageFont::new(sha256_hex(described.as_bytes())[..16].to_string(), to_unicode))
}

/// Reads the `bfchar` and `bfrange` sections of a ToUnicode CMap with two-byte codes.
pub fn parse_cmap(cmap: &[u8]) -> Option<HashMap<u16, String>> {
    let text = std::str::from_utf8(cmap).ok()?;
    let mut out = HashMap::new();
    let mut rest = text;
    while let Some(start) = rest.find("begin") {
        rest = &rest[start + 5..];
        let section = if rest.starts_with("bfchar") {
            "bfchar"
        } else if rest.starts_with("bfrange") {
            "bfrange"
        } else {
            continue;
        };
        let end = rest.find(&format!("end{section}"))?;
        let tokens = tokens(&rest[section.len()..end])?;
        if section == "bfchar" {
            for pair in tokens.chunks(2) {
                let [Token::Hex(code), Token::Hex(target)] = pair else { return None };
                out.insert(code16(code)?, utf16(target)?);
            }
        } else {
            let mut i = 0;
            while i < tokens.len() {
                let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) = (tokens.get(i), tokens.get(i + 1)) else {
                    return None;
                };
                let (lo, hi) = (code16(lo)?, code16(hi)?);
                if hi < lo || hi - lo > 0x1000 {
                    return None;
                }
                match tokens.get(i + 2)? {
                    Token::Hex(first) => {
                        let mut units: Vec<u16> = first
                            .chunks(2)
                            .map(|c| Some(u16::from_be_bytes([c[0], *c.get(1)?])))
                            .collect::<Option<_>>()?;
                        for code in lo..=hi {
                            out.insert(code, String::from_utf16(&units).ok()?);
                            *units.last_mut()? = units.last()?.wrapping_add(1);
                        }
                    }
                    Token::Array(targets) => {
                        if targets.len() != usize::from(hi - lo) + 1 {
                            return None;
                        }
                        for (code, t) in (lo..=hi).zip(targets) {
                            out.insert(code, utf16(t)?);
                        }
                    }
                }
                i += 3;
            }
        }
        rest = &rest[end..];
    }
    Some(out)
}

enum Token {
    Hex(Vec<u8>),
    Array(Vec<Vec<u8>>),
}

fn hex_bytes(s: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = s.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if digits.len() % 2 != 0 {
        return None;
    }
    digits.chunks(2).map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok()).collect()
}

fn tokens(s: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('<') {
            let end = r.find('>')?;
            out.push(Token::Hex(hex_bytes(&r[..end])?));
            rest = r[end + 1..].trim_start();
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            let items =
                r[..end].split('<').skip(1).map(|h| hex_bytes(h.split('>').next()?)).collect::<Option<Vec<_>>>()?;
            out.push(Token::Array(items));
            rest = r[end + 1..].trim_start();
        } else {
            return None;
        }
    }
    Some(out)
}

fn code16(b: &[u8]) -> Option<u16> {
    match b {
        [hi, lo] => Some(u16::from_be_bytes([*hi, *lo])),
        _ => None,
    }
}

fn utf16(b: &[u8]) -> Option<String> {
    if b.len() % 2 != 0 {
        return None;
    }
    String::from_utf16(&b.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_and_ranges_are_read() {
        let cmap = b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n2 beginbfchar\n<0003> <0020>\n<0010> <D842DFB7>\nendbfchar\n1 beginbfrange\n<0020> <0022> <0041>\n<0030> <0031> [<0066 0069> <05D0>]\nendbfrange\n";
        let m = parse_cmap(cmap).unwrap();
        assert_eq!(m[&3], " ");
        assert_eq!(m[&0x10], "𠮷");
        assert_eq!(m[&0x22], "C");
        assert_eq!(m[&0x30], "fi");
        assert_eq!(m[&0x31], "\u{5D0}");
        assert!(parse_cmap(b"1 beginbfchar\n<0003>\nendbfchar").is_none());
    }
}
