//! What every section of the PDF draws from.

use time::{OffsetDateTime, UtcOffset};

use crate::catalog::Catalog;
use crate::lang::Lang;
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
    /// The language the PDF is written in: its labels, words and punctuation.
    pub lang: Lang,
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
    /// (UTC+09:00)" / 「2026年11月27日 14:05（UTC+09:00）」.
    pub fn local_time(&self, t: OffsetDateTime) -> String {
        self.lang.date_time(t, self.offset)
    }

    /// A stored "YYYY-MM-DD" date as printed; anything else as it is.
    pub fn date(&self, ymd: &str) -> String {
        self.lang.date_text(ymd)
    }

    /// The short fingerprint printed in every footer.
    pub fn short_fingerprint(&self) -> &str {
        short_fingerprint(&self.sha256)
    }

    /// A text of the guideline in the PDF's language: our reference translation where there
    /// is one (labelled once, at the top of the summary), else the English original.
    pub fn title<'t>(&'t self, english: &'t str) -> &'t str {
        self.catalog.guideline_text(self.lang.code(), english)
    }

    /// The label of our translation, when the PDF prints translated titles.
    pub fn translation_label(&self) -> Option<&str> {
        self.catalog.translation(self.lang.code()).map(|t| t.about.label.get(self.lang.code()).as_str())
    }

    /// A score as printed: "85%", or "no score" in the PDF's language.
    pub fn percent(&self, score: Option<u32>) -> String {
        score.map_or_else(|| self.labels.no_score.clone(), |v| format!("{v}%"))
    }

    pub fn company_name(&self) -> &str {
        let name = self.record.company.display_name();
        if name.is_empty() {
            "—"
        } else {
            name
        }
    }

    /// A rating in the language's words (the screens' words), or "not answered".
    pub fn rating(&self, rating: Option<Rating>) -> &'static str {
        let w = self.lang.words();
        rating.map_or(w.not_answered.as_str(), |r| w.rating(r.as_str()))
    }

    /// How far a policy was passed on, as a state ("Passed on to some of them").
    pub fn cascade(&self, c: Option<Cascade>) -> &'static str {
        let w = self.lang.words();
        c.map_or(w.not_answered.as_str(), |c| w.cascade_state(c.as_str()))
    }

    /// The text, or "(none)" when blank.
    pub fn or_none<'s>(&'s self, s: &'s str) -> &'s str {
        if s.trim().is_empty() {
            &self.labels.none
        } else {
            s
        }
    }

    /// "Label: value" in the language's punctuation.
    pub fn labelled(&self, label: &str, value: &str) -> String {
        self.lang.labelled(label, value)
    }

    /// The entries of a list in running text, in the language's punctuation.
    pub fn list<S: AsRef<str>>(&self, items: &[S]) -> String {
        self.lang.list(items)
    }
}
