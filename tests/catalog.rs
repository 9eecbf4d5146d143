//! The catalog against the guideline's own text (`catalog/source/…txt`): ids, counts,
//! clauses, conditions, and every guideline string word for word.

use std::collections::BTreeSet;

use csr_core::catalog::{Block, Condition, FieldKind};
use csr_core::Catalog;

const SOURCE: &str = include_str!("../catalog/source/nec-supply-chain-csr-guideline.txt");

/// The source as one line: lines trimmed, list markers ("- ", "・ ") dropped, a line broken
/// after a hyphen ("pre-" / "requisite") joined without a space, whitespace collapsed.
fn normalized_source() -> String {
    let mut out = String::new();
    for line in SOURCE.lines() {
        let mut line = line.trim();
        for marker in ["- ", "・ "] {
            if let Some(rest) = line.strip_prefix(marker) {
                line = rest.trim_start();
            }
        }
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() && !out.ends_with('-') {
            out.push(' ');
        }
        out.push_str(line);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn blocks_text(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph { text } => vec![text.clone()],
            Block::List { items } => items.clone(),
        })
        .collect()
}

fn ids_of(c: &Catalog) -> Vec<String> {
    c.items().map(|i| i.id.clone()).collect()
}

#[test]
fn ids_are_unique_complete_and_in_table_order() {
    let c = Catalog::get();
    let expected: Vec<String> = [("I", 3), ("II", 9), ("III", 8), ("IV", 2), ("V", 3), ("VI", 14), ("VII", 8)]
        .iter()
        .flat_map(|(g, n)| (1..=*n).map(move |i| format!("{g}-{i}")))
        .collect();
    // Equal to a list built without repeats: so the ids are unique, all 47, in table order.
    assert_eq!(ids_of(c), expected);
    assert_eq!(c.item_count(), 47);
    let groups: Vec<(&str, usize)> = c.groups().iter().map(|g| (g.id.as_str(), g.items.len())).collect();
    assert_eq!(groups, [("I", 3), ("II", 9), ("III", 8), ("IV", 2), ("V", 3), ("VI", 14), ("VII", 8)]);
    for g in c.groups() {
        for item in &g.items {
            assert_eq!(item.group_id(), g.id, "{} sits in its group", item.id);
        }
    }
    let policies: Vec<&str> = c.policies().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        policies,
        [
            "business-continuity",
            "conflict-minerals",
            "reach",
            "climate-change",
            "construction-safety",
            "modern-slavery"
        ]
    );
}

#[test]
fn conditions_only_in_group_vi_and_essential_exactly_vi_1_2_9() {
    let c = Catalog::get();
    for item in c.items() {
        match item.group_id() {
            "VI" => {
                let expected = if ["VI-1", "VI-2", "VI-9"].contains(&item.id.as_str()) {
                    Condition::Essential
                } else {
                    Condition::Recommended
                };
                assert_eq!(item.condition, Some(expected), "{}", item.id);
            }
            _ => assert_eq!(item.condition, None, "{} has no condition", item.id),
        }
    }
    let essential: Vec<&str> = c.items().filter(|i| i.is_essential()).map(|i| i.id.as_str()).collect();
    assert_eq!(essential, ["VI-1", "VI-2", "VI-9"]);
}

#[test]
fn iso_clauses_match_the_table_column_in_order() {
    let source = normalized_source();
    let start = source.find("Table 4-1 Risk Management Priorities and Action Items").expect("table start");
    let end = source.find("*ISO26000 Seven Core Subjects").expect("table end");
    let table = &source[start..end];
    let column: Vec<&str> = table
        .split(' ')
        .filter(|t| {
            !t.is_empty()
                && t.split('/').all(|c| {
                    c.len() == 3 && c.as_bytes()[1] == b'.' && c.bytes().all(|b| b == b'.' || b.is_ascii_digit())
                })
        })
        .collect();
    let catalog: Vec<String> = Catalog::get().items().map(|i| i.iso26000.join("/")).collect();
    assert_eq!(column, catalog);
    assert_eq!(Catalog::get().item("I-2").unwrap().iso26000, ["6.3", "6.6"]);
    assert_eq!(Catalog::get().item("VII-6").unwrap().iso26000, ["6.7"]);
}

#[test]
fn titles_are_the_tables_wording_in_order() {
    let source = normalized_source();
    let start = source.find("Table 4-1 Risk Management Priorities and Action Items").unwrap();
    let end = source.find("*ISO26000 Seven Core Subjects").unwrap();
    let table = &source[start..end];
    let mut at = 0;
    for group in Catalog::get().groups() {
        let pos = table[at..].find(&group.table_title).unwrap_or_else(|| panic!("group {} in the table", group.id));
        at += pos + group.table_title.len();
        for item in &group.items {
            let pos = table[at..]
                .find(&item.title)
                .unwrap_or_else(|| panic!("{} \"{}\" in the table, in order", item.id, item.title));
            at += pos + item.title.len();
        }
    }
}

fn strip_end(s: &str) -> &str {
    s.trim_end_matches(['.', ';', ' '])
}

/// Where a detailed section ends: the next item, the next group heading, or Part 2.
fn section_end(source: &str, from: usize) -> usize {
    let markers = [
        " [",
        " II Human Rights and Labor",
        " III Occupational Health and Safety",
        " IV Product Quality and Safety",
        " V Information Security",
        " VI The Environment and Biodiversity",
        " VII Fair Trading",
        " 5. Request for Suppliers (Part-2)",
    ];
    markers.iter().filter_map(|m| source[from..].find(m)).min().map(|p| from + p).expect("a section ends")
}

#[test]
fn every_detailed_section_is_accounted_for_word_for_word() {
    let source = normalized_source();
    let intro = source.find("Action Items in Table 4.1").expect("detailed sections");
    for item in Catalog::get().items() {
        let marker = format!("[{}] ", item.id);
        let found = source[intro..].find(&marker).map(|p| intro + p);
        if !item.has_section {
            assert!(found.is_none(), "{} has no section in the guideline", item.id);
            assert!(item.request.is_none() && item.explanation.is_empty(), "{}: no invented text", item.id);
            continue;
        }
        let start = found.unwrap_or_else(|| panic!("{} has a section", item.id)) + marker.len();
        let section = &source[start..section_end(&source, start)];
        let heading = item.section_heading.as_deref().unwrap_or(strip_end(&item.title));
        assert!(section.starts_with(heading), "{}: heading \"{heading}\" begins \"{section}\"", item.id);
        if let Some(h) = &item.section_heading {
            assert_ne!(strip_end(h), strip_end(&item.title), "{}: section_heading only where it differs", item.id);
        }
        let rest = section[heading.len()..].trim_start_matches(';').trim();
        let mut expected = Vec::new();
        match item.condition {
            Some(Condition::Essential) => expected.push("Essential Condition".to_string()),
            Some(Condition::Recommended) => expected.push(format!("{} is Recommended Condition", item.id)),
            None => {}
        }
        expected.extend(item.request.clone());
        expected.extend(blocks_text(&item.explanation));
        assert_eq!(rest, expected.join(" "), "{}: the section, whole", item.id);
    }
}

#[test]
fn headings_differ_from_the_table_exactly_where_the_guideline_differs() {
    let with_heading: Vec<&str> =
        Catalog::get().items().filter(|i| i.section_heading.is_some()).map(|i| i.id.as_str()).collect();
    assert_eq!(with_heading, ["I-3", "II-6", "II-7", "III-4", "VI-1", "VII-3", "VII-4", "VII-5"]);
    let c = Catalog::get();
    assert_eq!(c.item("II-6").unwrap().section_heading.as_deref(), Some("Regulate working hours"));
    assert_eq!(c.item("II-6").unwrap().title, "Control working hours.");
}

#[test]
fn requests_and_explanations_are_present_where_the_guideline_gives_them() {
    let c = Catalog::get();
    // What the guideline itself gives: most group VI items only state their condition, and
    // I-1, I-2 and the essential conditions have a request but no explanation.
    let without_request: Vec<&str> = c.items().filter(|i| i.request.is_none()).map(|i| i.id.as_str()).collect();
    assert_eq!(
        without_request,
        ["VI-3", "VI-4", "VI-5", "VI-6", "VI-7", "VI-8", "VI-10", "VI-11", "VI-12", "VI-13", "VI-14", "VII-8"]
    );
    let without_explanation: Vec<&str> =
        c.items().filter(|i| i.explanation.is_empty()).map(|i| i.id.as_str()).collect();
    assert_eq!(
        without_explanation,
        [
            "I-1", "I-2", "VI-1", "VI-2", "VI-3", "VI-4", "VI-6", "VI-7", "VI-8", "VI-9", "VI-10", "VI-11", "VI-12",
            "VI-13", "VI-14", "VII-8"
        ]
    );
    for item in c.items().filter(|i| i.request.is_some()) {
        let r = item.request.as_deref().unwrap();
        assert!(
            r.starts_with("Suppliers are requested") || r.starts_with("Suppliers are expected"),
            "{}: {r}",
            item.id
        );
    }
    for item in c.items() {
        for b in &item.explanation {
            match b {
                Block::Paragraph { text } => assert!(!text.trim().is_empty(), "{}", item.id),
                Block::List { items } => {
                    assert!(!items.is_empty() && items.iter().all(|t| !t.trim().is_empty()), "{}", item.id)
                }
            }
        }
    }
    let vii8 = c.item("VII-8").unwrap();
    assert!(!vii8.has_section);
    assert_eq!(vii8.title, "Disclose appropriate company information.");
}

#[test]
fn part2_policies_are_the_guidelines_text_whole() {
    let source = normalized_source();
    let part2 = source.find("5. Request for Suppliers (Part-2)").unwrap();
    let policies = Catalog::get().policies();
    for (n, p) in policies.iter().enumerate() {
        let start =
            part2 + source[part2..].find(&format!(" {} ", p.title)).unwrap_or_else(|| panic!("{}", p.title)) + 1;
        let end = match policies.get(n + 1) {
            Some(next) => start + source[start..].find(&format!(" {} ", next.title)).unwrap(),
            None => start + source[start..].find(" 6. Conclusion").unwrap(),
        };
        let mut expected = vec![p.title.clone()];
        expected.extend(blocks_text(&p.statement));
        expected.push(p.request.clone());
        if let Some(d) = &p.definition {
            expected.extend([d.label.clone(), d.term.clone(), d.text.clone()]);
        }
        assert_eq!(&source[start..end], expected.join(" "), "policy {}", p.id);
        assert!(p.request.starts_with("Suppliers are requested"), "{}", p.id);
    }
}

#[test]
fn every_other_guideline_string_is_verbatim() {
    let source = normalized_source();
    let g = &Catalog::get().guideline;
    let mut strings: Vec<String> = Vec::new();
    strings.push(g.compliance_baseline.heading.clone());
    strings.extend(g.compliance_baseline.text.clone());
    for blocks in [&g.part1_request, &g.risk_management_note, &g.sections_intro, &g.part2.intro] {
        strings.extend(blocks_text(blocks));
    }
    strings.push(g.iso26000_legend.clone());
    strings.push(g.part2.heading.clone());
    strings.push(g.part2.subheading.clone());
    for group in &g.groups {
        strings.push(format!("{} {}", group.id, group.title));
        strings.extend(blocks_text(&group.intro));
    }
    for p in &g.part2.policies {
        strings.push(p.short_title.clone());
    }
    for s in strings {
        assert!(source.contains(&s), "not in the guideline: {s}");
    }
    for subject in &g.iso26000_core_subjects {
        assert!(g.iso26000_legend.contains(&format!("({}) {}", subject.clause, subject.name)), "{}", subject.clause);
    }
    assert_eq!(g.compliance_baseline.text[1], "Suppliers are strongly requested to understand thoroughly that compliance is the minimum pre-requisite to continued business with the NEC Group.");
}

#[test]
fn the_catalog_names_its_source_by_hash() {
    use sha2::{Digest, Sha256};
    let hash: String = Sha256::digest(SOURCE.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    let c = Catalog::get();
    assert_eq!(c.guideline.guideline.source_sha256, hash);
    assert_eq!(c.guideline.guideline.title, "NEC Group Supply-Chain CSR Guideline");
    assert!(!c.version().is_empty());
}

#[test]
fn our_advice_covers_every_item_and_policy_in_both_languages() {
    let c = Catalog::get();
    let items: BTreeSet<&str> = c.items().map(|i| i.id.as_str()).collect();
    let advised: BTreeSet<&str> = c.advice.items.keys().map(String::as_str).collect();
    assert_eq!(advised, items);
    let policies: BTreeSet<&str> = c.policies().iter().map(|p| p.id.as_str()).collect();
    let advised: BTreeSet<&str> = c.advice.policies.keys().map(String::as_str).collect();
    assert_eq!(advised, policies);
    for (id, a) in c.advice.items.iter().chain(c.advice.policies.iter()) {
        for lang in ["en", "ja"] {
            let advice = a.advice.exactly(lang).unwrap_or_else(|| panic!("{id}: advice in {lang}"));
            assert!(!advice.summary.trim().is_empty(), "{id} {lang} summary");
            assert!((2..=6).contains(&advice.steps.len()), "{id} {lang} steps");
            assert!(!advice.evidence.is_empty(), "{id} {lang} evidence");
            assert!(advice.steps.iter().chain(&advice.evidence).all(|s| !s.trim().is_empty()), "{id} {lang}");
        }
        assert!(
            a.get("ja").summary.chars().any(|ch| ('\u{3040}'..='\u{30ff}').contains(&ch)),
            "{id}: Japanese advice is Japanese"
        );
        // The same content in both languages (review N20): as many steps and records.
        assert_eq!(a.get("en").steps.len(), a.get("ja").steps.len(), "{id}: steps in both languages");
        assert_eq!(a.get("en").evidence.len(), a.get("ja").evidence.len(), "{id}: evidence in both languages");
    }
}

#[test]
fn disclosure_questions_are_well_formed() {
    let c = Catalog::get();
    let policies: BTreeSet<&str> = c.policies().iter().map(|p| p.id.as_str()).collect();
    let asked: BTreeSet<&str> = c.disclosures.policies.keys().map(String::as_str).collect();
    assert_eq!(asked, policies);
    for (policy, fields) in &c.disclosures.policies {
        let ids: BTreeSet<&str> = fields.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids.len(), fields.len(), "{policy}: field ids unique");
        for f in fields {
            assert!(f.label.exactly("en").is_some_and(|l| !l.is_empty()) && f.label.exactly("ja").is_some_and(|l| !l.is_empty()), "{policy}.{}", f.id);
            if f.kind == FieldKind::Choice {
                let options: BTreeSet<&str> = f.options.iter().map(|o| o.id.as_str()).collect();
                assert!(options.len() >= 2 && options.len() == f.options.len(), "{policy}.{}: options", f.id);
            } else {
                assert!(f.options.is_empty(), "{policy}.{}: only choices have options", f.id);
            }
        }
    }
}

/// Laws our advice may name, each as a text would name it. A text that names one must be
/// backed by a legal statement of the same entry whose source names it too.
const LAW_NAMES: [&str; 52] = [
    "労働基準法", "労働安全衛生法", "安衛則", "公益通報者保護法", "個人情報保護法", "下請法", "取適法",
    "独占禁止法", "不正競争防止法", "外為法", "消防法", "水質汚濁防止法", "騒音規制法", "振動規制法",
    "廃棄物処理法", "化管法", "フロン排出抑制法", "省エネ法", "温対法", "景品表示法", "最低賃金法", "PL法",
    "製造物責任法", "電気用品安全法", "消費生活用製品安全法", "政治資金規正法", "フリーランス法",
    "労働施策総合推進法", "男女雇用機会均等法", "障害者雇用促進法", "育成就労", "技能実習", "労働組合法",
    "パートタイム・有期雇用労働法", "入管法", "会社法", "金融商品取引法", "暴力団排除条例",
    "Labor Standards Act", "Industrial Safety and Health Act", "Whistleblower Protection Act",
    "Personal Information", "Subcontract Act", "Antimonopoly Act", "Unfair Competition Prevention Act",
    "Foreign Exchange and Foreign Trade Act", "Fire Service Act", "Product Liability Act", "Minimum Wage Act",
    "Freelance Act", "Energy Conservation Act", "Political Funds Control Act",
];

/// Words that make a text a statement of what the law requires.
const LEGAL_WORDS: [&str; 8] =
    ["法定", "法律で", "法律が", "義務", "the law requires", "legally required", "required by law", "legal duty"];

fn entries(c: &Catalog) -> impl Iterator<Item = (&String, &csr_core::catalog::AdviceEntry)> {
    c.advice.items.iter().chain(c.advice.policies.iter())
}

#[test]
fn every_legal_statement_in_our_advice_has_a_source_an_address_and_its_dates() {
    let c = Catalog::get();
    let mut notes = 0;
    for (id, a) in entries(c) {
        for (i, law) in a.law.iter().enumerate() {
            notes += 1;
            let at = format!("{id} law[{i}]");
            for lang in ["en", "ja"] {
                let (text, source) = (law.text.get(lang), law.source.get(lang));
                assert!(text.trim().chars().count() > 20, "{at} {lang}: the rule is stated");
                assert!(source.trim().chars().count() > 3, "{at} {lang}: the source is named");
            }
            assert!(law.text.get("ja").chars().any(|ch| ('\u{3040}'..='\u{30ff}').contains(&ch)), "{at}: Japanese is Japanese");
            assert!(law.as_of.as_str() >= "2026-11", "{at}: checked for this catalog (got {})", law.as_of);
            // Every statement: a public address, the month it was checked, and a review day
            // after that month and within a year, before any pending date of the rule.
            csr_core::catalog::content::check_note(law).unwrap_or_else(|e| panic!("{at}: {e}"));
        }
    }
    assert!(notes >= 100, "our advice states the law with its sources ({notes} statements)");
}

#[test]
fn advice_that_names_a_law_or_a_legal_duty_carries_the_statement_and_its_source() {
    let c = Catalog::get();
    for (id, a) in entries(c) {
        let texts: Vec<&String> = [a.get("en"), a.get("ja")]
            .into_iter()
            .flat_map(|adv| std::iter::once(&adv.summary).chain(&adv.steps).chain(&adv.evidence))
            .collect();
        let sources: String =
            a.law.iter().map(|l| format!("{} {} {} ", l.source.get("en"), l.source.get("ja"), l.text.get("ja"))).collect();
        for name in LAW_NAMES {
            if texts.iter().any(|t| t.contains(name)) {
                assert!(sources.contains(name), "{id}: the advice names {name}; add a legal statement citing it");
            }
        }
        for word in LEGAL_WORDS {
            if let Some(t) = texts.iter().find(|t| t.to_lowercase().contains(word)) {
                assert!(!a.law.is_empty(), "{id}: \"{t}\" states a legal duty; add the legal statement with its source");
            }
        }
    }
}

#[test]
fn the_faults_found_in_the_2026_review_stay_fixed() {
    let c = Catalog::get();
    let all = |id: &str| {
        let a = c.advice.items.get(id).or_else(|| c.advice.policies.get(id)).unwrap();
        let mut s = serde_json::to_string(a).unwrap();
        s.push_str(&serde_json::to_string(&a.law).unwrap());
        s
    };
    let has = |id: &str, needles: &[&str]| {
        let text = all(id);
        for n in needles {
            assert!(text.contains(n), "{id}: mentions {n}");
        }
    };
    has("I-2", &["従事者", "300", "2025"]);
    has("II-6", &["45", "360", "720", "100", "80", "60", "50%", "時季指定", "5日"]);
    has("II-9", &["育成就労", "2027-04-01", "送出機関"]);
    has("III-8", &["ストレスチェック", "産業医", "衛生管理者", "50"]);
    has("III-2", &["安全衛生推進者", "10"]);
    has("III-3", &["化学物質管理者", "保護具着用管理責任者", "皮膚"]);
    has("VI-2", &["化学物質管理者", "保護具着用管理責任者"]);
    has("V-2", &["個人情報保護委員会", "要配慮個人情報", "1,000"]);
    has("VII-2", &["取適法", "2026-01-01", "手形", "フリーランス法", "National Contract Act"]);
    has("VI-1", &["特定施設", "水質汚濁防止法", "騒音規制法", "振動規制法", "6月30日", "少量危険物"]);
    has("II-5", &["都道府県"]);
    has("climate-change", &["算定方法・排出係数一覧", "電気事業者別排出係数", "1,500"]);
    assert!(!all("II-9").contains("今後の後継制度"), "II-9 names the successor system");
    assert!(!all("II-5").contains("each October"), "II-5: effective dates differ by prefecture");
    // Each threshold the review named is given as data, so the core can compare it with the profile.
    let thresholds = |id: &str| -> Vec<(Option<f64>, Option<f64>)> {
        c.advice.items[id].law.iter().filter_map(|l| l.threshold.as_ref()).flat_map(|t| t.criteria.iter().map(|c| (c.min, c.max))).collect()
    };
    assert!(thresholds("I-2").contains(&(Some(301.0), None)));
    assert!(thresholds("III-8").contains(&(Some(50.0), None)));
    assert!(thresholds("III-2").contains(&(Some(10.0), Some(49.0))));
}

/// The faults of the 2026-12 review (N1 to N20, `shared/reviews/advice-law-review-2026-12.md`)
/// stay fixed: each by the words and the data that fix it.
#[test]
fn the_faults_found_in_the_2026_12_review_stay_fixed() {
    use csr_core::catalog::{Combine, Counted};
    let c = Catalog::get();
    let all = |id: &str| serde_json::to_string(c.advice.entry(id).unwrap()).unwrap();
    let has = |id: &str, needles: &[&str]| {
        let text = all(id);
        for n in needles {
            assert!(text.contains(n), "{id}: mentions {n}");
        }
    };
    let note = |id: &str, needle: &str| {
        c.advice.entry(id).unwrap().law.iter().find(|l| l.text.get("ja").contains(needle) || l.text.get("en").contains(needle))
            .unwrap_or_else(|| panic!("{id}: a legal note on {needle}"))
            .clone()
    };
    let counts = |n: &csr_core::catalog::LawNote| -> Vec<(Counted, Option<f64>)> {
        n.threshold.as_ref().unwrap().criteria.iter().map(|c| (c.counts, c.min.or(c.max))).collect()
    };
    // N1: customer harassment and job seekers, in force 2026-10-01, with steps.
    assert_eq!(note("II-2", "カスタマーハラスメント").effective_from.as_deref(), Some("2026-10-01"));
    assert_eq!(note("II-2", "就活セクハラ").effective_from.as_deref(), Some("2026-10-01"));
    has("II-2", &["カスハラ対応の手順", "response sheet", "第33条"]);
    assert!(!all("II-2").contains("施行日は厚生労働省のページで確認"), "II-2: the date is known");
    // N2: FY2025 figures and where to check the rate in force today.
    has("II-5", &["1,121", "1,023", "1,226", "地域別最低賃金の全国一覧", "minimumichiran", "時給に換算"]);
    // N3: the fire rule counts the building, and the app gives no verdict from the headcount.
    let fire = note("III-5", "防火管理者");
    assert_eq!(counts(&fire), [(Counted::BuildingOccupants, Some(50.0))]);
    assert!(!fire.threshold.as_ref().unwrap().verdict);
    // N4: work rules at 10 per workplace, part-timers included, where discipline and pay are.
    for id in ["II-2", "II-5"] {
        let rules = note(id, "就業規則を作成");
        assert_eq!(counts(&rules), [(Counted::WorkplaceWorkers, Some(10.0))], "{id}");
        assert!(rules.text.get("ja").contains("パート") && rules.text.get("ja").contains("労働基準監督署"), "{id}");
    }
    has("II-2", &["モデル就業規則"]);
    // N5: the amendment in force; obstruction and searching banned; pledges do not restrict reports.
    assert_eq!(note("I-2", "通報者を探す").effective_from.as_deref(), Some("2026-12-01"));
    has("I-2", &["2026年12月1日から禁止"]);
    has("V-3", &["通報を妨げるものではない", "whistle-blowing"]);
    assert_eq!(note("I-2", "公益通報対応業務従事者").threshold.as_ref().unwrap().otherwise, csr_core::catalog::Otherwise::Effort);
    // N6: the stress check under 50 is not in force yet.
    assert_eq!(note("III-8", "50人未満の事業場でも").effective_by.as_deref(), Some("2028-05-14"));
    // N7: capital as well as headcount; the small firm as the protected side.
    assert!(counts(&note("VII-2", "300人を超える")).contains(&(Counted::CapitalYen, Some(10_000_001.0))));
    has("VII-2", &["中小受託事業者"]);
    // N8: 50 workers or 30 women.
    assert_eq!(counts(&note("III-7", "休養室")), [(Counted::WorkplaceWorkers, Some(50.0)), (Counted::WorkplaceWomen, Some(30.0))]);
    // N9: transport, bank fees, and the firm's own recourse.
    has("VII-2", &["特定運送委託", "振込手数料", "取引かけこみ寺"]);
    // N10: B2B claims under the Unfair Competition Prevention Act.
    has("VII-5", &["第2条第1項第20号", "検査成績書"]);
    // N11: Group A and the 2025-10-09 revision.
    has("VII-7", &["別表第3", "2025年10月9日", "8456"]);
    // N12: 1,500 kl for energy CO2; 3,000 t and 21 employees for the rest.
    for id in ["VI-4", "climate-change"] {
        let other = note(id, "3,000");
        assert_eq!(other.threshold.as_ref().unwrap().combine, Combine::All, "{id}");
        assert!(counts(&other).contains(&(Counted::CompanyWorkers, Some(21.0))), "{id}");
    }
    // N13: 42 and 320 hours under a one-year variable system; 原則として in English too.
    has("II-6", &["42", "320", "as a rule"]);
    // N14: all listed industries, and two criteria.
    let prtr = note("VI-2", "PRTR");
    assert!(prtr.text.get("en").contains("24 listed industries"));
    assert_eq!(prtr.threshold.as_ref().unwrap().combine, Combine::All);
    // N15: 1 hour or more; the reporting line as a step.
    has("III-6", &["1 hour or more", "Before summer"]);
    // N16: inspections and reports apart.
    has("III-5", &["機器点検", "総合点検", "3年に1回", "1年に1回"]);
    // N17: no article numbers we could not confirm; the free help.
    assert!(!all("business-continuity").contains("第50条"), "no unconfirmed article numbers");
    has("business-continuity", &["中小機構"]);
    // N18: the new bodies.
    has("II-9", &["監理支援機関", "外国人育成就労機構"]);
    // N19: the inspection articles.
    has("III-1", &["第135条の3", "第151条の24"]);
    // N20: the Japanese mentions no measure the English lacks.
    has("V-2", &["PrivacyMark", "Pマーク"]);
    has("III-6", &["back pain", "腰痛予防"]);
    has("business-continuity", &["事業継続力強化計画"]);
}

/// The missing advice of the 2026-12 review's section 5, written in both languages.
#[test]
fn the_missing_advice_of_the_2026_12_review_is_written() {
    use csr_core::catalog::Counted;
    let c = Catalog::get();
    let all = |id: &str| serde_json::to_string(c.advice.entry(id).unwrap()).unwrap();
    for (id, needles) in [
        ("II-6", &["柔軟な働き方", "個別の周知", "子の看護等休暇", "flexible work"][..]),
        ("II-2", &["カスハラ", "customer harassment"]),
        ("II-4", &["男女間賃金差異", "gender pay gap"]),
        ("III-6", &["熱中症", "heat-stroke"]),
        ("III-2", &["エイジフレンドリー", "self-employed"]),
        ("V-1", &["★3", "★4", "25", "44", "お助け隊"]),
        ("VI-8", &["2026年12月30日", "2027年6月30日", "2025/2650"]),
        ("VI-6", &["Deforestation"]),
    ] {
        for n in needles {
            assert!(all(id).contains(n), "{id}: mentions {n}");
        }
    }
    // 女性活躍推進法: 101 and more; the sentence at 50 says "outside the duty" (data: effort below).
    let josei = c.advice.items["II-4"].law.iter().find(|l| l.text.get("ja").contains("女性管理職")).unwrap();
    assert_eq!(josei.threshold.as_ref().unwrap().criteria[0].counts, Counted::CompanyWorkers);
    assert_eq!(josei.threshold.as_ref().unwrap().criteria[0].min, Some(101.0));
    // Where to get free help, each with its page.
    let help: Vec<String> = c.advice.entries().flat_map(|(_, e)| e.help.iter().map(|h| h.name.get("ja").clone())).collect();
    for name in ["よろず支援拠点", "働き方改革推進支援センター", "産業保健総合支援センター", "取引かけこみ寺", "サイバーセキュリティお助け隊", "総合労働相談コーナー"] {
        assert!(help.iter().any(|h| h.contains(name)), "free help: {name}");
    }
    for (id, e) in c.advice.entries() {
        for h in &e.help {
            csr_core::catalog::content::check_help(h).unwrap_or_else(|err| panic!("{id}: {err}"));
        }
    }
}
