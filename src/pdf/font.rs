//! The one font of the PDF: IPAexGothic, shipped in `fonts/` (IPA Font License), embedded in
//! the binary and subset into each PDF. It covers Latin and Japanese.

use std::sync::OnceLock;

use printpdf::ParsedFont;

use crate::error::{Error, Result};

const FONT_BYTES: &[u8] = include_bytes!("../../fonts/ipaexg.ttf");

/// The parsed font, once per process.
pub fn font() -> Result<&'static ParsedFont> {
    static FONT: OnceLock<Option<ParsedFont>> = OnceLock::new();
    FONT.get_or_init(|| ParsedFont::from_bytes(FONT_BYTES, 0, &mut Vec::new()))
        .as_ref()
        .ok_or_else(|| Error::Pdf("The PDF font could not be read. Reinstall the app.".into()))
}

/// Measures text in points at a size.
pub struct Metrics {
    font: &'static ParsedFont,
    units_per_em: f32,
}

impl Metrics {
    pub fn new() -> Result<Metrics> {
        let font = font()?;
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        Ok(Metrics { font, units_per_em })
    }

    /// Advance width of one character; characters the font lacks count as a full em
    /// (they print as the font's missing-glyph box).
    pub fn char_width(&self, c: char, size: f32) -> f32 {
        let units = match self.font.lookup_glyph_index(c as u32) {
            Some(gid) => f32::from(self.font.get_horizontal_advance(gid)),
            None => self.units_per_em,
        };
        units * size / self.units_per_em
    }

    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
    }
}
