//! Times and dates: timestamps are RFC 3339 in UTC, dates are ISO 8601 calendar dates.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

/// Now, as an RFC 3339 UTC timestamp with whole seconds ("2026-11-24T09:30:00Z").
pub fn now() -> String {
    let t = OffsetDateTime::now_utc().replace_nanosecond(0).expect("0 ns is valid");
    t.format(&Rfc3339).expect("UTC timestamps always format")
}

/// Today's date in UTC, "YYYY-MM-DD".
pub fn today() -> String {
    format_date(OffsetDateTime::now_utc().date())
}

pub fn format_date(d: Date) -> String {
    d.format(format_description!("[year]-[month]-[day]")).expect("dates always format")
}

/// Parses "YYYY-MM-DD" as a real calendar date.
pub fn parse_date(s: &str) -> Option<Date> {
    Date::parse(s, format_description!("[year]-[month]-[day]")).ok()
}

/// Whether `s` is an RFC 3339 timestamp.
pub fn is_timestamp(s: &str) -> bool {
    OffsetDateTime::parse(s, &Rfc3339).is_ok()
}

/// The current year (UTC).
pub fn current_year() -> i32 {
    OffsetDateTime::now_utc().year()
}
