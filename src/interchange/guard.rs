//! Checks on the raw bytes of a file before any parsing: size, emptiness, encoding, nesting.
//! Each failure names the place (line and column) where it was found.

use crate::error::{Error, ImportFault, Result};

/// No honest assessment file comes near this: a fully answered one is about 100 KB.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;
/// Our format nests four levels; anything much deeper is not ours.
pub const MAX_DEPTH: usize = 32;

/// Returns the text of `bytes` (without a UTF-8 byte-order mark) if it passes every check.
pub fn check(bytes: &[u8]) -> Result<&str> {
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
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = position(&bytes[..e.valid_up_to()]);
        Error::Import {
            fault: ImportFault::Damaged,
            location: format!("line {line}, column {column}"),
            message: "the file is not UTF-8 text. Choose the .json file the app exported, unchanged.".into(),
        }
    })?;
    if text.trim().is_empty() {
        return Err(Error::Import {
            fault: ImportFault::Damaged,
            location: "the whole file".into(),
            message: "the file is empty. Choose the .json file the app exported.".into(),
        });
    }
    check_depth(text)?;
    Ok(text)
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
