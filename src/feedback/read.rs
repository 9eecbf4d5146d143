//! Reading a feedback file received from NEC, strictly and within bounds: its size, its
//! encoding, that it is a feedback file of a version this build reads, that each place holds
//! what the format says (objects, arrays, no nulls), its types and fields (no unknown or
//! repeated field), its rules (known item and policy ids, dates, lengths, no control
//! characters), and last that its id is the hash of its content, so a file cut off or
//! changed after it was written is refused naming what is wrong and where.

use serde_json::Value;

use super::model::Feedback;
use super::{canonical, rules, FORMAT, FORMAT_VERSION};
use crate::catalog::Catalog;
use crate::error::{Error, FeedbackFault, Result};

/// No feedback file comes near this: 200 requests of 4,000 Japanese characters are 2.4 MB.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;

fn refuse(fault: FeedbackFault, location: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Feedback { fault, location: location.into(), message: message.into() }
}

/// Reads and checks a feedback file.
pub fn read(bytes: &[u8], catalog: &Catalog) -> Result<Feedback> {
    let text = text_of(bytes)?;
    let value: Value = serde_json::from_str(text).map_err(|e| not_json(&e))?;
    header(&value)?;
    shape(&value, &mut String::new())?;
    let mut de = serde_json::Deserializer::from_str(text);
    let feedback: Feedback = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        refuse(
            FeedbackFault::Content,
            format!("line {}, column {} ({path})", inner.line(), inner.column()),
            strip_position(&inner),
        )
    })?;
    rules::check(&feedback, catalog).map_err(|f| refuse(FeedbackFault::Content, f.location, f.message))?;
    if canonical::id_of(&feedback) != feedback.id {
        return Err(refuse(
            FeedbackFault::Damaged,
            "id",
            "the file was changed after NEC wrote it (its content no longer matches its id), so it cannot be trusted. \
             Ask NEC to send the file again, and open it unchanged.",
        ));
    }
    Ok(feedback)
}

/// The file's text: not too large, UTF-8 (a byte-order mark is passed over), not empty.
fn text_of(bytes: &[u8]) -> Result<&str> {
    if bytes.len() > MAX_BYTES {
        return Err(refuse(
            FeedbackFault::NotFeedback,
            "the whole file",
            format!(
                "it is larger than {} MB, which no feedback file is. Choose the .csrfeedback file NEC sent.",
                MAX_BYTES >> 20
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(refuse(
            FeedbackFault::Damaged,
            "the whole file",
            "the file is UTF-16 text: it was saved again by another program. Open the file exactly as NEC sent it.",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let before = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let message = if e.error_len().is_none() {
            // The bytes end inside a character: the end of the file is missing.
            "the file ends too early: it was cut off (in the e-mail or the download). Ask NEC to send it again."
        } else {
            "the file is not UTF-8 text: it is damaged, or not a feedback file. Ask NEC to send it again."
        };
        refuse(FeedbackFault::Damaged, format!("line {line}, column {column}"), message)
    })?;
    if text.trim().is_empty() {
        return Err(refuse(FeedbackFault::Damaged, "the whole file", "the file is empty. Ask NEC to send it again."));
    }
    Ok(text)
}

fn not_json(e: &serde_json::Error) -> Error {
    let location = format!("line {}, column {}", e.line(), e.column());
    let message = if e.is_eof() {
        "the file ends too early: it was cut off (in the e-mail or the download). Ask NEC to send it again.".to_string()
    } else {
        format!(
            "the file is not valid JSON ({}): it was damaged or changed by hand. Ask NEC to send it again.",
            strip_position(e)
        )
    };
    refuse(FeedbackFault::Damaged, location, message)
}

/// serde_json appends " at line L column C"; the place is named separately.
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    s.rfind(" at line ").map_or(s.clone(), |i| s[..i].to_string())
}

/// A feedback file of a version this build reads?
fn header(value: &Value) -> Result<()> {
    let Value::Object(map) = value else {
        return Err(refuse(
            FeedbackFault::NotFeedback,
            "the whole file",
            "the file is JSON but not a feedback file from NEC.",
        ));
    };
    match map.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(crate::interchange::FORMAT) => {
            return Err(refuse(
                FeedbackFault::NotFeedback,
                "\"format\"",
                "this is an assessment file (exported, or taken from a submission PDF), not NEC's feedback. Import it as an assessment instead.",
            ));
        }
        _ => {
            return Err(refuse(
                FeedbackFault::NotFeedback,
                "\"format\"",
                format!("this is not a feedback file from NEC (it should say \"format\": \"{FORMAT}\")."),
            ));
        }
    }
    match map.get("format_version").and_then(Value::as_u64) {
        Some(v) if v > FORMAT_VERSION => Err(Error::NewerFormat { found: v, supported: FORMAT_VERSION }),
        Some(v) if v >= 1 => Ok(()),
        _ => Err(refuse(
            FeedbackFault::Content,
            "\"format_version\"",
            "the format version is missing or not a whole number above 0.",
        )),
    }
}

/// Objects where the format has objects (serde would read a struct from an array too), an
/// array of requests, and no null anywhere (an absent field is left out, never null: the id
/// is the hash of exactly what the file says). Other types are left to the typed read, which
/// names what it expected.
fn shape(value: &Value, path: &mut String) -> Result<()> {
    let is_request = path.starts_with("requests[") && path.ends_with(']') && !path.contains('.');
    let want = if path.is_empty() || path == "author" || path == "submission" || is_request {
        Some(("a JSON object ({…})", value.is_object()))
    } else if path == "requests" {
        Some(("a JSON array ([…])", value.is_array()))
    } else {
        None
    };
    if value.is_null() {
        return Err(refuse(
            FeedbackFault::Content,
            path.clone(),
            "null is not allowed here: a field without a value is left out of the file.",
        ));
    }
    if let Some((what, false)) = want {
        return Err(refuse(FeedbackFault::Content, path.clone(), format!("this must be {what}, not {}.", kind(value))));
    }
    let len = path.len();
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                if !path.is_empty() {
                    path.push('.');
                }
                path.extend(key.chars().map(|c| if c.is_control() { '?' } else { c }));
                shape(item, path)?;
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                shape(item, path)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list ([…])",
        Value::Object(_) => "an object ({…})",
    }
}
