//! Assessments: create, carry forward, list, rename, delete and restore, status, position,
//! declaration, and whole records for export, import, scoring and the PDF.

use super::read;
use super::tx::{self, Editing};
use super::{SaveReceipt, Store};
use crate::clock;
use crate::error::{Error, Result};
use crate::model::{
    completeness, normalize_period, validate_period, Assessment, AssessmentRecord, AssessmentSummary, Declaration, Misfit,
    Status,
};

impl Store {
    /// A new, empty assessment as of `now`, of the catalog this store checks against.
    fn new_assessment(&self, company_id: i64, period: &str, carried_from: Option<i64>, now: &str) -> Assessment {
        Assessment {
            id: 0,
            company_id,
            period: period.trim().to_string(),
            status: Status::Draft,
            catalog_version: self.catalog.version().to_string(),
            created_at: now.to_string(),
            updated_at: now.to_string(),
            submitted_at: None,
            carried_from,
            position: None,
            declaration: Declaration::default(),
        }
    }

    /// Starts an empty assessment of a company for a period.
    pub fn create_assessment(&mut self, company_id: i64, period: &str) -> Result<Assessment> {
        let period = &normalize_period(period);
        validate_period(period)?;
        self.company(company_id)?;
        let now = clock::now();
        let fresh = self.new_assessment(company_id, period, None, &now);
        let row = self.write(|tx| tx::insert_assessment(tx, fresh))?;
        self.assessment(row.assessment.id)
    }

    /// Starts an assessment from an earlier one: its answers and Part 2 answers are copied
    /// and marked "to re-confirm"; the declaration is not (it must be signed anew).
    pub fn create_assessment_from(&mut self, source_id: i64, period: &str) -> Result<Assessment> {
        let period = &normalize_period(period);
        validate_period(period)?;
        let source = self.assessment(source_id)?;
        let now = clock::now();
        let fresh = self.new_assessment(source.company_id, period, Some(source_id), &now);
        let id = self.write(|tx| {
            let source = read::live_assessment(tx, source_id)?;
            let (answers, part2) = read::answers_and_part2(tx, &source)?;
            let row = tx::insert_assessment(tx, fresh)?;
            let mut editing = Editing::of(tx, row)?;
            for a in &answers {
                editing.put_answer(a, true, &now)?;
            }
            for p in &part2 {
                editing.put_part2(p, true, &now)?;
            }
            Ok(editing.save()?.id)
        })?;
        self.assessment(id)
    }

    /// One assessment (not deleted), its row checked.
    pub fn assessment(&self, id: i64) -> Result<Assessment> {
        read::live_assessment(&self.conn, id).map(|r| r.assessment).map_err(|e| self.seen(e))
    }

    /// All assessments that are not deleted, most recently changed first. Each row is
    /// checked, and its number of answer rows against its manifest.
    pub fn list_assessments(&self) -> Result<Vec<AssessmentSummary>> {
        self.summaries().map_err(|e| self.seen(e))
    }

    fn summaries(&self) -> Result<Vec<AssessmentSummary>> {
        let total = self.catalog.item_count();
        let companies = read::companies(&self.conn)?;
        let mut counts = self
            .conn
            .prepare_cached(
                "SELECT a.id,
                    (SELECT count(*) FROM answer x WHERE x.assessment_id = a.id),
                    (SELECT count(*) FROM part2_answer x WHERE x.assessment_id = a.id),
                    (SELECT count(*) FROM answer x WHERE x.assessment_id = a.id
                        AND x.rating IS NOT NULL AND x.rating <> 'not_applicable'),
                    (SELECT count(*) FROM answer x WHERE x.assessment_id = a.id AND x.rating = 'not_applicable'),
                    (SELECT count(*) FROM answer x WHERE x.assessment_id = a.id AND x.to_reconfirm = 1)
                  + (SELECT count(*) FROM part2_answer x WHERE x.assessment_id = a.id AND x.to_reconfirm = 1)
                 FROM assessment a WHERE a.deleted_at IS NULL",
            )
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get::<_, i64>(0)?, [r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?])))?
                    .collect::<rusqlite::Result<std::collections::HashMap<i64, [i64; 5]>>>()
            })
            .map_err(read::sql)?;
        let mut list = Vec::new();
        for row in read::assessments(&self.conn)? {
            if row.deleted_at.is_some() {
                continue;
            }
            let a = row.assessment;
            let [rows_a, rows_p, answered, not_applicable, to_reconfirm] =
                counts.remove(&a.id).ok_or_else(|| read::damage(format!("assessment {} cannot be counted", a.id)))?;
            let (saved_a, saved_p) = row.manifest.split_once(';').unwrap_or(("", ""));
            if super::sums::manifest_count(saved_a) != Some(rows_a as u64)
                || super::sums::manifest_count(saved_p) != Some(rows_p as u64)
            {
                return Err(read::damage(format!(
                    "assessment {} holds {rows_a} answers and {rows_p} Part 2 answers, which is not what was saved (rows are missing or were added)",
                    a.id
                )));
            }
            let company = companies
                .iter()
                .find(|(c, _)| c.id == a.company_id)
                .ok_or_else(|| read::damage(format!("the company of assessment {} is missing", a.id)))?;
            let (answered, not_applicable) = (answered as usize, not_applicable as usize);
            list.push(AssessmentSummary {
                id: a.id,
                company_id: a.company_id,
                company_name: company.0.profile.display_name().to_string(),
                period: a.period,
                status: a.status,
                catalog_version: a.catalog_version,
                answered,
                not_applicable,
                total,
                completeness: completeness(answered, total.saturating_sub(not_applicable)),
                to_reconfirm: to_reconfirm as usize,
                created_at: a.created_at,
                updated_at: a.updated_at,
            });
        }
        list.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.id.cmp(&a.id)));
        Ok(list)
    }

    pub fn rename_assessment(&mut self, id: i64, period: &str) -> Result<Assessment> {
        let period = &normalize_period(period);
        validate_period(period)?;
        let now = clock::now();
        self.write(|tx| {
            let mut editing = Editing::open(tx, id)?;
            editing.row.assessment.period = period.trim().to_string();
            editing.row.assessment.updated_at = now.clone();
            editing.save()
        })
    }

    /// Moves an assessment to the bin; [`Store::restore_assessment`] brings it back. One
    /// that is not there (or already deleted) is `NotFound`, and takes no backup.
    pub fn delete_assessment(&mut self, id: i64) -> Result<()> {
        self.assessment(id)?;
        self.backup_before(super::backup::Reason::BeforeDelete)?;
        let now = clock::now();
        self.write(|tx| {
            if !tx::set_deleted(tx, id, Some(&now))? {
                return Err(Error::not_found(format!("Assessment {id}")));
            }
            Ok(())
        })
    }

    /// Undoes [`Store::delete_assessment`].
    pub fn restore_assessment(&mut self, id: i64) -> Result<Assessment> {
        self.write(|tx| {
            if !tx::set_deleted(tx, id, None)? {
                return Err(Error::not_found(format!("Deleted assessment {id}")));
            }
            Ok(())
        })?;
        self.assessment(id)
    }

    /// Sets the status to draft or ready. `Submitted` is refused: an assessment becomes
    /// submitted only by submitting it, which writes the PDF in the same transaction
    /// ([`Store::submit_with`]), so the status never says "submitted" without the PDF.
    pub fn set_status(&mut self, id: i64, status: Status) -> Result<Assessment> {
        if status == Status::Submitted {
            return Err(Error::invalid(
                "status",
                "an assessment becomes submitted only by submitting it (Submit in the app, or `csr-assess submit`), which creates the PDF for NEC.",
            ));
        }
        self.write(|tx| {
            let mut editing = Editing::open(tx, id)?;
            editing.row.assessment.status = status;
            editing.save()
        })
    }

    /// Remembers where the user is, so reopening resumes there. Not a change of content.
    pub fn set_position(&mut self, id: i64, position: &str) -> Result<()> {
        crate::model::checks::text("position", position, 100)?;
        self.write(|tx| {
            let mut editing = Editing::open(tx, id)?;
            editing.row.assessment.position = Some(position.to_string());
            editing.save().map(|_| ())
        })
    }

    /// Reads, edits and saves the declaration in one write transaction (the command line's
    /// `declare` changes some fields and keeps the rest).
    pub fn edit_declaration(&mut self, id: i64, edit: impl FnOnce(&mut Declaration)) -> Result<SaveReceipt> {
        let now = clock::now();
        self.write(|tx| {
            let mut editing = Editing::open(tx, id)?;
            let mut declaration = editing.row.assessment.declaration.clone();
            edit(&mut declaration);
            let declaration = declaration.normalized();
            declaration.validate()?;
            let mut receipt = editing.touch(&now);
            receipt.revision = Some(editing.set_declaration(&declaration));
            editing.save()?;
            Ok(receipt)
        })
    }

    /// Saves the declaration. When it carries the revision it was read at and the stored one
    /// has moved on (another window or program saved it meanwhile), nothing is saved:
    /// [`Error::Conflict`], naming what differs.
    pub fn save_declaration(&mut self, id: i64, declaration: &Declaration) -> Result<SaveReceipt> {
        let declaration = &declaration.normalized();
        declaration.validate()?;
        let now = clock::now();
        self.write(|tx| {
            let mut editing = Editing::open(tx, id)?;
            let stored = &editing.row.assessment.declaration;
            if let Some(based_on) = declaration.revision.0 {
                if stored.revision.0.unwrap_or(1) != based_on {
                    return Err(Error::Conflict { what: declaration_changes(stored, declaration) });
                }
            }
            let mut receipt = editing.touch(&now);
            receipt.revision = Some(editing.set_declaration(declaration));
            editing.save()?;
            Ok(receipt)
        })
    }

    /// Everything of one assessment, every row checked: the assessment, its company (which
    /// must be there), its answers and Part 2 answers against its manifest.
    pub fn record(&self, id: i64) -> Result<AssessmentRecord> {
        self.read_record(id).map_err(|e| self.seen(e))
    }

    fn read_record(&self, id: i64) -> Result<AssessmentRecord> {
        let row = read::live_assessment(&self.conn, id)?;
        let (mut answers, mut part2) = read::answers_and_part2(&self.conn, &row)?;
        let company = read::company(&self.conn, row.assessment.company_id)?
            .ok_or_else(|| read::damage(format!("the company profile of assessment {id} is missing")))?
            .0;
        self.in_catalog_order(&mut answers);
        self.policies_in_catalog_order(&mut part2);
        let nec_requests = self.shown_requests(&self.conn, id)?;
        Ok(AssessmentRecord { company: company.profile, answers, part2, assessment: row.assessment, nec_requests })
    }

    /// Stores an imported record as a new assessment, in one transaction. The company is
    /// the existing one with exactly this profile, or a new one: an import never changes a
    /// profile already here. Returns the new assessment's id.
    pub fn insert_record(&mut self, record: &AssessmentRecord) -> Result<i64> {
        self.insert_record_from(record, None)
    }

    /// [`Store::insert_record`] of the data a submission PDF carried, whose fingerprint
    /// (`sha256`) NEC's feedback on it will name. NEC's requests the record carries are kept
    /// on the new assessment, with their replies.
    pub fn insert_record_from(&mut self, record: &AssessmentRecord, sha256: Option<&str>) -> Result<i64> {
        record.validate(self.catalog).map_err(Misfit::into_error)?;
        self.backup_before(super::backup::Reason::BeforeImport)?;
        let now = clock::now();
        self.write(|tx| {
            let company_id = match tx::find_company(tx, &record.company)? {
                Some(id) => id,
                None => tx::insert_company(tx, &record.company, &now)?.id,
            };
            let a = &record.assessment;
            let imported = Assessment {
                id: 0,
                company_id,
                period: a.period.trim().to_string(),
                carried_from: None,
                declaration: Declaration { revision: Default::default(), ..a.declaration.clone() },
                ..a.clone()
            };
            let row = tx::insert_assessment(tx, imported)?;
            let mut editing = Editing::of(tx, row)?;
            for answer in &record.answers {
                editing.put_answer(answer, answer.to_reconfirm, answer.updated_at.as_deref().unwrap_or(&now))?;
            }
            for p in &record.part2 {
                editing.put_part2(p, p.to_reconfirm, p.updated_at.as_deref().unwrap_or(&now))?;
            }
            if let Some(submitted_at) = &record.assessment.submitted_at {
                editing.put_submission(submitted_at, sha256)?;
            }
            let id = editing.id();
            for r in &record.nec_requests {
                editing.put_request(&super::rows::RequestRow {
                    assessment_id: id,
                    request: crate::model::NecRequest { revision: crate::model::Revision(Some(1)), ..r.clone() },
                    feedback_id: String::new(),
                    replied_in: r.is_answered().then_some(id),
                })?;
            }
            Ok(editing.save()?.id)
        })
    }
}

/// "The declaration (signer's title, date)": what a stale save would have overwritten.
fn declaration_changes(stored: &Declaration, yours: &Declaration) -> String {
    let mut fields = Vec::new();
    if stored.signer_name != yours.signer_name {
        fields.push(format!("signer: saved \"{}\"", stored.signer_name));
    }
    if stored.signer_title != yours.signer_title {
        fields.push(format!("title: saved \"{}\"", stored.signer_title));
    }
    if stored.date != yours.date {
        fields.push(format!("date: saved {}", stored.date.as_deref().unwrap_or("none")));
    }
    if stored.confirmed != yours.confirmed {
        fields.push(format!("confirmation: saved {}", if stored.confirmed { "ticked" } else { "not ticked" }));
    }
    if fields.is_empty() {
        "The declaration".into()
    } else {
        format!("The declaration ({})", fields.join("; "))
    }
}
