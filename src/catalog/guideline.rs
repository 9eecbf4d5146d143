//! Types for the guideline's own text. Every string here is the guideline's, word for word
//! (tests/catalog.rs checks each one against the source text in `catalog/source/`).

use serde::{Deserialize, Serialize};

/// The guideline as encoded in `catalog/guideline.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guideline {
    /// Version of the catalog (guideline encoding plus our advice); bump on any change in `catalog/`.
    pub catalog_version: String,
    pub guideline: Edition,
    /// Section 4: "compliance is the minimum pre-requisite".
    pub compliance_baseline: ComplianceBaseline,
    /// Section 4's general request to all suppliers.
    pub part1_request: Vec<Block>,
    /// Section 4's note on Table 4-1 (priorities, possible suspension, questionnaires and audits).
    pub risk_management_note: Vec<Block>,
    /// The paragraph introducing the detailed sections (based on the JEITA guidebook).
    pub sections_intro: Vec<Block>,
    /// The legend under Table 4-1.
    pub iso26000_core_subjects: Vec<CoreSubject>,
    /// The legend as the guideline prints it.
    pub iso26000_legend: String,
    /// The seven groups of Table 4-1, in its order.
    pub groups: Vec<Group>,
    /// Section 5: the policies suppliers pass on upstream.
    pub part2: Part2,
}

/// Which guideline text this catalog encodes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub title: String,
    /// The guideline carries no date or edition number; we name it by its text's hash.
    pub edition: String,
    /// SHA-256 of `catalog/source/nec-supply-chain-csr-guideline.txt`.
    pub source_sha256: String,
    /// Language of the guideline text (English; it is shown untranslated).
    pub language: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplianceBaseline {
    pub heading: String,
    pub text: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoreSubject {
    pub clause: String,
    pub name: String,
}

/// A piece of running text: a paragraph or a bulleted list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Block {
    Paragraph { text: String },
    List { items: Vec<String> },
}

/// One risk-management priority of Table 4-1 (I to VII).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Roman numeral, e.g. "VI".
    pub id: String,
    /// The heading of the group's detailed section, e.g. "Human Rights and Labor".
    pub title: String,
    /// The group as Table 4-1 words it, e.g. "Human Rights".
    pub table_title: String,
    /// Text at the head of the detailed section (only group VI has one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intro: Vec<Block>,
    pub items: Vec<Item>,
}

/// Whether a group VI item is an essential (mandatory) or a recommended condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Condition {
    Essential,
    Recommended,
}

/// One action item of Table 4-1.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id, e.g. "II-6". Answers refer to items by this id.
    pub id: String,
    /// The item as Table 4-1 words it.
    pub title: String,
    /// The detailed section's heading, only where its wording differs from `title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section_heading: Option<String>,
    /// ISO 26000 clause(s) as Table 4-1 gives them (I-2 has two).
    pub iso26000: Vec<String>,
    /// Essential or recommended; only group VI items have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// The request sentence ("Suppliers are requested to …"), where the section has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
    /// Explanation paragraphs and example lists of the detailed section.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub explanation: Vec<Block>,
    /// False for the one item of Table 4-1 without a detailed section (VII-8).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub has_section: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

impl Item {
    /// Essential conditions must be met; a gap on one needs an action plan.
    pub fn is_essential(&self) -> bool {
        self.condition == Some(Condition::Essential)
    }

    /// The group id this item belongs to ("VI" for "VI-12").
    pub fn group_id(&self) -> &str {
        self.id.split('-').next().unwrap_or("")
    }
}

/// Section 5 of the guideline.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part2 {
    pub heading: String,
    pub subheading: String,
    pub intro: Vec<Block>,
    pub policies: Vec<Policy>,
}

/// Which suppliers a Part 2 policy concerns; decided from the company profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relevance {
    /// Every supplier.
    All,
    /// Suppliers that deliver goods (parts, materials, products).
    Goods,
    /// Suppliers that handle chemical substances.
    Chemicals,
    /// Suppliers that do construction or installation work.
    Construction,
}

/// One Part 2 policy that suppliers pass on to their own suppliers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Stable id, e.g. "conflict-minerals".
    pub id: String,
    /// The policy as section 5's list names it, e.g. "Conflict Minerals".
    pub short_title: String,
    /// The policy's heading, e.g. "Conflict Minerals Free Policy".
    pub title: String,
    pub relevance: Relevance,
    /// NEC's statement of the policy.
    pub statement: Vec<Block>,
    /// What suppliers are requested to do.
    pub request: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Definition>,
}

/// A term the guideline defines under a policy.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// The guideline's label, "[Definition]".
    pub label: String,
    pub term: String,
    pub text: String,
}
