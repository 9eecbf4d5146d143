//! Import and export of one assessment as a versioned JSON file.
//!
//! Import reads the whole file and checks all of it before anything is stored: a file
//! that is refused leaves the database exactly as it was.

mod document;
mod guard;
pub mod schema;
mod shape;

pub use document::{
    AssessmentPart, CatalogRef, Document, PageDigest, PageRecord, FORMAT, FORMAT_VERSION, PAGES_SINCE, REQUESTS_SINCE,
};
pub use guard::{MAX_BYTES, MAX_DEPTH};

use crate::catalog::Catalog;
use crate::clock;
use crate::error::{Error, ImportFault, Result};
use crate::model::nec_request::as_submitted;
use crate::model::{Answer, Assessment, AssessmentRecord, Declaration, NecRequest, Part2Answer, Revision};

/// Writes an assessment as an interchange document (pretty JSON, UTF-8, final newline).
pub fn export(record: &AssessmentRecord, catalog: &Catalog) -> String {
    export_at(record, catalog, &clock::now())
}

/// [`export`] stamped `exported_at` (RFC 3339): the PDF of a submission stamps the time
/// of the submission, so its data is the same however often it is made again.
pub fn export_at(record: &AssessmentRecord, catalog: &Catalog, exported_at: &str) -> String {
    export_with_pages(record, catalog, exported_at, None)
}

/// [`export_at`] with the record of the pages of the PDF the data is attached to.
pub fn export_with_pages(record: &AssessmentRecord, catalog: &Catalog, exported_at: &str, pages: Option<PageRecord>) -> String {
    let a = &record.assessment;
    let doc = Document {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        exported_at: exported_at.to_string(),
        // The program, and the advice content it carried (an update may replace the built-in one).
        generator: format!(
            "csr-self-assessment {}; advice content {} of {}",
            env!("CARGO_PKG_VERSION"),
            catalog.content.version,
            catalog.content.date
        ),
        catalog: CatalogRef {
            version: a.catalog_version.clone(),
            guideline: catalog.guideline.guideline.title.clone(),
            guideline_sha256: catalog.guideline.guideline.source_sha256.clone(),
        },
        company: record.company.clone(),
        assessment: AssessmentPart {
            period: a.period.clone(),
            status: a.status,
            created_at: a.created_at.clone(),
            updated_at: a.updated_at.clone(),
            submitted_at: a.submitted_at.clone(),
            position: a.position.clone(),
            declaration: Declaration { revision: Revision::default(), ..a.declaration.clone() },
        },
        // Revisions belong to this database, not to the exchanged data.
        answers: record.answers.iter().cloned().map(|a| Answer { revision: Revision::default(), ..a }).collect(),
        part2: record.part2.iter().cloned().map(|p| Part2Answer { revision: Revision::default(), ..p }).collect(),
        // A submission carries them as they stood when it was submitted.
        nec_requests: as_submitted(
            &record.nec_requests,
            if crate::model::Status::Submitted == a.status { a.submitted_at.as_deref() } else { None },
        )
        .into_iter()
        .map(|r| NecRequest { revision: Revision::default(), ..r })
        .collect(),
        pages,
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("documents serialize");
    text.push('\n');
    text
}

/// Reads and checks an interchange file. The record's ids are 0: the store assigns them.
pub fn import(bytes: &[u8], catalog: &Catalog) -> Result<AssessmentRecord> {
    let text = guard::check(bytes)?;
    check_header(&text)?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| Error::Import {
        fault: ImportFault::Damaged,
        location: at_line(&e),
        message: format!("the file is not valid JSON ({}).", strip_position(&e)),
    })?;
    shape::check(&value, catalog)?;
    let doc = parse(&text)?;
    let a = doc.assessment;
    let record = AssessmentRecord {
        company: doc.company,
        assessment: Assessment {
            id: 0,
            company_id: 0,
            period: a.period,
            status: a.status,
            catalog_version: doc.catalog.version,
            created_at: a.created_at,
            updated_at: a.updated_at,
            submitted_at: a.submitted_at,
            carried_from: None,
            position: a.position,
            declaration: Declaration { revision: Revision::default(), ..a.declaration },
        },
        answers: doc.answers.into_iter().map(|a| Answer { revision: Revision::default(), ..a }).collect(),
        part2: doc.part2.into_iter().map(|p| Part2Answer { revision: Revision::default(), ..p }).collect(),
        nec_requests: doc.nec_requests.into_iter().map(|r| NecRequest { revision: Revision::default(), ..r }).collect(),
    };
    // Stored as the app stores what is typed (composed, codes in half-width form), and
    // checked as stored.
    let record = record.normalized();
    check_record(&doc.exported_at, &record, catalog)?;
    Ok(record)
}

fn at_line(e: &serde_json::Error) -> String {
    format!("line {}, column {}", e.line(), e.column())
}

/// Is this our kind of file, and a version we can read?
fn check_header(text: &str) -> Result<()> {
    let not_json = |e: serde_json::Error| Error::Import {
        fault: ImportFault::Damaged,
        location: at_line(&e),
        message: format!(
            "the file is not valid JSON ({}). Choose the .json file the app exported, unchanged.",
            strip_position(&e)
        ),
    };
    // Serde would read a struct from a JSON array too; our files are objects.
    if !text.trim_start().starts_with('{') {
        serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(not_json)?;
        return Err(Error::Import {
            fault: ImportFault::NotAnAssessment,
            location: "line 1, column 1".into(),
            message: "the file is JSON but not an assessment file (it is not a JSON object).".into(),
        });
    }
    let header: document::Header = serde_json::from_str(text).map_err(not_json)?;
    if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(Error::Import {
            fault: ImportFault::NotAnAssessment,
            location: "\"format\"".into(),
            message: format!("this is not a CSR self-assessment file (it should say \"format\": \"{FORMAT}\")."),
        });
    }
    match header.format_version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v > FORMAT_VERSION => Err(Error::NewerFormat { found: v, supported: FORMAT_VERSION }),
        Some(v) if v >= 1 => Ok(()),
        _ => Err(Error::Import {
            fault: ImportFault::Content,
            location: "\"format_version\"".into(),
            message: "the format version is missing or not a whole number above 0.".into(),
        }),
    }
}

/// serde_json appends " at line L column C" to its messages; we name the place ourselves.
fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// The typed parse; a failure names the JSON path and the line.
fn parse(text: &str) -> Result<Document> {
    let mut de = serde_json::Deserializer::from_str(text);
    // Syntax, including text after the end, was checked with the header.
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        Error::Import {
            fault: ImportFault::Content,
            location: format!("{} ({path})", at_line(&inner)),
            message: strip_position(&inner),
        }
    })
}

/// Checks what types cannot (known and unique ids, real dates, sane sizes), naming the
/// place in the file.
fn check_record(exported_at: &str, record: &AssessmentRecord, catalog: &Catalog) -> Result<()> {
    if !clock::is_timestamp(exported_at) {
        return Err(Error::Import {
            fault: ImportFault::Content,
            location: "exported_at".into(),
            message: format!("\"{exported_at}\" is not a date and time (RFC 3339)."),
        });
    }
    record.validate(catalog).map_err(|m| match m.error {
        Error::Invalid { field, message } if field == m.location => {
            Error::Import { fault: ImportFault::Content, location: m.location, message }
        }
        Error::Invalid { field, message } => {
            Error::Import { fault: ImportFault::Content, location: m.location, message: format!("{field} {message}") }
        }
        other => other,
    })
}
