//! Writing an assessment's reminders as a calendar file (`csr-assess reminders`; a button in
//! the app in phase 2). The assessment is only read.

use std::path::Path;

use time::OffsetDateTime;

use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::reminders::{self, OpenRequest};
use crate::store::Store;
use crate::write_atomic;

/// The calendar file (iCalendar text) of assessment `id`, texts in `lang`.
pub fn reminders(store: &Store, catalog: &Catalog, id: i64, lang: Lang) -> Result<String> {
    let record = store.record(id)?;
    // Phase 2 (issue 25): the store's open NEC requests of this assessment go here.
    let open_requests: Vec<OpenRequest> = Vec::new();
    Ok(reminders::calendar(&record, catalog, lang, &open_requests, OffsetDateTime::now_utc()))
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
