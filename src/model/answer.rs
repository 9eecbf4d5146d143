//! The answer to one action item.

use serde::{Deserialize, Serialize};

use super::checks::{self, LONG_TEXT, MAX_EVIDENCE, MEDIUM_TEXT, SHORT_TEXT};
use crate::catalog::Catalog;
use crate::error::{Error, Result};

/// How far an item is in place. The scale and its points are explained in docs/scoring.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Done, followed in practice, and you can show evidence. 3 points.
    Full,
    /// Done in practice, but not written down or not everywhere yet. 2 points.
    Mostly,
    /// Some first steps taken; important parts missing. 1 point.
    Partly,
    /// Not in place yet. 0 points.
    NotYet,
    /// Does not concern this company; needs a reason; left out of the score.
    NotApplicable,
}

impl Rating {
    pub const ALL: [Rating; 5] = [Rating::Full, Rating::Mostly, Rating::Partly, Rating::NotYet, Rating::NotApplicable];

    /// Points on the 0–3 scale; `None` for not applicable.
    pub fn points(self) -> Option<u32> {
        match self {
            Rating::Full => Some(3),
            Rating::Mostly => Some(2),
            Rating::Partly => Some(1),
            Rating::NotYet => Some(0),
            Rating::NotApplicable => None,
        }
    }

    /// The name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Rating::Full => "full",
            Rating::Mostly => "mostly",
            Rating::Partly => "partly",
            Rating::NotYet => "not_yet",
            Rating::NotApplicable => "not_applicable",
        }
    }

    pub fn parse(s: &str) -> Option<Rating> {
        let s = s.replace('-', "_");
        Rating::ALL.into_iter().find(|r| r.as_str() == s || (s == "na" && *r == Rating::NotApplicable))
    }

    /// Whether this rating leaves a gap (applicable and not fully in place).
    pub fn is_gap(self) -> bool {
        matches!(self, Rating::Mostly | Rating::Partly | Rating::NotYet)
    }
}

/// A record that shows the item is in place.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Evidence {
    /// Document name, e.g. "Work rules (就業規則), 2025 edition".
    pub name: String,
    /// Where it is kept, e.g. "Office binder 3" or a folder path.
    pub location: String,
    /// Date of the document, "YYYY-MM-DD".
    pub date: Option<String>,
    /// Until when the document is valid (a certificate, a permit, a training), "YYYY-MM-DD";
    /// none when it does not expire. Expired evidence is flagged on the item, in the review
    /// and in the submission check. (Format version 2.)
    pub valid_until: Option<String>,
    /// The document exists and is kept, but is not handed over with the submission.
    pub not_attached: bool,
    /// Confidential: the PDF prints its name only, not where it is kept.
    pub confidential: bool,
}

impl Evidence {
    /// Whether it was valid only until a day before `today` (the supplier's local day, see
    /// [`crate::clock::today`]). The one rule of "expired": the screens, the check, the PDF
    /// and the changes since last year all ask it.
    pub fn is_expired(&self, today: time::Date) -> bool {
        self.valid_until.as_deref().and_then(crate::clock::parse_date).is_some_and(|d| d < today)
    }
}

/// What will be done to close a gap, by whom, by when.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActionPlan {
    pub what: String,
    pub who: String,
    /// Due date, "YYYY-MM-DD".
    pub due: Option<String>,
}

impl ActionPlan {
    /// A plan counts once it says what, who and by when.
    pub fn is_complete(&self) -> bool {
        !checks::is_blank(&self.what) && !checks::is_blank(&self.who) && self.due.is_some()
    }

    pub fn is_empty(&self) -> bool {
        checks::is_blank(&self.what) && checks::is_blank(&self.who) && self.due.is_none()
    }
}

/// A supplier's answer to one action item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The catalog item this answers, e.g. "III-5".
    pub item_id: String,
    #[serde(default)]
    pub rating: Option<Rating>,
    /// Why the item does not apply; required when the rating is not applicable.
    #[serde(default)]
    pub na_reason: String,
    /// What the company does, in its own words.
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub action_plan: ActionPlan,
    /// The user wants to come back to this item.
    #[serde(default)]
    pub marked_for_review: bool,
    /// Carried over from an earlier assessment and not yet looked at again.
    #[serde(default)]
    pub to_reconfirm: bool,
    /// When the answer was last saved (set by the store).
    #[serde(default)]
    pub updated_at: Option<String>,
    /// The stored revision this answer was read at (set by the store; not exported). A save
    /// that carries it is refused when the stored answer has moved on since.
    #[serde(default, skip_serializing_if = "Revision::is_none")]
    pub revision: Revision,
}

/// The stored revision an answer was read at. It is this database's bookkeeping, not part
/// of what the answer says: two answers with the same content are equal whatever their
/// revisions (an exported and re-imported answer equals the stored one).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Revision(pub Option<i64>);

impl Revision {
    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }
}

impl PartialEq for Revision {
    fn eq(&self, _: &Revision) -> bool {
        true
    }
}

impl Eq for Revision {}

impl Answer {
    /// An empty answer to an item.
    pub fn new(item_id: impl Into<String>) -> Answer {
        Answer {
            item_id: item_id.into(),
            rating: None,
            na_reason: String::new(),
            description: String::new(),
            evidence: Vec::new(),
            action_plan: ActionPlan::default(),
            marked_for_review: false,
            to_reconfirm: false,
            updated_at: None,
            revision: Revision::default(),
        }
    }

    /// Refuses an item id that is not in the catalog.
    pub fn check_item(&self, catalog: &Catalog) -> Result<()> {
        match catalog.item(&self.item_id) {
            Some(_) => Ok(()),
            None => {
                Err(Error::invalid("item", format!("\"{}\" is not an action item of the guideline.", self.item_id)))
            }
        }
    }

    /// Refuses impossible values: an unknown item, absurd lengths, dates not in the calendar.
    pub fn validate(&self, catalog: &Catalog) -> Result<()> {
        self.check_item(catalog)?;
        let at = &self.item_id;
        checks::text(&format!("{at} reason for not applicable"), &self.na_reason, MEDIUM_TEXT)?;
        checks::text(&format!("{at} description"), &self.description, LONG_TEXT)?;
        if self.evidence.len() > MAX_EVIDENCE {
            return Err(Error::invalid(
                format!("{at} evidence"),
                format!(
                    "has {} entries; at most {MAX_EVIDENCE} are accepted. List a folder instead of each file.",
                    self.evidence.len()
                ),
            ));
        }
        for (n, e) in self.evidence.iter().enumerate() {
            let f = format!("{at} evidence {}", n + 1);
            checks::name(&format!("{f} name"), &e.name, SHORT_TEXT)?;
            checks::text(&format!("{f} location"), &e.location, SHORT_TEXT)?;
            checks::date(&format!("{f} date"), &e.date)?;
            checks::date(&format!("{f} valid until"), &e.valid_until)?;
        }
        checks::text(&format!("{at} action plan: what"), &self.action_plan.what, MEDIUM_TEXT)?;
        checks::name(&format!("{at} action plan: who"), &self.action_plan.who, SHORT_TEXT)?;
        checks::date(&format!("{at} action plan: due date"), &self.action_plan.due)?;
        Ok(())
    }

    /// The answer as stored: its texts composed (see [`super::input::nfc`]).
    pub fn normalized(&self) -> Answer {
        let nfc = super::input::nfc;
        let mut a = self.clone();
        a.na_reason = nfc(&a.na_reason);
        a.description = nfc(&a.description);
        for e in &mut a.evidence {
            e.name = nfc(&e.name);
            e.location = nfc(&e.location);
        }
        a.action_plan.what = nfc(&a.action_plan.what);
        a.action_plan.who = nfc(&a.action_plan.who);
        a
    }

    /// Whether the answer holds anything at all (an untouched answer need not be stored).
    pub fn is_empty(&self) -> bool {
        self.rating.is_none()
            && checks::is_blank(&self.na_reason)
            && checks::is_blank(&self.description)
            && self.evidence.is_empty()
            && self.action_plan.is_empty()
            && !self.marked_for_review
    }
}
