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

/// Every key of a JSON object, nested ones as "outer.inner", sorted.
fn keys(v: &serde_json::Value, prefix: &str, out: &mut Vec<String>) {
    if let Some(o) = v.as_object() {
        for (k, inner) in o {
            let key = format!("{prefix}{k}");
            // A map of words by a value's name (ratings, failure reasons) is checked key by key.
            keys(inner, &format!("{key}."), out);
            out.push(key);
        }
    }
    out.sort();
}

#[test]
fn every_language_has_every_part_english_has() {
    let english = Lang::english();
    let parts: Vec<&str> = english.parts().collect();
    for part in ["language", "words", "pdf", "workbook"] {
        assert!(parts.contains(&part), "lang/en/{part}.json exists: {parts:?}");
    }
    for lang in Lang::all() {
        for part in &parts {
            let file = format!("lang/{}/{part}.json", lang.code());
            let theirs: serde_json::Value =
                serde_json::from_str(lang.part(part).unwrap_or_else(|| panic!("{file} is missing"))).unwrap();
            let ours: serde_json::Value = serde_json::from_str(english.part(part).unwrap()).unwrap();
            let (mut t, mut o) = (Vec::new(), Vec::new());
            keys(&theirs, "", &mut t);
            keys(&ours, "", &mut o);
            // A table whose keys are the language's own words (the honorifics a Japanese
            // addressee may carry) is the language's to fill: only its presence is compared.
            let own_table = |k: &String| k.starts_with("honorifics.");
            t.retain(|k| !own_table(k));
            o.retain(|k| !own_table(k));
            let missing: Vec<&String> = o.iter().filter(|k| !t.contains(k)).collect();
            let extra: Vec<&String> = t.iter().filter(|k| !o.contains(k)).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{file}: missing {missing:?}, not in English {extra:?}");
            // Every label is said: no empty text, except where a language's form has no such
            // line: the English e-mail has no self-introduction (the Japanese one does), and
            // an English calendar entry needs no note that a title is our translation.
            const MAY_BE_EMPTY: [(&str, &str); 3] =
                [("mail", "introduction"), ("mail", "introduction_company"), ("reminders", "translated_title")];
            let may_be_empty = |k: &str| MAY_BE_EMPTY.contains(&(*part, k));
            for k in &t {
                let v = k.split('.').fold(&theirs, |v, k| &v[k]);
                let empty = v.as_str().is_some_and(|s| s.trim().is_empty());
                assert!(!empty || may_be_empty(k), "{file}: {k} is empty");
            }
        }
        // The modules read their parts as their own structs (every field required, no other).
        let _ = csr_core::pdf::labels(lang);
        let _ = csr_core::collect::labels(lang);
        let _ = csr_core::reminders::words(lang);
    }
}

/// The cover says which edition of the guideline the app quotes in the PDF's language: the
/// English label is the catalog's own statement, so a new edition cannot keep an old label.
#[test]
fn the_pdf_names_the_edition_the_catalog_quotes() {
    let edition = &csr_core::Catalog::get().guideline.guideline.edition;
    assert_eq!(&csr_core::pdf::labels(Lang::english()).guideline_edition, edition, "lang/*/pdf.json guideline_edition");
}

/// Every failure reason and every reason to look has its words (the maps are keyed by the
/// values' stable names).
#[test]
fn every_failure_reason_has_its_words() {
    use csr_core::collect::Problem;
    let all = [
        Problem::Unreadable,
        Problem::TooLarge,
        Problem::NotSubmission,
        Problem::Mismatch,
        Problem::InvalidData,
        Problem::NewerFormat,
        Problem::PagesChanged,
        Problem::ActiveContent,
    ];
    for lang in Lang::all() {
        let words: serde_json::Value = serde_json::from_str(lang.part("workbook").unwrap()).unwrap();
        for p in all {
            let name = serde_json::to_value(p).unwrap();
            let name = name.as_str().unwrap();
            assert_eq!(words["problems"][name].as_str(), Some(p.label(lang)), "lang/{}/workbook.json problems.{name}", lang.code());
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

/// Every state of an NEC request has its word in every language (the screens and the PDF
/// both read `words.json` `request_status`).
#[test]
fn every_request_state_has_its_word() {
    for lang in Lang::all() {
        for state in csr_core::model::RequestStatus::ALL {
            let w = lang.words();
            assert!(w.request_status.contains_key(state.as_str()), "lang/{}/words.json: request_status.{}", lang.code(), state.as_str());
        }
    }
}
