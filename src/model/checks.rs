//! Limits and the checks shared by every model type. A failed check means the value is
//! impossible, not merely unfinished: the value is refused with a message naming the field.
//! Text must read the same in the app, the PDF and NEC's workbook: no text holds the
//! characters that reorder text around them (bidirectional embeddings, overrides and
//! isolates), and names, codes and identifiers hold no invisible format character at all.

use crate::clock;
use crate::error::{Error, Result};

/// Names, titles, codes, phone numbers.
pub const SHORT_TEXT: usize = 300;
/// Addresses, lists of products or sites, reasons, action descriptions.
pub const MEDIUM_TEXT: usize = 4_000;
/// Descriptions of what the company does for an item; notes.
pub const LONG_TEXT: usize = 50_000;
/// A disclosure's number, year or date.
pub const DISCLOSURE_VALUE: usize = 100;
/// The name of a period ("FY2026").
pub const PERIOD: usize = 100;
/// The largest plausible number of employees.
pub const MAX_EMPLOYEES: u32 = 10_000_000;
/// Evidence entries on one item.
pub const MAX_EVIDENCE: usize = 200;

/// Refuses text longer than `max` characters (not bytes: Japanese counts per character).
pub fn text(field: &str, value: &str, max: usize) -> Result<()> {
    let n = value.chars().count();
    if n > max {
        return Err(Error::invalid(
            field,
            format!("is {n} characters long; at most {max} are accepted. Shorten it, or keep the long text in a document and name it as evidence."),
        ));
    }
    // Only line feeds and tabs: a carriage return or an escape could rewrite a terminal line
    // or hide text (the UI's text fields give line feeds; the CLI turns CRLF into LF).
    if value.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t')) {
        return Err(Error::invalid(
            field,
            "contains control characters that cannot be printed (only line breaks and tabs are allowed). Remove them.",
        ));
    }
    if let Some(c) = value.chars().find(|&c| is_bidi_control(c)) {
        return Err(Error::invalid(
            field,
            format!(
                "contains a character that reverses the direction of the text around it ({}), so that it would \
                 read one way in the app and another in the PDF. Type it again without it.",
                code_of(c)
            ),
        ));
    }
    Ok(())
}

/// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they
/// reorder the text around them where they are honoured (the app, a spreadsheet) and not
/// where they are not (the PDF): "Sakura Seal KK" in one, "Sakura KK laeS" in the other.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069)
}

/// The invisible format characters refused in names: Unicode's category Cf in the Basic
/// Multilingual Plane (marks that change direction, zero widths, word joiners, invisible
/// operators, the byte-order mark, interlinear annotation marks…), as ranges. Two are not
/// among them: the zero-width non-joiner and joiner (U+200C, U+200D), which Persian and Indic
/// names need to be spelled right and which reorder nothing. (The few Cf characters beyond
/// the BMP, tags and scripts' number signs, are left: a schema pattern cannot name them
/// portably, and the published schema says what import does.)
pub const INVISIBLE_FORMAT: [(u32, u32); 14] = [
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200B),
    (0x200E, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
];

/// Whether `c` is one of [`INVISIBLE_FORMAT`].
pub fn is_invisible_format(c: char) -> bool {
    let c = c as u32;
    INVISIBLE_FORMAT.iter().any(|&(from, to)| (from..=to).contains(&c))
}

fn code_of(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Refuses, besides what [`text`] refuses, any invisible format character: for names, codes
/// and identifiers, which must read the same wherever they are shown and compared.
pub fn name(field: &str, value: &str, max: usize) -> Result<()> {
    text(field, value, max)?;
    if let Some(c) = value.chars().find(|&c| is_invisible_format(c)) {
        return Err(Error::invalid(
            field,
            format!(
                "contains an invisible formatting character ({}), which would make it look the same as another \
                 name or read differently in the PDF and in NEC's systems. Type it again without it (copying from \
                 a web page or a document sometimes brings such characters along).",
                code_of(c)
            ),
        ));
    }
    Ok(())
}

/// Refuses a date that is not empty and not a real calendar date "YYYY-MM-DD".
pub fn date(field: &str, value: &Option<String>) -> Result<()> {
    match value {
        Some(v) if clock::parse_date(v).is_none() => Err(Error::invalid(
            field,
            format!("\"{v}\" is not a calendar date. Write it as year-month-day, for example 2026-03-31."),
        )),
        _ => Ok(()),
    }
}

/// Empty strings and whitespace are no answer.
pub fn is_blank(s: &str) -> bool {
    s.trim().is_empty()
}
