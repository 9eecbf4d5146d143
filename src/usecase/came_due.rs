//! What has come due since the supplier last looked: the dates of each company's newest
//! assessment (evidence valid until, action plans due, NEC's open requests, next year's
//! assessment) that passed after the day the app last showed them, shown at start until the
//! supplier says "seen".

use serde::Serialize;
use time::{Date, Duration};

use crate::catalog::Catalog;
use crate::clock;
use crate::error::Result;
use crate::lang::Lang;
use crate::reminders;
use crate::store::Store;

/// The setting that holds the last day whose dates the supplier has seen (YYYY-MM-DD).
const SEEN_THROUGH: &str = "dates_seen_through";

/// Before any day was marked seen (the first start with this version), dates of the last
/// 90 days count as new: older ones were surely noticed another way.
const FIRST_LOOK_BACK_DAYS: i64 = 90;

/// One date that has come: when, what (in the language asked for), where to look.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueDate {
    pub assessment_id: i64,
    pub period: String,
    /// YYYY-MM-DD.
    pub date: String,
    /// The date as the language writes it.
    pub date_text: String,
    pub summary: String,
    /// The item's or policy's id it is about; none for next year's assessment.
    pub about: Option<String>,
    /// Whether `about` is an action item ("item") or a Part 2 policy ("policy").
    pub about_kind: Option<&'static str>,
}

/// The dates that came after the last day seen, up to and including `today`, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CameDue {
    /// The last day seen (YYYY-MM-DD); none before the first "seen".
    pub seen_through: Option<String>,
    pub today: String,
    pub dates: Vec<DueDate>,
}

/// What has come due between the last day seen and `today`, texts in `lang`.
pub fn came_due(store: &Store, catalog: &Catalog, lang: Lang, today: Date) -> Result<CameDue> {
    let seen_through = store.setting(SEEN_THROUGH)?.as_deref().and_then(clock::parse_date);
    let after = seen_through.unwrap_or(today - Duration::days(FIRST_LOOK_BACK_DAYS));
    // Each company's newest assessment: a carried-forward year holds last year's dates too.
    let mut newest: Vec<(i64, i64)> = Vec::new();
    for a in store.list_assessments()? {
        match newest.iter_mut().find(|(company, _)| *company == a.company_id) {
            Some(entry) if entry.1 < a.id => entry.1 = a.id,
            Some(_) => {}
            None => newest.push((a.company_id, a.id)),
        }
    }
    let mut dates = Vec::new();
    for (_, id) in newest {
        let record = store.record(id)?;
        let requests = super::reminders::open_requests(&record);
        for event in reminders::events(&record, catalog, lang, &requests) {
            if event.date > after && event.date <= today {
                dates.push(DueDate {
                    assessment_id: id,
                    period: record.assessment.period.clone(),
                    date: event.date.to_string(),
                    date_text: lang.date(event.date),
                    summary: event.summary,
                    about_kind: event.about.as_deref().map(|a| if catalog.item(a).is_some() { "item" } else { "policy" }),
                    about: event.about,
                });
            }
        }
    }
    dates.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.summary.cmp(&b.summary)));
    Ok(CameDue { seen_through: seen_through.map(|d| d.to_string()), today: today.to_string(), dates })
}

/// The supplier has seen what came due through `day`: it is not shown again.
pub fn mark_dates_seen(store: &mut Store, day: Date) -> Result<()> {
    store.set_setting(SEEN_THROUGH, &day.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Answer, CompanyProfile, Evidence, Rating};
    use time::macros::date;

    fn store_with_dates() -> (tempfile::TempDir, Store, i64) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("db.sqlite3"), Catalog::get()).unwrap();
        let profile = CompanyProfile { legal_name: "株式会社さくら".into(), ..Default::default() };
        let company = store.create_company(&profile).unwrap();
        let id = store.create_assessment(company.id, "FY2026").unwrap().id;
        let mut a = Answer::new("II-1");
        a.rating = Some(Rating::Partly);
        a.action_plan.what = "規程を作る".into();
        a.action_plan.due = Some("2026-12-01".into());
        a.evidence.push(Evidence { name: "ISO 14001 認証書".into(), valid_until: Some("2026-11-15".into()), ..Default::default() });
        store.save_answer(id, &a).unwrap();
        (dir, store, id)
    }

    #[test]
    fn dates_after_the_last_day_seen_up_to_today_once_seen_no_more() {
        let (_dir, mut store, id) = store_with_dates();
        let catalog = Catalog::get();
        let ja = Lang::parse("ja").unwrap();
        // Never seen: the last 90 days count.
        let due = came_due(&store, catalog, ja, date!(2026 - 12 - 07)).unwrap();
        assert_eq!(due.seen_through, None);
        let dates: Vec<&str> = due.dates.iter().map(|d| d.date.as_str()).collect();
        assert_eq!(dates, ["2026-11-15", "2026-12-01"]);
        assert_eq!(due.dates[1].date_text, "2026年12月1日");
        assert!(due.dates[1].summary.starts_with("改善計画の期限："), "{}", due.dates[1].summary);
        assert_eq!(due.dates[1].about.as_deref(), Some("II-1"));
        assert_eq!(due.dates[1].about_kind, Some("item"));
        assert_eq!(due.dates[1].assessment_id, id);
        // Not yet due on the day before.
        let before = came_due(&store, catalog, ja, date!(2026 - 11 - 30)).unwrap();
        assert_eq!(before.dates.len(), 1);
        // Seen through 2026-11-20: only what came after.
        mark_dates_seen(&mut store, date!(2026 - 11 - 20)).unwrap();
        let due = came_due(&store, catalog, Lang::english(), date!(2026 - 12 - 07)).unwrap();
        assert_eq!(due.seen_through.as_deref(), Some("2026-11-20"));
        assert_eq!(due.dates.len(), 1);
        assert_eq!(due.dates[0].date_text, "1 December 2026");
        // Seen today: nothing until the next date comes.
        mark_dates_seen(&mut store, date!(2026 - 12 - 07)).unwrap();
        assert!(came_due(&store, catalog, ja, date!(2026 - 12 - 07)).unwrap().dates.is_empty());
    }
}
