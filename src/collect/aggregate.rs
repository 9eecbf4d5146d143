//! Across submissions: keeps the newest submission of each supplier and period (saying which
//! older files were left out) and compares each supplier with its earlier submission.

use std::collections::HashMap;

use serde::Serialize;

use super::summary::Submission;
use crate::model::Rating;

/// The newest submission of each supplier and period, as they are offered.
#[derive(Default)]
pub struct Newest {
    kept: HashMap<(String, String), Submission>,
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

/// Sets each submission's change against the newest earlier submission of the same supplier
/// for another period (`before` holds the earlier ones).
pub fn compare(submissions: &mut [Submission], before: &[Submission]) {
    let mut latest: HashMap<String, Vec<&Submission>> = HashMap::new();
    for b in before {
        latest.entry(b.supplier()).or_default().push(b);
    }
    for s in submissions.iter_mut() {
        let Some(candidates) = latest.get(&s.supplier()) else { continue };
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
}
