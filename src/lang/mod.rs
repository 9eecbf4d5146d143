//! The languages the app speaks, as data: each is a folder `lang/<code>/` of JSON files (its
//! name, date and list formats, colon, parentheses, the PDF's language tag, and the words of
//! ratings, statuses and cascades; the PDF's and the workbook's labels). A language code is
//! parsed once at the edge (the CLI's `--lang`, the shell's commands) into a [`Lang`]; an
//! unknown code is an error everywhere, never quietly English. A third language needs a new
//! folder of data files (and the UI's string table), no code.

mod format;
mod system;
mod words;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use format::fill;
pub use system::{language_of, system_language};
pub use words::Words;

include!(concat!(env!("OUT_DIR"), "/language_files.rs"));

/// How a language writes the things the app builds lines from (`lang/<code>/language.json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Formats {
    /// "ja"
    pub code: String,
    /// The language's name in itself ("日本語"), for the language switches.
    pub name: String,
    /// BCP 47 tag for documents (the PDF's /Lang) and the web view ("ja-JP").
    pub tag: String,
    /// Primary subtags of the system locales that choose this language at a first start.
    pub system_prefixes: Vec<String>,
    /// Between a label and its value: "：" / ": ".
    pub colon: String,
    /// Between the entries of a list in running text: "、" / ", ".
    pub list_separator: String,
    /// Around a parenthetical: "（" "）" / " (" ")".
    pub paren_open: String,
    pub paren_close: String,
    /// Before each entry of a list printed one per line: "・" / "- ".
    pub bullet: String,
    /// Where a long text is shortened.
    pub ellipsis: String,
    /// A calendar date: `{year}`, `{month}` (1–12), `{month_name}`, `{day}` (1–31).
    pub date: String,
    /// January to December, for `{month_name}`.
    pub month_names: Vec<String>,
    /// A moment: `{date}`, `{time}` (HH:MM), `{zone}` ("UTC+09:00").
    pub date_time: String,
    /// A page number: `{n}` of `{m}`.
    pub page_of: String,
    /// A count of things: `{n}` ("3件").
    pub count: String,
}

/// Everything the app knows of one language.
#[derive(Debug, Serialize)]
pub struct LangData {
    #[serde(flatten)]
    pub formats: Formats,
    pub words: Words,
    /// Every part's JSON text by name (`language`, `words`, `pdf`, `workbook`, …), for the
    /// modules that read their own labels from them and for the completeness test.
    #[serde(skip)]
    parts: BTreeMap<String, &'static str>,
}

/// A language the app speaks. Cheap to copy; compared by its code.
#[derive(Clone, Copy)]
pub struct Lang(&'static LangData);

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        self.code() == other.code()
    }
}

impl Eq for Lang {}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lang({})", self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// Every language, parsed once from the embedded files. The files are checked by the test
/// suite, so a failure here is a build defect, not a user error.
fn registry() -> &'static [LangData] {
    static LANGS: OnceLock<Vec<LangData>> = OnceLock::new();
    LANGS.get_or_init(|| parse_all(LANGUAGE_FILES).unwrap_or_else(|e| panic!("the language files are valid: {e}")))
}

/// Parses the files of every language, naming the file at fault.
fn parse_all(files: &[(&str, &str, &'static str)]) -> std::result::Result<Vec<LangData>, String> {
    let mut by_code: BTreeMap<&str, BTreeMap<String, &'static str>> = BTreeMap::new();
    for (code, part, text) in files {
        by_code.entry(code).or_default().insert(part.to_string(), text);
    }
    let mut out = Vec::new();
    // English first: it is the original of the guideline and the first choice when the
    // system names no language the app speaks.
    let mut codes: Vec<&str> = by_code.keys().copied().collect();
    codes.sort_by_key(|c| (*c != "en", *c));
    for code in codes {
        let parts = by_code.remove(code).unwrap_or_default();
        let file = |part: &str| format!("lang/{code}/{part}.json");
        let formats: Formats = serde_json::from_str(parts.get("language").copied().ok_or_else(|| format!("{} is missing", file("language")))?)
            .map_err(|e| format!("{}: {e}", file("language")))?;
        if formats.code != code {
            return Err(format!("{}: its code is \"{}\", its folder \"{code}\"", file("language"), formats.code));
        }
        if formats.month_names.len() != 12 {
            return Err(format!("{}: month_names needs 12 names", file("language")));
        }
        let words: Words = serde_json::from_str(parts.get("words").copied().ok_or_else(|| format!("{} is missing", file("words")))?)
            .map_err(|e| format!("{}: {e}", file("words")))?;
        out.push(LangData { formats, words, parts });
    }
    if out.first().map(|l| l.formats.code.as_str()) != Some("en") {
        return Err("lang/en is missing: English is the guideline's own language".into());
    }
    Ok(out)
}

impl Lang {
    /// The language of `code` ("ja"); an unknown code is refused, naming the known ones.
    pub fn parse(code: &str) -> Result<Lang> {
        let wanted = code.trim().to_ascii_lowercase();
        registry()
            .iter()
            .find(|l| l.formats.code == wanted)
            .map(Lang)
            .ok_or_else(|| Error::UnknownLanguage { code: code.to_string(), known: Lang::codes().join(", ") })
    }

    /// English: the guideline's language, and the first start's when the system names none
    /// the app speaks.
    pub fn english() -> Lang {
        Lang(&registry()[0])
    }

    /// Every language, English first.
    pub fn all() -> impl Iterator<Item = Lang> {
        registry().iter().map(Lang)
    }

    /// Every language's code.
    pub fn codes() -> Vec<&'static str> {
        registry().iter().map(|l| l.formats.code.as_str()).collect()
    }

    /// "ja"
    pub fn code(self) -> &'static str {
        &self.0.formats.code
    }

    /// "日本語"
    pub fn name(self) -> &'static str {
        &self.0.formats.name
    }

    /// "ja-JP"
    pub fn tag(self) -> &'static str {
        &self.0.formats.tag
    }

    pub fn formats(self) -> &'static Formats {
        &self.0.formats
    }

    pub fn words(self) -> &'static Words {
        &self.0.words
    }

    /// Everything the UI needs of the language (formats and words), as data.
    pub fn data(self) -> &'static LangData {
        self.0
    }

    /// The JSON text of part `part` of this language (`lang/<code>/<part>.json`), if it has one.
    pub fn part(self, part: &str) -> Option<&'static str> {
        self.0.parts.get(part).copied()
    }

    /// Part `part` of this language read as `T`; the error names the file and the fault.
    pub fn parse_part<T: DeserializeOwned>(self, part: &str) -> std::result::Result<T, String> {
        let file = format!("lang/{}/{part}.json", self.code());
        let text = self.part(part).ok_or_else(|| format!("{file} is missing"))?;
        serde_json::from_str(text).map_err(|e| format!("{file}: {e}"))
    }

    /// The names of this language's parts ("language", "pdf", "words", "workbook", …).
    pub fn parts(self) -> impl Iterator<Item = &'static str> {
        self.0.parts.keys().map(String::as_str)
    }
}

/// A part of every language read once as `T`, for the module whose words it holds (the PDF's
/// labels, the workbook's): `static LABELS: Parts<Labels> = Parts::new("pdf");`.
pub struct Parts<T> {
    part: &'static str,
    read: OnceLock<BTreeMap<&'static str, T>>,
}

impl<T: DeserializeOwned> Parts<T> {
    pub const fn new(part: &'static str) -> Parts<T> {
        Parts { part, read: OnceLock::new() }
    }

    /// Every language's part, read on first use. The files are checked by the test suite
    /// (tests/languages.rs reads every part of every language), so a fault here is a build
    /// defect, not a user error.
    fn all(&self) -> &BTreeMap<&'static str, T> {
        self.read.get_or_init(|| {
            Lang::all()
                .map(|l| (l.code(), l.parse_part(self.part).unwrap_or_else(|e| panic!("the language files are valid: {e}"))))
                .collect()
        })
    }

    /// The part in `lang`.
    pub fn get(&self, lang: Lang) -> &T {
        &self.all()[lang.code()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_parses_and_english_comes_first() {
        let codes = Lang::codes();
        assert_eq!(codes[0], "en");
        assert!(codes.contains(&"ja"));
        for lang in Lang::all() {
            assert_eq!(Lang::parse(lang.code()).unwrap(), lang);
        }
    }

    #[test]
    fn an_unknown_code_is_an_error_naming_the_known_ones() {
        let e = Lang::parse("fr").unwrap_err();
        assert_eq!(e.kind(), crate::error::ErrorKind::UnknownLanguage);
        assert!(e.to_string().contains("en, ja"), "{e}");
        assert_eq!(Lang::parse(" JA ").unwrap().code(), "ja");
    }

    #[test]
    fn a_language_folder_with_a_wrong_code_is_refused() {
        let files: &[(&str, &str, &str)] = &[
            ("en", "language", include_str!("../../lang/en/language.json")),
            ("en", "words", include_str!("../../lang/en/words.json")),
            ("xx", "language", include_str!("../../lang/ja/language.json")),
            ("xx", "words", include_str!("../../lang/ja/words.json")),
        ];
        let e = parse_all(files).unwrap_err();
        assert!(e.contains("lang/xx/language.json"), "{e}");
    }
}
