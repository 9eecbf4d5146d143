//! Lines built the language's way: a label and its value, a list in running text, a
//! parenthetical, a date, a moment, a page number. Every rendering (PDF, workbook, calendar,
//! and the UI through the same data) builds its lines with these, never with ": " or ", ".

use time::{Date, OffsetDateTime, UtcOffset};

use super::Lang;

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

impl Lang {
    /// Between a label and its value: "：" / ": ".
    pub fn colon(self) -> &'static str {
        &self.formats().colon
    }

    /// "Label: value" / 「ラベル：値」.
    pub fn labelled(self, label: &str, value: &str) -> String {
        format!("{label}{}{value}", self.colon())
    }

    /// The entries of a list in running text: "a, b, c" / 「a、b、c」.
    pub fn list<S: AsRef<str>>(self, items: &[S]) -> String {
        items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(&self.formats().list_separator)
    }

    /// `text` followed by a parenthetical: "text (aside)" / 「text（aside）」.
    pub fn with_paren(self, text: &str, aside: &str) -> String {
        format!("{text}{}{aside}{}", self.formats().paren_open, self.formats().paren_close)
    }

    /// A parenthetical on its own: "(aside)" / 「（aside）」.
    pub fn paren(self, aside: &str) -> String {
        format!("{}{aside}{}", self.formats().paren_open.trim_start(), self.formats().paren_close)
    }

    /// A list entry printed on its own line: "- text" / 「・text」.
    pub fn bullet(self, text: &str) -> String {
        format!("{}{text}", self.formats().bullet)
    }

    /// A calendar date: "27 November 2026" / 「2026年11月27日」.
    pub fn date(self, d: Date) -> String {
        let f = self.formats();
        let month = u8::from(d.month());
        fill(
            &f.date,
            &[
                ("year", &d.year().to_string()),
                ("month", &month.to_string()),
                ("month_name", &f.month_names[usize::from(month) - 1]),
                ("day", &d.day().to_string()),
            ],
        )
    }

    /// A stored "YYYY-MM-DD" date as people read it; anything else as it is.
    pub fn date_text(self, ymd: &str) -> String {
        crate::clock::parse_date(ymd).map_or_else(|| ymd.to_string(), |d| self.date(d))
    }

    /// A moment at `offset`, with the offset: "27 November 2026, 14:05 (UTC+09:00)" /
    /// 「2026年11月27日 14:05（UTC+09:00）」.
    pub fn date_time(self, t: OffsetDateTime, offset: UtcOffset) -> String {
        let t = t.to_offset(offset);
        let (h, m, _) = offset.as_hms();
        let sign = if offset.is_negative() { '-' } else { '+' };
        let zone = format!("UTC{sign}{:02}:{:02}", h.unsigned_abs(), m.unsigned_abs());
        let clock = format!("{:02}:{:02}", t.hour(), t.minute());
        fill(&self.formats().date_time, &[("date", &self.date(t.date())), ("time", &clock), ("zone", &zone)])
    }

    /// "Page 3 of 12" / 「3／12ページ」.
    pub fn page_of(self, n: usize, m: usize) -> String {
        fill(&self.formats().page_of, &[("n", &n.to_string()), ("m", &m.to_string())])
    }

    /// A count of things: "3" / 「3件」.
    pub fn count(self, n: usize) -> String {
        fill(&self.formats().count, &[("n", &n.to_string())])
    }
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime, offset};

    use super::super::Lang;

    #[test]
    fn lines_are_built_the_language_s_way() {
        let (en, ja) = (Lang::parse("en").unwrap(), Lang::parse("ja").unwrap());
        assert_eq!(en.labelled("Due", "31 March 2027"), "Due: 31 March 2027");
        assert_eq!(ja.labelled("期限", "2027年3月31日"), "期限：2027年3月31日");
        assert_eq!(en.list(&["a", "b"]), "a, b");
        assert_eq!(ja.list(&["所在地", "代表者"]), "所在地、代表者");
        assert_eq!(en.with_paren("Address", "missing"), "Address (missing)");
        assert_eq!(ja.with_paren("所在地", "未入力"), "所在地（未入力）");
        assert_eq!(en.paren("U+AC00"), "(U+AC00)");
        assert_eq!(ja.paren("U+AC00"), "（U+AC00）");
        assert_eq!(en.date(date!(2026 - 03 - 01)), "1 March 2026");
        assert_eq!(ja.date(date!(2026 - 03 - 01)), "2026年3月1日");
        assert_eq!(ja.date_text("2025-03-31"), "2025年3月31日");
        assert_eq!(en.date_text("not a date"), "not a date");
        let t = datetime!(2026-11-27 05:05 UTC);
        assert_eq!(en.date_time(t, offset!(+9)), "27 November 2026, 14:05 (UTC+09:00)");
        assert_eq!(ja.date_time(t, offset!(+9)), "2026年11月27日 14:05（UTC+09:00）");
        assert_eq!(ja.date_time(t, offset!(-5:30)), "2026年11月26日 23:35（UTC-05:30）");
        assert_eq!(ja.page_of(3, 12), "3／12ページ");
        assert_eq!(en.page_of(3, 12), "Page 3 of 12");
    }
}
