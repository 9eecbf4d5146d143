//! NEC's requests in the workbook: for each submission, how many of NEC's earlier requests it
//! answers and how many it leaves open (those listed by id), and the empty feedback columns
//! NEC's staff fill in (the headings from lang/<code>/workbook.json) for the next round (their headings are the contract of
//! `crate::feedback::workbook::columns`, which `feedback-from-workbook` reads back). All of
//! them at the end of the Submissions and Answers sheets, so the columns before keep their
//! places.

use std::borrow::Cow;

use serde::Serialize;

use super::sheets::Cell;
use super::summary::Submission;
use crate::catalog::Catalog;
use crate::feedback::workbook::columns;
use crate::lang::Lang;
use crate::model::AssessmentRecord;

/// NEC's requests a submission's data carries, as the workbook and the staff screen show them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Requests {
    /// Answered: done, or not possible with a reason.
    pub answered: usize,
    /// Not answered yet.
    pub open: Vec<OpenRequest>,
}

/// A request the supplier has not answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenRequest {
    pub id: String,
    /// The item or policy it is about.
    pub target: String,
    pub text: String,
    pub due: Option<String>,
    pub asked_at: String,
}

/// The requests of a submission's record.
pub fn of(record: &AssessmentRecord) -> Requests {
    let mut r = Requests::default();
    for q in &record.nec_requests {
        if q.is_answered() {
            r.answered += 1;
        } else {
            r.open.push(OpenRequest {
                id: q.id.clone(),
                target: q.target().to_string(),
                text: q.text.clone(),
                due: q.due.clone(),
                asked_at: q.asked_at.clone(),
            });
        }
    }
    r
}

/// The columns added at the end of the Submissions sheet: the counts, the open requests, and
/// the feedback columns staff fill in.
pub fn submission_headings(catalog: &Catalog, lang: Lang) -> Vec<String> {
    let w = super::labels(lang);
    let mut h = vec![w.requests_answered.clone(), w.requests_open.clone(), w.requests_open_ids.clone()];
    h.extend(columns::submission_columns(catalog, lang));
    h
}

/// The cells of those columns for `s` (the feedback columns empty, for staff to fill in).
pub fn submission_cells<'a>(s: &'a Submission, catalog: &Catalog, lang: Lang) -> Vec<Cell<'a>> {
    let ids: Vec<&str> = s.requests.open.iter().map(|r| r.id.as_str()).collect();
    let mut cells = vec![
        Cell::Number(s.requests.answered as f64),
        Cell::Number(s.requests.open.len() as f64),
        if ids.is_empty() { Cell::Empty } else { Cell::Text(Cow::Owned(ids.join(", "))) },
    ];
    cells.extend(columns::submission_columns(catalog, lang).iter().map(|_| Cell::Empty));
    cells
}

/// The feedback columns added at the end of the Answers sheet.
pub fn answer_headings(lang: Lang) -> Vec<String> {
    columns::answer_columns(lang)
}

/// Their (empty) cells.
pub fn answer_cells<'a>(lang: Lang) -> Vec<Cell<'a>> {
    columns::answer_columns(lang).iter().map(|_| Cell::Empty).collect()
}
