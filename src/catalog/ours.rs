//! Types for our own content: advice for small companies and the Part 2 disclosure
//! questions. None of it is the guideline's text, and the UI and PDF always mark it as ours.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Text in each language the app speaks.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized<T> {
    pub en: T,
    pub ja: T,
}

impl<T> Localized<T> {
    /// The text for a language code; anything but "ja" gets English.
    pub fn get(&self, lang: &str) -> &T {
        if lang == "ja" {
            &self.ja
        } else {
            &self.en
        }
    }
}

/// Our advice on one item or policy, for a company of 5 to 50 people.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// What the item asks, in everyday words.
    pub summary: String,
    /// Things a small company can realistically do.
    pub steps: Vec<String>,
    /// Records it could keep as evidence.
    pub evidence: Vec<String>,
}

/// Our advice on one item or policy in each language, with the legal statements behind it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceEntry {
    pub en: Advice,
    pub ja: Advice,
    /// What the law says on this topic (Japanese law, as of a date), each with its source;
    /// the UI shows them in small print under the advice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub law: Vec<LawNote>,
}

impl AdviceEntry {
    /// The advice in a language code; anything but "ja" gets English.
    pub fn get(&self, lang: &str) -> &Advice {
        if lang == "ja" {
            &self.ja
        } else {
            &self.en
        }
    }
}

/// One legal statement in our advice: what the rule is, where it is written, when we checked
/// it, and, if it depends on headcount, from how many workers it applies.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LawNote {
    /// The rule, in everyday words.
    pub text: Localized<String>,
    /// The law and article, or the ministry's page, that states it.
    pub source: Localized<String>,
    /// The month we last checked the rule, "YYYY-MM".
    pub as_of: String,
    /// The headcount the rule depends on, if any; the UI compares it with the profile.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
}

/// The range of workers within which a rule applies (both ends inclusive; one may be open).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// The smallest headcount the rule applies to (37.5 where part-timers count half).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// The largest headcount the rule applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// What is counted: the whole company's workers, or those of one workplace (事業場).
    pub per: ThresholdUnit,
}

/// What a headcount threshold counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThresholdUnit {
    /// Everyone the company regularly employs.
    Company,
    /// Those regularly employed at one workplace (事業場); a company with several sites counts each.
    Workplace,
}

/// Our advice by item and policy id: the files `catalog/advice/*.json` (each holds some of
/// it), merged.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceBook {
    #[serde(default)]
    pub items: BTreeMap<String, AdviceEntry>,
    #[serde(default)]
    pub policies: BTreeMap<String, AdviceEntry>,
}

/// The kind of answer a disclosure question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// One of `options`.
    Choice,
    /// A non-negative decimal number, typed by the user.
    Number,
    /// A calendar year such as 2025.
    Year,
    /// A calendar date, YYYY-MM-DD.
    Date,
    /// Free text.
    Text,
}

/// One offered answer of a choice question.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldOption {
    pub id: String,
    pub label: Localized<String>,
}

/// One disclosure question under a Part 2 policy.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisclosureField {
    /// Stable id, unique within its policy.
    pub id: String,
    pub kind: FieldKind,
    pub label: Localized<String>,
    /// A hint shown under the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Localized<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<FieldOption>,
    /// Whether the submission check asks for this field once the policy applies.
    #[serde(default)]
    pub required: bool,
}

impl DisclosureField {
    pub fn option(&self, id: &str) -> Option<&FieldOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

/// `catalog/disclosures.json`: the questions asked under each Part 2 policy.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisclosureBook {
    pub policies: BTreeMap<String, Vec<DisclosureField>>,
}
