//! Checks on the raw bytes of a file before any parsing: size, emptiness, encoding, nesting.
//! Each failure names the place (line and column) where it was found.

use std::borrow::Cow;

use crate::error::{Error, ImportFault, Result};

/// No honest assessment file comes near this: a fully answered one is about 100 KB.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
/// Our format nests four levels; anything much deeper is not ours.
pub const MAX_DEPTH: usize = 32;

/// Returns the text of `bytes` (without a byte-order mark) if it passes every check. UTF-8
/// is the format; UTF-16 with a byte-order mark is what Windows PowerShell 5.1 writes for
/// `csr-assess export > file.json`, so it is converted; UTF-16 without one is refused, since
/// only a guess could read it.
pub fn check(bytes: &[u8]) -> Result<Cow<'_, str>> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::Import {
            fault: ImportFault::NotAnAssessment,
            location: "the whole file".into(),
            message: format!(
                "it is larger than {} MB; an assessment file is far smaller (at most {} MB). Choose the file the app exported.",
                MAX_BYTES / 1_048_576,
                MAX_BYTES / 1_048_576
            ),
        });
    }
    if let Some(encoding) = other_encoding(bytes) {
        return Err(Error::Import {
            fault: ImportFault::Encoding,
            location: "the whole file".into(),
            message: format!(
                "the file is {encoding}, not UTF-8, which an assessment file must be. Save it as UTF-8 (in \
                 Notepad: File → Save As, Encoding \"UTF-8\"; in Excel: File → Save As, \"CSV UTF-8\"), or \
                 export the assessment again (`csr-assess export ID --output FILE`, or the app's Export), and \
                 import that file unchanged."
            ),
        });
    }
    let text = if let Some(units) = utf16_units(bytes) {
        Cow::Owned(decode_utf16(units)?)
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        Cow::Borrowed(std::str::from_utf8(bytes).map_err(|e| {
            let (line, column) = position(&bytes[..e.valid_up_to()]);
            Error::Import {
                fault: ImportFault::Damaged,
                location: format!("line {line}, column {column}"),
                message: "the file is not UTF-8 text. Choose the .json file the app exported, unchanged.".into(),
            }
        })?)
    };
    if text.trim().is_empty() {
        return Err(Error::Import {
            fault: ImportFault::Damaged,
            location: "the whole file".into(),
            message: "the file is empty. Choose the .json file the app exported.".into(),
        });
    }
    check_depth(&text)?;
    Ok(text)
}

/// The 16-bit units of a UTF-16 file with a byte-order mark (FF FE little-endian, FE FF
/// big-endian), or `None` when the file does not start with one.
fn utf16_units(bytes: &[u8]) -> Option<Vec<u16>> {
    let (body, from): (&[u8], fn([u8; 2]) -> u16) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => (rest, u16::from_be_bytes),
        _ => return None,
    };
    // An odd trailing byte cannot be a unit: keep it as an unpaired one so decoding fails.
    let mut units: Vec<u16> = body.chunks_exact(2).map(|p| from([p[0], p[1]])).collect();
    if body.len() % 2 == 1 {
        units.push(0xD800);
    }
    Some(units)
}

/// UTF-16 units as text, naming the line and column of the first broken character.
fn decode_utf16(units: Vec<u16>) -> Result<String> {
    let mut text = String::with_capacity(units.len());
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                let (line, column) = position(text.as_bytes());
                return Err(Error::Import {
                    fault: ImportFault::Damaged,
                    location: format!("line {line}, column {column}"),
                    message: "the file is UTF-16 text with a broken character here. Export the assessment again \
                              and import that file unchanged."
                        .into(),
                });
            }
        }
    }
    Ok(text)
}

/// The encoding of a file in one we do not read, by name: UTF-32 (with or without its
/// byte-order mark), UTF-16 without one (JSON starts with ASCII, which UTF-16 stores with a
/// zero byte beside each character, UTF-32 with three), or Shift_JIS (what Japanese Excel
/// and Notepad of old save by default). UTF-16 with a byte-order mark is read.
fn other_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some("UTF-32 text");
    }
    let head = &bytes[..bytes.len().min(64)];
    let zeros = head.iter().filter(|&&b| b == 0).count();
    if utf16_units(bytes).is_none() && head.len() >= 4 {
        if zeros * 3 >= head.len() * 2 {
            return Some("UTF-32 text");
        }
        if zeros * 3 >= head.len() {
            return Some("UTF-16 text without a byte-order mark");
        }
    }
    (std::str::from_utf8(bytes).is_err() && utf16_units(bytes).is_none() && is_shift_jis(bytes)).then_some("Shift_JIS text")
}

/// Whether bytes that are not UTF-8 read as Shift_JIS with at least one two-byte character.
fn is_shift_jis(bytes: &[u8]) -> bool {
    let (mut i, mut double) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            0x00..=0x7F | 0xA1..=0xDF => i += 1,
            0x81..=0x9F | 0xE0..=0xFC => match bytes.get(i + 1) {
                Some(0x40..=0x7E | 0x80..=0xFC) => {
                    double += 1;
                    i += 2;
                }
                _ => return false,
            },
            _ => return false,
        }
    }
    double > 0
}

/// Refuses nesting deeper than [`MAX_DEPTH`] before a parser recurses into it.
fn check_depth(text: &str) -> Result<()> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    let (line, column) = position(&text.as_bytes()[..i]);
                    return Err(Error::Import {
                        fault: ImportFault::Damaged,
                        location: format!("line {line}, column {column}"),
                        message: format!(
                            "the data is nested more than {MAX_DEPTH} levels deep, which an assessment file never is."
                        ),
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// 1-based line and column (in characters) just after `before`.
fn position(before: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(before);
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
