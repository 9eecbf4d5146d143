//! A small iCalendar (RFC 5545) writer for all-day reminders: a VCALENDAR with PRODID,
//! VERSION, CALSCALE and METHOD, and VEVENTs dated with `DTSTART;VALUE=DATE` and `DTEND` the
//! next day, each with a stable UID (importing the file again updates an event instead of
//! adding it twice), DTSTAMP, SUMMARY and DESCRIPTION in the user's language, and a display
//! alarm some days before. Lines end in CRLF and are folded at 75 octets without splitting
//! a UTF-8 character; texts are escaped as the RFC says.

use time::{Date, OffsetDateTime};

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Unique and stable: the same event written again has the same UID.
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
    /// The alarm this many days before; none for no alarm.
    pub alarm_days_before: Option<u32>,
    /// What the event is about in the app (an item's or a policy's id), for a screen that
    /// links to it; not written to the file.
    pub about: Option<String>,
}

/// A calendar file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// The calendar's name where a calendar program shows one (X-WR-CALNAME).
    pub name: String,
    /// "en" or "ja": the LANGUAGE of the texts.
    pub lang: &'static str,
    /// When the file is written (every event's DTSTAMP).
    pub stamp: OffsetDateTime,
    pub events: Vec<Event>,
}

/// The longest line in octets, without its CRLF.
const LINE_OCTETS: usize = 75;

impl Calendar {
    /// The calendar as iCalendar text.
    pub fn to_ics(&self) -> String {
        let mut out = String::new();
        let mut line = |s: &str| fold(s, &mut out);
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line(&format!("PRODID:-//CSR Self-Assessment//csr-self-assessment {}//EN", env!("CARGO_PKG_VERSION")));
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line(&format!("X-WR-CALNAME:{}", escape(&self.name)));
        let stamp = self.stamp.to_offset(time::UtcOffset::UTC);
        let stamp = format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            stamp.year(),
            u8::from(stamp.month()),
            stamp.day(),
            stamp.hour(),
            stamp.minute(),
            stamp.second()
        );
        for e in &self.events {
            line("BEGIN:VEVENT");
            line(&format!("UID:{}", escape(&e.uid)));
            line(&format!("DTSTAMP:{stamp}"));
            line(&format!("DTSTART;VALUE=DATE:{}", date(e.date)));
            line(&format!("DTEND;VALUE=DATE:{}", date(e.date.next_day().unwrap_or(e.date))));
            line(&format!("SUMMARY;LANGUAGE={}:{}", self.lang, escape(&e.summary)));
            line(&format!("DESCRIPTION;LANGUAGE={}:{}", self.lang, escape(&e.description)));
            // A reminder takes no time: the day stays free for appointments.
            line("TRANSP:TRANSPARENT");
            if let Some(days) = e.alarm_days_before {
                line("BEGIN:VALARM");
                line("ACTION:DISPLAY");
                line(&format!("DESCRIPTION;LANGUAGE={}:{}", self.lang, escape(&e.summary)));
                line(&format!("TRIGGER:-P{days}D"));
                line("END:VALARM");
            }
            line("END:VEVENT");
        }
        line("END:VCALENDAR");
        out
    }
}

fn date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

/// A TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`, and no other
/// control character but tab.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.replace("\r\n", "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` with CRLF, folded so that no line is longer than 75 octets: a long line
/// continues on the next, which starts with a space (RFC 5545, 3.1). A break never falls
/// inside a UTF-8 character.
pub fn fold(line: &str, out: &mut String) {
    let mut room = LINE_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > room {
            out.push_str("\r\n ");
            // The leading space is one of the next line's 75 octets.
            room = LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "根拠資料の有効期限".repeat(12));
        fold(&text, &mut out);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.last(), Some(&""), "ends in CRLF");
        for l in &lines {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        assert!(lines[1].starts_with(' ') && lines.len() > 3);
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, text);
        let mut short = String::new();
        fold("VERSION:2.0", &mut short);
        assert_eq!(short, "VERSION:2.0\r\n");
    }

    #[test]
    fn texts_are_escaped() {
        assert_eq!(escape("a\\b; c, d\r\ne\u{1b}\tf"), "a\\\\b\\; c\\, d\\ne\tf");
    }
}
