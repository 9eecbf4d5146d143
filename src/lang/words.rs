//! The words of the app's fixed values in one language (`lang/<code>/words.json`): ratings,
//! statuses, how far a policy was passed on. One source for the screens, the PDF, the
//! workbook and the calendar.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The words, keyed by the values' stable names ("not_applicable", "submitted", …).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// A rating as chosen and printed: "Fully in place".
    pub rating: BTreeMap<String, String>,
    /// What a rating means, beside the choice.
    pub rating_description: BTreeMap<String, String>,
    /// An item or a question without an answer.
    pub not_answered: String,
    pub status: BTreeMap<String, String>,
    /// The answer to "Have you passed this policy on?", as chosen.
    pub cascade: BTreeMap<String, String>,
    /// The same as a state, as printed and reported ("Passed on to some of them").
    pub cascade_state: BTreeMap<String, String>,
    /// Where an NEC request stands ("open", "done", "not_possible"), as chosen and printed.
    pub request_status: BTreeMap<String, String>,
    pub yes: String,
    pub no: String,
    /// NEC's name as the language writes it ("NEC Corporation", 「日本電気株式会社」): the
    /// organisation a feedback file names when its author gave none.
    pub nec_name: String,
    /// The start of the names the save dialogs suggest.
    pub file_names: FileNames,
    /// Each company profile field's label, by the field's name ("sites": 「事業所」): one
    /// name for the form, the submission check and the PDF.
    pub profile_field: BTreeMap<String, String>,
}

/// The start of a suggested file name, by what is saved.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileNames {
    pub submission: String,
    pub preview: String,
    pub export: String,
    pub workbook: String,
    /// The calendar file of an assessment's dates (`.ics`).
    pub reminders: String,
}

impl Words {
    /// The word for `name` in `table`; the name itself where a word is missing (the
    /// completeness test keeps that from happening).
    fn of<'a>(table: &'a BTreeMap<String, String>, name: &'a str) -> &'a str {
        table.get(name).map_or(name, String::as_str)
    }

    pub fn rating<'a>(&'a self, name: &'a str) -> &'a str {
        Self::of(&self.rating, name)
    }

    pub fn status<'a>(&'a self, name: &'a str) -> &'a str {
        Self::of(&self.status, name)
    }

    pub fn cascade<'a>(&'a self, name: &'a str) -> &'a str {
        Self::of(&self.cascade, name)
    }

    pub fn cascade_state<'a>(&'a self, name: &'a str) -> &'a str {
        Self::of(&self.cascade_state, name)
    }

    pub fn request_status<'a>(&'a self, name: &'a str) -> &'a str {
        Self::of(&self.request_status, name)
    }

    /// The label of the company profile's field `name` ("legal_name").
    pub fn profile_field<'a>(&'a self, name: &'a str) -> &'a str {
        Self::of(&self.profile_field, name)
    }

    pub fn yes_no(&self, b: bool) -> &str {
        if b {
            &self.yes
        } else {
            &self.no
        }
    }
}
