//! Reminders that reach a closed app: the dates of an assessment that call for doing
//! something, as all-day events of a calendar file (iCalendar, [`ics`]) that Outlook, Google
//! Calendar or macOS Calendar import. Each evidence entry's valid-until date, each action
//! plan's due date, the next year's assessment one year after the submission, and (phase 2,
//! once the supplier's app keeps NEC's requests) each open NEC request's due date
//! ([`OpenRequest`], [`nec_request`]). Texts are in English or Japanese.
//!
//! A UID names what an event is about, never its date: an event whose date was changed and
//! written again replaces the old one in the calendar rather than adding a second.

pub mod ics;

use time::{Date, Month, OffsetDateTime};

use self::ics::{Calendar, Event};
use crate::catalog::Catalog;
use crate::clock;
use crate::lang::Lang;
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

/// The texts of one language.
struct Words {
    lang: &'static str,
    evidence_summary: &'static str,
    evidence_description: &'static str,
    plan_summary: &'static str,
    plan_summary_untitled: &'static str,
    plan_description: &'static str,
    next_summary: &'static str,
    next_description: &'static str,
    request_summary: &'static str,
    request_description: &'static str,
    /// Said under a text that quotes an item title in our translation.
    translated_title: &'static str,
    calendar: &'static str,
    item: &'static str,
    policy: &'static str,
}

const EN: Words = Words {
    lang: "en",
    evidence_summary: "Evidence expires: {name} ({item})",
    evidence_description:
        "The evidence “{name}” for {target} of the CSR self-assessment {period} is valid until this day. \
                           Renew it, and record the new document in the CSR Self-Assessment app.",
    plan_summary: "Action plan due: {what} ({item})",
    plan_summary_untitled: "Action plan due ({item})",
    plan_description: "The action plan for {target} of the CSR self-assessment {period} is due this day: {what} \
                       (who: {who}). Record what was done in the CSR Self-Assessment app.",
    next_summary: "Next CSR self-assessment for NEC",
    next_description:
        "One year ago, {company} submitted its CSR self-assessment {period} to NEC. Start the next one in \
                       the CSR Self-Assessment app from this one: its answers are carried over, to re-confirm.",
    request_summary: "NEC request due: {text} ({item})",
    request_description: "NEC asked, on {asked}, about {target}: {text}\nReply in the CSR Self-Assessment app, on \
                          that item.",
    translated_title: "",
    calendar: "CSR self-assessment {period} – {company}",
    item: "item {id} “{title}”",
    policy: "the Part 2 policy “{title}”",
};

const JA: Words = Words {
    lang: "ja",
    evidence_summary: "根拠資料の有効期限：{name}（{item}）",
    evidence_description: "CSRセルフアセスメント（{period}）の{target}の根拠資料「{name}」は、この日まで有効です。\
                           更新したうえで、新しい資料をCSRセルフアセスメントのアプリに記録してください。",
    plan_summary: "改善計画の期限：{what}（{item}）",
    plan_summary_untitled: "改善計画の期限（{item}）",
    plan_description:
        "CSRセルフアセスメント（{period}）の{target}の改善計画は、この日が期限です：{what}（担当：{who}）。\
                       実施した内容をCSRセルフアセスメントのアプリに記録してください。",
    next_summary: "NEC向けCSRセルフアセスメントの次回実施",
    next_description:
        "1年前、{company}は{period}のCSRセルフアセスメントをNECに提出しました。CSRセルフアセスメントのアプリで、\
                       今回の評価をもとに次回の評価を始めてください。回答が引き継がれ、再確認するだけで済みます。",
    request_summary: "NECからの依頼の期限：{text}（{item}）",
    request_description: "NECから{asked}に、{target}について依頼がありました：{text}\n\
                          CSRセルフアセスメントのアプリの該当する項目で回答してください。",
    translated_title: "\n※項目名は本アプリ作成者による参考訳です。正式な文言は英語の原文です。",
    calendar: "CSRセルフアセスメント {period}（{company}）",
    item: "項目{id}「{title}」",
    policy: "パート2の方針「{title}」",
};

/// The texts of the language `lang` names (English for any other).
fn words(lang: &str) -> &'static Words {
    [&EN, &JA].into_iter().find(|w| w.lang == lang).unwrap_or(&EN)
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

/// "15 January 2027" or "2027年1月15日".
fn date_words(d: Date, lang: &str) -> String {
    Lang::parse(lang).unwrap_or_else(|_| Lang::english()).date(d)
}

/// A short hash that names an event's subject in its UID.
fn tag(s: &str) -> String {
    sha256_hex(s.as_bytes())[..16].to_string()
}

/// What an event is about, in the text: an item with its title, or a policy.
fn target_words(catalog: &Catalog, w: &Words, target: Target) -> (String, bool) {
    match target {
        Target::Item(id) => {
            let (title, translated) = catalog.item(id).map_or(("", false), |i| {
                let title = catalog.guideline_text(w.lang, &i.title);
                (title, title != i.title)
            });
            (w.item.replace("{id}", id).replace("{title}", title), translated)
        }
        Target::Policy(id) => {
            let (title, translated) = catalog.policy(id).map_or((id, false), |p| {
                let title = catalog.guideline_text(w.lang, &p.short_title);
                (title, title != p.short_title)
            });
            (w.policy.replace("{title}", title), translated)
        }
    }
}

/// The events of `record`: evidence that expires, action plans due, the next assessment a
/// year after the submission, and NEC's open requests with a due date (`requests`, empty
/// until phase 2 keeps them), sorted by date.
pub fn events(record: &AssessmentRecord, catalog: &Catalog, lang: &str, requests: &[OpenRequest]) -> Vec<Event> {
    let w = words(lang);
    let a = &record.assessment;
    // The assessment's own creation time: the same in every copy of it (export, import,
    // PDF), unlike the database's row id.
    let scope = tag(&format!("{}|{}", a.created_at, a.period));
    let mut events = Vec::new();
    for answer in &record.answers {
        let Some(item) = catalog.item(&answer.item_id) else { continue };
        let (target, translated) = target_words(catalog, w, Target::Item(&item.id));
        let note = if translated { w.translated_title } else { "" };
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
            });
        }
        let plan = &answer.action_plan;
        if let Some(date) = plan.due.as_deref().and_then(clock::parse_date) {
            let what = short(&plan.what);
            let summary = if what.is_empty() { w.plan_summary_untitled } else { w.plan_summary };
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
pub fn nec_request(open: &OpenRequest, catalog: &Catalog, lang: &str) -> Option<Event> {
    let w = words(lang);
    let r = &open.request;
    let date = r.due.as_deref().and_then(clock::parse_date)?;
    let target = r.target()?;
    let (about, translated) = target_words(catalog, w, target);
    let asked = clock::at_offset(&open.asked_at, clock::local_offset())
        .map_or_else(|| open.asked_at.clone(), |t| date_words(t.date(), lang));
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
            + if translated { w.translated_title } else { "" },
        alarm_days_before: Some(7),
    })
}

/// The calendar file of `record`'s events (see [`events`]), written at `now`.
pub fn calendar(
    record: &AssessmentRecord,
    catalog: &Catalog,
    lang: &str,
    requests: &[OpenRequest],
    now: OffsetDateTime,
) -> String {
    let w = words(lang);
    Calendar {
        name: w
            .calendar
            .replace("{period}", &record.assessment.period)
            .replace("{company}", record.company.display_name()),
        lang: w.lang,
        stamp: now,
        events: events(record, catalog, lang, requests),
    }
    .to_ics()
}
