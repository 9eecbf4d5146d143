//! Answers to the Part 2 policies: acknowledgement, passing on upstream, disclosures.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::answer::Revision;
use super::checks::{self, LONG_TEXT, MEDIUM_TEXT};
use crate::findings::FieldProblem;
use crate::catalog::{Catalog, FieldKind};
use crate::clock;
use crate::error::{Error, Result};

/// Whether the supplier has passed the policy on to its own suppliers and subcontractors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cascade {
    Done,
    Partly,
    NotYet,
    /// The supplier has no suppliers or subcontractors of its own for this matter.
    NoUpstream,
}

impl Cascade {
    pub const ALL: [Cascade; 4] = [Cascade::Done, Cascade::Partly, Cascade::NotYet, Cascade::NoUpstream];

    pub fn as_str(self) -> &'static str {
        match self {
            Cascade::Done => "done",
            Cascade::Partly => "partly",
            Cascade::NotYet => "not_yet",
            Cascade::NoUpstream => "no_upstream",
        }
    }

    pub fn parse(s: &str) -> Option<Cascade> {
        let s = s.replace('-', "_");
        Cascade::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// The supplier's answer to one Part 2 policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part2Answer {
    /// The catalog policy, e.g. "climate-change".
    pub policy_id: String,
    /// The supplier has read the policy and agrees to follow it and pass it on.
    #[serde(default)]
    pub acknowledged: bool,
    #[serde(default)]
    pub cascaded: Option<Cascade>,
    /// Answers to the policy's disclosure questions, by field id, as typed or chosen.
    #[serde(default, deserialize_with = "unique_keys")]
    pub disclosures: BTreeMap<String, String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub to_reconfirm: bool,
    #[serde(default)]
    pub updated_at: Option<String>,
    /// The stored revision this answer was read at (see `Answer::revision`; not exported).
    #[serde(default, skip_serializing_if = "Revision::is_none")]
    pub revision: Revision,
}

impl Part2Answer {
    pub fn new(policy_id: impl Into<String>) -> Part2Answer {
        Part2Answer {
            policy_id: policy_id.into(),
            acknowledged: false,
            cascaded: None,
            disclosures: BTreeMap::new(),
            notes: String::new(),
            to_reconfirm: false,
            updated_at: None,
            revision: Revision::default(),
        }
    }

    /// The answer as stored: its texts composed (see [`super::input::nfc`]).
    pub fn normalized(&self) -> Part2Answer {
        let mut a = self.clone();
        for v in a.disclosures.values_mut() {
            *v = super::input::nfc(v);
        }
        a.notes = super::input::nfc(&a.notes);
        a
    }

    /// Refuses a policy id that is not in the catalog.
    pub fn check_policy(&self, catalog: &Catalog) -> Result<()> {
        match catalog.policy(&self.policy_id) {
            Some(_) => Ok(()),
            None => Err(Error::invalid(
                "policy",
                format!("\"{}\" is not a Part 2 policy of the guideline.", self.policy_id),
            )),
        }
    }

    /// Refuses impossible values: an unknown policy or question, a choice that is not offered,
    /// a date not in the calendar, absurd lengths. Typed numbers are kept as typed and only
    /// reported by [`Part2Answer::problems`].
    pub fn validate(&self, catalog: &Catalog) -> Result<()> {
        self.check_policy(catalog)?;
        let p = &self.policy_id;
        let fields = catalog.disclosure_fields(p);
        for (id, value) in &self.disclosures {
            let Some(field) = fields.iter().find(|f| &f.id == id) else {
                return Err(Error::invalid(
                    format!("{p} disclosures"),
                    format!("\"{id}\" is not a question of this policy."),
                ));
            };
            let name = format!("{p} {id}");
            match field.kind {
                FieldKind::Choice if !value.is_empty() && field.option(value).is_none() => {
                    let offered: Vec<&str> = field.options.iter().map(|o| o.id.as_str()).collect();
                    return Err(Error::invalid(
                        name,
                        format!("\"{value}\" is not one of the offered answers ({}).", offered.join(", ")),
                    ));
                }
                FieldKind::Date if !value.is_empty() => checks::date(&name, &Some(value.clone()))?,
                FieldKind::Text => checks::text(&name, value, MEDIUM_TEXT)?,
                _ => checks::text(&name, value, checks::DISCLOSURE_VALUE)?,
            }
        }
        checks::text(&format!("{p} notes"), &self.notes, LONG_TEXT)
    }

    /// What a submission would miss: unanswered required questions, numbers or years that
    /// are not numbers or years.
    pub fn problems(&self, catalog: &Catalog) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        for field in catalog.disclosure_fields(&self.policy_id) {
            let value = self.disclosures.get(&field.id).map(|v| v.trim()).unwrap_or("");
            let problem = if value.is_empty() {
                field.required.then_some("missing")
            } else {
                match field.kind {
                    FieldKind::Number if parse_amount(value).is_none() => Some("malformed"),
                    FieldKind::Year if parse_year(value).is_none() => Some("malformed"),
                    _ => None,
                }
            };
            if let Some(problem) = problem {
                out.push(FieldProblem { field: field.id.clone(), problem: problem.into() });
            }
        }
        out
    }
}

/// A non-negative decimal as people type it: "1,234.5", " 12 ", full-width digits.
pub fn parse_amount(s: &str) -> Option<f64> {
    let cleaned: String = s
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '，'))
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            c => c,
        })
        .collect();
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}

/// A four-digit year between 1990 and next year.
pub fn parse_year(s: &str) -> Option<i32> {
    let y: i32 = super::input::half_width(s).parse().ok()?;
    (1990..=clock::current_year() + 1).contains(&y).then_some(y)
}

/// Reads a JSON object into a map, refusing a key given twice (serde_json would silently
/// keep the last one, and a hand-edited file could hide an answer that way).
fn unique_keys<'de, D>(d: D) -> std::result::Result<BTreeMap<String, String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = BTreeMap<String, String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of answers given as text")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> std::result::Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<String, String>()? {
                if out.contains_key(&k) {
                    return Err(serde::de::Error::custom(format!("the answer \"{k}\" is given twice")));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Visitor)
}
