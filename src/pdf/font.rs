//! The fonts of the PDF: IPAexGothic (IPA Font License), which covers Latin and Japanese
//! and is subset into each PDF, and for characters it lacks, fonts of the system (see
//! [`super::fallback`]); a character no font has is printed as its code, "[U+1F600]". It ships beside the app as a resource file rather than inside
//! the binary (6 MB). Where it is: the path the desktop shell gives ([`use_font_file`], from
//! the installer's resource folder), else `$CSR_ASSESS_FONT`, else `fonts/ipaexg.ttf` beside
//! the executable, else the source tree's `fonts/` (builds run from the repository).

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use printpdf::{Codepoint, FontId, ParsedFont};

use super::fallback;

use crate::error::{Error, Result};

/// The shipped `fonts/ipaexg.ttf` (see fonts/README.md, which gives its SHA-256): its
/// length and the whole-file checksum adjustment in its `head` table identify it, and the
/// OpenType whole-file checksum (every 32-bit word summed) finds damage anywhere in it. A
/// damaged or different file is refused with a clear message instead of producing a broken
/// PDF. Checksums, not a SHA-256 at every start: hashing the 6 MB font cost 30 ms, 70 % of a
/// fresh `csr-assess pdf` (measured with callgrind); the sum costs well under 1 ms.
const FONT_LEN: usize = 6_099_900;
const FONT_CHECKSUM_ADJUSTMENT: u32 = 0x3979_4553;
/// What every OpenType file's 32-bit words sum to when its checksum adjustment is right.
const OPENTYPE_FILE_SUM: u32 = 0xB1B0_AFBA;
const FONT_FILE: &str = "ipaexg.ttf";

static CONFIGURED: OnceLock<PathBuf> = OnceLock::new();

/// Tells the core where the installed font is (the shell calls this once at start-up).
pub fn use_font_file(path: PathBuf) {
    let _ = CONFIGURED.set(path);
}

fn candidates() -> Vec<PathBuf> {
    let mut list = Vec::new();
    list.extend(CONFIGURED.get().cloned());
    list.extend(std::env::var_os("CSR_ASSESS_FONT").map(PathBuf::from));
    if let Some(dir) = std::env::current_exe().ok().and_then(|e| e.parent().map(|d| d.to_path_buf())) {
        list.push(dir.join("fonts").join(FONT_FILE));
    }
    list.push(PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/ipaexg.ttf")));
    list
}

/// The font, or what is wrong with it ([`Error::Font`] adds "reinstall the app").
fn load() -> std::result::Result<ParsedFont, String> {
    let tried = candidates();
    let path = tried.iter().find(|p| p.is_file()).ok_or_else(|| {
        let list: Vec<String> = tried.iter().map(|p| p.display().to_string()).collect();
        format!("{FONT_FILE} is not in {}", list.join(", "))
    })?;
    let bytes = std::fs::read(path).map_err(|e| format!("{} cannot be read: {e}", path.display()))?;
    if !is_the_shipped_font(&bytes) {
        return Err(format!("{} is damaged or not the one shipped with the app", path.display()));
    }
    ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| format!("{} cannot be parsed", path.display()))
}

/// Whether `bytes` is the shipped font, whole: its length, its `head` table's checksum
/// adjustment, and the OpenType whole-file checksum.
fn is_the_shipped_font(bytes: &[u8]) -> bool {
    if bytes.len() != FONT_LEN {
        return false;
    }
    let word = |at: usize| bytes.get(at..at + 4).map(|w| u32::from_be_bytes([w[0], w[1], w[2], w[3]]));
    // The table directory: numTables at 4, then 16-byte records (tag, checksum, offset, length).
    let tables = bytes.get(4..6).map_or(0, |n| u16::from_be_bytes([n[0], n[1]]) as usize);
    let head = (0..tables).find_map(|i| {
        let record = 12 + 16 * i;
        (bytes.get(record..record + 4)? == b"head").then(|| word(record + 8)).flatten()
    });
    let adjustment = head.and_then(|offset| word(offset as usize + 8));
    let sum = bytes.chunks(4).fold(0u32, |sum, w| {
        let mut padded = [0u8; 4];
        padded[..w.len()].copy_from_slice(w);
        sum.wrapping_add(u32::from_be_bytes(padded))
    });
    adjustment == Some(FONT_CHECKSUM_ADJUSTMENT) && sum == OPENTYPE_FILE_SUM
}

/// The parsed font, loaded once per process.
pub fn font() -> Result<&'static ParsedFont> {
    static FONT: OnceLock<std::result::Result<ParsedFont, String>> = OnceLock::new();
    FONT.get_or_init(load).as_ref().map_err(|detail| Error::Font { detail: detail.clone() })
}

/// Characters printed as nothing, and not reported either: controls, and the invisible
/// format characters (zero-width space and joiners, variation selectors, byte order mark)
/// whose job is done by the text shaping a PDF of single glyphs does not do.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c as u32, 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF | 0xE0000..=0xE01EF)
}

/// Which font prints a character, process-wide (each distinct character is looked up once
/// in the main font's `cmap`, then in the system's fonts only if the main font lacks it).
#[derive(Clone, Copy)]
enum Source {
    Main(u16),
    Fallback(&'static ParsedFont, u16),
    Nowhere,
}

fn source(main: &ParsedFont, c: char) -> Source {
    match main.lookup_glyph_index(c as u32) {
        Some(gid) if gid != 0 => Source::Main(gid),
        _ => match fallback::font_for(c) {
            Some(f) => Source::Fallback(&f.font, f.font.lookup_glyph_index(c as u32).unwrap_or(0)),
            None => Source::Nowhere,
        },
    }
}

/// The characters of `text` that no font can print, each once, in order of appearance.
/// Empty when the main font cannot be loaded (then no PDF can be made at all, and making
/// one says why).
pub fn unprintable(text: &str) -> String {
    let mut out = String::new();
    // Latin text, the usual case, needs no look-up at all.
    if text.bytes().all(|b| (0x20..0x7F).contains(&b) || b == b'\n' || b == b'\r' || b == b'\t') {
        return out;
    }
    let Ok(main) = font() else { return out };
    static KNOWN: OnceLock<std::sync::Mutex<HashMap<char, bool>>> = OnceLock::new();
    let mut known = KNOWN.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    for c in text.chars() {
        if c.is_ascii() || is_invisible(c) {
            continue;
        }
        let printable = *known.entry(c).or_insert_with(|| !matches!(source(main, c), Source::Nowhere));
        if !printable && !out.contains(c) {
            out.push(c);
        }
    }
    out
}

/// How a character of this document is printed: a glyph of one of the document's fonts
/// (`slot` 0 is the main font), or, if no font has it, its code in the main font.
#[derive(Clone, Copy)]
enum Mapped {
    Glyph { slot: usize, gid: u16, em: f32 },
    Missing { em: f32 },
    Invisible,
}

/// The mark printed where a character no font has would be: its Unicode code point.
fn missing_mark(c: char) -> String {
    format!("[U+{:04X}]", c as u32)
}

/// A piece of a line to draw: runs of glyphs, each in one font, and where it starts (in ems
/// from the line's start) when it does not follow on from the piece before.
pub struct Piece {
    pub at: Option<f32>,
    pub runs: Vec<(FontId, Vec<Codepoint>)>,
}

/// Text as printed: composed (NFC), so that a letter typed with a separate combining mark
/// (e + U+0301, か + U+3099) prints as the one letter it is (é, が) rather than the letter
/// followed by a spacing mark.
pub fn composed(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

/// One font of a document and the id its text operations refer to it by.
pub struct DocumentFont {
    pub id: FontId,
    pub font: &'static ParsedFont,
    units_per_em: f32,
}

/// The document's character-to-glyph table and text measurement in points. Each distinct
/// character is looked up once per document (fonts' own `cmap` look-ups cost tens of
/// microseconds, and a PDF prints the same few hundred characters thousands of times);
/// text is then handed to printpdf as glyph ids, so that writing the file looks nothing up.
pub struct Metrics {
    fonts: RefCell<Vec<DocumentFont>>,
    map: RefCell<HashMap<char, Mapped>>,
    /// Glyphs looked up in a given font (for the spaces of a right-to-left run).
    in_font: RefCell<HashMap<(usize, char), Option<u16>>>,
}

impl Metrics {
    pub fn new() -> Result<Metrics> {
        let main = font()?;
        let metrics = Metrics { fonts: RefCell::default(), map: RefCell::default(), in_font: RefCell::default() };
        metrics.slot_of(main);
        Ok(metrics)
    }

    /// The slot of `font` in this document, added on first use.
    fn slot_of(&self, font: &'static ParsedFont) -> usize {
        let mut fonts = self.fonts.borrow_mut();
        if let Some(i) = fonts.iter().position(|f| std::ptr::eq(f.font, font)) {
            return i;
        }
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        fonts.push(DocumentFont { id: FontId::new(), font, units_per_em });
        fonts.len() - 1
    }

    fn mapped(&self, c: char) -> Mapped {
        if let Some(m) = self.map.borrow().get(&c) {
            return *m;
        }
        let m = if is_invisible(c) {
            Mapped::Invisible
        } else {
            let main = self.fonts.borrow()[0].font;
            let (font, gid) = match source(main, c) {
                Source::Main(gid) => (main, gid),
                Source::Fallback(font, gid) => (font, gid),
                Source::Nowhere => {
                    let em = missing_mark(c).chars().map(|m| self.em(m)).sum();
                    self.map.borrow_mut().insert(c, Mapped::Missing { em });
                    return Mapped::Missing { em };
                }
            };
            let slot = self.slot_of(font);
            let em = f32::from(font.get_horizontal_advance(gid)) / self.fonts.borrow()[slot].units_per_em;
            Mapped::Glyph { slot, gid, em }
        };
        self.map.borrow_mut().insert(c, m);
        m
    }

    /// Advance width of one character in ems.
    fn em(&self, c: char) -> f32 {
        match self.mapped(c) {
            Mapped::Glyph { em, .. } | Mapped::Missing { em } => em,
            Mapped::Invisible => 0.0,
        }
    }

    pub fn char_width(&self, c: char, size: f32) -> f32 {
        self.em(c) * size
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        composed(text).chars().map(|c| self.char_width(c, size)).sum()
    }

    /// The glyph of `c` in the font of `slot`, if that font has one.
    fn glyph_in(&self, slot: usize, c: char) -> Option<u16> {
        if let Some(g) = self.in_font.borrow().get(&(slot, c)) {
            return *g;
        }
        let font = self.fonts.borrow()[slot].font;
        let gid = font.lookup_glyph_index(c as u32).filter(|g| *g != 0);
        self.in_font.borrow_mut().insert((slot, c), gid);
        gid
    }

    /// A blank glyph of the font of `slot` (a thin or hair space) 0.1 to 0.2 em wide, that
    /// no space typed shares, to stand for the lam of a lam-alef ligature: (slot, glyph, width
    /// in ems).
    fn blank_for_lam(&self, slot: usize) -> Option<(usize, u16, f32)> {
        let space = self.glyph_in(slot, ' ');
        let no_break = self.glyph_in(slot, '\u{A0}');
        ['\u{200A}', '\u{2009}', '\u{2006}', '\u{2005}', '\u{2008}'].into_iter().find_map(|c| {
            let gid = self.glyph_in(slot, c)?;
            let width = {
                let font = &self.fonts.borrow()[slot];
                f32::from(font.font.get_horizontal_advance(gid)) / font.units_per_em
            };
            (Some(gid) != space && Some(gid) != no_break && (0.105..=0.19).contains(&width)).then_some((slot, gid, width))
        })
    }

    /// `text` as pieces to draw: runs of glyphs, each in one font (font id, glyphs), and
    /// where a piece starts when it does not follow on from the one before. Every glyph
    /// carries the text it stands for, which becomes the PDF's ToUnicode map (copy and
    /// search). Each word of a right-to-left run is a piece of its own, in the order typed
    /// (see [`super::rtl`]), all in the run's font (the spaces and punctuation between its
    /// letters too, moved to keep the widths measured).
    pub fn pieces(&self, text: &str) -> Vec<Piece> {
        type Runs = Vec<(usize, Vec<Codepoint>)>;
        let put = |runs: &mut Runs, slot: usize, gid: u16, offset: f32, stands_for: String| {
            let glyph = Codepoint::with_cid(gid, offset, stands_for);
            match runs.last_mut() {
                Some((s, glyphs)) if *s == slot => glyphs.push(glyph),
                _ => runs.push((slot, vec![glyph])),
            }
        };
        let add = |runs: &mut Runs, c: char, stands_for: String, prefer: Option<usize>| {
            if c == super::rtl::LAM_OF_LIGATURE {
                // The lam of a lam-alef ligature: a blank glyph of the run's font, drawn over
                // the end of the ligature just before it (which is moved back by the blank's
                // width, so nothing moves). Readers then keep both in one word: poppler takes
                // a glyph of no width followed by another at the same place for a duplicate
                // and starts a new word, so the blank must have a width, of 0.1 to 0.2 em
                // (poppler's limits for a duplicate and for a gap between words); the move
                // back is no gap for pypdf either.
                let blank = prefer.and_then(|p| self.blank_for_lam(p));
                let before = runs.last_mut().and_then(|(_, glyphs)| glyphs.last_mut());
                // (Without a blank the ligature is drawn as its two letters: never here.)
                if let (Some((p, gid, width)), Some(before)) = (blank, before) {
                    before.offset += width * 1000.0;
                    put(runs, p, gid, 0.0, stands_for);
                }
                return;
            }
            match self.mapped(c) {
                Mapped::Glyph { slot, gid, em } => match prefer.filter(|&p| p != slot) {
                    // In the run's font, keeping the width the line was measured with.
                    Some(p) if self.glyph_in(p, c).is_some() => {
                        let gid = self.glyph_in(p, c).expect("checked");
                        let there = {
                            let font = &self.fonts.borrow()[p];
                            f32::from(font.font.get_horizontal_advance(gid)) / font.units_per_em
                        };
                        put(runs, p, gid, (there - em) * 1000.0, stands_for);
                    }
                    _ => put(runs, slot, gid, 0.0, stands_for),
                },
                Mapped::Missing { .. } => {
                    for m in missing_mark(c).chars() {
                        if let Mapped::Glyph { slot, gid, .. } = self.mapped(m) {
                            put(runs, slot, gid, 0.0, m.to_string());
                        }
                    }
                }
                Mapped::Invisible => {}
            }
        };
        // Draws shaped glyphs; a joined form no font has is drawn as its letters.
        let draw = |runs: &mut Runs, glyphs: &[super::rtl::Shaped], prefer: Option<usize>| {
            for (glyph, stands_for) in glyphs {
                if matches!(self.mapped(*glyph), Mapped::Missing { .. }) && stands_for.chars().count() == 1 && !stands_for.starts_with(*glyph) {
                    stands_for.chars().for_each(|c| add(runs, c, c.to_string(), prefer));
                } else {
                    add(runs, *glyph, stands_for.clone(), prefer);
                }
            }
        };
        let ems = |glyphs: &[super::rtl::Shaped]| -> f32 {
            glyphs.iter().map(|(g, _)| if *g == super::rtl::LAM_OF_LIGATURE { 0.0 } else { self.em(*g) }).sum()
        };
        let mut pieces: Vec<(Option<f32>, Runs)> = Vec::new();
        match super::rtl::segments(text) {
            None => {
                let mut runs = Vec::new();
                text.chars().for_each(|c| add(&mut runs, c, c.to_string(), None));
                pieces.push((None, runs));
            }
            Some(segments) => {
                // Where the segment starts, in ems from the line's start.
                let mut x = 0.0;
                let mut after_words = false;
                for mut segment in segments {
                    // The font of the run's first letter.
                    let prefer = segment.glyphs.iter().find(|g| super::rtl::is_rtl(g.0)).and_then(|g| match self.mapped(g.0) {
                        Mapped::Glyph { slot, .. } => Some(slot),
                        _ => None,
                    });
                    // Without a blank glyph for the lam of a lam-alef ligature, the two
                    // letters are drawn each in its joined form instead.
                    if segment.words.is_some() && prefer.and_then(|p| self.blank_for_lam(p)).is_none() {
                        super::rtl::without_ligatures(&mut segment.glyphs);
                        segment.words.iter_mut().flatten().for_each(|w| super::rtl::without_ligatures(w));
                    }
                    let width = ems(&segment.glyphs);
                    match &segment.words {
                        None => {
                            let mut runs = Vec::new();
                            draw(&mut runs, &segment.glyphs, None);
                            pieces.push((after_words.then_some(x), runs));
                            after_words = false;
                        }
                        Some(words) => {
                            // The first word typed is the rightmost.
                            let mut right = x + width;
                            for word in words {
                                let mut runs = Vec::new();
                                draw(&mut runs, word, prefer);
                                right -= ems(word);
                                pieces.push((Some(right), runs));
                            }
                            after_words = true;
                        }
                    }
                    x += width;
                }
            }
        }
        let fonts = self.fonts.borrow();
        pieces
            .into_iter()
            .filter(|(_, runs)| !runs.is_empty())
            .map(|(at, runs)| Piece { at, runs: runs.into_iter().map(|(slot, glyphs)| (fonts[slot].id.clone(), glyphs)).collect() })
            .collect()
    }

    /// The outline of `c` in the main font, in ems, and its advance in ems; `None` when the
    /// main font has no glyph for it.
    pub fn outline(&self, c: char) -> Option<(Vec<super::outline::Contour>, f32)> {
        let fonts = self.fonts.borrow();
        let main = &fonts[0];
        let gid = main.font.lookup_glyph_index(c as u32).filter(|g| *g != 0)?;
        let bytes = main.font.source_bytes_for_subset()?;
        let em = main.units_per_em;
        let contours = super::outline::glyph(&bytes, gid)
            .into_iter()
            .map(|contour| contour.into_iter().map(|(x, y, control)| (x / em, y / em, control)).collect())
            .collect();
        Some((contours, f32::from(main.font.get_horizontal_advance(gid)) / em))
    }

    /// The fonts this document has used so far (the main font first), for the PDF to embed.
    pub fn fonts(&self) -> Vec<(FontId, &'static ParsedFont)> {
        self.fonts.borrow().iter().map(|f| (f.id.clone(), f.font)).collect()
    }

    /// `text` as is if it fits in `width`, else as much of it as fits followed by "…".
    pub fn shorten(&self, text: &str, size: f32, width: f32) -> String {
        if self.width(text, size) <= width {
            return text.to_string();
        }
        let mut room = width - self.width("…", size);
        let mut out: String = text
            .chars()
            .take_while(|&c| {
                room -= self.char_width(c, size);
                room >= 0.0
            })
            .collect();
        out.truncate(out.trim_end().len());
        out.push('…');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Vec<u8> {
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/ipaexg.ttf")).unwrap()
    }

    /// The file in the repository is the one fonts/README.md names by its SHA-256.
    #[test]
    fn the_shipped_font_is_the_one_the_readme_names() {
        let bytes = shipped();
        assert_eq!(super::super::sha256_hex(&bytes), "3b9955a5e437ffb24c41548e79296fa724822da21ee75dc1b94f6ccdb8f400dd");
        assert!(is_the_shipped_font(&bytes));
    }

    /// One byte changed anywhere, a cut-off copy, or another font is refused.
    #[test]
    fn damage_anywhere_and_other_files_are_refused() {
        let bytes = shipped();
        for at in [0, 13, 5_000, bytes.len() / 2, bytes.len() - 1] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x10;
            assert!(!is_the_shipped_font(&damaged), "a byte changed at {at}");
        }
        assert!(!is_the_shipped_font(&bytes[..bytes.len() - 4]));
        assert!(!is_the_shipped_font(b"not a font"));
        assert!(!is_the_shipped_font(&vec![0u8; FONT_LEN]));
    }
}
