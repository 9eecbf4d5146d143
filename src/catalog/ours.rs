//! Types for our own content: advice for small companies with its legal notes, and the
//! Part 2 disclosure questions. None of it is the guideline's text, and the UI and PDF always
//! mark it as ours.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::lang_map::LangMap;

/// A text of the program itself in the two languages it speaks (the declaration, the
/// translation's label): fixed fields, so it can be a constant. Content (advice, law notes,
/// disclosure questions) is [`LangMap`], keyed by language.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized<T> {
    pub en: T,
    pub ja: T,
}

impl<T> Localized<T> {
    /// Every language's text, by its code.
    fn by_code(&self) -> [(&'static str, &T); 2] {
        [("en", &self.en), ("ja", &self.ja)]
    }

    /// The text for a language code; a language it has no text in gets English.
    pub fn get(&self, lang: &str) -> &T {
        self.by_code().into_iter().find(|(code, _)| *code == lang).map_or(&self.en, |(_, text)| text)
    }
}

/// Our advice on one item or policy, for a company of 5 to 50 people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
/// Written as `{"en": {…}, "ja": {…}, "law": […]}`: the languages are the entry's own keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdviceEntry {
    /// What the law says on this topic (Japanese law, as checked in a month), each with its
    /// source; the UI shows them in small print under the advice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub law: Vec<LawNote>,
    /// Where a small company gets free help on this topic (public advice centres).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub help: Vec<Help>,
    /// The advice by language ("en" required).
    #[serde(flatten)]
    pub advice: LangMap<Advice>,
}

impl AdviceEntry {
    /// The advice in a language code; English where the entry has none in that language.
    pub fn get(&self, lang: &str) -> &Advice {
        self.advice.get(lang)
    }
}

/// A public place where a small company gets free help, as we checked it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Help {
    pub name: LangMap<String>,
    /// What it offers, in a sentence.
    pub what: LangMap<String>,
    /// Its public page.
    pub url: String,
    /// The month we checked it, "YYYY-MM".
    pub as_of: String,
    /// When to check it again (names and services change), "YYYY-MM-DD".
    pub review_by: String,
}

/// One legal statement in our advice: what the rule is, where it is written and can be read,
/// when we checked it and when it must be checked again, from when it is in force, and, if it
/// depends on the size of the company or on something else that can be counted, from when on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LawNote {
    /// The rule, in everyday words.
    pub text: LangMap<String>,
    /// The law and article, or the ministry's page, that states it.
    pub source: LangMap<String>,
    /// Public addresses where the rule can be read (e-Gov法令検索, the ministry's page): where
    /// a reader checks it, and where the screen sends them once the note is due for review.
    pub urls: Vec<String>,
    /// The month we last checked the rule against its source, "YYYY-MM".
    pub as_of: String,
    /// The day by which it must be checked again, "YYYY-MM-DD": the next known amendment or
    /// revision, at most a year after `as_of`. After it the screen says it may be out of date,
    /// and no release is built (see `content::release_problems`).
    pub review_by: String,
    /// The day the rule takes (or took) effect, "YYYY-MM-DD", where that matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<String>,
    /// For a rule whose start is still to be set (by Cabinet Order): the day by which it
    /// takes effect at the latest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_by: Option<String>,
    /// The last day the statement describes the rule in force (a yearly figure), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_until: Option<String>,
    /// What decides whether the rule concerns a company; the core compares it with the profile
    /// (`applicability::law_facts`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
}

impl LawNote {
    /// Whether the note is past the day it had to be checked again (or past the last day it
    /// describes). A date that cannot be read counts as passed: the note cannot be trusted.
    pub fn is_stale(&self, today: time::Date) -> bool {
        let passed =
            |d: Option<&str>| d.is_some_and(|d| crate::clock::parse_date(d).is_none_or(|d| today > d));
        passed(Some(&self.review_by)) || passed(self.effective_until.as_deref())
    }
}

/// When a rule concerns a company: one or more criteria, each a range of something counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    /// Whether one criterion met is enough (`any`, the default) or all must be (`all`).
    #[serde(default)]
    pub combine: Combine,
    pub criteria: Vec<Criterion>,
    /// Whether the app may tell the company, from its profile, that the rule applies or not.
    /// `false` where the law counts what the profile does not know well enough (the people
    /// in a shared building): the screen then only says what to count.
    #[serde(default = "yes")]
    pub verdict: bool,
    /// What applies outside the criteria: nothing, or a duty to make efforts (努力義務).
    #[serde(default)]
    pub otherwise: Otherwise,
}

fn yes() -> bool {
    true
}

/// How the criteria of a threshold combine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Combine {
    /// The rule applies when any criterion is met (50 workers, or 30 women).
    #[default]
    Any,
    /// The rule applies only when every criterion is met (21 employees and 1 tonne).
    All,
}

/// What applies to a company outside a threshold's criteria.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Otherwise {
    /// Nothing: the rule does not concern it.
    #[default]
    Nothing,
    /// A duty to make efforts to do the same (努力義務).
    Effort,
}

/// One criterion: the range (both ends inclusive; one may be open) of what is counted.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub counts: Counted,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

impl Criterion {
    /// Whether `value` lies within the range.
    pub fn contains(&self, value: f64) -> bool {
        self.min.is_none_or(|m| value >= m) && self.max.is_none_or(|m| value <= m)
    }
}

/// What a criterion counts. The profile knows the company's employees (part-timers
/// included) and its sites; anything else it cannot settle, and the screen says what to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Counted {
    /// Everyone the company regularly employs, all sites together, part-timers included.
    CompanyWorkers,
    /// Those regularly employed at one workplace (事業場), part-timers included; a company
    /// with several sites counts each.
    WorkplaceWorkers,
    /// Those working at one workplace at the same time (the toilet rule).
    WorkplaceWorkersAtOnce,
    /// The company's workers with part-timers of 20 to 30 hours a week counted as half and
    /// those under 20 hours not at all (the disabled-employment quota).
    CompanyWorkersWeighted,
    /// Women regularly employed at one workplace.
    WorkplaceWomen,
    /// Everyone regularly in the building, all tenants, visitors and contractors included
    /// (収容人員, the fire-prevention rule).
    BuildingOccupants,
    /// The company's paid-in capital, in yen.
    CapitalYen,
    /// Energy used in a year, all sites together, in kilolitres of crude oil.
    EnergyKlPerYear,
    /// Greenhouse gas emitted in a year, in tonnes of CO2 equivalent (per gas).
    Co2eTonnesPerYear,
    /// Tonnes of one listed substance handled in a year at one site.
    SubstanceTonnesPerYear,
}

/// Our advice by item and policy id: the files `catalog/advice/*.json` (each holds some of
/// it), merged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdviceBook {
    #[serde(default)]
    pub items: BTreeMap<String, AdviceEntry>,
    #[serde(default)]
    pub policies: BTreeMap<String, AdviceEntry>,
}

impl AdviceBook {
    /// Every entry, items first, with its id.
    pub fn entries(&self) -> impl Iterator<Item = (&String, &AdviceEntry)> {
        self.items.iter().chain(self.policies.iter())
    }

    /// The advice on an item or a policy.
    pub fn entry(&self, id: &str) -> Option<&AdviceEntry> {
        self.items.get(id).or_else(|| self.policies.get(id))
    }
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
    pub label: LangMap<String>,
}

/// One disclosure question under a Part 2 policy.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisclosureField {
    /// Stable id, unique within its policy.
    pub id: String,
    pub kind: FieldKind,
    pub label: LangMap<String>,
    /// A hint shown under the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<LangMap<String>>,
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
