//! Translations of the guideline's text: data files under `catalog/translations/<lang>/`.
//!
//! NEC's own Japanese text is not available to us, so the Japanese translation is ours and
//! is always shown with its label. The files map each English string of `guideline.json`,
//! exactly as quoted, to its translation: an official translation could later replace ours
//! by replacing the files (with `"kind": "official"` and its own label), with no code change.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ours::Localized;

/// Whose translation it is; it decides nothing but is shown in the label and the About box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslationKind {
    /// Ours: unofficial, for reading help; the English original is authoritative.
    Reference,
    /// The guideline owner's own translation.
    Official,
}

/// `about.json` of a language folder: who translated, and the label shown with the text.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationAbout {
    pub language: String,
    pub kind: TranslationKind,
    pub translator: Localized<String>,
    /// Shown wherever translated guideline text shows (in the UI language).
    pub label: Localized<String>,
    /// The guideline text translated (SHA-256 of `catalog/source/…txt`), so a new edition
    /// of the guideline cannot silently show an old translation.
    pub translated_from_sha256: String,
}

/// One file of strings: English original → translation.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationStrings {
    pub strings: BTreeMap<String, String>,
}

/// A whole translation of the guideline into one language.
#[derive(Debug, Clone, Serialize)]
pub struct Translation {
    #[serde(flatten)]
    pub about: TranslationAbout,
    pub strings: BTreeMap<String, String>,
}

impl Translation {
    /// Builds a translation from its `about.json` and string files, naming the file at fault.
    pub fn parse(about: (&str, &str), files: &[(&str, &str)]) -> Result<Translation, String> {
        let about: TranslationAbout = serde_json::from_str(about.1).map_err(|e| format!("{}: {e}", about.0))?;
        let mut strings = BTreeMap::new();
        for (name, text) in files {
            let part: TranslationStrings = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
            for (en, tr) in part.strings {
                if tr.trim().is_empty() {
                    return Err(format!("{name}: the translation of “{en}” is empty"));
                }
                if strings.insert(en.clone(), tr).is_some() {
                    return Err(format!("{name}: “{en}” is translated twice"));
                }
            }
        }
        Ok(Translation { about, strings })
    }

    /// The translation of one string of the guideline, if there is one.
    pub fn get(&self, english: &str) -> Option<&str> {
        self.strings.get(english).map(String::as_str)
    }

    /// The translation of `english`, or `english` itself where there is none.
    pub fn text<'a>(&'a self, english: &'a str) -> &'a str {
        self.get(english).unwrap_or(english)
    }
}
