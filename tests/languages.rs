//! Every language the app speaks is complete: its data files (lang/<code>/) give a word for
//! every rating, status and cascade, and every label English has. A new language is data, and
//! this test says what it still lacks.

use csr_core::lang::Lang;
use csr_core::model::{Cascade, Rating, Status};

#[test]
fn every_language_has_every_word() {
    for lang in Lang::all() {
        let w = lang.words();
        for r in Rating::ALL {
            assert!(w.rating.contains_key(r.as_str()), "lang/{}/words.json: rating {}", lang.code(), r.as_str());
            assert!(w.rating_description.contains_key(r.as_str()), "lang/{}/words.json: rating_description {}", lang.code(), r.as_str());
        }
        for s in Status::ALL {
            assert!(w.status.contains_key(s.as_str()), "lang/{}/words.json: status {}", lang.code(), s.as_str());
        }
        for c in Cascade::ALL {
            assert!(w.cascade.contains_key(c.as_str()), "lang/{}/words.json: cascade {}", lang.code(), c.as_str());
            assert!(w.cascade_state.contains_key(c.as_str()), "lang/{}/words.json: cascade_state {}", lang.code(), c.as_str());
        }
        // Every field of the company profile has its label (the form, the check, the PDF).
        let fields = serde_json::to_value(csr_core::model::CompanyProfile::default()).unwrap();
        for field in fields.as_object().unwrap().keys() {
            assert!(w.profile_field.contains_key(field), "lang/{}/words.json: profile_field {field}", lang.code());
        }
        let english = Lang::english().words();
        assert_eq!(w.rating.len(), english.rating.len(), "lang/{}: no word English lacks", lang.code());
    }
}

#[test]
fn every_language_has_every_part_english_has() {
    let english = Lang::english();
    for lang in Lang::all() {
        for part in ["language", "words"] {
            let theirs: serde_json::Value = serde_json::from_str(lang.part(part).unwrap_or("{}")).unwrap_or_default();
            let ours: serde_json::Value = serde_json::from_str(english.part(part).unwrap_or("{}")).unwrap_or_default();
            let keys = |v: &serde_json::Value| v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
            assert_eq!(keys(&theirs), keys(&ours), "lang/{}/{part}.json has the keys of lang/en/{part}.json", lang.code());
        }
    }
}

/// Japanese lines are built with the language's own punctuation, never with ASCII ": ".
#[test]
fn japanese_separators_are_full_width() {
    let ja = Lang::parse("ja").unwrap();
    assert_eq!(ja.colon(), "：");
    assert_eq!(ja.formats().list_separator, "、");
    assert!(!ja.with_paren("所在地", "未入力").contains('('));
}
