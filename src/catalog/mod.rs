//! The catalog: the NEC Group Supply-Chain CSR Guideline as data, plus our own advice.
//!
//! The data lives in `catalog/` at the repository root and is embedded in the binary, so
//! the app never depends on files beside it. The guideline's text (`guideline.json`) is kept
//! apart from ours (`advice/*.json`, `disclosures.json`) so the two are never mixed. Our
//! advice can be replaced by a newer signed content file (see `content`): the edges (the
//! CLI's `main`, the app's start) choose the content once with [`Catalog::choose`], and
//! [`Catalog::get`] returns the catalog with the content chosen.

pub mod content;
mod guideline;
mod lang_map;
mod ours;
pub mod signature;
mod translation;

use std::collections::HashMap;
use std::path::Path;
use std::sync::RwLock;

pub use guideline::{
    Block, ComplianceBaseline, Condition, CoreSubject, Definition, Edition, Group, Guideline, Item, Part2, Policy,
    Relevance,
};
pub use content::{Content, ContentInfo, ContentStatus, Origin, Refused};
pub use lang_map::LangMap;
pub use ours::{
    Advice, AdviceBook, AdviceEntry, Combine, Counted, Criterion, DisclosureBook, DisclosureField, FieldKind, FieldOption,
    Help, LawNote, Localized, Otherwise, Threshold,
};
pub use translation::{Translation, TranslationAbout, TranslationKind};

const GUIDELINE_JSON: &str = include_str!("../../catalog/guideline.json");
const DISCLOSURES_JSON: &str = include_str!("../../catalog/disclosures.json");
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
    /// Which content (our advice and legal notes) this catalog carries.
    pub content: ContentInfo,
    pub disclosures: DisclosureBook,
    /// Japanese translation of the guideline's text (ours: always shown with its label).
    pub japanese: Translation,
    /// item id -> (group index, item index)
    item_index: HashMap<String, (usize, usize)>,
}

/// The catalog in use: set once at start by the edges ([`Catalog::choose`]), replaced when a
/// newer content is installed. Each catalog is leaked (`&'static`): one at start, one more per
/// installed update, a few hundred kilobytes each, so `get()` can hand out plain references
/// until the catalog is passed as a parameter everywhere.
static CURRENT: RwLock<Option<&'static Catalog>> = RwLock::new(None);
/// What was chosen at start (or by the last install), for the About box and `content show`.
static STATUS: RwLock<Option<ContentStatus>> = RwLock::new(None);

impl Catalog {
    /// The catalog in use: the one chosen at start, else the built-in one. The embedded data
    /// is checked by the test suite, so a failure here is a build defect, not a user error.
    pub fn get() -> &'static Catalog {
        if let Some(c) = *CURRENT.read().unwrap_or_else(|p| p.into_inner()) {
            return c;
        }
        let mut current = CURRENT.write().unwrap_or_else(|p| p.into_inner());
        if current.is_none() {
            let parsed = Catalog::parse().expect("the embedded catalog is valid (see tests/catalog.rs)");
            *current = Some(Box::leak(Box::new(parsed)));
        }
        current.expect("set just above")
    }

    /// Parses the embedded data with the built-in content, naming the file at fault.
    pub fn parse() -> Result<Catalog, String> {
        let content = Content::built_in()?;
        Catalog::with_content(&content, Origin::BuiltIn)
    }

    /// The embedded guideline with `content` as our advice.
    pub fn with_content(content: &Content, origin: Origin) -> Result<Catalog, String> {
        let guideline: Guideline =
            serde_json::from_str(GUIDELINE_JSON).map_err(|e| format!("catalog/guideline.json: {e}"))?;
        let disclosures: DisclosureBook =
            serde_json::from_str(DISCLOSURES_JSON).map_err(|e| format!("catalog/disclosures.json: {e}"))?;
        let japanese = Translation::parse(JA_ABOUT, &JA_STRINGS).map_err(|e| format!("catalog/{e}"))?;
        let mut item_index = HashMap::new();
        for (g, group) in guideline.groups.iter().enumerate() {
            for (i, item) in group.items.iter().enumerate() {
                if item_index.insert(item.id.clone(), (g, i)).is_some() {
                    return Err(format!("catalog/guideline.json: item id {} appears twice", item.id));
                }
            }
        }
        Ok(Catalog { guideline, advice: content.book(), content: content.info(origin), disclosures, japanese, item_index })
    }

    /// The catalog with the newest usable content: the built-in one, or a newer signed file
    /// in `content_folder` (beside the database). Files not used are listed with the reason.
    pub fn load(content_folder: Option<&Path>) -> (Catalog, ContentStatus) {
        let built_in = Content::built_in().expect("the built-in content is valid (see tests/content.rs)");
        let base = Catalog::with_content(&built_in, Origin::BuiltIn).expect("the embedded catalog is valid");
        let Some(folder) = content_folder else {
            let status = ContentStatus { in_use: base.content.clone(), refused: vec![] };
            return (base, status);
        };
        let (newer, refused) = content::scan(folder, &built_in, &base.guideline);
        let catalog = match newer {
            Some((c, path)) => Catalog::with_content(&c, Origin::File { path }).expect("a checked content makes a catalog"),
            None => base,
        };
        let status = ContentStatus { in_use: catalog.content.clone(), refused };
        (catalog, status)
    }

    /// Chooses the content once at start (the edges call it before anything reads the
    /// catalog) and makes it the one [`Catalog::get`] returns.
    pub fn choose(content_folder: Option<&Path>) -> ContentStatus {
        let (catalog, status) = Catalog::load(content_folder);
        Catalog::put_in_use(catalog, status.clone());
        status
    }

    /// What [`Catalog::choose`] (or the last install) found; the built-in content when
    /// nothing was chosen.
    pub fn status() -> ContentStatus {
        STATUS
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
            .unwrap_or_else(|| ContentStatus { in_use: Catalog::get().content.clone(), refused: vec![] })
    }

    /// Installs the signed content file the user chose (in the app's dialog, or on the
    /// command line): checks it (signature, format, every entry, newer than the content in
    /// use), copies it into `content_folder` and puts it in use. A refused file changes
    /// nothing.
    pub fn install(file: &Path, content_folder: &Path) -> crate::Result<ContentStatus> {
        let current = Catalog::get();
        let bytes = content::read_limited(file)?;
        let content = content::open_signed(&bytes, file, &current.guideline)?;
        content::require_newer(&content, current.content.version, &current.content.date, file)?;
        let target = content_folder.join(format!("advice-content-{}.json", content.content_version));
        std::fs::create_dir_all(content_folder).map_err(|e| crate::Error::io("create the folder", content_folder, e))?;
        // The bytes checked are the bytes kept.
        crate::write_atomic(&target, &bytes)?;
        let catalog = Catalog::with_content(&content, Origin::File { path: target }).expect("a checked content makes a catalog");
        let status = ContentStatus { in_use: catalog.content.clone(), refused: vec![] };
        Catalog::put_in_use(catalog, status.clone());
        Ok(status)
    }

    fn put_in_use(catalog: Catalog, status: ContentStatus) {
        let leaked: &'static Catalog = Box::leak(Box::new(catalog));
        *CURRENT.write().unwrap_or_else(|p| p.into_inner()) = Some(leaked);
        *STATUS.write().unwrap_or_else(|p| p.into_inner()) = Some(status);
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
