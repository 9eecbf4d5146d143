//! What every section of the PDF draws from.

use time::{OffsetDateTime, UtcOffset};

use crate::catalog::Catalog;
use crate::model::{AssessmentRecord, Cascade, Rating};
use crate::readiness::Readiness;
use crate::scoring::Score;

use super::labels::Labels;

/// The start of a SHA-256 (hex) that every footer prints and `verify` looks for.
pub fn short_fingerprint(sha256: &str) -> &str {
    &sha256[..16]
}

pub struct Context<'a> {
    pub record: &'a AssessmentRecord,
    pub catalog: &'a Catalog,
    pub labels: &'static Labels,
    pub score: Score,
    pub readiness: Readiness,
    /// SHA-256 (hex) of the attached interchange JSON.
    pub sha256: String,
    /// When the PDF was made.
    pub made_at: OffsetDateTime,
    /// The supplier's day the pages speak of (expired evidence): the submission's, else today.
    pub today: time::Date,
    /// When the assessment was submitted, if this PDF is its submission (else a preview).
    pub submitted_at: Option<OffsetDateTime>,
    /// The supplier's UTC offset: every time is printed in local time, with the offset.
    pub offset: UtcOffset,
}

impl Context<'_> {
    /// A submission (else a preview, marked "not submitted" on every page).
    pub fn is_submission(&self) -> bool {
        self.submitted_at.is_some()
    }

    /// A moment in the supplier's local time, with its offset: "27 November 2026, 14:05
    /// (UTC+09:00)" / "2026年11月27日 14:05（UTC+09:00）".
    pub fn local_time(&self, t: OffsetDateTime) -> String {
        let t = t.to_offset(self.offset);
        let (h, m, _) = self.offset.as_hms();
        let sign = if self.offset.is_negative() { '-' } else { '+' };
        let zone = format!("UTC{sign}{:02}:{:02}", h.unsigned_abs(), m.unsigned_abs());
        let clock = format!("{:02}:{:02}", t.hour(), t.minute());
        if self.labels.lang == "ja" {
            format!("{} {clock}（{zone}）", self.date_of(t.date()))
        } else {
            format!("{}, {clock} ({zone})", self.date_of(t.date()))
        }
    }

    /// A calendar date in the PDF's language: "27 November 2026" / "2026年11月27日".
    pub fn date_of(&self, d: time::Date) -> String {
        if self.labels.lang == "ja" {
            format!("{}年{}月{}日", d.year(), u8::from(d.month()), d.day())
        } else {
            format!("{} {} {}", d.day(), d.month(), d.year())
        }
    }

    /// A stored "YYYY-MM-DD" date as printed; anything else as it is.
    pub fn date(&self, ymd: &str) -> String {
        crate::clock::parse_date(ymd).map_or_else(|| ymd.to_string(), |d| self.date_of(d))
    }

    /// What separates the entries of a list: 「、」 in Japanese, ", " in English.
    pub fn separator(&self) -> &'static str {
        if self.labels.lang == "ja" {
            "、"
        } else {
            ", "
        }
    }

    /// The short fingerprint printed in every footer.
    pub fn short_fingerprint(&self) -> &str {
        short_fingerprint(&self.sha256)
    }

    /// A title quoted from the guideline, in the PDF's language: our reference translation
    /// in Japanese (labelled once, at the top of the summary), else the English original.
    pub fn title<'t>(&'t self, english: &'t str) -> &'t str {
        self.catalog.guideline_text(self.labels.lang, english)
    }

    /// The label of our translation, when the PDF prints translated titles.
    pub fn translation_label(&self) -> Option<&str> {
        self.catalog.translation(self.labels.lang).map(|t| t.about.label.get(self.labels.lang).as_str())
    }

    /// A score as printed: "85%", or "no score" in the PDF's language.
    pub fn percent(&self, score: Option<u32>) -> String {
        score.map_or_else(|| self.labels.no_score.to_string(), |v| format!("{v}%"))
    }

    pub fn company_name(&self) -> &str {
        let name = self.record.company.display_name();
        if name.is_empty() {
            "—"
        } else {
            name
        }
    }

    pub fn rating(&self, rating: Option<Rating>) -> &'static str {
        let l = self.labels;
        match rating {
            Some(Rating::Full) => l.rating_full,
            Some(Rating::Mostly) => l.rating_mostly,
            Some(Rating::Partly) => l.rating_partly,
            Some(Rating::NotYet) => l.rating_not_yet,
            Some(Rating::NotApplicable) => l.rating_not_applicable,
            None => l.not_answered,
        }
    }

    pub fn cascade(&self, c: Option<Cascade>) -> &'static str {
        let l = self.labels;
        match c {
            Some(Cascade::Done) => l.cascade_done,
            Some(Cascade::Partly) => l.cascade_partly,
            Some(Cascade::NotYet) => l.cascade_not_yet,
            Some(Cascade::NoUpstream) => l.cascade_no_upstream,
            None => l.not_answered,
        }
    }

    /// "Yes"/"No" in the PDF's language.
    pub fn yes_no(&self, b: bool) -> &'static str {
        if b {
            self.labels.yes
        } else {
            self.labels.no
        }
    }

    /// The text, or "(none)" when blank.
    pub fn or_none<'s>(&self, s: &'s str) -> &'s str {
        if s.trim().is_empty() {
            self.labels.none
        } else {
            s
        }
    }
}
