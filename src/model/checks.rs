//! Limits and the checks shared by every model type. A failed check means the value is
//! impossible, not merely unfinished: the value is refused with a message naming the field.

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
