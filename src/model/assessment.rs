//! An assessment: one period's answers of one company, with its declaration.

use serde::{Deserialize, Serialize};

use super::answer::{Answer, Revision};
use super::checks::{self, SHORT_TEXT};
use super::part2::Part2Answer;
use super::profile::CompanyProfile;
use crate::error::{Error, Result};

/// Where an assessment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being worked on.
    Draft,
    /// The supplier considers it complete; any change makes it a draft again.
    Ready,
    /// A PDF was created for NEC; any change makes it a draft again.
    Submitted,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Draft, Status::Ready, Status::Submitted];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Ready => "ready",
            Status::Submitted => "submitted",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s)
    }
}

/// The statement the signer confirms, in each UI language. Shown in the app and printed in
/// the PDF; the English text is the one of record.
pub const DECLARATION_TEXT: crate::catalog::Localized<&str> = crate::catalog::Localized {
    en: "I confirm that the answers in this self-assessment are true and complete to the best of my knowledge, and that our company will inform NEC without delay of any significant change.",
    ja: "本セルフアセスメントの回答内容は、知り得る限りにおいて当社の実態に基づく正確かつ漏れのないものであることを確認します。また、重要な変更が生じた場合は、速やかにNECへ報告いたします。",
};

/// The signed statement that closes a submission.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Declaration {
    pub signer_name: String,
    pub signer_title: String,
    /// "YYYY-MM-DD".
    pub date: Option<String>,
    /// The signer confirms that the answers are true to the best of their knowledge.
    pub confirmed: bool,
    /// The stored revision this declaration was read at (set by the store; not exported). A
    /// save that carries it is refused when the stored declaration has moved on since.
    #[serde(skip_serializing_if = "Revision::is_none")]
    pub revision: Revision,
}

impl Declaration {
    pub fn validate(&self) -> Result<()> {
        checks::name("declaration signer name", &self.signer_name, SHORT_TEXT)?;
        checks::name("declaration signer title", &self.signer_title, SHORT_TEXT)?;
        checks::date("declaration date", &self.date)
    }

    /// The declaration as stored: the signer's name and title composed.
    pub fn normalized(&self) -> Declaration {
        Declaration {
            signer_name: super::input::nfc(&self.signer_name),
            signer_title: super::input::nfc(&self.signer_title),
            ..self.clone()
        }
    }

    /// Complete when named, titled, dated and confirmed.
    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// The parts still missing, by field name (`signer_name`, `signer_title`, `date`,
    /// `confirmed`). A declaration dated after today is not dated yet: it cannot have been
    /// signed on that day (and a submission made now would be dated before its declaration).
    pub fn missing(&self) -> Vec<&'static str> {
        let today = crate::clock::today_local();
        [
            ("signer_name", checks::is_blank(&self.signer_name)),
            ("signer_title", checks::is_blank(&self.signer_title)),
            ("date", self.date.as_ref().is_none_or(|d| *d > today)),
            ("confirmed", !self.confirmed),
        ]
        .into_iter()
        .filter_map(|(name, missing)| missing.then_some(name))
        .collect()
    }
}

/// An assessment as stored (without its answers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: i64,
    pub company_id: i64,
    /// The period assessed, as the user names it: "FY2026", "2026年度".
    pub period: String,
    pub status: Status,
    /// The catalog version the answers were given against.
    pub catalog_version: String,
    pub created_at: String,
    pub updated_at: String,
    pub submitted_at: Option<String>,
    /// The assessment whose answers this one was started from.
    pub carried_from: Option<i64>,
    /// Where the user was last ("item:II-3", "part2:reach", "declaration", "review").
    pub position: Option<String>,
    pub declaration: Declaration,
}

/// Refuses an empty or absurd period name, or one that does not read the same everywhere.
pub fn validate_period(period: &str) -> Result<()> {
    if !period.chars().any(|c| !c.is_whitespace() && !checks::is_invisible_format(c) && !c.is_control()) {
        return Err(Error::invalid("period", "is empty. Name the period, for example FY2026."));
    }
    checks::name("period", period, checks::PERIOD)
}

/// Answered as a share of applicable, in whole percent rounded half up; 100 when nothing
/// applies. The one rule for completeness: the score and the list of assessments use it.
pub fn completeness(answered: usize, applicable: usize) -> u32 {
    if applicable == 0 {
        100
    } else {
        ((answered * 100 + applicable / 2) / applicable) as u32
    }
}

/// The period as stored: trimmed and composed.
pub fn normalize_period(period: &str) -> String {
    super::input::nfc(period.trim())
}

/// A line of the assessment list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentSummary {
    pub id: i64,
    pub company_id: i64,
    pub company_name: String,
    pub period: String,
    pub status: Status,
    pub catalog_version: String,
    /// Applicable items answered.
    pub answered: usize,
    /// Items marked not applicable.
    pub not_applicable: usize,
    /// Items in the catalog.
    pub total: usize,
    /// Share of applicable items answered, 0–100.
    pub completeness: u32,
    /// Item answers and Part 2 policies carried over and not yet re-confirmed.
    pub to_reconfirm: usize,
    pub created_at: String,
    pub updated_at: String,
}

/// Everything of one assessment: what export, scoring and the PDF work from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentRecord {
    pub company: CompanyProfile,
    pub assessment: Assessment,
    /// Stored answers, in catalog order; items never touched have none.
    pub answers: Vec<Answer>,
    pub part2: Vec<Part2Answer>,
    /// NEC's requests on this assessment's submissions and those carried forward to it, with
    /// the supplier's replies (see [`super::nec_request`]).
    #[serde(default)]
    pub nec_requests: Vec<super::NecRequest>,
}

impl AssessmentRecord {
    /// The record as it is stored: every text as [`CompanyProfile::normalized`],
    /// [`Answer::normalized`] and the others store it.
    pub fn normalized(&self) -> AssessmentRecord {
        let mut r = self.clone();
        r.company = r.company.normalized();
        r.assessment.period = normalize_period(&r.assessment.period);
        r.assessment.declaration = r.assessment.declaration.normalized();
        r.answers = r.answers.iter().map(Answer::normalized).collect();
        r.part2 = r.part2.iter().map(Part2Answer::normalized).collect();
        r
    }

    pub fn answer(&self, item_id: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.item_id == item_id)
    }

    pub fn part2_answer(&self, policy_id: &str) -> Option<&Part2Answer> {
        self.part2.iter().find(|a| a.policy_id == policy_id)
    }

    /// The record with an answer for every item and every policy of `catalog`, in catalog
    /// order: the stored ones, and empty ones (revision 0) for the rest. What the UI edits,
    /// so it never makes up an empty answer of its own.
    pub fn with_every_answer(mut self, catalog: &crate::catalog::Catalog) -> AssessmentRecord {
        let mut answers = std::mem::take(&mut self.answers);
        self.answers = catalog
            .items()
            .map(|item| match answers.iter().position(|a| a.item_id == item.id) {
                Some(i) => answers.swap_remove(i),
                None => Answer { revision: super::Revision(Some(0)), ..Answer::new(item.id.clone()) },
            })
            .collect();
        let mut part2 = std::mem::take(&mut self.part2);
        self.part2 = catalog
            .policies()
            .iter()
            .map(|policy| match part2.iter().position(|a| a.policy_id == policy.id) {
                Some(i) => part2.swap_remove(i),
                None => Part2Answer { revision: super::Revision(Some(0)), ..Part2Answer::new(policy.id.clone()) },
            })
            .collect();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declaration_dated_after_today_is_not_dated_yet() {
        let mut d = Declaration { signer_name: "山田 太郎".into(), signer_title: "代表取締役".into(), date: None, confirmed: true, ..Default::default() };
        assert_eq!(d.missing(), ["date"]);
        d.date = Some(crate::clock::today_local());
        assert!(d.is_complete());
        let tomorrow = crate::clock::parse_date(&crate::clock::today_local()).unwrap().next_day().unwrap();
        d.date = Some(crate::clock::format_date(tomorrow));
        assert_eq!(d.missing(), ["date"], "a declaration cannot be signed on a day still to come");
    }
}
