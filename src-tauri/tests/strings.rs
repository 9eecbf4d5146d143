//! The UI's string tables: English and Japanese have the same keys and placeholders, no
//! empty text, and every key the UI uses (and every error kind the core and shell report)
//! is in them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn table(lang: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(root().join(format!("ui/js/strings/{lang}.js"))).unwrap();
    let json = text.trim().strip_prefix("export default").unwrap().trim().trim_end_matches(';');
    serde_json::from_str(json).unwrap_or_else(|e| panic!("ui/js/strings/{lang}.js is JSON after `export default`: {e}"))
}

fn placeholders(s: &str) -> BTreeSet<String> {
    s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|(name, _)| name.to_string())).collect()
}

/// Every literal key in t('…') calls under ui/js.
fn used_keys() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut stack = vec![root().join("ui/js")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "js") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (i, _) in text.match_indices("t('") {
                    let before = text[..i].chars().last();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                        continue; // querySelector('…'), closest('…'), …
                    }
                    let rest = &text[i + 3..];
                    let key = &rest[..rest.find('\'').unwrap()];
                    keys.insert(key.to_string());
                }
            }
        }
    }
    keys
}

/// The error kinds the UI can receive: the contract's list (ui/js/contract.js, generated from
/// the core's `ErrorKind::ALL` and the shell's own kinds; a test of the shell keeps it current).
fn contract_kinds() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("ui/js/contract.js")).unwrap();
    let json = &text[text.find("Object.freeze(").unwrap() + "Object.freeze(".len()..text.rfind(");").unwrap()];
    let contract: serde_json::Value = serde_json::from_str(json).expect("ui/js/contract.js holds JSON");
    contract["error_kinds"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().to_string()).collect()
}

/// The keys the core's language data gives every table (ui/js/i18n.js adds them): the words
/// of ratings, statuses and cascades, and the colon and list separator.
fn core_keys(lang: &str) -> BTreeSet<String> {
    let language = csr_core::lang::Lang::parse(lang).unwrap();
    let w = language.words();
    let mut keys: BTreeSet<String> = ["label.colon", "list.separator", "common.yes", "common.no", "status.unanswered"]
        .map(String::from)
        .into();
    for name in w.rating.keys() {
        keys.insert(format!("rating.{name}"));
        keys.insert(format!("rating.{name}.description"));
    }
    keys.extend(w.status.keys().map(|n| format!("status.{n}")));
    keys.extend(w.cascade.keys().map(|n| format!("cascade.{n}")));
    keys.extend(w.cascade_state.keys().map(|n| format!("cascade_state.{n}")));
    keys.extend(w.request_status.keys().map(|n| format!("requests.status.{n}")));
    keys.extend(w.profile_field.keys().map(|n| format!("profile.{n}")));
    keys
}

#[test]
fn english_and_japanese_tables_match() {
    let (en, ja) = (table("en"), table("ja"));
    let en_keys: BTreeSet<_> = en.keys().collect();
    let ja_keys: BTreeSet<_> = ja.keys().collect();
    assert_eq!(en_keys.difference(&ja_keys).collect::<Vec<_>>(), Vec::<&&String>::new(), "missing in Japanese");
    assert_eq!(ja_keys.difference(&en_keys).collect::<Vec<_>>(), Vec::<&&String>::new(), "missing in English");
    for (key, text) in &en {
        assert!(!text.trim().is_empty() && !ja[key].trim().is_empty(), "{key} is empty");
        assert_eq!(placeholders(text), placeholders(&ja[key]), "{key}: placeholders differ");
    }
}

#[test]
fn every_key_the_ui_uses_is_in_the_tables() {
    let mut en = table("en");
    let core = core_keys("en");
    for k in &core {
        assert!(!en.contains_key(k), "{k} is the core's word (lang/en/words.json): one source, not the table too");
        en.insert(k.clone(), String::new());
    }
    let mut needed = used_keys();
    assert!(needed.len() > 150, "the scan finds the UI's keys ({})", needed.len());
    for r in ["full", "mostly", "partly", "not_yet", "not_applicable"] {
        needed.insert(format!("rating.{r}"));
        needed.insert(format!("rating.{r}.description"));
    }
    for s in ["draft", "ready", "submitted"] {
        needed.insert(format!("status.{s}"));
    }
    for c in ["done", "partly", "not_yet", "no_upstream"] {
        needed.insert(format!("cascade.{c}"));
    }
    for r in ["all", "goods", "chemicals", "construction"] {
        needed.insert(format!("part2.relevant.{r}"));
        needed.insert(format!("part2.not_relevant.{r}"));
    }
    for m in ["signer_name", "signer_title", "date", "confirmed"] {
        needed.insert(format!("declaration.missing.{m}"));
    }
    for f in csr_core::model::REQUIRED_FIELDS {
        needed.insert(format!("profile.{f}"));
    }
    for s in ["part2", "review", "declaration", "submit"] {
        needed.insert(format!("step.{s}"));
    }
    for f in [
        "rating",
        "na_reason",
        "description",
        "evidence",
        "action_plan",
        "marked_for_review",
        "acknowledged",
        "cascaded",
        "disclosures",
        "notes",
    ] {
        needed.insert(format!("conflict.field.{f}"));
    }
    for r in ["daily", "manual", "before-update", "before-import", "before-delete", "before-restore"] {
        needed.insert(format!("backups.reason.{r}"));
    }
    needed.extend(
        [
            "item.condition.essential",
            "item.condition.recommended",
            "save.saving",
            "save.saved",
            "item.plan.hint",
            "item.plan.hint_essential",
        ]
        .map(String::from),
    );
    let kinds = contract_kinds();
    assert!(kinds.len() >= 17, "{kinds:?}");
    for k in csr_core::ErrorKind::ALL {
        assert!(kinds.iter().any(|c| c == k.as_str()), "the contract lists the core's kind {k}");
    }
    for k in &kinds {
        needed.insert(format!("error.{k}.title"));
        needed.insert(format!("error.{k}.advice"));
    }
    let missing: Vec<_> = needed.iter().filter(|k| !en.contains_key(*k)).collect();
    assert!(missing.is_empty(), "keys used but not in the tables: {missing:?}");
}

#[test]
fn the_app_identifier_is_the_cores() {
    let conf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tauri.conf.json")).unwrap()).unwrap();
    assert_eq!(
        conf["identifier"],
        csr_core::store::APP_IDENTIFIER,
        "the CLI and the app must use the same data folder"
    );
}

#[test]
fn the_built_app_carries_its_capability() {
    // tauri-build writes what it compiled into the app; without the capability closing
    // after saving and zooming would be refused at run time. The file dialogs are opened
    // in Rust: a page script may not open one (and so can name no file).
    let built = std::fs::read_to_string(root().join("gen/schemas/capabilities.json")).expect("tauri-build ran");
    let caps: serde_json::Value = serde_json::from_str(&built).unwrap();
    let default = &caps["default"];
    let permissions: Vec<&str> = default["permissions"]
        .as_array()
        .expect("the default capability is built in")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    for needed in ["core:window:allow-destroy", "core:webview:allow-set-webview-zoom"] {
        assert!(permissions.contains(&needed), "{needed} in {permissions:?}");
    }
    assert!(
        !permissions.iter().any(|p| {
            p.starts_with("opener:") || p.starts_with("fs:") || p.starts_with("shell:") || p.starts_with("dialog:")
        }),
        "nothing more than needed"
    );
}

/// The e-mail to NEC opens as a `mailto:` link, which must stay short in both languages:
/// every Japanese character costs nine characters once encoded, and Windows hands a program
/// at most 2,083 characters of a link (INTERNET_MAX_URL_LENGTH; some mail programs cut
/// near 2,000). The message is a proper business letter (greeting, sender, request,
/// closing, signature) and nothing more: the attached PDF carries everything else. With
/// these long names the Japanese link is 1,992 characters, with typical ones 1,280.
#[test]
fn the_email_link_stays_short() {
    let long = csr_core::model::CompanyProfile {
        legal_name: "株式会社さくら精密工業ホールディングス".into(),
        contact_name: "総務部 佐藤 花子".into(),
        contact_phone: "+81 (0)6-6123-4567 ext. 123".into(),
        contact_email: "hanako.sato@sakura-seimitsu-holdings.example.co.jp".into(),
        nec_contact_name: "調達本部 サプライチェーン推進部 中村 一郎".into(),
        nec_contact_email: "ichiro.nakamura@procurement.nec.example".into(),
        ..Default::default()
    };
    let typical = csr_core::model::CompanyProfile {
        legal_name: "株式会社さくら精密".into(),
        contact_name: "佐藤 花子".into(),
        contact_phone: "06-6123-4567".into(),
        contact_email: "sato@sakura.example.jp".into(),
        nec_contact_name: "山本".into(),
        nec_contact_email: "yamamoto@nec.example".into(),
        ..Default::default()
    };
    for lang in csr_core::lang::Lang::all() {
        for (profile, period, limit) in [(&long, "2026年度（令和8年度）上期", 2_000), (&typical, "2026年度", 1_400)] {
            let email = csr_core::mail::submission_email(profile, period, lang);
            let url = csr_core::mail::mailto(&email.to, &email.subject, &email.body).unwrap();
            eprintln!("{}: {} characters", lang.code(), url.len());
            assert!(url.len() <= limit, "{}: the link is {} characters: {url}", lang.code(), url.len());
        }
    }
}

/// A button whose accessible name is longer than its visible text (`…_named`, "Export FY2026
/// to a file" for "Export") must contain that visible text, or speech input ("click
/// 書き出し") cannot find it (WCAG 2.5.3, axe's label-content-name-mismatch).
#[test]
fn accessible_names_contain_the_visible_label() {
    for lang in ["en", "ja"] {
        let t = table(lang);
        let named: Vec<_> = t.keys().filter(|k| k.ends_with("_named")).collect();
        assert!(named.len() >= 4, "{named:?}");
        for key in named {
            let visible = &t[key.trim_end_matches("_named")];
            assert!(t[key].contains(visible.as_str()), "{lang}: {key} ({:?}) does not contain its button's text {visible:?}", t[key]);
        }
    }
}
