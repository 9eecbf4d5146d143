//! Reminders that reach a closed app: the dates of an assessment that call for doing
//! something, as all-day events of a calendar file (iCalendar, [`ics`]) that Outlook, Google
//! Calendar or macOS Calendar import. Each evidence entry's valid-until date, each action
//! plan's due date, the next year's assessment one year after the submission, and (phase 2,
//! once the supplier's app keeps NEC's requests) each open NEC request's due date
//! ([`OpenRequest`], [`nec_request`]). Texts are the language's (`lang/<code>/reminders.json`).
//!
//! A UID names what an event is about, never its date: an event whose date was changed and
//! written again replaces the old one in the calendar rather than adding a second.

pub mod ics;

use serde::Deserialize;
use time::{Date, Month, OffsetDateTime};

use self::ics::{Calendar, Event};
use crate::catalog::Catalog;
use crate::clock;
use crate::lang::{Lang, Parts};
use crate::feedback::{Request, Target};
use crate::model::AssessmentRecord;
use crate::fingerprint::sha256_hex;

/// The right-hand side of every UID: the app's identifier.
const UID_DOMAIN: &str = "app.csr-self-assessment.desktop";

/// A request of NEC's not yet answered, as the supplier's app keeps it (phase 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenRequest {
    /// The fingerprint of the submission NEC answered: with the request's id, what names it.
    pub submission_sha256: String,
    /// When NEC wrote it (RFC 3339).
    pub asked_at: String,
    pub request: Request,
}

/// The texts of one language, read from `lang/<code>/reminders.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    evidence_summary: String,
    evidence_description: String,
    plan_summary: String,
    plan_summary_untitled: String,
    plan_description: String,
    next_summary: String,
    next_description: String,
    request_summary: String,
    request_description: String,
    /// Said under a text that quotes an item title in our translation.
    translated_title: String,
    calendar: String,
    item: String,
    policy: String,
}

static WORDS: Parts<Words> = Parts::new("reminders");

/// The calendar's texts in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    WORDS.get(lang)
}

/// The first line of `s`, at most 60 characters.
fn short(s: &str) -> String {
    let line = s.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    if line.chars().count() > 60 {
        format!("{}…", line.chars().take(59).collect::<String>())
    } else {
        line.to_string()
    }
}

/// A short hash that names an event's subject in its UID.
fn tag(s: &str) -> String {
    sha256_hex(s.as_bytes())[..16].to_string()
}

/// What an event is about, in the text: an item with its title, or a policy.
fn target_words(catalog: &Catalog, lang: Lang, target: Target) -> (String, bool) {
    let w = words(lang);
    match target {
        Target::Item(id) => {
            let (title, translated) = catalog.item(id).map_or(("", false), |i| {
                let title = catalog.guideline_text(lang.code(), &i.title);
                (title, title != i.title)
            });
            (w.item.replace("{id}", id).replace("{title}", title), translated)
        }
        Target::Policy(id) => {
            let (title, translated) = catalog.policy(id).map_or((id, false), |p| {
                let title = catalog.guideline_text(lang.code(), &p.short_title);
                (title, title != p.short_title)
            });
            (w.policy.replace("{title}", title), translated)
        }
    }
}

/// The events of `record`: evidence that expires, action plans due, the next assessment a
/// year after the submission, and NEC's open requests with a due date (`requests`, empty
/// until phase 2 keeps them), sorted by date.
pub fn events(record: &AssessmentRecord, catalog: &Catalog, lang: Lang, requests: &[OpenRequest]) -> Vec<Event> {
    let w = words(lang);
    let a = &record.assessment;
    // The assessment's own creation time: the same in every copy of it (export, import,
    // PDF), unlike the database's row id.
    let scope = tag(&format!("{}|{}", a.created_at, a.period));
    let mut events = Vec::new();
    for answer in &record.answers {
        let Some(item) = catalog.item(&answer.item_id) else { continue };
        let (target, translated) = target_words(catalog, lang, Target::Item(&item.id));
        let note = if translated { w.translated_title.as_str() } else { "" };
        let mut seen = Vec::new();
        for e in &answer.evidence {
            let Some(date) = e.valid_until.as_deref().and_then(clock::parse_date) else { continue };
            // Two entries of one name on one item are two events.
            let key = tag(e.name.trim());
            let n = seen.iter().filter(|k| **k == key).count();
            seen.push(key.clone());
            let name = if e.name.trim().is_empty() { "—".to_string() } else { short(&e.name) };
            events.push(Event {
                uid: format!("evidence-{scope}-{}-{key}-{n}@{UID_DOMAIN}", item.id),
                date,
                summary: w.evidence_summary.replace("{name}", &name).replace("{item}", &item.id),
                description: w
                    .evidence_description
                    .replace("{name}", e.name.trim())
                    .replace("{target}", &target)
                    .replace("{period}", &a.period)
                    + note,
                alarm_days_before: Some(14),
                about: Some(item.id.clone()),
            });
        }
        let plan = &answer.action_plan;
        if let Some(date) = plan.due.as_deref().and_then(clock::parse_date) {
            let what = short(&plan.what);
            let summary = if what.is_empty() { &w.plan_summary_untitled } else { &w.plan_summary };
            events.push(Event {
                uid: format!("plan-{scope}-{}@{UID_DOMAIN}", item.id),
                date,
                summary: summary.replace("{what}", &what).replace("{item}", &item.id),
                description: w
                    .plan_description
                    .replace("{target}", &target)
                    .replace("{period}", &a.period)
                    .replace("{what}", plan.what.trim())
                    .replace("{who}", plan.who.trim())
                    + note,
                alarm_days_before: Some(7),
                about: Some(item.id.clone()),
            });
        }
    }
    if let Some(date) = next_assessment(record) {
        events.push(Event {
            uid: format!("next-assessment-{scope}@{UID_DOMAIN}"),
            date,
            summary: w.next_summary.to_string(),
            description: w
                .next_description
                .replace("{company}", record.company.display_name())
                .replace("{period}", &a.period),
            alarm_days_before: Some(30),
            about: None,
        });
    }
    events.extend(requests.iter().filter_map(|r| nec_request(r, catalog, lang)));
    events.sort_by(|x, y| x.date.cmp(&y.date).then_with(|| x.uid.cmp(&y.uid)));
    events
}

/// One year after the submission, in the computer's local time (29 February: 28 February).
fn next_assessment(record: &AssessmentRecord) -> Option<Date> {
    if !crate::pdf::is_submission(record) {
        return None;
    }
    let submitted = clock::at_offset(record.assessment.submitted_at.as_deref()?, clock::local_offset())?.date();
    let year = submitted.year() + 1;
    Date::from_calendar_date(year, submitted.month(), submitted.day())
        .or_else(|_| Date::from_calendar_date(year, Month::February, 28))
        .ok()
}

/// The event of an open NEC request with a due date (none without one). Phase 2's hook: the
/// supplier's app passes the requests it keeps to [`events`].
pub fn nec_request(open: &OpenRequest, catalog: &Catalog, lang: Lang) -> Option<Event> {
    let w = words(lang);
    let r = &open.request;
    let date = r.due.as_deref().and_then(clock::parse_date)?;
    let target = r.target()?;
    let (about, translated) = target_words(catalog, lang, target);
    let asked = clock::at_offset(&open.asked_at, clock::local_offset())
        .map_or_else(|| open.asked_at.clone(), |t| lang.date(t.date()));
    Some(Event {
        uid: format!(
            "nec-request-{}-{}@{UID_DOMAIN}",
            &open.submission_sha256[..16.min(open.submission_sha256.len())],
            tag(&r.id)
        ),
        date,
        summary: w.request_summary.replace("{text}", &short(&r.text)).replace("{item}", target.id()),
        description: w
            .request_description
            .replace("{asked}", &asked)
            .replace("{target}", &about)
            .replace("{text}", r.text.trim())
            + if translated { w.translated_title.as_str() } else { "" },
        alarm_days_before: Some(7),
        about: Some(target.id().to_string()),
    })
}

/// The calendar file of `record`'s events (see [`events`]), written at `now`.
pub fn calendar(
    record: &AssessmentRecord,
    catalog: &Catalog,
    lang: Lang,
    requests: &[OpenRequest],
    now: OffsetDateTime,
) -> String {
    let w = words(lang);
    Calendar {
        name: w
            .calendar
            .replace("{period}", &record.assessment.period)
            .replace("{company}", record.company.display_name()),
        lang: lang.code(),
        stamp: now,
        events: events(record, catalog, lang, requests),
    }
    .to_ics()
}
