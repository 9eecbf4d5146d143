//! A value in each language our content is written in, keyed by language code: English is
//! required, any other language is data ("ja" today; a third language needs only its entries
//! in the content files, no code).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

/// `{"en": …, "ja": …}`: English and any other languages, by code.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct LangMap<T>(BTreeMap<String, T>);

impl<T> LangMap<T> {
    /// The value in `lang`; English where the content has none in that language.
    pub fn get(&self, lang: &str) -> &T {
        self.0.get(lang).unwrap_or_else(|| self.english())
    }

    /// The English value (always there: reading refuses content without it).
    pub fn english(&self) -> &T {
        self.0.get("en").expect("a LangMap always holds English (checked when read)")
    }

    /// The value in exactly `lang`, without falling back to English.
    pub fn exactly(&self, lang: &str) -> Option<&T> {
        self.0.get(lang)
    }

    /// The language codes present, English first.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        std::iter::once("en").chain(self.0.keys().map(String::as_str).filter(|l| *l != "en"))
    }

    /// Every (language, value) pair, English first.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.languages().map(move |l| (l, &self.0[l]))
    }
}

impl<T> FromIterator<(String, T)> for LangMap<T> {
    /// For building content in code (tests): the caller gives English.
    fn from_iter<I: IntoIterator<Item = (String, T)>>(iter: I) -> Self {
        let map: BTreeMap<String, T> = iter.into_iter().collect();
        assert!(map.contains_key("en"), "a LangMap needs English");
        LangMap(map)
    }
}

/// A language code as content may use it: two or three lower-case letters ("en", "ja").
fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for LangMap<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let map = BTreeMap::<String, T>::deserialize(deserializer)?;
        if let Some(bad) = map.keys().find(|k| !is_language_code(k)) {
            return Err(D::Error::custom(format!(
                "\"{bad}\" is not a language code (two or three lower-case letters, e.g. \"en\", \"ja\")"
            )));
        }
        if !map.contains_key("en") {
            return Err(D::Error::custom(
                "English (\"en\") is missing; every text of our content is given in English at least",
            ));
        }
        Ok(LangMap(map))
    }
}
