//! Cell-by-cell reading of one sheet: the heading row names the columns, and each later row
//! is handed on with the cells of the columns asked for only, as owned values.

use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use calamine::{DataRef, Xlsx};

use crate::error::{Error, Result};

pub type Book = Xlsx<BufReader<File>>;

/// One cell of a column that is read.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    /// A date cell, "YYYY-MM-DD".
    Date(String),
    /// A date-and-time cell (collect writes the moment a submission's data was written as
    /// one), as an RFC 3339 UTC timestamp.
    Moment(String),
    /// A cell holding a duration or a time of day, which no column of ours has.
    Time,
    Bool(bool),
    /// An Excel error (#N/A, #REF!, …).
    Error(String),
    Empty,
}

impl Value {
    fn of(d: &DataRef) -> Value {
        match d {
            DataRef::String(s) => Value::Text(s.clone()),
            DataRef::SharedString(s) => Value::Text(s.to_string()),
            DataRef::Int(i) => Value::Number(*i as f64),
            DataRef::Float(f) => Value::Number(*f),
            DataRef::Bool(b) => Value::Bool(*b),
            DataRef::DateTime(dt) if dt.is_datetime() => {
                let (y, m, d, h, mi, s, _) = dt.to_ymd_hms_milli();
                if (h, mi, s) == (0, 0, 0) {
                    Value::Date(format!("{y:04}-{m:02}-{d:02}"))
                } else {
                    Value::Moment(format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z"))
                }
            }
            DataRef::DateTime(_) | DataRef::DurationIso(_) => Value::Time,
            DataRef::DateTimeIso(s) => Value::Date(s.get(..10).unwrap_or(s).to_string()),
            DataRef::Error(e) => Value::Error(e.to_string()),
            DataRef::Empty => Value::Empty,
        }
    }

    /// The cell as text: numbers as written (4711, 12.5), a date as "YYYY-MM-DD".
    pub fn as_text(&self) -> std::result::Result<String, String> {
        Ok(match self {
            Value::Text(s) => s.clone(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string(),
            Value::Date(d) | Value::Moment(d) => d.clone(),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Value::Time => return Err("the cell holds a time or a duration, not a text.".into()),
            Value::Error(e) => return Err(format!("the cell shows the Excel error {e}: correct or clear it.")),
            Value::Empty => String::new(),
        })
    }

    /// The cell as a due date: a date cell, or a text "2027-03-31" or "2027/3/31"; none
    /// when empty.
    pub fn as_date(&self) -> std::result::Result<Option<String>, String> {
        let date = match self {
            Value::Empty => return Ok(None),
            Value::Date(d) => d.clone(),
            Value::Moment(t) => t[..10].to_string(),
            Value::Text(s) if s.trim().is_empty() => return Ok(None),
            Value::Text(s) => match parse_date(s.trim()) {
                Some(d) => d,
                None => return Err(format!("“{}” is not a date: type it as 2027-03-31.", s.trim())),
            },
            Value::Number(n) => {
                return Err(format!(
                    "the due date is the number {n}, not a date: format the cell as a date, or type the date as 2027-03-31."
                ))
            }
            other => return Err(format!("the due date is not a date ({}): type it as 2027-03-31.", other.as_text().unwrap_or_default())),
        };
        if crate::feedback::rules::is_date(&date) {
            Ok(Some(date))
        } else {
            Err(format!("“{date}” is not a calendar date: type it as 2027-03-31."))
        }
    }
}

/// "2027-03-31", "2027/3/31" or "2027-3-31" as "2027-03-31" (checked against the calendar
/// by the caller); anything else is none.
fn parse_date(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.split(['-', '/']).collect();
    let [y, m, d] = parts.as_slice() else { return None };
    let digits = |p: &str, max: usize| !p.is_empty() && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit());
    if y.len() != 4 || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    Some(format!("{y}-{m:0>2}-{d:0>2}"))
}

fn unreadable(path: &Path, sheet: &str, e: calamine::XlsxError) -> Error {
    Error::FeedbackWorkbook {
        path: path.to_path_buf(),
        place: format!("sheet “{sheet}”"),
        message: format!(
            "the sheet could not be read ({e}). Save the workbook again in Excel as .xlsx and try once more."
        ),
    }
}

/// Reads `sheet`: `heading` gets the heading row (column → text) and returns the columns to
/// read with what it learnt of them; `row` then gets that, each later row's index (0-based)
/// and those columns' cells. Rows without any cell are not handed on.
pub fn scan<T>(
    book: &mut Book,
    sheet: &str,
    path: &Path,
    heading: impl FnOnce(&HashMap<u32, String>) -> Result<(Vec<u32>, T)>,
    mut row: impl FnMut(&T, u32, &HashMap<u32, Value>) -> Result<()>,
) -> Result<()> {
    let mut cells = book.worksheet_cells_reader(sheet).map_err(|e| unreadable(path, sheet, e))?;
    let mut heading = Some(heading);
    let mut heads: HashMap<u32, String> = HashMap::new();
    let mut columns: Option<(Vec<u32>, T)> = None;
    let mut current: Option<u32> = None;
    let mut values: HashMap<u32, Value> = HashMap::new();
    while let Some(cell) = cells.next_cell().map_err(|e| unreadable(path, sheet, e))? {
        let (r, c) = cell.get_position();
        if r == 0 {
            if let Ok(h) = Value::of(cell.get_value()).as_text() {
                heads.insert(c, h);
            }
            continue;
        }
        let (wanted, learnt) = match &mut columns {
            Some(c) => c,
            None => columns.insert(heading.take().expect("called once")(&heads)?),
        };
        if current != Some(r) {
            if let Some(previous) = current {
                row(learnt, previous, &values)?;
                values.clear();
            }
            current = Some(r);
        }
        if wanted.contains(&c) {
            values.insert(c, Value::of(cell.get_value()));
        }
    }
    let learnt = match columns {
        Some((_, learnt)) => learnt,
        None => heading.take().expect("called once")(&heads)?.1,
    };
    if let Some(previous) = current {
        row(&learnt, previous, &values)?;
    }
    Ok(())
}

/// An Excel serial date-time (days since 1899-12-30, the fraction the time of day) as an RFC
/// 3339 UTC timestamp to the second: what a date-and-time cell holds once copied as a value.
pub fn excel_moment(serial: f64) -> Option<String> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let seconds = ((serial - 25_569.0) * 86_400.0).round() as i64;
    let t = time::OffsetDateTime::from_unix_timestamp(seconds).ok()?;
    t.format(&time::format_description::well_known::Rfc3339).ok()
}
