//! Times and dates: timestamps are RFC 3339 in UTC, dates are ISO 8601 calendar dates.
//!
//! "Today" is the supplier's local calendar day, decided here once: expired evidence, due
//! dates, the declaration's date and "submitted on" all use [`today`]. (At 07:30 in Tokyo it is
//! already tomorrow's date in Japan while UTC is still on yesterday: evidence valid until
//! yesterday is expired for the supplier, so it is expired everywhere.)

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use std::sync::OnceLock;

use time::{Date, OffsetDateTime, UtcOffset};

/// Environment variable that sets the app's clock to a fixed moment (RFC 3339), for tests and
/// for support reproducing what a supplier saw on a given day. Unset in normal use.
pub const NOW_ENV_VAR: &str = "CSR_ASSESS_NOW";

/// The current moment, in UTC (or the moment `CSR_ASSESS_NOW` names).
pub fn now_utc() -> OffsetDateTime {
    std::env::var(NOW_ENV_VAR)
        .ok()
        .and_then(|s| OffsetDateTime::parse(s.trim(), &Rfc3339).ok())
        .map_or_else(OffsetDateTime::now_utc, |t| t.to_offset(UtcOffset::UTC))
}

/// Now, as an RFC 3339 UTC timestamp with whole seconds ("2026-11-24T09:30:00Z").
pub fn now() -> String {
    let t = now_utc().replace_nanosecond(0).expect("0 ns is valid");
    t.format(&Rfc3339).expect("UTC timestamps always format")
}

/// Today where the supplier is: the local calendar day at the computer's UTC offset.
pub fn today() -> Date {
    now_utc().to_offset(local_offset()).date()
}

/// [`today`] as "YYYY-MM-DD".
pub fn today_text() -> String {
    format_date(today())
}

/// Today's date in the computer's local time (see [`local_offset`]), "YYYY-MM-DD": the day
/// the supplier lives in, for what the supplier dates (a declaration).
pub fn today_local() -> String {
    format_date(OffsetDateTime::now_utc().to_offset(local_offset()).date())
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

/// The current year where the supplier is.
pub fn current_year() -> i32 {
    today().year()
}

/// The computer's UTC offset, read once per run.
static LOCAL_OFFSET: OnceLock<UtcOffset> = OnceLock::new();

/// Reads the computer's UTC offset (the PDF prints times in the supplier's local time).
/// Call it first thing in `main`, while the program has one thread: on Linux and macOS the
/// `time` crate refuses to read the offset once other threads run, because the C library's
/// time-zone state is not thread-safe. Where it cannot be read, times are printed in UTC,
/// which the printed offset ("UTC+00:00") makes plain.
pub fn init_local_offset() -> UtcOffset {
    local_offset()
}

/// The offset read by [`init_local_offset`] (or now, or UTC when it cannot be read).
pub fn local_offset() -> UtcOffset {
    *LOCAL_OFFSET.get_or_init(|| UtcOffset::current_local_offset().unwrap_or(UtcOffset::UTC))
}

/// An RFC 3339 timestamp moved to `offset`.
pub fn at_offset(timestamp: &str, offset: UtcOffset) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(timestamp, &Rfc3339).ok().map(|t| t.to_offset(offset))
}
