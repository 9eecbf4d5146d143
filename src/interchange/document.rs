//! The interchange file, format version 4 (schema: `schema/assessment-v4.schema.json`).
//! Version 2 added to each evidence entry `valid_until`, `not_attached` and `confidential`;
//! a version 1 file is read as version 2 with those absent (no expiry, attached, not
//! confidential), which is all the migration it needs. Version 3 adds `pages`, present in
//! the data attached to a PDF only: what each of the PDF's pages prints, so that `verify`
//! can tell a changed page; an exported file has none, and otherwise a version 2 file is a
//! version 3 file. Version 4 adds `nec_requests`: NEC's requests on the supplier's earlier
//! submissions (from the feedback files NEC sent) and the supplier's replies; a file of an
//! earlier version has none.

use serde::{Deserialize, Serialize};

use crate::model::{Answer, CompanyProfile, Declaration, NecRequest, Part2Answer, Status};

/// The value of the `format` field: what kind of file this is.
pub const FORMAT: &str = "nec-csr-self-assessment";
/// The newest format version this build reads and the one it writes.
pub const FORMAT_VERSION: u64 = 4;
/// The first format version that may record the PDF's pages.
pub const PAGES_SINCE: u64 = 3;
/// The first format version that carries NEC's requests and the supplier's replies.
pub const REQUESTS_SINCE: u64 = 4;

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
    /// NEC's requests and the supplier's replies (format version 4; always written, empty
    /// when there are none).
    #[serde(default)]
    pub nec_requests: Vec<NecRequest>,
    /// In the data attached to a PDF: what each page prints (see `crate::pdf`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<PageRecord>,
}

/// What each page of the PDF the data is attached to prints, as `crate::pdf` records it:
/// written when the PDF is made, read back by `verify`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageRecord {
    /// How the record was made ("page-text-1"); each later way gets a new name and every
    /// earlier one stays readable.
    pub method: String,
    /// One per page, in order.
    pub digests: Vec<PageDigest>,
}

/// One page's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageDigest {
    /// SHA-256 of everything the page shows, with the data's own fingerprint masked.
    pub sha256: String,
    /// The first 8 hexadecimal digits of the SHA-256 of each printed line, top to bottom,
    /// separated by spaces: where a changed page first differs.
    pub lines: String,
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
