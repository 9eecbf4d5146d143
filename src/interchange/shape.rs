//! Checks on the file's JSON before it is read into types: every place the format has an
//! object holds a JSON object (serde would read a struct from an array too, which would make
//! field order part of the format), no text holds control characters other than tab and line
//! feed (they could rewrite a terminal or hide text on the PDF), and the catalog reference,
//! generator and position keep the schema's limits and patterns.

use serde_json::Value;

use crate::catalog::Catalog;
use crate::error::{Error, ImportFault, Result};

fn fault(location: impl Into<String>, message: impl Into<String>) -> Error {
    Error::Import { fault: ImportFault::Content, location: location.into(), message: message.into() }
}

/// Where the format has an object: (path of the parent, field) pairs and arrays of objects.
pub fn check(doc: &Value, catalog: &Catalog) -> Result<()> {
    control_characters(doc, &mut String::new())?;
    for field in ["catalog", "company", "assessment"] {
        object(doc.get(field), field)?;
    }
    if let Some(d) = doc.get("assessment").and_then(|a| a.get("declaration")) {
        object(Some(d), "assessment.declaration")?;
    }
    for (i, answer) in array(doc.get("answers"), "answers")?.iter().enumerate() {
        let here = format!("answers[{i}]");
        object(Some(answer), &here)?;
        if let Some(plan) = answer.get("action_plan") {
            object(Some(plan), &format!("{here}.action_plan"))?;
        }
        if let Some(evidence) = answer.get("evidence") {
            for (j, e) in array(Some(evidence), &format!("{here}.evidence"))?.iter().enumerate() {
                object(Some(e), &format!("{here}.evidence[{j}]"))?;
            }
        }
    }
    for (i, policy) in array(doc.get("part2"), "part2")?.iter().enumerate() {
        let here = format!("part2[{i}]");
        object(Some(policy), &here)?;
        if let Some(d) = policy.get("disclosures") {
            object(Some(d), &format!("{here}.disclosures"))?;
        }
    }
    text(doc.get("generator"), "generator", 300, None)?;
    let reference = &doc["catalog"];
    text(reference.get("version"), "catalog.version", 50, Some(is_version))?;
    text(reference.get("guideline"), "catalog.guideline", 300, None)?;
    text(reference.get("guideline_sha256"), "catalog.guideline_sha256", 64, Some(is_sha256))?;
    if let Some(Value::String(p)) = doc["assessment"].get("position") {
        text(Some(&Value::String(p.clone())), "assessment.position", 100, None)?;
    }
    pages(doc)?;
    nec_requests(doc)?;
    same_edition(reference, catalog)
}

/// Most pages a record may name: more than any submission has (`verify` reads at most 1000).
pub const MAX_RECORDED_PAGES: usize = 1000;
/// Most lines recorded of one page.
pub const MAX_RECORDED_LINES: usize = 2000;

/// The record of a PDF's pages: only from format version 3, each page's digest a SHA-256
/// and its lines 8-digit digests separated by spaces.
fn pages(doc: &Value) -> Result<()> {
    let Some(pages) = doc.get("pages") else { return Ok(()) };
    let version = doc.get("format_version").and_then(Value::as_u64).unwrap_or(0);
    if version < super::PAGES_SINCE {
        return Err(fault(
            "pages",
            format!("this field exists from format version {} on; the file says {version}.", super::PAGES_SINCE),
        ));
    }
    object(Some(pages), "pages")?;
    text(pages.get("method"), "pages.method", 50, Some(is_method))?;
    let digests = array(pages.get("digests"), "pages.digests")?;
    if digests.len() > MAX_RECORDED_PAGES {
        return Err(fault("pages.digests", format!("it records {} pages; at most {MAX_RECORDED_PAGES} are read.", digests.len())));
    }
    for (i, d) in digests.iter().enumerate() {
        let here = format!("pages.digests[{i}]");
        object(Some(d), &here)?;
        text(d.get("sha256"), &format!("{here}.sha256"), 64, Some(is_sha256))?;
        text(d.get("lines"), &format!("{here}.lines"), MAX_RECORDED_LINES * 9, Some(is_line_digests))?;
    }
    Ok(())
}

/// NEC's requests: only from format version 4, each an object.
fn nec_requests(doc: &Value) -> Result<()> {
    let Some(requests) = doc.get("nec_requests") else { return Ok(()) };
    let version = doc.get("format_version").and_then(Value::as_u64).unwrap_or(0);
    if version < super::REQUESTS_SINCE {
        return Err(fault(
            "nec_requests",
            format!("this field exists from format version {} on; the file says {version}.", super::REQUESTS_SINCE),
        ));
    }
    for (i, r) in array(Some(requests), "nec_requests")?.iter().enumerate() {
        object(Some(r), &format!("nec_requests[{i}]"))?;
    }
    Ok(())
}

/// `^[a-z0-9][a-z0-9.-]{0,49}$`: how the pages were recorded ("page-text-1").
pub fn is_method(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-'))
}

/// `^([0-9a-f]{8}( [0-9a-f]{8})*)?$`: 8-digit line digests separated by single spaces.
pub fn is_line_digests(s: &str) -> bool {
    s.is_empty() || s.split(' ').all(|d| d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
}

/// A missing field is left to the typed read, which names it; a present one must be an object.
fn object(value: Option<&Value>, location: &str) -> Result<()> {
    match value {
        None | Some(Value::Object(_)) => Ok(()),
        Some(other) => Err(fault(location, format!("this must be a JSON object ({{…}}), not {}.", kind(other)))),
    }
}

fn array<'a>(value: Option<&'a Value>, location: &str) -> Result<&'a [Value]> {
    match value {
        None => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(fault(location, format!("this must be a JSON array ([…]), not {}.", kind(other)))),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "an array ([…])",
        Value::Object(_) => "an object",
    }
}

/// A text field of the format: at most `max` characters and, where given, of a pattern.
fn text(value: Option<&Value>, location: &str, max: usize, pattern: Option<fn(&str) -> bool>) -> Result<()> {
    let Some(Value::String(s)) = value else { return Ok(()) };
    let n = s.chars().count();
    if n > max {
        return Err(fault(location, format!("this text is {n} characters long; at most {max} are allowed.")));
    }
    if pattern.is_some_and(|ok| !ok(s)) {
        return Err(fault(location, format!("\"{s}\" is not of the form this field has.")));
    }
    Ok(())
}

/// `^[0-9A-Za-z][0-9A-Za-z.+-]{0,49}$`, as the schema says.
pub fn is_version(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-'))
}

/// `^[0-9a-f]{64}$`.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Answers given against another edition of the guideline cannot be read as answers to this one.
fn same_edition(reference: &Value, catalog: &Catalog) -> Result<()> {
    let (Some(theirs), ours) =
        (reference.get("guideline_sha256").and_then(Value::as_str), &catalog.guideline.guideline)
    else {
        return Ok(());
    };
    if theirs == ours.source_sha256 {
        return Ok(());
    }
    let title = reference.get("guideline").and_then(Value::as_str).unwrap_or("the guideline");
    Err(fault(
        "catalog.guideline_sha256",
        format!(
            "this file answers another edition of the guideline: “{title}” whose text has the fingerprint {}…, \
             while this app holds “{}”, {} (fingerprint {}…). Answers to one edition cannot be read as answers to \
             another. Ask the sender for a file made with this edition, or use the app version made for that one.",
            &theirs[..16.min(theirs.len())],
            ours.title,
            ours.edition,
            &ours.source_sha256[..16],
        ),
    ))
}

/// Refuses any text (or name) holding a control character other than tab and line feed.
fn control_characters(value: &Value, path: &mut String) -> Result<()> {
    let bad = |s: &str| s.chars().find(|c| c.is_control() && !matches!(c, '\t' | '\n'));
    let refuse = |path: &str, c: char| {
        fault(
            if path.is_empty() { "the whole file" } else { path },
            format!(
                "this text contains control characters (U+{:04X}) that cannot be printed. Only line breaks and tabs are allowed; remove them and import the file again.",
                c as u32
            ),
        )
    };
    match value {
        Value::String(s) => bad(s).map_or(Ok(()), |c| Err(refuse(path, c))),
        Value::Array(items) => {
            let len = path.len();
            for (i, item) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                control_characters(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(map) => {
            let len = path.len();
            for (key, item) in map {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&key.chars().map(|c| if c.is_control() { '?' } else { c }).collect::<String>());
                if let Some(c) = bad(key) {
                    return Err(refuse(path, c));
                }
                control_characters(item, path)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}
