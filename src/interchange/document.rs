//! The interchange file, format version 2 (schema: `schema/assessment-v2.schema.json`).
//! Version 2 adds to each evidence entry `valid_until`, `not_attached` and `confidential`;
//! a version 1 file is read as version 2 with those absent (no expiry, attached, not
//! confidential), which is all the migration it needs.

use serde::{Deserialize, Serialize};

use crate::model::{Answer, CompanyProfile, Declaration, Part2Answer, Status};

/// The value of the `format` field: what kind of file this is.
pub const FORMAT: &str = "nec-csr-self-assessment";
/// The newest format version this build reads and the one it writes.
pub const FORMAT_VERSION: u64 = 2;

/// One assessment with its company profile, as moved between computers and embedded in
/// the PDF submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub format: String,
    pub format_version: u64,
    /// When the file was written (RFC 3339).
    pub exported_at: String,
    /// The program and version that wrote it.
    pub generator: String,
    pub catalog: CatalogRef,
    pub company: CompanyProfile,
    pub assessment: AssessmentPart,
    pub answers: Vec<Answer>,
    pub part2: Vec<Part2Answer>,
}

/// Which catalog the answers were given against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogRef {
    pub version: String,
    pub guideline: String,
    pub guideline_sha256: String,
}

/// The assessment's own fields (local database ids are not carried).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentPart {
    pub period: String,
    pub status: Status,
    pub created_at: String,
    pub updated_at: String,
    #[serde(default)]
    pub submitted_at: Option<String>,
    #[serde(default)]
    pub position: Option<String>,
    #[serde(default)]
    pub declaration: Declaration,
}

/// Just enough to tell what a file is before reading all of it.
#[derive(Debug, Deserialize)]
pub struct Header {
    #[serde(default)]
    pub format: Option<serde_json::Value>,
    #[serde(default)]
    pub format_version: Option<serde_json::Value>,
}
