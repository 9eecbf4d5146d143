//! Writing an assessment's reminders as a calendar file (`csr-assess reminders`, and the
//! app's "Reminders (.ics)" button), and what has come due since the app was last opened.
//! The assessment is only read.

use std::path::Path;

use time::OffsetDateTime;

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::feedback::Request;
use crate::reminders::{self, OpenRequest};
use crate::store::Store;
use crate::write_atomic;

/// The calendar file (iCalendar text) of assessment `id`, texts in `lang`.
pub fn reminders(store: &Store, catalog: &Catalog, id: i64, lang: Lang) -> Result<String> {
    let record = store.record(id)?;
    let open_requests = open_requests(&record);
    Ok(reminders::calendar(&record, catalog, lang, &open_requests, OffsetDateTime::now_utc()))
}

/// NEC's requests `record` shows that are not answered yet (those with a due date become
/// events).
pub(super) fn open_requests(record: &crate::model::AssessmentRecord) -> Vec<OpenRequest> {
    record
        .nec_requests
        .iter()
        .filter(|r| !r.is_answered())
        .map(|r| OpenRequest {
            submission_sha256: r.submission_sha256.clone(),
            asked_at: r.asked_at.clone(),
            request: Request {
                id: r.id.clone(),
                item: r.item.clone(),
                policy: r.policy.clone(),
                text: r.text.clone(),
                due: r.due.clone(),
            },
        })
        .collect()
}

/// Writes the calendar file of assessment `id` to `path` (a name ending in `.ics`);
/// returns the number of events.
pub fn reminders_to(store: &Store, catalog: &Catalog, id: i64, lang: Lang, path: &Path) -> Result<usize> {
    if !path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("ics")) {
        return Err(Error::invalid(
            "output",
            format!("{} should end in .ics: calendar programs know the file by this ending.", path.display()),
        ));
    }
    let text = reminders(store, catalog, id, lang)?;
    write_atomic(path, text.as_bytes())?;
    Ok(text.matches("BEGIN:VEVENT").count())
}
