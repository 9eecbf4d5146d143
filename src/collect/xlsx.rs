//! Writes the tables as one Excel workbook, a sheet per table, each with a bold heading row
//! that stays in view and a filter on every column. Sheets are written in rust_xlsxwriter's
//! constant-memory mode: rows go to temporary files as they are written.

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::sheets::{Cell, Sink, Table, Tables};
use crate::error::{Error, Result};

/// Excel's most characters in one cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Excel's most rows in one sheet.
const MAX_ROWS: u32 = 1_048_576;

fn xlsx_error(path: &Path, e: XlsxError) -> Error {
    match e {
        XlsxError::IoError(io) => Error::io("write", path, io),
        other => Error::Workbook { path: path.to_path_buf(), detail: other.to_string() },
    }
}

struct SheetSink<'a> {
    sheet: &'a mut Worksheet,
    row: u32,
    path: &'a Path,
    date: &'a Format,
    moment: &'a Format,
}

/// A date (and time) as Excel keeps them: a number shown in a date format.
fn excel(d: time::Date, t: Option<time::Time>) -> Option<ExcelDateTime> {
    let date = ExcelDateTime::from_ymd(u16::try_from(d.year()).ok()?, u8::from(d.month()), d.day()).ok()?;
    match t {
        None => Some(date),
        Some(t) => date.and_hms(u16::from(t.hour()), t.minute(), t.second()).ok(),
    }
}

impl Sink for SheetSink<'_> {
    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        if self.row >= MAX_ROWS {
            return Err(Error::invalid(
                "output",
                format!(
                    "the answers are more than one Excel sheet holds ({MAX_ROWS} rows). Write CSV files instead \
                     (an output name ending in .csv), or read the folder in parts."
                ),
            ));
        }
        for (col, cell) in cells.iter().enumerate() {
            let col = col as u16;
            let written = match cell {
                Cell::Text(s) if s.chars().count() > MAX_CELL_CHARS => {
                    let cut: String = s.chars().take(MAX_CELL_CHARS - 1).collect();
                    self.sheet.write_string(self.row, col, format!("{cut}…")).map(|_| ())
                }
                Cell::Text(s) => self.sheet.write_string(self.row, col, s.as_ref()).map(|_| ()),
                Cell::Number(n) => self.sheet.write_number(self.row, col, *n).map(|_| ()),
                // A date Excel cannot hold (before 1900) is written as text.
                Cell::Date(d) => match excel(*d, None) {
                    Some(x) => self.sheet.write_datetime_with_format(self.row, col, &x, self.date).map(|_| ()),
                    None => self.sheet.write_string(self.row, col, crate::clock::format_date(*d)).map(|_| ()),
                },
                Cell::DateTime(t) => match excel(t.date(), Some(t.time())) {
                    Some(x) => self.sheet.write_datetime_with_format(self.row, col, &x, self.moment).map(|_| ()),
                    None => self.sheet.write_string(self.row, col, crate::clock::format_date(t.date())).map(|_| ()),
                },
                Cell::Empty => Ok(()),
            };
            written.map_err(|e| xlsx_error(self.path, e))?;
        }
        self.row += 1;
        Ok(())
    }
}

/// Writes the workbook to `path`, replacing it only once it is complete.
pub fn write(tables: &Tables, path: &Path) -> Result<()> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold().set_text_wrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let moment = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for table in Table::ALL {
        let headings = tables.headings(table);
        let sheet = book.add_worksheet_with_constant_memory();
        let err = |e| xlsx_error(path, e);
        sheet.set_name(tables.name(table)).map_err(err)?;
        for (col, h) in headings.iter().enumerate() {
            let width = (h.chars().count() as f64 * 0.9).clamp(10.0, 40.0);
            sheet.set_column_width(col as u16, width).map_err(err)?;
        }
        for (col, h) in headings.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, h, &bold).map_err(err)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(err)?;
        let mut sink = SheetSink { sheet, row: 1, path, date: &date, moment: &moment };
        tables.rows(table, &mut sink)?;
        let last = sink.row.saturating_sub(1).max(1);
        sink.sheet.autofilter(0, 0, last, headings.len().saturating_sub(1) as u16).map_err(err)?;
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io("write", path, e))?;
    book.save(tmp.path()).map_err(|e| xlsx_error(path, e))?;
    tmp.persist(path).map_err(|e| Error::io("write", path, e.error))?;
    Ok(())
}
