//! Across submissions: keeps the newest submission of each supplier (code and legal name)
//! and period, saying which older files were left out; lists what needs a person's look (one
//! supplier code under several legal names, pages that could not be checked); and compares
//! each supplier with its earlier submission.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::read::Source;
use super::summary::{Submission, Supplier};
use crate::model::Rating;

/// The newest submission of each supplier and period, as they are offered.
#[derive(Default)]
pub struct Newest {
    kept: HashMap<(Supplier, String), Submission>,
    superseded: usize,
}

impl Newest {
    /// Keeps `s` if it is newer than the one kept for its supplier and period (submission
    /// time, then the time its data was written, then the file name decide).
    pub fn offer(&mut self, s: Submission) {
        use std::collections::hash_map::Entry;
        match self.kept.entry(s.key()) {
            Entry::Vacant(v) => {
                v.insert(s);
            }
            Entry::Occupied(mut o) => {
                self.superseded += 1;
                let newer = |a: &Submission, b: &Submission| {
                    (a.when(), &a.exported_at, &a.file) > (b.when(), &b.exported_at, &b.file)
                };
                let (mut keep, old) = if newer(&s, o.get()) { (s, o.get().clone()) } else { (o.get().clone(), s) };
                keep.superseded.push(old.file);
                keep.superseded.extend(old.superseded);
                keep.superseded.sort();
                o.insert(keep);
            }
        }
    }

    /// The kept submissions, sorted by supplier code, legal name and period, and how many
    /// were left out.
    pub fn finish(self) -> (Vec<Submission>, usize) {
        let mut all: Vec<Submission> = self.kept.into_values().collect();
        all.sort_by(|a, b| {
            (&a.supplier_code, &a.legal_name, &a.period, &a.file).cmp(&(
                &b.supplier_code,
                &b.legal_name,
                &b.period,
                &b.file,
            ))
        });
        (all, self.superseded)
    }
}

/// How a supplier's result changed since its earlier submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub previous_period: String,
    pub previous_file: String,
    /// Overall score now minus then, in percentage points (`None` when either has none).
    pub overall: Option<i64>,
    /// Each group's change, in the catalog's order.
    pub groups: Vec<Option<i64>>,
    /// Essential conditions rated lower than before (unanswered counts as not yet).
    pub essential_worse: Vec<String>,
}

/// Why a kept submission needs a person's look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Look {
    /// Its supplier code has submissions for the same period under other legal names: all
    /// are kept, none taken for another's.
    OtherNames { others: Vec<(String, String)> },
    /// The earlier submission of its supplier code (`--previous`) is under another legal name:
    /// not compared.
    PreviousOtherName { name: String, file: String },
    /// A PDF made before the app recorded what its pages print: the printed pages could not be
    /// checked against the data.
    PagesUnchecked,
}

/// A kept submission that needs a look, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NeedsLook {
    pub supplier_code: String,
    pub legal_name: String,
    pub period: String,
    pub file: String,
    pub look: Look,
}

impl NeedsLook {
    fn of(s: &Submission, look: Look) -> NeedsLook {
        NeedsLook {
            supplier_code: s.supplier_code.clone(),
            legal_name: s.legal_name.clone(),
            period: s.period.clone(),
            file: s.file.clone(),
            look,
        }
    }
}

/// What needs a look among the kept submissions: one code and period under several names,
/// and pages that could not be checked. In the submissions' order.
pub fn looks(submissions: &[Submission]) -> Vec<NeedsLook> {
    let mut by_code: BTreeMap<(&str, &str), Vec<&Submission>> = BTreeMap::new();
    for s in submissions.iter().filter(|s| !s.supplier_code.trim().is_empty()) {
        by_code.entry((s.supplier_code.trim(), s.period.trim())).or_default().push(s);
    }
    let mut out = Vec::new();
    for s in submissions {
        let same_code = by_code.get(&(s.supplier_code.trim(), s.period.trim()));
        if let Some(group) = same_code.filter(|g| g.iter().any(|o| o.supplier().name != s.supplier().name)) {
            let others = group
                .iter()
                .filter(|o| o.supplier().name != s.supplier().name)
                .map(|o| (o.legal_name.clone(), o.file.clone()))
                .collect();
            out.push(NeedsLook::of(s, Look::OtherNames { others }));
        }
        if matches!(s.source, Source::Pdf { pages_checked: false, .. }) {
            out.push(NeedsLook::of(s, Look::PagesUnchecked));
        }
    }
    out
}

/// What two names differ in: the part of each between what they share at the start and at
/// the end ("Sakura KK", "Sakura Seal KK" → "", "Seal ").
pub fn difference(a: &str, b: &str) -> (String, String) {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let end = a[start..].iter().rev().zip(b[start..].iter().rev()).take_while(|(x, y)| x == y).count();
    (a[start..a.len() - end].iter().collect(), b[start..b.len() - end].iter().collect())
}

/// Sets each submission's change against the newest earlier submission of the same supplier
/// (code and name) for another period (`before` holds the earlier ones); returns those whose
/// code has an earlier submission under another name only, which are not compared.
pub fn compare(submissions: &mut [Submission], before: &[Submission]) -> Vec<NeedsLook> {
    let mut latest: HashMap<Supplier, Vec<&Submission>> = HashMap::new();
    for b in before {
        latest.entry(b.supplier()).or_default().push(b);
    }
    let mut looks = Vec::new();
    for s in submissions.iter_mut() {
        let Some(candidates) = latest.get(&s.supplier()) else {
            let code = s.supplier_code.trim();
            let renamed = before
                .iter()
                .filter(|b| !code.is_empty() && b.supplier_code.trim() == code && b.period != s.period)
                .max_by(|a, b| (a.when(), &a.file).cmp(&(b.when(), &b.file)));
            if let Some(b) = renamed {
                looks.push(NeedsLook::of(s, Look::PreviousOtherName { name: b.legal_name.clone(), file: b.file.clone() }));
            }
            continue;
        };
        let Some(prev) = candidates
            .iter()
            .filter(|b| b.period != s.period)
            .max_by(|a, b| (a.when(), &a.file).cmp(&(b.when(), &b.file)))
        else {
            continue;
        };
        let diff = |now: Option<u32>, then: Option<u32>| Some(i64::from(now?) - i64::from(then?));
        let points = |r: Option<Rating>| match r {
            Some(Rating::NotApplicable) => None,
            Some(r) => r.points(),
            None => Some(0),
        };
        let essential_worse = s
            .essential_ratings
            .iter()
            .filter_map(|(id, now)| {
                let then = prev.essential_ratings.iter().find(|(pid, _)| pid == id).and_then(|(_, r)| points(*r))?;
                (points(*now)? < then).then(|| id.clone())
            })
            .collect();
        s.change = Some(Change {
            previous_period: prev.period.clone(),
            previous_file: prev.file.clone(),
            overall: diff(s.overall, prev.overall),
            groups: s.groups.iter().zip(&prev.groups).map(|(n, t)| diff(*n, *t)).collect(),
            essential_worse,
        });
    }
    looks
}

#[cfg(test)]
mod tests {
    use super::difference;

    #[test]
    fn the_difference_of_two_names_is_what_lies_between_what_they_share() {
        assert_eq!(difference("Sakura KK", "Sakura Seal KK"), ("".into(), "Seal ".into()));
        assert_eq!(difference("株式会社さくら", "株式会社　さくら"), ("".into(), "　".into()));
        assert_eq!(difference("ABC", "ABD"), ("C".into(), "D".into()));
    }
}
