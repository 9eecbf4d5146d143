//! Conversions between rows and model types.

use rusqlite::Row;
use serde::de::DeserializeOwned;

use crate::model::{Assessment, Cascade, Rating, Status};

/// A JSON column; errors become `FromSqlConversionFailure` so the caller maps them.
pub fn json<T: DeserializeOwned>(row: &Row, idx: usize) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e)))
}

fn bad_value(idx: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, format!("unknown {what}").into())
}

pub fn status(row: &Row, idx: usize) -> rusqlite::Result<Status> {
    let s: String = row.get(idx)?;
    Status::parse(&s).ok_or_else(|| bad_value(idx, "status"))
}

pub fn rating(row: &Row, idx: usize) -> rusqlite::Result<Option<Rating>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| Rating::parse(&s).ok_or_else(|| bad_value(idx, "rating"))).transpose()
}

pub fn cascade(row: &Row, idx: usize) -> rusqlite::Result<Option<Cascade>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| Cascade::parse(&s).ok_or_else(|| bad_value(idx, "cascade"))).transpose()
}

/// Compares a row's stored checksum with the one of what was read from it. A row without one
/// (saved before checksums existed) is taken as it is.
pub fn verify_checksum(row: &Row, idx: usize, computed: &str) -> rusqlite::Result<()> {
    let stored: Option<String> = row.get(idx)?;
    match stored {
        Some(sum) if sum != computed => Err(rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            "the row's content does not match its checksum (changed on disk)".into(),
        )),
        _ => Ok(()),
    }
}

/// Columns of `assessment`, in the order [`assessment`] reads them.
pub const ASSESSMENT_COLUMNS: &str = "id, company_id, period, status, catalog_version, created_at, \
     updated_at, submitted_at, carried_from, position, declaration";

pub fn assessment(row: &Row) -> rusqlite::Result<Assessment> {
    Ok(Assessment {
        id: row.get(0)?,
        company_id: row.get(1)?,
        period: row.get(2)?,
        status: status(row, 3)?,
        catalog_version: row.get(4)?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
        submitted_at: row.get(7)?,
        carried_from: row.get(8)?,
        position: row.get(9)?,
        declaration: json(row, 10)?,
    })
}
