//! What every section of the PDF draws from.

use crate::catalog::Catalog;
use crate::model::{AssessmentRecord, Cascade, Rating, Status};
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
    /// When the PDF was made, as printed ("2026-11-24 10:30 UTC").
    pub generated_at: String,
}

impl Context<'_> {
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

    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Draft => self.labels.status_draft,
            Status::Ready => self.labels.status_ready,
            Status::Submitted => self.labels.status_submitted,
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
