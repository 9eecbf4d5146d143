//! Whether our legal notes concern a company, decided once here: from a note, the company's
//! profile (country, employees, sites) and today's date, the fact the screen states — applies,
//! does not apply, may apply (and what to count), will apply from a date — and whether the note
//! is due for review. The UI only renders these facts; it draws no conclusion of its own.

use serde::Serialize;
use time::Date;

use crate::catalog::{AdviceEntry, Combine, Counted, Criterion, LawNote, Otherwise};
use crate::clock;
use crate::model::CompanyProfile;

/// Ways people write Japan in the profile's free-text country field (compared lower-cased).
const JAPAN_NAMES: [&str; 9] = ["japan", "jp", "jpn", "nippon", "nihon", "日本", "日本国", "にほん", "にっぽん"];

/// Whether Japanese law is the one that applies: the country is Japan, or not given yet
/// (most suppliers are in Japan, and the notes then read as they would for them).
pub fn in_japan(country: &str) -> bool {
    let c = country.trim().to_lowercase();
    let c = c.trim_matches(|ch: char| ch == '.' || ch.is_whitespace());
    c.is_empty()
        || JAPAN_NAMES.contains(&c)
        || c.contains("日本")
        || c.split(|ch: char| !ch.is_alphanumeric()).any(|word| word == "japan")
}

/// What the profile says about the company's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Everyone regularly employed, part-timers included (the profile's figure).
    pub employees: Option<u32>,
    /// The number of sites the profile lists (one per line); `None` when it lists none.
    pub sites: Option<usize>,
}

impl Size {
    pub fn of(profile: &CompanyProfile) -> Size {
        let sites = profile.sites.lines().filter(|l| !l.trim().is_empty()).count();
        Size { employees: profile.employees, sites: (sites > 0).then_some(sites) }
    }
}

/// The conclusion the screen states for one note, with what it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Verdict {
    /// The profile settles it: the rule applies to the company.
    Applies,
    /// The profile settles it: the rule does not apply.
    DoesNotApply,
    /// Outside the criteria the rule asks for efforts only (努力義務).
    EffortOnly,
    /// The profile cannot settle it; `check` says what the company must count or look up.
    MayApply { check: Vec<Counted> },
    /// The rule is not in force yet; by the profile it will apply from `from` (or, where the
    /// date is still to be set, by `by` at the latest).
    WillApply { from: Option<String>, by: Option<String> },
    /// Not in force yet, and the profile cannot settle whether it will apply.
    MayApplyLater { from: Option<String>, by: Option<String>, check: Vec<Counted> },
    /// A rule for every employer that is not in force yet.
    NotYetInForce { from: Option<String>, by: Option<String> },
    /// The rule depends on the headcount and the profile gives none.
    NoHeadcount,
}

/// Everything the screen says about one legal note besides its text and source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoteFact {
    /// The month the rule was checked ("YYYY-MM"), shown quietly.
    pub checked: String,
    /// When it must be checked again.
    pub review_by: String,
    /// Whether `review_by` has passed: the rule may have changed, and the screen says where
    /// to check it.
    pub stale: bool,
    /// What the profile makes of the note; `None` where there is nothing to conclude (no
    /// threshold and in force, or a company outside Japan).
    pub verdict: Option<Verdict>,
    /// What the threshold counts, to be said with the verdict.
    pub counted: Vec<Criterion>,
    /// The profile's headcount, for the sentence.
    pub employees: Option<u32>,
}

/// The facts of an entry's notes for one company on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LawFacts {
    /// Whether Japanese law applies to the company (else the notes are examples only).
    pub japan: bool,
    /// The profile's country, as written, for the sentence that says so.
    pub country: String,
    /// One per note, in the entry's order.
    pub notes: Vec<NoteFact>,
}

/// The facts of every note of `entry` for `profile` (none yet: everything unknown) on `today`.
pub fn law_facts(entry: &AdviceEntry, profile: Option<&CompanyProfile>, today: Date) -> LawFacts {
    let country = profile.map(|p| p.country.trim().to_string()).unwrap_or_default();
    let japan = in_japan(&country);
    let size = profile.map(Size::of).unwrap_or(Size { employees: None, sites: None });
    let notes = entry.law.iter().map(|note| note_fact(note, size, japan, today)).collect();
    LawFacts { japan, country, notes }
}

/// The fact of one note.
pub fn note_fact(note: &LawNote, size: Size, japan: bool, today: Date) -> NoteFact {
    NoteFact {
        checked: note.as_of.clone(),
        review_by: note.review_by.clone(),
        stale: is_stale(note, today),
        verdict: if japan { verdict(note, size, today) } else { None },
        counted: note.threshold.as_ref().map(|t| t.criteria.clone()).unwrap_or_default(),
        employees: size.employees,
    }
}

/// Whether the note is past the day it had to be checked again (see [`LawNote::is_stale`]).
pub fn is_stale(note: &LawNote, today: Date) -> bool {
    note.is_stale(today)
}

/// Whether the rule is not yet in force on `today`: its start is later, or still to be set.
fn pending(note: &LawNote, today: Date) -> bool {
    match (&note.effective_from, &note.effective_by) {
        (Some(from), _) => clock::parse_date(from).is_some_and(|d| d > today),
        (None, Some(by)) => clock::parse_date(by).is_some_and(|d| d > today),
        (None, None) => false,
    }
}

/// What one criterion makes of the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Met,
    Unmet,
    /// The profile cannot settle it.
    Open,
    /// It depends on the headcount, which the profile does not give.
    NoHeadcount,
}

/// One criterion against the profile. What the profile knows: the company's employees `n`
/// (part-timers included). One site of `n` people holds anywhere from none to all of them;
/// with one site listed, exactly all of them. A weighted count (part-timers as half or not
/// at all) lies between none and `n`. Anything else (women, the building, capital, energy,
/// tonnes) it does not know.
fn read(c: &Criterion, size: Size) -> Reading {
    let Some(n) = size.employees.map(f64::from) else {
        return match c.counts {
            Counted::CompanyWorkers
            | Counted::WorkplaceWorkers
            | Counted::WorkplaceWorkersAtOnce
            | Counted::CompanyWorkersWeighted => Reading::NoHeadcount,
            _ => Reading::Open,
        };
    };
    let exactly = |v: f64| if c.contains(v) { Reading::Met } else { Reading::Unmet };
    // Some count between 0 and n: met for all of them, for none, or open.
    let up_to = |n: f64| {
        if c.contains(n) && c.contains(0.0) {
            Reading::Met
        } else if c.min.is_some_and(|m| n < m) || c.max.is_some_and(|m| m < 0.0) {
            Reading::Unmet
        } else {
            Reading::Open
        }
    };
    match c.counts {
        Counted::CompanyWorkers => exactly(n),
        Counted::WorkplaceWorkers if size.sites == Some(1) => exactly(n),
        Counted::WorkplaceWorkers | Counted::WorkplaceWorkersAtOnce | Counted::CompanyWorkersWeighted => up_to(n),
        Counted::WorkplaceWomen
        | Counted::BuildingOccupants
        | Counted::CapitalYen
        | Counted::EnergyKlPerYear
        | Counted::Co2eTonnesPerYear
        | Counted::SubstanceTonnesPerYear => Reading::Open,
    }
}

/// The verdict on one note, or `None` where there is nothing to conclude.
fn verdict(note: &LawNote, size: Size, today: Date) -> Option<Verdict> {
    let later = pending(note, today);
    let (from, by) = (note.effective_from.clone(), note.effective_by.clone());
    let Some(threshold) = &note.threshold else {
        return later.then_some(Verdict::NotYetInForce { from, by });
    };
    let readings: Vec<(Counted, Reading)> = threshold.criteria.iter().map(|c| (c.counts, read(c, size))).collect();
    let any = |r: Reading| readings.iter().any(|(_, x)| *x == r);
    let all = |r: Reading| readings.iter().all(|(_, x)| *x == r);
    let mut reading = match threshold.combine {
        Combine::Any if any(Reading::Met) => Reading::Met,
        Combine::Any if all(Reading::Unmet) => Reading::Unmet,
        Combine::All if any(Reading::Unmet) => Reading::Unmet,
        Combine::All if all(Reading::Met) => Reading::Met,
        _ if any(Reading::NoHeadcount) => Reading::NoHeadcount,
        _ => Reading::Open,
    };
    if !threshold.verdict && matches!(reading, Reading::Met | Reading::Unmet) {
        reading = Reading::Open;
    }
    // What to count: the criteria the profile left open (all of them where no verdict may be
    // given), each kind once.
    let mut check: Vec<Counted> =
        readings.iter().filter(|(_, r)| !threshold.verdict || *r == Reading::Open).map(|(c, _)| *c).collect();
    check.sort();
    check.dedup();
    Some(match (reading, later) {
        (Reading::NoHeadcount, _) => Verdict::NoHeadcount,
        (Reading::Unmet, _) if threshold.otherwise == Otherwise::Effort => Verdict::EffortOnly,
        (Reading::Unmet, _) => Verdict::DoesNotApply,
        (Reading::Met, false) => Verdict::Applies,
        (Reading::Met, true) => Verdict::WillApply { from, by },
        (Reading::Open, false) => Verdict::MayApply { check },
        (Reading::Open, true) => Verdict::MayApplyLater { from, by, check },
    })
}
