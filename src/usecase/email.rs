//! The e-mail that goes to NEC with a submission: written once here, in the user's language,
//! for the screen to show and copy and for the mail program to open. A preview gets none:
//! it says "DRAFT — not submitted" on every page and is for the supplier's own checking, and
//! an e-mail would present it to NEC as a submission (the screen offers no e-mail for one).

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::mail::{self, Email};
use crate::model::AssessmentRecord;
use crate::pdf;

/// The e-mail that sends `record`'s submission to its NEC contact, in `lang`. Refused for
/// an assessment that is not submitted (its PDF would be a preview).
pub fn compose_submission_email(record: &AssessmentRecord, lang: Lang) -> Result<Email> {
    if !pdf::is_submission(record) {
        return Err(Error::invalid(
            "assessment",
            format!(
                "\"{}\" is not submitted, so its PDF is a preview: only a submission is e-mailed to NEC. Submit it first.",
                record.assessment.period
            ),
        ));
    }
    Ok(mail::submission_email(&record.company, &record.assessment.period, lang))
}

/// The `mailto:` link of `email`; refuses an address that is not one.
pub fn mailto_link(email: &Email) -> Result<String> {
    mail::mailto(&email.to, &email.subject, &email.body)
}
