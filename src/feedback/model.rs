//! The feedback file's types, in the order the file lists its fields. Optional fields are
//! left out when empty, never written as null, so the file and its canonical form (whose
//! hash is the file's id) say the same thing.

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;

/// NEC's feedback on one received submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    pub format: String,
    pub format_version: u64,
    /// SHA-256 (lowercase hex) of the rest of the file in canonical form: identifies this
    /// feedback, and shows that it is unchanged since it was written.
    pub id: String,
    /// When it was written (RFC 3339).
    pub written_at: String,
    /// The program and version that wrote it.
    pub generator: String,
    /// The language NEC wrote the note and requests in.
    pub language: Language,
    pub author: Author,
    /// The submission this answers.
    pub submission: SubmissionRef,
    /// A general note on the whole submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Requests on action items or Part 2 policies, in the order NEC wrote them.
    pub requests: Vec<Request>,
}

/// The language of NEC's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    En,
    Ja,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ja => "ja",
        }
    }

    /// Every language the feedback file's format names.
    pub const ALL: [Language; 2] = [Language::En, Language::Ja];

    /// The language written `s` ("en", "ja"); anything else is none.
    pub fn parse(s: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// Who wrote the feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Author {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// For example "NEC Corporation, Procurement Division".
    pub organisation: String,
}

/// The submission answered: its data's fingerprint (the SHA-256 printed on the PDF's cover)
/// and, for people, whose and of which period it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmissionRef {
    pub sha256: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplier_code: Option<String>,
    pub legal_name: String,
    pub period: String,
    /// When the supplier submitted it (RFC 3339), as its data says.
    pub submitted_at: String,
}

/// One request: on an action item (Table 4-1 id) or a Part 2 policy (catalog id), never both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    /// Stable within the submission answered: the target and a number, "II-3#1". A later
    /// feedback on the same submission that repeats the id revises that request.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    pub text: String,
    /// Calendar date "YYYY-MM-DD".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
}

/// What a request is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    Item(&'a str),
    Policy(&'a str),
}

impl<'a> Target<'a> {
    /// The catalog's item or policy of this id; none when the catalog has neither.
    pub fn resolve(catalog: &'a Catalog, id: &str) -> Option<Target<'a>> {
        if let Some(item) = catalog.item(id) {
            Some(Target::Item(&item.id))
        } else {
            catalog.policy(id).map(|p| Target::Policy(&p.id))
        }
    }

    pub fn id(self) -> &'a str {
        match self {
            Target::Item(id) | Target::Policy(id) => id,
        }
    }
}

impl Request {
    /// The item or policy the request is about (after a read, exactly one of them is set).
    pub fn target(&self) -> Option<Target<'_>> {
        match (&self.item, &self.policy) {
            (Some(i), None) => Some(Target::Item(i)),
            (None, Some(p)) => Some(Target::Policy(p)),
            _ => None,
        }
    }
}
