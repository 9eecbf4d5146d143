//! The rules a feedback file's content keeps, checked once for a file read and for one being
//! written (so the app never writes a file it would refuse). The published schema says the
//! same; tests/feedback_schema.rs runs a corpus through both.

use std::collections::HashSet;

use super::model::{Feedback, Target};
use crate::catalog::Catalog;
use crate::clock;

/// Characters in the general note.
pub const MAX_NOTE: usize = 10_000;
/// Characters in one request.
pub const MAX_REQUEST_TEXT: usize = 4_000;
/// Requests in one file: 47 items and 6 policies, a few on each at most.
pub const MAX_REQUESTS: usize = 200;
/// Names, e-mail addresses, organisations, supplier codes, the generator.
const SHORT: usize = 300;
/// A period's name, as the assessment limits it.
const PERIOD: usize = 100;

/// Where a rule is broken, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub location: String,
    pub message: String,
}

fn fault(location: impl Into<String>, message: impl Into<String>) -> Fault {
    Fault { location: location.into(), message: message.into() }
}

/// A text of 1 to `max` characters without control characters other than tab and line feed.
pub(super) fn text(location: &str, value: &str, max: usize) -> Result<(), Fault> {
    let n = value.chars().count();
    if n == 0 {
        return Err(fault(location, "this text is empty; leave the field out instead."));
    }
    if n > max {
        return Err(fault(location, format!("this text is {n} characters long; at most {max} are allowed.")));
    }
    if let Some(c) = value.chars().find(|c| c.is_control() && !matches!(c, '\t' | '\n')) {
        return Err(fault(
            location,
            format!(
                "this text contains a control character (U+{:04X}) that cannot be shown; only line breaks and tabs are allowed.",
                c as u32
            ),
        ));
    }
    Ok(())
}

fn optional(location: &str, value: &Option<String>, max: usize) -> Result<(), Fault> {
    value.as_deref().map_or(Ok(()), |v| text(location, v, max))
}

fn timestamp(location: &str, value: &str) -> Result<(), Fault> {
    if clock::is_timestamp(value) {
        Ok(())
    } else {
        Err(fault(
            location,
            format!("\"{value}\" is not a date and time (RFC 3339, for example 2027-01-15T09:30:00Z)."),
        ))
    }
}

/// A calendar date written "YYYY-MM-DD" (the schema's pattern and format "date").
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
        && clock::parse_date(s).is_some()
}

/// 64 lowercase hexadecimal digits.
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The schema's pattern `^[^@\s\ufeff]+@[^@\s\ufeff.][^@\s\ufeff]*\.[^@\s\ufeff]*[^@\s\ufeff.]$`:
/// one @, something before it, a domain with a dot inside it, no spaces.
pub fn is_email(s: &str) -> bool {
    let plain = |c: char| c != '@' && !c.is_whitespace() && c != '\u{feff}';
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && local.chars().all(plain)
        && domain.chars().all(plain)
        && domain.len() >= 3
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain.contains('.')
}

/// The id a request on `target` gets as the `n`th (from 1) request on it: "II-3#1".
pub fn request_id(target: &str, n: usize) -> String {
    format!("{target}#{n}")
}

/// Checks every rule but the format, version and id hash (the reader checks those first and
/// last; the composer sets them).
pub fn check(f: &Feedback, catalog: &Catalog) -> Result<(), Fault> {
    if !is_sha256(&f.id) {
        return Err(fault("id", "the id must be 64 lowercase hexadecimal digits (a SHA-256)."));
    }
    timestamp("written_at", &f.written_at)?;
    text("generator", &f.generator, SHORT)?;
    optional("author.name", &f.author.name, SHORT)?;
    optional("author.email", &f.author.email, SHORT)?;
    if let Some(email) = f.author.email.as_deref().filter(|e| !is_email(e)) {
        return Err(fault("author.email", format!("\"{email}\" is not an e-mail address.")));
    }
    text("author.organisation", &f.author.organisation, SHORT)?;
    let s = &f.submission;
    if !is_sha256(&s.sha256) {
        return Err(fault(
            "submission.sha256",
            "the submission's fingerprint must be 64 lowercase hexadecimal digits (the SHA-256 printed on its PDF).",
        ));
    }
    optional("submission.supplier_code", &s.supplier_code, SHORT)?;
    text("submission.legal_name", &s.legal_name, SHORT)?;
    text("submission.period", &s.period, PERIOD)?;
    timestamp("submission.submitted_at", &s.submitted_at)?;
    optional("note", &f.note, MAX_NOTE)?;
    if f.requests.len() > MAX_REQUESTS {
        return Err(fault(
            "requests",
            format!("the file holds {} requests; at most {MAX_REQUESTS} are allowed.", f.requests.len()),
        ));
    }
    let mut ids = HashSet::new();
    for (i, r) in f.requests.iter().enumerate() {
        let at = |field: &str| format!("requests[{i}].{field}");
        let target = match (&r.item, &r.policy) {
            (Some(item), None) => match catalog.item(item) {
                Some(_) => Target::Item(item),
                None => {
                    return Err(fault(at("item"), format!("\"{item}\" is not an action item of the guideline.")));
                }
            },
            (None, Some(policy)) => match catalog.policy(policy) {
                Some(_) => Target::Policy(policy),
                None => {
                    return Err(fault(at("policy"), format!("\"{policy}\" is not a Part 2 policy of the guideline.")));
                }
            },
            (Some(_), Some(_)) => {
                return Err(fault(format!("requests[{i}]"), "a request is on an item or on a policy, not on both."));
            }
            (None, None) => {
                return Err(fault(format!("requests[{i}]"), "the request names neither an item nor a policy."));
            }
        };
        let well_formed = r.id.strip_prefix(target.id()).and_then(|rest| rest.strip_prefix('#')).is_some_and(|n| {
            n.len() <= 3 && !n.starts_with('0') && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
        });
        if !well_formed {
            return Err(fault(
                at("id"),
                format!(
                    "\"{}\" is not of the form \"{}#1\" (the request's item or policy and a number).",
                    r.id,
                    target.id()
                ),
            ));
        }
        if !ids.insert(r.id.as_str()) {
            return Err(fault(at("id"), format!("the request id \"{}\" appears twice.", r.id)));
        }
        text(&at("text"), &r.text, MAX_REQUEST_TEXT)?;
        if let Some(due) = r.due.as_deref().filter(|d| !is_date(d)) {
            return Err(fault(
                at("due"),
                format!("\"{due}\" is not a calendar date (year-month-day, for example 2027-03-31)."),
            ));
        }
    }
    Ok(())
}
