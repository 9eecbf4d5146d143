//! The one font of the PDF: IPAexGothic (IPA Font License), which covers Latin and Japanese
//! and is subset into each PDF. It ships beside the app as a resource file rather than inside
//! the binary (6 MB). Where it is: the path the desktop shell gives ([`use_font_file`], from
//! the installer's resource folder), else `$CSR_ASSESS_FONT`, else `fonts/ipaexg.ttf` beside
//! the executable, else the source tree's `fonts/` (builds run from the repository).

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::error::{Error, Result};

/// SHA-256 of the shipped `fonts/ipaexg.ttf` (see fonts/README.md): a damaged or different
/// file is refused with a clear message instead of producing a broken PDF.
const FONT_SHA256: &str = "3b9955a5e437ffb24c41548e79296fa724822da21ee75dc1b94f6ccdb8f400dd";
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
    if super::sha256_hex(&bytes) != FONT_SHA256 {
        return Err(format!("{} is damaged or not the one shipped with the app", path.display()));
    }
    ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| format!("{} cannot be parsed", path.display()))
}

/// The parsed font, loaded once per process.
pub fn font() -> Result<&'static ParsedFont> {
    static FONT: OnceLock<std::result::Result<ParsedFont, String>> = OnceLock::new();
    FONT.get_or_init(load).as_ref().map_err(|detail| Error::Font { detail: detail.clone() })
}

/// Measures text in points at a size.
pub struct Metrics {
    font: &'static ParsedFont,
    units_per_em: f32,
    /// Advance widths in font units by character. The font's own lookup (cmap, then hmtx)
    /// costs tens of microseconds a character, and a PDF measures the same few hundred
    /// characters thousands of times.
    advances: RefCell<HashMap<char, f32>>,
}

impl Metrics {
    pub fn new() -> Result<Metrics> {
        let font = font()?;
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        Ok(Metrics { font, units_per_em, advances: RefCell::default() })
    }

    /// Advance width of one character; characters the font lacks count as a full em
    /// (they print as the font's missing-glyph box).
    pub fn char_width(&self, c: char, size: f32) -> f32 {
        let units =
            *self.advances.borrow_mut().entry(c).or_insert_with(|| match self.font.lookup_glyph_index(c as u32) {
                Some(gid) => f32::from(self.font.get_horizontal_advance(gid)),
                None => self.units_per_em,
            });
        units * size / self.units_per_em
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
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
