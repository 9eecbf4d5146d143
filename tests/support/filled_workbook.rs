//! A workbook as NEC's staff hand it back: the workbook `collect` wrote, copied cell by cell
//! (read with calamine, written with rust_xlsxwriter) with the feedback columns of the
//! contract (`csr_core::feedback::workbook::columns`) appended to its two sheets and filled
//! in. For the benchmark, its submissions can be repeated under other supplier codes.
#![allow(dead_code)]

use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use csr_core::feedback::workbook::columns;
use csr_core::Catalog;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

/// A due date as staff type it: a date cell (what Excel makes of 2027/3/31) or a text.
#[derive(Debug, Clone)]
pub enum Due {
    None,
    Date(u16, u8, u8),
    Text(String),
    Number(f64),
}

/// What staff write on one submission row: a note and requests on policies.
#[derive(Debug, Clone, Default)]
pub struct SubmissionFill {
    pub note: Option<String>,
    pub policies: Vec<(String, String, Due)>,
}

/// Where a row is, for the fill callbacks: its copy, supplier code, and (Answers) item.
pub struct At<'a> {
    pub copy: usize,
    pub supplier_code: &'a str,
    pub item: &'a str,
}

pub struct Filling<'a> {
    /// How many times each submission appears (1: as collected; more for the benchmark,
    /// each copy another supplier).
    pub copies: usize,
    pub submission: &'a dyn Fn(&At) -> SubmissionFill,
    pub answer: &'a dyn Fn(&At) -> Option<(String, Due)>,
    /// Rows appended to the Answers sheet as staff might add them: (supplier code, period,
    /// item, file, request).
    pub extra_answers: Vec<[String; 5]>,
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

/// Reads `collected`, writes the filled-in copy to `out`.
pub fn fill_in(collected: &Path, out: &Path, filling: &Filling) {
    let catalog = Catalog::get();
    let mut book: Xlsx<_> = calamine::open_workbook(collected).unwrap();
    let names = book.sheet_names();
    let w = columns::collected().iter().find(|w| names.iter().any(|n| n == w.sheet_submissions)).expect("a collect workbook");
    let date = Format::new().set_num_format("yyyy/mm/dd");
    let mut new = Workbook::new();
    for (sheet, added) in [
        (w.sheet_submissions, columns::submission_columns(catalog, w.lang)),
        (w.sheet_answers, columns::answer_columns(w.lang)),
    ] {
        let range = book.worksheet_range(sheet).unwrap();
        let rows: Vec<&[Data]> = range.rows().collect();
        let heads: Vec<String> = rows[0].iter().map(text).collect();
        let col = |h: &str| heads.iter().position(|x| x == h).unwrap_or_else(|| panic!("{h} in {sheet}"));
        let (code_col, file_col, sha_col) =
            (col(w.supplier_code), col(w.file), heads.iter().position(|x| x == w.sha256));
        let item_col = heads.iter().position(|x| x == w.item);
        let ws = new.add_worksheet_with_constant_memory();
        ws.set_name(sheet).unwrap();
        // The feedback columns: where `collect` wrote them (at the end of its sheets), else
        // appended, as staff would add them to an older workbook.
        let missing: Vec<&String> = added.iter().filter(|h| !heads.contains(h)).collect();
        let place: Vec<u16> = added
            .iter()
            .map(|h| {
                heads.iter().position(|x| x == h).unwrap_or_else(|| {
                    heads.len() + missing.iter().position(|m| *m == h).expect("appended")
                }) as u16
            })
            .collect();
        for (c, h) in heads.iter().chain(missing.iter().copied()).enumerate() {
            ws.write_string(0, c as u16, h).unwrap();
        }
        let mut r = 1u32;
        for copy in 0..filling.copies {
            for row in &rows[1..] {
                let mut cells: Vec<Data> = row.to_vec();
                if copy > 0 {
                    cells[code_col] = Data::String(format!("{}-{copy:04}", text(&cells[code_col])));
                    cells[file_col] = Data::String(format!("copy-{copy:04}/{}", text(&cells[file_col])));
                    if let Some(s) = sha_col {
                        cells[s] =
                            Data::String(csr_core::pdf::sha256_hex(format!("{}{copy}", text(&cells[s])).as_bytes()));
                    }
                }
                for (c, d) in cells.iter().enumerate() {
                    match d {
                        Data::Float(f) => ws.write_number(r, c as u16, *f).map(|_| ()),
                        Data::Int(i) => ws.write_number(r, c as u16, *i as f64).map(|_| ()),
                        Data::Empty => Ok(()),
                        other => ws.write_string(r, c as u16, text(other)).map(|_| ()),
                    }
                    .unwrap();
                }
                let code = text(&cells[code_col]);
                let item = item_col.map(|c| text(&cells[c])).unwrap_or_default();
                let at = At { copy, supplier_code: &code, item: &item };
                let due = |c: u16, d: &Due, ws: &mut rust_xlsxwriter::Worksheet| match d {
                    Due::None => {}
                    Due::Date(y, m, dd) => {
                        ws.write_datetime_with_format(r, c, ExcelDateTime::from_ymd(*y, *m, *dd).unwrap(), &date)
                            .unwrap();
                    }
                    Due::Text(s) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    Due::Number(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                };
                if sheet == w.sheet_submissions {
                    let fill = (filling.submission)(&at);
                    if let Some(n) = &fill.note {
                        ws.write_string(r, place[0], n).unwrap();
                    }
                    for (policy, request, d) in &fill.policies {
                        let i = catalog.policies().iter().position(|p| &p.id == policy).expect("a policy");
                        ws.write_string(r, place[1 + 2 * i], request).unwrap();
                        due(place[2 + 2 * i], d, ws);
                    }
                } else if let Some((request, d)) = (filling.answer)(&at) {
                    ws.write_string(r, place[0], &request).unwrap();
                    due(place[1], &d, ws);
                }
                r += 1;
            }
        }
        if sheet == w.sheet_answers {
            let (period_col, item_col) = (col(w.period), item_col.unwrap());
            for [code, period, item, file, request] in &filling.extra_answers {
                ws.write_string(r, code_col as u16, code).unwrap();
                ws.write_string(r, period_col as u16, period).unwrap();
                ws.write_string(r, item_col as u16, item).unwrap();
                ws.write_string(r, file_col as u16, file).unwrap();
                ws.write_string(r, place[0], request).unwrap();
                r += 1;
            }
        }
    }
    new.save(out).unwrap();
}
