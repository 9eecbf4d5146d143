//! What the UI must agree on with the core, defined once here: the rating, status and
//! cascade lists, the error kinds, and the profile's fields with their limits and checks.
//! The desktop shell writes it into `ui/js/contract.js` (a test keeps that file current),
//! and the UI checks a profile through the core (`CompanyProfile::problems`), never by a
//! second rule of its own.

use serde::Serialize;

use crate::model::{checks, Cascade, CompanyProfile, Rating, Status, REQUIRED_FIELDS};

/// One profile field as the UI shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileField {
    pub name: &'static str,
    /// At most this many characters (text fields); `None` for the employee count.
    pub max_chars: Option<usize>,
    pub required: bool,
    /// "email" or "phone" when the submission check also checks the format.
    pub format: Option<&'static str>,
}

/// The whole contract.
#[derive(Debug, Clone, Serialize)]
pub struct Contract {
    pub ratings: Vec<&'static str>,
    /// Ratings that leave a gap (applicable, not fully in place).
    pub gap_ratings: Vec<&'static str>,
    pub statuses: Vec<&'static str>,
    pub cascades: Vec<&'static str>,
    pub error_kinds: Vec<&'static str>,
    pub profile_fields: Vec<ProfileField>,
    /// The largest employee count accepted.
    pub max_employees: u32,
}

/// The contract, with `extra_error_kinds` (the shell's own kinds) after the core's.
pub fn contract(extra_error_kinds: impl IntoIterator<Item = &'static str>) -> Contract {
    let format = |name: &str| match name {
        "contact_email" | "nec_contact_email" => Some("email"),
        "contact_phone" => Some("phone"),
        _ => None,
    };
    let mut profile_fields: Vec<ProfileField> = CompanyProfile::default()
        .text_field_limits()
        .into_iter()
        .map(|(name, max)| ProfileField {
            name,
            max_chars: Some(max),
            required: REQUIRED_FIELDS.contains(&name),
            format: format(name),
        })
        .collect();
    profile_fields.push(ProfileField { name: "employees", max_chars: None, required: false, format: None });
    Contract {
        ratings: Rating::ALL.iter().map(|r| r.as_str()).collect(),
        gap_ratings: Rating::ALL.iter().filter(|r| r.is_gap()).map(|r| r.as_str()).collect(),
        statuses: Status::ALL.iter().map(|s| s.as_str()).collect(),
        cascades: Cascade::ALL.iter().map(|c| c.as_str()).collect(),
        error_kinds: crate::ErrorKind::ALL.iter().map(|k| k.as_str()).chain(extra_error_kinds).collect(),
        profile_fields,
        max_employees: checks::MAX_EMPLOYEES,
    }
}
