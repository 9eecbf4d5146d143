//! Starting an assessment: empty, for the company chosen (the only one, or a new empty
//! profile on a first start), or carried forward from an earlier one (its answers copied and
//! marked "to re-confirm"). The app's "New assessment" and the CLI's `new` both call it.

use crate::error::Result;
use crate::model::{Assessment, CompanyProfile};
use crate::store::Store;

/// How to start.
#[derive(Debug, Clone, Default)]
pub struct Start {
    /// The period's name ("FY2026", 「2026年度」).
    pub period: String,
    /// Carry forward the answers of this assessment (its company is the new one's).
    pub from: Option<i64>,
    /// The company, when not carrying forward; the first one when not given, or a new empty
    /// profile when there is none yet.
    pub company: Option<i64>,
}

pub fn start_assessment(store: &mut Store, start: &Start) -> Result<Assessment> {
    if let Some(source) = start.from {
        return store.create_assessment_from(source, &start.period);
    }
    let company = match start.company {
        Some(id) => id,
        None => match store.companies()?.first() {
            Some(c) => c.id,
            None => store.create_company(&CompanyProfile::default())?.id,
        },
    };
    store.create_assessment(company, &start.period)
}
