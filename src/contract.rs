//! What the UI must agree on with the core, defined once here: the rating and cascade lists,
//! the error kinds, the profile's fields with their limits, the other fields' limits, and the
//! cases of input normalisation the UI applies as the user types. The desktop shell writes it
//! into `ui/js/contract.js` (a test keeps that file current), and the UI checks a profile
//! through the core (`CompanyProfile::problems`), never by a second rule of its own.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{checks, Cascade, CompanyProfile, Rating, HALF_WIDTH_FIELDS, REQUIRED_FIELDS};

/// One profile field as the UI shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileField {
    pub name: &'static str,
    /// At most this many characters (text fields); `None` for the employee count.
    pub max_chars: Option<usize>,
    pub required: bool,
    /// Stored in half-width form (the form shows the stored value once the user leaves it).
    pub half_width: bool,
}

/// The whole contract.
#[derive(Debug, Clone, Serialize)]
pub struct Contract {
    pub ratings: Vec<&'static str>,
    /// Ratings that leave a gap (applicable, not fully in place).
    pub gap_ratings: Vec<&'static str>,
    pub cascades: Vec<&'static str>,
    pub error_kinds: Vec<&'static str>,
    pub profile_fields: Vec<ProfileField>,
    /// The most characters each other text field takes, by the UI's field name.
    pub text_limits: BTreeMap<&'static str, usize>,
    /// The largest employee count accepted.
    pub max_employees: u32,
    /// Where a request of NEC's stands (open, done, not possible), in the order offered.
    pub request_statuses: Vec<&'static str>,
}

/// The limits the model checks, by the names the UI's fields carry.
fn text_limits() -> BTreeMap<&'static str, usize> {
    use checks::{LONG_TEXT, MEDIUM_TEXT, SHORT_TEXT};
    BTreeMap::from([
        ("na_reason", MEDIUM_TEXT),
        ("description", LONG_TEXT),
        ("evidence.name", SHORT_TEXT),
        ("evidence.location", SHORT_TEXT),
        ("plan.what", MEDIUM_TEXT),
        ("plan.who", SHORT_TEXT),
        ("part2.notes", LONG_TEXT),
        ("part2.disclosure_text", MEDIUM_TEXT),
        ("part2.disclosure_value", checks::DISCLOSURE_VALUE),
        ("declaration.signer_name", SHORT_TEXT),
        ("declaration.signer_title", SHORT_TEXT),
        ("period", checks::PERIOD),
        ("request.reply", MEDIUM_TEXT),
        ("request.reason", MEDIUM_TEXT),
    ])
}

/// The contract, with `extra_error_kinds` (the shell's own kinds) after the core's.
pub fn contract(extra_error_kinds: impl IntoIterator<Item = &'static str>) -> Contract {
    let mut profile_fields: Vec<ProfileField> = CompanyProfile::default()
        .text_field_limits()
        .into_iter()
        .map(|(name, max)| ProfileField {
            name,
            max_chars: Some(max),
            required: REQUIRED_FIELDS.contains(&name),
            half_width: HALF_WIDTH_FIELDS.contains(&name),
        })
        .collect();
    profile_fields.push(ProfileField { name: "employees", max_chars: None, required: false, half_width: true });
    Contract {
        ratings: Rating::ALL.iter().map(|r| r.as_str()).collect(),
        gap_ratings: Rating::ALL.iter().filter(|r| r.is_gap()).map(|r| r.as_str()).collect(),
        cascades: Cascade::ALL.iter().map(|c| c.as_str()).collect(),
        error_kinds: crate::ErrorKind::ALL.iter().map(|k| k.as_str()).chain(extra_error_kinds).collect(),
        profile_fields,
        text_limits: text_limits(),
        max_employees: checks::MAX_EMPLOYEES,
        request_statuses: crate::model::RequestStatus::ALL.iter().map(|s| s.as_str()).collect(),
    }
}
