//! The Japanese reference translation: complete, about this guideline text, and nothing more.

use std::collections::BTreeSet;

use csr_core::catalog::TranslationKind;
use csr_core::Catalog;
use serde_json::Value;

/// Fields of `guideline.json` that hold codes or our own words, not the guideline's text.
const NOT_QUOTED: [&str; 10] =
    ["id", "type", "clause", "iso26000", "condition", "relevance", "source_sha256", "language", "catalog_version", "edition"];

/// Every string the app quotes from the guideline (the catalog, walked as the UI receives it).
fn quoted_strings() -> BTreeSet<String> {
    fn walk(value: &Value, key: Option<&str>, out: &mut BTreeSet<String>) {
        if key.is_some_and(|k| NOT_QUOTED.contains(&k)) {
            return;
        }
        match value {
            Value::String(s) => {
                out.insert(s.clone());
            }
            Value::Array(list) => list.iter().for_each(|v| walk(v, key, out)),
            Value::Object(map) => map.iter().for_each(|(k, v)| walk(v, Some(k), out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(&serde_json::to_value(&Catalog::get().guideline).unwrap(), None, &mut out);
    out
}

#[test]
fn every_quoted_string_has_a_japanese_translation() {
    let ja = Catalog::get().translation("ja").expect("a Japanese translation");
    let missing: Vec<_> = quoted_strings().into_iter().filter(|s| ja.get(s).is_none()).collect();
    assert!(missing.is_empty(), "{} strings have no Japanese translation, e.g. {:?}", missing.len(), &missing[..missing.len().min(5)]);
}

#[test]
fn the_translation_holds_nothing_the_guideline_does_not_say() {
    let quoted = quoted_strings();
    let ja = Catalog::get().translation("ja").unwrap();
    let stray: Vec<_> = ja.strings.keys().filter(|k| !quoted.contains(*k)).collect();
    assert!(stray.is_empty(), "translated strings that the catalog does not quote (changed or mistyped?): {stray:?}");
}

#[test]
fn the_translation_is_of_this_guideline_text_and_labelled() {
    let c = Catalog::get();
    let ja = c.translation("ja").unwrap();
    assert_eq!(ja.about.translated_from_sha256, c.guideline.guideline.source_sha256, "translated from another edition");
    assert_eq!(ja.about.language, "ja");
    // Ours: the label must say so, in both languages, and that the English is authoritative.
    assert_eq!(ja.about.kind, TranslationKind::Reference);
    assert!(ja.about.label.ja.contains("参考訳") && ja.about.label.ja.contains("非公式"), "{}", ja.about.label.ja);
    assert!(ja.about.label.ja.contains("英語の原文"));
    assert!(ja.about.label.en.contains("unofficial") && ja.about.label.en.contains("English original"));
    assert!(c.translation("en").is_none(), "the guideline is English: no translation into English");
}

#[test]
fn translations_are_japanese_text() {
    let ja = Catalog::get().translation("ja").unwrap();
    for (en, tr) in &ja.strings {
        // Acronyms and names may stay Latin, but a sentence must be Japanese.
        if en.split_whitespace().count() >= 4 {
            assert!(tr.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c)), "{en} → {tr}");
        }
        assert_ne!(en.trim(), tr.trim(), "left untranslated: {en}");
    }
}

#[test]
fn a_string_without_translation_falls_back_to_the_english() {
    let c = Catalog::get();
    assert_eq!(c.guideline_text("ja", "not a guideline string"), "not a guideline string");
    assert_eq!(c.guideline_text("en", &c.guideline.groups[0].title), c.guideline.groups[0].title);
}
