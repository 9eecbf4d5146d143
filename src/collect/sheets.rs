//! The five tables, laid out once for both writers: submissions (one row each), what needs a
//! look, ratings by item (one row per submission, a column per action item), answers (one
//! row per action item of each submission, for pivot tables) and failed files. Each table
//! gives its headings and hands its rows, one at a time, to a [`Sink`]. Dates are dates (a
//! spreadsheet sorts and filters them as such), not text.

use std::borrow::Cow;

use super::labels::Labels;
use super::read::Source;
use super::Collection;
use crate::catalog::{Catalog, FieldKind};
use crate::error::Result;
use crate::lang::{fill, Lang};
use crate::model::{parse_amount, Rating};

/// One cell: text, a number, a calendar date, a moment (UTC), or nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(f64),
    Date(time::Date),
    DateTime(time::PrimitiveDateTime),
    Empty,
}

impl<'a> Cell<'a> {
    fn text(s: impl Into<Cow<'a, str>>) -> Cell<'a> {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    fn number(n: Option<impl Into<f64>>) -> Cell<'a> {
        n.map_or(Cell::Empty, |n| Cell::Number(n.into()))
    }

    fn count(n: usize) -> Cell<'a> {
        Cell::Number(n as f64)
    }

    /// A "YYYY-MM-DD" date as a date; anything else as the text it is.
    fn date(s: &'a str) -> Cell<'a> {
        crate::clock::parse_date(s.trim()).map_or_else(|| Cell::text(s), Cell::Date)
    }

    /// An RFC 3339 moment as a date and time in UTC; anything else as the text it is.
    fn moment(s: &'a str) -> Cell<'a> {
        crate::clock::at_offset(s, time::UtcOffset::UTC)
            .map_or_else(|| Cell::text(s), |t| Cell::DateTime(time::PrimitiveDateTime::new(t.date(), t.time())))
    }
}

/// Where a table's rows go.
pub trait Sink {
    fn row(&mut self, cells: &[Cell]) -> Result<()>;
}

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Submissions,
    NeedsLook,
    Ratings,
    Answers,
    Failures,
}

impl Table {
    pub const ALL: [Table; 5] = [Table::Submissions, Table::NeedsLook, Table::Ratings, Table::Answers, Table::Failures];

    /// The suffix of the CSV file for this table.
    pub fn file_suffix(self) -> &'static str {
        match self {
            Table::Submissions => "submissions",
            Table::NeedsLook => "needs-look",
            Table::Ratings => "ratings",
            Table::Answers => "answers",
            Table::Failures => "failures",
        }
    }
}

/// The collection with the language to show it in (its labels, words and punctuation).
pub struct Tables<'a> {
    pub collection: &'a Collection,
    pub catalog: &'a Catalog,
    pub lang: Lang,
    pub labels: &'static Labels,
}

impl Tables<'_> {
    pub fn name(&self, table: Table) -> &'static str {
        let l = self.labels;
        match table {
            Table::Submissions => &l.sheet_submissions,
            Table::NeedsLook => &l.sheet_needs_look,
            Table::Ratings => &l.sheet_ratings,
            Table::Answers => &l.sheet_answers,
            Table::Failures => &l.sheet_failures,
        }
    }

    /// A list in a cell, in the language's punctuation.
    fn list(&self, items: &[String]) -> String {
        self.lang.list(items)
    }

    fn group_name(&self, id: &str, table_title: &str) -> String {
        format!("{id} {}", self.catalog.guideline_text(self.lang.code(), table_title))
    }

    fn policy_name<'s>(&'s self, short_title: &'s str) -> &'s str {
        self.catalog.guideline_text(self.lang.code(), short_title)
    }

    /// A rating in the language's words (the screens' and the PDF's).
    fn rating(&self, r: Rating) -> &'static str {
        self.lang.words().rating(r.as_str())
    }

    /// The column headings of a table.
    pub fn headings(&self, table: Table) -> Vec<String> {
        let l = self.labels;
        let mut h: Vec<String> = Vec::new();
        match table {
            Table::Submissions => {
                h.extend(
                    [
                        &l.supplier_code,
                        &l.legal_name,
                        &l.name_latin,
                        &l.period,
                        &l.status,
                        &l.submitted_at,
                        &l.exported_at,
                        &l.guideline,
                        &l.catalog_version,
                        &l.completeness,
                        &l.overall,
                    ]
                    .map(String::clone),
                );
                for g in self.catalog.groups() {
                    h.push(fill(&l.group_score, &[("group", &self.group_name(&g.id, &g.table_title))]));
                }
                h.extend(
                    [&l.essential_gaps, &l.essential_without_plan, &l.gaps, &l.unanswered, &l.marked_for_review]
                        .map(String::clone),
                );
                for p in self.catalog.policies() {
                    let name = self.policy_name(&p.short_title);
                    h.push(fill(&l.acknowledged, &[("policy", name)]));
                    h.push(fill(&l.cascaded, &[("policy", name)]));
                    for f in self.catalog.disclosure_fields(&p.id) {
                        h.push(self.lang.labelled(name, f.label.get(self.lang.code())));
                    }
                }
                h.push(l.declaration.clone());
                h.push(l.superseded.clone());
                if self.collection.compared {
                    h.push(l.previous_period.clone());
                    h.push(l.change_overall.clone());
                    for g in self.catalog.groups() {
                        h.push(fill(&l.change_group, &[("group", &self.group_name(&g.id, &g.table_title))]));
                    }
                    h.push(l.essential_worse.clone());
                }
                h.extend([&l.file, &l.checked, &l.sha256, &l.format_version].map(String::clone));
                h.extend(super::requests::submission_headings(self.catalog, self.lang));
            }
            Table::Answers => h.extend(
                [
                    &l.supplier_code,
                    &l.legal_name,
                    &l.period,
                    &l.group,
                    &l.item,
                    &l.item_title,
                    &l.condition,
                    &l.rating,
                    &l.points,
                    &l.na_reason,
                    &l.description,
                    &l.evidence_count,
                    &l.plan_what,
                    &l.plan_who,
                    &l.plan_due,
                    &l.marked_for_review,
                    &l.to_reconfirm,
                    &l.file,
                ]
                .map(String::clone)
                .into_iter()
                .chain(super::requests::answer_headings(self.lang)),
            ),
            Table::NeedsLook => h.extend(
                [&l.supplier_code, &l.legal_name, &l.period, &l.look_reason, &l.look_detail, &l.file].map(String::clone),
            ),
            Table::Ratings => {
                h.extend([&l.supplier_code, &l.legal_name, &l.period, &l.overall].map(String::clone));
                h.extend(self.catalog.items().map(|i| i.id.clone()));
                h.push(l.file.clone());
            }
            Table::Failures => h.extend([&l.file, &l.problem, &l.detail].map(String::clone)),
        }
        h
    }

    /// Hands every row of a table to `sink`, in order.
    pub fn rows(&self, table: Table, sink: &mut dyn Sink) -> Result<()> {
        match table {
            Table::Submissions => self.submission_rows(sink),
            Table::NeedsLook => self.look_rows(sink),
            Table::Ratings => self.rating_rows(sink),
            Table::Answers => self.answer_rows(sink),
            Table::Failures => {
                for f in &self.collection.failures {
                    sink.row(&[
                        Cell::text(f.file.as_str()),
                        Cell::text(self.labels.problem(f.problem)),
                        Cell::text(f.detail.as_str()),
                    ])?;
                }
                Ok(())
            }
        }
    }

    fn submission_rows(&self, sink: &mut dyn Sink) -> Result<()> {
        let l = self.labels;
        let w = self.lang.words();
        let c = self.catalog;
        for s in &self.collection.submissions {
            let guideline = if s.guideline_sha256 == c.guideline.guideline.source_sha256 {
                s.guideline.clone()
            } else {
                self.lang.with_paren(&s.guideline, s.guideline_sha256.get(..12).unwrap_or(&s.guideline_sha256))
            };
            let mut row = vec![
                Cell::text(s.supplier_code.as_str()),
                Cell::text(s.legal_name.as_str()),
                Cell::text(s.name_latin.as_str()),
                Cell::text(s.period.as_str()),
                Cell::text(w.status(s.status.as_str())),
                s.submitted_at.as_deref().map_or(Cell::Empty, Cell::moment),
                Cell::moment(&s.exported_at),
                Cell::text(guideline),
                Cell::text(s.catalog_version.as_str()),
                Cell::Number(s.completeness.into()),
                Cell::number(s.overall),
            ];
            row.extend(s.groups.iter().map(|g| Cell::number(*g)));
            row.extend([
                Cell::text(self.list(&s.essential_gaps)),
                Cell::text(self.list(&s.essential_without_plan)),
                Cell::count(s.gaps),
                Cell::count(s.unanswered),
                Cell::text(self.list(&s.marked_for_review)),
            ]);
            for (p, answer) in c.policies().iter().zip(&s.part2) {
                if !answer.relevant && !answer.acknowledged {
                    row.push(Cell::text(l.not_applies.as_str()));
                } else {
                    row.push(Cell::text(w.yes_no(answer.acknowledged)));
                }
                row.push(Cell::text(answer.cascaded.map(|x| w.cascade_state(x.as_str())).unwrap_or("")));
                for f in c.disclosure_fields(&p.id) {
                    let value = answer.disclosures.get(&f.id).map(|v| v.trim()).unwrap_or("");
                    row.push(match f.kind {
                        FieldKind::Choice => {
                            Cell::text(f.option(value).map_or(value, |o| o.label.get(self.lang.code()).as_str()))
                        }
                        FieldKind::Number => parse_amount(value).map_or_else(|| Cell::text(value), Cell::Number),
                        FieldKind::Year => {
                            value.parse::<i32>().map_or_else(|_| Cell::text(value), |y| Cell::Number(y.into()))
                        }
                        FieldKind::Date => Cell::date(value),
                        _ => Cell::text(value),
                    });
                }
            }
            row.push(Cell::text(self.list(&s.declaration)));
            row.push(Cell::text(self.list(&s.superseded)));
            if self.collection.compared {
                match &s.change {
                    Some(ch) => {
                        row.push(Cell::text(ch.previous_period.as_str()));
                        row.push(Cell::number(ch.overall.map(|d| d as f64)));
                        row.extend(ch.groups.iter().map(|d| Cell::number(d.map(|d| d as f64))));
                        row.push(Cell::text(self.list(&ch.essential_worse)));
                    }
                    None => row.extend((0..c.groups().len() + 3).map(|_| Cell::Empty)),
                }
            }
            let checked = match s.source {
                Source::Pdf { pages, pages_checked: true } => fill(&l.checked_pdf, &[("pages", &pages.to_string())]),
                Source::Pdf { pages, pages_checked: false } => {
                    fill(&l.checked_pdf_unchecked, &[("pages", &pages.to_string())])
                }
                Source::Json => l.checked_json.clone(),
            };
            row.extend([
                Cell::text(s.file.as_str()),
                Cell::text(checked),
                Cell::text(s.sha256.as_str()),
                Cell::Number(s.format_version as f64),
            ]);
            row.extend(super::requests::submission_cells(s, c, self.lang));
            sink.row(&row)?;
        }
        Ok(())
    }

    fn look_rows(&self, sink: &mut dyn Sink) -> Result<()> {
        use super::aggregate::{difference, Look};
        let l = self.labels;
        let differ = |this: &str, other: &str| {
            let (a, b) = difference(this, other);
            let shown = |s: String| if s.is_empty() { l.nothing.clone() } else { s };
            fill(&l.differs, &[("this", &shown(a)), ("other", &shown(b))])
        };
        for n in &self.collection.looks {
            let detail = match &n.look {
                Look::OtherNames { others } => {
                    let listed: Vec<String> =
                        others.iter().map(|(name, file)| fill(&l.look_other_name, &[("name", name), ("file", file)])).collect();
                    let differences: Vec<String> = others.iter().map(|(name, _)| differ(&n.legal_name, name)).collect();
                    fill(
                        &l.look_other_names,
                        &[
                            ("code", &n.supplier_code),
                            ("period", &n.period),
                            ("n", &(others.len() + 1).to_string()),
                            ("others", &self.list(&listed)),
                            ("difference", &self.list(&differences)),
                        ],
                    )
                }
                Look::PreviousOtherName { name, file } => fill(
                    &l.look_previous_other_name,
                    &[("name", name), ("file", file), ("difference", &differ(&n.legal_name, name))],
                ),
                Look::PagesUnchecked => l.look_pages_unchecked.clone(),
            };
            sink.row(&[
                Cell::text(n.supplier_code.as_str()),
                Cell::text(n.legal_name.as_str()),
                Cell::text(n.period.as_str()),
                Cell::text(l.look(&n.look)),
                Cell::text(detail),
                Cell::text(n.file.as_str()),
            ])?;
        }
        Ok(())
    }

    /// One row per kept submission, a column per action item with its rating.
    fn rating_rows(&self, sink: &mut dyn Sink) -> Result<()> {
        for s in &self.collection.submissions {
            let answers = match s.answers {
                Some(slot) => self.collection.spool.get(slot)?,
                None => Vec::new(),
            };
            let mut row = vec![
                Cell::text(s.supplier_code.as_str()),
                Cell::text(s.legal_name.as_str()),
                Cell::text(s.period.as_str()),
                Cell::number(s.overall),
            ];
            for item in self.catalog.items() {
                let rating = answers.iter().find(|a| a.item_id == item.id).and_then(|a| a.rating);
                row.push(Cell::text(rating.map(|r| self.rating(r)).unwrap_or("")));
            }
            row.push(Cell::text(s.file.as_str()));
            sink.row(&row)?;
        }
        Ok(())
    }

    fn answer_rows(&self, sink: &mut dyn Sink) -> Result<()> {
        let l = self.labels;
        let c = self.catalog;
        for s in &self.collection.submissions {
            let Some(slot) = s.answers else { continue };
            for a in self.collection.spool.get(slot)? {
                let Some(item) = c.item(&a.item_id) else { continue };
                let group =
                    c.group(item.group_id()).map(|g| self.group_name(&g.id, &g.table_title)).unwrap_or_default();
                let condition = match item.condition {
                    Some(crate::catalog::Condition::Essential) => l.essential.as_str(),
                    Some(crate::catalog::Condition::Recommended) => l.recommended.as_str(),
                    None => "",
                };
                let yes = |b: bool| if b { self.lang.words().yes.as_str() } else { "" };
                let mut row = vec![
                    Cell::text(s.supplier_code.as_str()),
                    Cell::text(s.legal_name.as_str()),
                    Cell::text(s.period.as_str()),
                    Cell::text(group),
                    Cell::text(item.id.as_str()),
                    Cell::text(c.guideline_text(self.lang.code(), &item.title)),
                    Cell::text(condition),
                    Cell::text(a.rating.map(|r| self.rating(r)).unwrap_or("")),
                    Cell::number(a.rating.and_then(Rating::points)),
                    Cell::text(a.na_reason),
                    Cell::text(a.description),
                    Cell::count(a.evidence),
                    Cell::text(a.plan_what),
                    Cell::text(a.plan_who),
                    a.plan_due.as_deref().map_or(Cell::Empty, Cell::date),
                    Cell::text(yes(a.marked_for_review)),
                    Cell::text(yes(a.to_reconfirm)),
                    Cell::text(s.file.as_str()),
                ];
                row.extend(super::requests::answer_cells(self.lang));
                sink.row(&row)?;
            }
        }
        Ok(())
    }
}
