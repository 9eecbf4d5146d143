//! Reading back the workbook `collect` wrote once NEC's staff have filled in its feedback
//! columns ([`columns`] is the contract), into one feedback draft per supplier that has a
//! note or a request. The whole workbook is checked before anything is written: a row naming
//! an item that does not exist, a due date that is no date, or a request on a submission the
//! workbook does not list is refused with its sheet and row. Sheets are read cell by cell,
//! keeping only the columns used, so memory stays flat however many suppliers there are.

mod cells;
pub mod columns;

use std::collections::HashMap;
use std::path::Path;

use calamine::{Reader, Xlsx};

use self::cells::{Book, Value};
use self::columns::{Collected, Heading};
use super::model::{SubmissionRef, Target};
use super::rules::{self, MAX_NOTE, MAX_REQUEST_TEXT};
use super::write::RequestDraft;
use crate::catalog::Catalog;
use crate::clock;
use crate::error::{Error, Result};
use crate::lang::Lang;

/// Larger files are not read: `collect`'s workbook of 1,000 submissions is about 4 MB.
pub const MAX_WORKBOOK_BYTES: u64 = 64 << 20;

/// The feedback found for one submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplierFeedback {
    pub submission: SubmissionRef,
    pub note: String,
    /// Requests on items (in the Answers sheet's order), then on policies (in the catalog's).
    pub requests: Vec<RequestDraft>,
    /// The submission's row on the Submissions sheet (1-based, as Excel numbers rows).
    pub row: u32,
}

/// What the workbook holds: its language and the feedback per submission, in the
/// Submissions sheet's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    /// The language `collect` wrote the workbook in.
    pub lang: Lang,
    pub feedback: Vec<SupplierFeedback>,
}

/// An error at a place of the workbook.
fn at(path: &Path, place: impl Into<String>, message: impl Into<String>) -> Error {
    Error::FeedbackWorkbook { path: path.to_path_buf(), place: place.into(), message: message.into() }
}

fn place(sheet: &str, row: u32) -> String {
    format!("sheet “{sheet}”, row {row}")
}

/// Reads the filled-in workbook at `path`.
pub fn read(path: &Path, catalog: &Catalog) -> Result<Filled> {
    let size = std::fs::metadata(path).map_err(|e| Error::io("read", path, e))?.len();
    if size > MAX_WORKBOOK_BYTES {
        return Err(at(
            path,
            "the whole file",
            format!(
                "it is over {} MB, far larger than a workbook of `collect`. Choose the workbook collect wrote.",
                MAX_WORKBOOK_BYTES >> 20
            ),
        ));
    }
    // A spreadsheet reader meets files no check foresaw; a panic in it is a refusal, not a crash.
    std::panic::catch_unwind(|| read_book(path, catalog)).unwrap_or_else(|_| {
        Err(at(
            path,
            "the whole file",
            "the workbook is damaged and could not be read. Save it again in Excel and try once more.",
        ))
    })
}

fn read_book(path: &Path, catalog: &Catalog) -> Result<Filled> {
    let mut book: Book = calamine::open_workbook::<Xlsx<_>, _>(path).map_err(|e| {
        at(
            path,
            "the whole file",
            format!(
                "it is not an Excel workbook (.xlsx) that can be read ({e}). Save it in Excel as .xlsx and try again."
            ),
        )
    })?;
    let names = book.sheet_names();
    let words = columns::collected()
        .iter()
        .find(|w| names.iter().any(|n| n == w.sheet_submissions) && names.iter().any(|n| n == w.sheet_answers))
        .ok_or_else(|| {
            at(
                path,
                "the whole file",
                "it has no sheets “Submissions” and “Answers” (「提出一覧」「回答」): choose the workbook `csr-assess collect` wrote.",
            )
        })?;
    let mut found_any = false;
    let mut submissions = read_submissions(&mut book, path, words, catalog, &mut found_any)?;
    read_answers(&mut book, path, words, catalog, &mut submissions, &mut found_any)?;
    if !found_any {
        return Err(at(
            path,
            "the whole file",
            format!(
                "it has none of the columns NEC's staff fill in (“{}” on sheet “{}”, “{}” and “{}” on sheet “{}”). Use a \
                 workbook written by a `collect` that adds them, or add them as headings.",
                columns::NOTE.get(words.lang),
                words.sheet_submissions,
                columns::ITEM_REQUEST.get(words.lang),
                columns::ITEM_DUE.get(words.lang),
                words.sheet_answers
            ),
        ));
    }
    let mut feedback = Vec::new();
    for s in submissions {
        if s.note.is_empty() && s.item_requests.is_empty() && s.policy_requests.is_empty() {
            continue;
        }
        check_identity(&s, words, path)?;
        let mut requests = s.item_requests;
        requests.extend(s.policy_requests);
        feedback.push(SupplierFeedback { submission: s.submission, note: s.note, requests, row: s.row });
    }
    Ok(Filled { lang: words.lang, feedback })
}

/// A submission given feedback must be named as `collect` wrote it: a fingerprint, the time
/// its data was written, a name and period, and submitted (a draft's data is not what the
/// supplier's app keeps as its submission).
fn check_identity(s: &Row, w: &Collected, path: &Path) -> Result<()> {
    let here = place(w.sheet_submissions, s.row);
    let r = &s.submission;
    if !rules::is_sha256(&r.sha256) {
        return Err(at(
            path,
            here,
            format!(
                "the fingerprint “{}” is not a SHA-256 (64 hexadecimal digits): the row was changed. Use the \
                 workbook as `collect` wrote it.",
                r.sha256
            ),
        ));
    }
    if !clock::is_timestamp(&r.submitted_at) {
        return Err(at(
            path,
            here,
            format!(
                "“{}” is “{}”, not the date and time `collect` wrote: the row was changed.",
                w.exported_at, r.submitted_at
            ),
        ));
    }
    if r.legal_name.is_empty() || r.period.is_empty() {
        return Err(at(
            path,
            here,
            "the legal name or the period is empty: the row was changed. Use the workbook as `collect` wrote it.",
        ));
    }
    if s.status != w.status_submitted {
        return Err(at(
            path,
            here,
            format!(
                "this submission's status is “{}”, not “{}”: feedback answers a submitted assessment. Ask the \
                 supplier to submit, or clear this submission's feedback.",
                s.status, w.status_submitted
            ),
        ));
    }
    Ok(())
}

/// A submission row as read, with its feedback so far.
struct Row {
    row: u32,
    file: String,
    submission: SubmissionRef,
    /// The status as the workbook words it.
    status: String,
    note: String,
    item_requests: Vec<RequestDraft>,
    policy_requests: Vec<RequestDraft>,
}

/// The column whose heading is `heading` (either language's for a column staff fill in).
fn find(heads: &HashMap<u32, String>, heading: &str) -> Option<u32> {
    heads.iter().find(|(_, h)| h.trim() == heading).map(|(c, _)| *c)
}

fn find_either(heads: &HashMap<u32, String>, h: Heading) -> Option<u32> {
    Lang::all().find_map(|lang| find(heads, h.get(lang)))
}

fn required(heads: &HashMap<u32, String>, heading: &str, sheet: &str, path: &Path) -> Result<u32> {
    find(heads, heading).ok_or_else(|| {
        at(
            path,
            format!("sheet “{sheet}”"),
            format!(
                "the column “{heading}” is missing. Use the workbook as `collect` wrote it: columns may be moved \
                 or hidden, not renamed or deleted."
            ),
        )
    })
}

/// A cell as text ("" when empty); an Excel error in it is refused.
fn text(cells: &HashMap<u32, Value>, col: Option<u32>, place: &dyn Fn() -> String, path: &Path) -> Result<String> {
    match col.and_then(|c| cells.get(&c)) {
        None => Ok(String::new()),
        Some(v) => v.as_text().map_err(|m| at(path, place(), m)),
    }
}

/// A due date cell: a date cell, or a text "2027-03-31" or "2027/3/31"; none when empty.
fn due(
    cells: &HashMap<u32, Value>,
    col: Option<u32>,
    place: &dyn Fn() -> String,
    path: &Path,
) -> Result<Option<String>> {
    let Some(v) = col.and_then(|c| cells.get(&c)) else { return Ok(None) };
    v.as_date().map_err(|m| at(path, place(), m))
}

/// A text staff wrote, trimmed, within `max` characters and without control characters.
fn checked(s: String, max: usize, place: &dyn Fn() -> String, path: &Path) -> Result<String> {
    let s = s.replace("\r\n", "\n").replace('\r', "\n").trim().to_string();
    if s.is_empty() {
        return Ok(s);
    }
    rules::text("", &s, max).map_err(|f| at(path, place(), f.message))?;
    Ok(s)
}

fn read_submissions(
    book: &mut Book,
    path: &Path,
    w: &Collected,
    catalog: &Catalog,
    found_any: &mut bool,
) -> Result<Vec<Row>> {
    let sheet = w.sheet_submissions;
    let mut rows: Vec<Row> = Vec::new();
    let mut files: HashMap<String, u32> = HashMap::new();
    // (code, name, period, status, exported_at, file, sha256), the note, and per policy its
    // request and due columns.
    cells::scan(
        book,
        sheet,
        path,
        |heads| {
            let ids = [w.supplier_code, w.legal_name, w.period, w.status, w.exported_at, w.file, w.sha256]
                .map(|h| required(heads, h, sheet, path));
            let mut ids_ok = [0u32; 7];
            for (i, id) in ids.into_iter().enumerate() {
                ids_ok[i] = id?;
            }
            let note = find_either(heads, columns::NOTE);
            let policies: Vec<(&str, Option<u32>, Option<u32>)> = catalog
                .policies()
                .iter()
                .map(|p| {
                    let either = |f: fn(&Catalog, &str, Lang) -> String| {
                        Lang::all().find_map(|lang| find(heads, &f(catalog, &p.id, lang)))
                    };
                    (p.id.as_str(), either(columns::policy_request), either(columns::policy_due))
                })
                .collect();
            *found_any |= note.is_some() || policies.iter().any(|(_, r, d)| r.is_some() || d.is_some());
            let mut wanted: Vec<u32> = ids_ok.to_vec();
            wanted.extend(note);
            wanted.extend(policies.iter().flat_map(|(_, r, d)| [*r, *d]).flatten());
            Ok((wanted, (ids_ok, note, policies)))
        },
        |(ids, note_col, policies), index, cells| {
            let row = index + 1;
            let here = || place(sheet, row);
            let get = |c: u32| text(cells, Some(c), &here, path);
            let [code, name, period, status, exported_at, file, sha256] = ids.map(get);
            let (code, name, period, status, exported_at, file, sha256) =
                (code?, name?, period?, status?, exported_at?, file?, sha256?);
            // collect writes the moment as a date-and-time cell; copied as a value, it is a
            // serial number.
            let exported_at = match exported_at.parse::<f64>().ok().and_then(cells::excel_moment) {
                Some(moment) if !clock::is_timestamp(&exported_at) => moment,
                _ => exported_at,
            };
            if file.is_empty() && name.is_empty() && sha256.is_empty() {
                // An empty row (staff may leave one): nothing to answer.
                return Ok(());
            }
            let note = checked(
                text(cells, *note_col, &here, path)?,
                MAX_NOTE,
                &|| format!("{}, “{}”", here(), columns::NOTE.get(w.lang)),
                path,
            )?;
            let mut policy_requests = Vec::new();
            for (policy, request_col, due_col) in policies {
                let where_ = || format!("{}, {policy}", here());
                let request = checked(text(cells, *request_col, &where_, path)?, MAX_REQUEST_TEXT, &where_, path)?;
                let due = due(cells, *due_col, &where_, path)?;
                if request.is_empty() {
                    if due.is_some() {
                        return Err(at(
                            path,
                            where_(),
                            "a due date without a request: write the request, or clear the date.",
                        ));
                    }
                    continue;
                }
                policy_requests.push(RequestDraft { target: policy.to_string(), text: request, due });
            }
            if let Some(first) = files.insert(file.clone(), row) {
                return Err(at(path, here(), format!("the file “{file}” is listed twice (also in row {first}).")));
            }
            rows.push(Row {
                row,
                file,
                submission: SubmissionRef {
                    sha256,
                    supplier_code: (!code.is_empty()).then_some(code),
                    legal_name: name,
                    period,
                    submitted_at: exported_at,
                },
                status,
                note,
                item_requests: Vec::new(),
                policy_requests,
            });
            Ok(())
        },
    )?;
    Ok(rows)
}

fn read_answers(
    book: &mut Book,
    path: &Path,
    w: &Collected,
    catalog: &Catalog,
    rows: &mut [Row],
    found_any: &mut bool,
) -> Result<()> {
    let sheet = w.sheet_answers;
    let by_file: HashMap<String, usize> = rows.iter().enumerate().map(|(i, r)| (r.file.clone(), i)).collect();
    cells::scan(
        book,
        sheet,
        path,
        |heads| {
            let code = required(heads, w.supplier_code, sheet, path)?;
            let period = required(heads, w.period, sheet, path)?;
            let item = required(heads, w.item, sheet, path)?;
            let file = required(heads, w.file, sheet, path)?;
            let request = find_either(heads, columns::ITEM_REQUEST);
            let due = find_either(heads, columns::ITEM_DUE);
            *found_any |= request.is_some() || due.is_some();
            let wanted =
                [Some(code), Some(period), Some(item), Some(file), request, due].into_iter().flatten().collect();
            Ok((wanted, (code, period, item, file, request, due)))
        },
        |&(code_col, period_col, item_col, file_col, request_col, due_col), index, cells| {
            let row = index + 1;
            let here = || place(sheet, row);
            let request = checked(text(cells, request_col, &here, path)?, MAX_REQUEST_TEXT, &here, path)?;
            let due = due(cells, due_col, &here, path)?;
            if request.is_empty() {
                if due.is_some() {
                    return Err(at(
                        path,
                        here(),
                        "a due date without a request: write the request, or clear the date.",
                    ));
                }
                return Ok(());
            }
            let item = text(cells, Some(item_col), &here, path)?;
            if !matches!(Target::resolve(catalog, item.trim()), Some(Target::Item(_))) {
                return Err(at(
                    path,
                    here(),
                    format!(
                        "the item “{item}” is not an action item of the guideline (I-1 to VII-8), so the request on \
                         it cannot be sent. Correct the item, or clear the request."
                    ),
                ));
            }
            let file = text(cells, Some(file_col), &here, path)?;
            let Some(&i) = by_file.get(&file) else {
                return Err(at(
                    path,
                    here(),
                    format!(
                        "the file “{file}” is not listed on sheet “{}”, so it is not known which submission this \
                         request answers.",
                        w.sheet_submissions
                    ),
                ));
            };
            let s = &mut rows[i];
            let (code, period) =
                (text(cells, Some(code_col), &here, path)?, text(cells, Some(period_col), &here, path)?);
            if code != s.submission.supplier_code.as_deref().unwrap_or("") || period != s.submission.period {
                return Err(at(
                    path,
                    here(),
                    format!(
                        "the row names supplier “{code}”, period “{period}”, but its file “{file}” is the \
                         submission of “{}”, period “{}” (sheet “{}”, row {}). Use the workbook as `collect` wrote it.",
                        s.submission.supplier_code.as_deref().unwrap_or(&s.submission.legal_name),
                        s.submission.period,
                        w.sheet_submissions,
                        s.row
                    ),
                ));
            }
            s.item_requests.push(RequestDraft { target: item.trim().to_string(), text: request, due });
            Ok(())
        },
    )
}
