//! The catalog: the NEC Group Supply-Chain CSR Guideline as data, plus our own advice.
//!
//! The data lives in `catalog/` at the repository root and is embedded in the binary, so
//! the app never depends on files beside it. The guideline's text (`guideline.json`) is kept
//! apart from ours (`advice/*.json`, `disclosures.json`) so the two are never mixed.

mod guideline;
mod ours;
mod translation;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use guideline::{
    Block, ComplianceBaseline, Condition, CoreSubject, Definition, Edition, Group, Guideline, Item, Part2, Policy,
    Relevance,
};
pub use ours::{
    Advice, AdviceBook, AdviceEntry, DisclosureBook, DisclosureField, FieldKind, FieldOption, LawNote, Localized, Threshold,
    ThresholdUnit,
};
pub use translation::{Translation, TranslationAbout, TranslationKind};

const GUIDELINE_JSON: &str = include_str!("../../catalog/guideline.json");
const DISCLOSURES_JSON: &str = include_str!("../../catalog/disclosures.json");
/// Our advice, split by part of the guideline to keep each file reviewable.
const ADVICE_JSON: [(&str, &str); 2] = [
    ("advice/groups-I-III.json", include_str!("../../catalog/advice/groups-I-III.json")),
    ("advice/groups-IV-VII-part2.json", include_str!("../../catalog/advice/groups-IV-VII-part2.json")),
];
/// Our Japanese reference translation of the guideline (see `translation.rs`).
const JA_ABOUT: (&str, &str) =
    ("translations/ja/about.json", include_str!("../../catalog/translations/ja/about.json"));
const JA_STRINGS: [(&str, &str); 2] = [
    ("translations/ja/guideline-front-I-III.json", include_str!("../../catalog/translations/ja/guideline-front-I-III.json")),
    ("translations/ja/guideline-IV-VII-part2.json", include_str!("../../catalog/translations/ja/guideline-IV-VII-part2.json")),
];

/// The whole catalog, parsed once.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub guideline: Guideline,
    pub advice: AdviceBook,
    pub disclosures: DisclosureBook,
    /// Japanese translation of the guideline's text (ours: always shown with its label).
    pub japanese: Translation,
    /// item id -> (group index, item index)
    item_index: HashMap<String, (usize, usize)>,
}

impl Catalog {
    /// The embedded catalog. Parsed on first use; the embedded data is checked by the test
    /// suite, so a failure here is a build defect, not a user error.
    pub fn get() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog::parse().expect("the embedded catalog is valid (see tests/catalog.rs)"))
    }

    /// Parses the embedded data, naming the file at fault.
    pub fn parse() -> Result<Catalog, String> {
        let guideline: Guideline =
            serde_json::from_str(GUIDELINE_JSON).map_err(|e| format!("catalog/guideline.json: {e}"))?;
        let disclosures: DisclosureBook =
            serde_json::from_str(DISCLOSURES_JSON).map_err(|e| format!("catalog/disclosures.json: {e}"))?;
        let mut advice = AdviceBook::default();
        for (name, text) in ADVICE_JSON {
            let part: AdviceBook = serde_json::from_str(text).map_err(|e| format!("catalog/{name}: {e}"))?;
            for (id, a) in part.items {
                if advice.items.insert(id.clone(), a).is_some() {
                    return Err(format!("catalog/{name}: advice for {id} is given twice"));
                }
            }
            for (id, a) in part.policies {
                if advice.policies.insert(id.clone(), a).is_some() {
                    return Err(format!("catalog/{name}: advice for policy {id} is given twice"));
                }
            }
        }
        let japanese = Translation::parse(JA_ABOUT, &JA_STRINGS).map_err(|e| format!("catalog/{e}"))?;
        let mut item_index = HashMap::new();
        for (g, group) in guideline.groups.iter().enumerate() {
            for (i, item) in group.items.iter().enumerate() {
                if item_index.insert(item.id.clone(), (g, i)).is_some() {
                    return Err(format!("catalog/guideline.json: item id {} appears twice", item.id));
                }
            }
        }
        Ok(Catalog { guideline, advice, disclosures, japanese, item_index })
    }

    /// The translation of the guideline into `lang`, if the app has one ("en" has none: the
    /// guideline is English).
    pub fn translation(&self, lang: &str) -> Option<&Translation> {
        // By the language its own about.json names: a translation is data, not a code path.
        [&self.japanese].into_iter().find(|t| t.about.language == lang)
    }

    /// A string of the guideline in `lang`: its translation where there is one, else the English.
    pub fn guideline_text<'a>(&'a self, lang: &str, english: &'a str) -> &'a str {
        self.translation(lang).map_or(english, |t| t.text(english))
    }

    /// The catalog's own version, recorded with every assessment.
    pub fn version(&self) -> &str {
        &self.guideline.catalog_version
    }

    pub fn groups(&self) -> &[Group] {
        &self.guideline.groups
    }

    /// All action items in Table 4-1's order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.guideline.groups.iter().flat_map(|g| g.items.iter())
    }

    pub fn item_count(&self) -> usize {
        self.item_index.len()
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.item_index.get(id).map(|&(g, i)| &self.guideline.groups[g].items[i])
    }

    /// Position of an item in Table 4-1's order (for sorting).
    pub fn item_position(&self, id: &str) -> Option<usize> {
        self.items().position(|i| i.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.guideline.groups.iter().find(|g| g.id == id)
    }

    pub fn policies(&self) -> &[Policy] {
        &self.guideline.part2.policies
    }

    pub fn policy(&self, id: &str) -> Option<&Policy> {
        self.policies().iter().find(|p| p.id == id)
    }

    /// The disclosure questions under a policy (empty for an unknown id).
    pub fn disclosure_fields(&self, policy_id: &str) -> &[DisclosureField] {
        self.disclosures.policies.get(policy_id).map(Vec::as_slice).unwrap_or(&[])
    }
}
