//! Assessments: create, carry forward, list, rename, delete and restore, status, position,
//! declaration, and whole records for export, import, scoring and the PDF.

use rusqlite::{params, OptionalExtension, Transaction};

use super::companies::{find_company, insert_company};
use super::rows::{self, ASSESSMENT_COLUMNS};
use super::{SaveReceipt, Store};
use crate::catalog::Catalog;
use crate::clock;
use crate::error::{Error, Result};
use crate::model::Misfit;
use crate::model::{
    normalize_period, validate_period, Assessment, AssessmentRecord, AssessmentSummary, CompanyProfile, Declaration, Status,
};

impl Store {
    /// Starts an empty assessment of a company for a period.
    pub fn create_assessment(&mut self, company_id: i64, period: &str) -> Result<Assessment> {
        let period = &normalize_period(period);
        validate_period(period)?;
        self.company(company_id)?;
        let now = clock::now();
        let id = self.write(|tx| insert_assessment(tx, company_id, period.trim(), None, &now))?;
        self.assessment(id)
    }

    /// Starts an assessment from an earlier one: its answers and Part 2 answers are copied
    /// and marked "to re-confirm"; the declaration is not (it must be signed anew).
    pub fn create_assessment_from(&mut self, source_id: i64, period: &str) -> Result<Assessment> {
        let period = &normalize_period(period);
        validate_period(period)?;
        let source = self.assessment(source_id)?;
        let now = clock::now();
        let id = self.write(|tx| {
            let id = insert_assessment(tx, source.company_id, period.trim(), Some(source_id), &now)?;
            tx.execute(
                "INSERT INTO answer(assessment_id, item_id, rating, na_reason, description, evidence,
                                    action_plan, marked_for_review, to_reconfirm, updated_at, checksum)
                 SELECT ?1, item_id, rating, na_reason, description, evidence,
                        action_plan, marked_for_review, 1, ?3, checksum
                 FROM answer WHERE assessment_id = ?2",
                params![id, source_id, now],
            )?;
            tx.execute(
                "INSERT INTO part2_answer(assessment_id, policy_id, acknowledged, cascaded,
                                          disclosures, notes, to_reconfirm, updated_at, checksum)
                 SELECT ?1, policy_id, acknowledged, cascaded, disclosures, notes, 1, ?3, checksum
                 FROM part2_answer WHERE assessment_id = ?2",
                params![id, source_id, now],
            )?;
            Ok(id)
        })?;
        self.assessment(id)
    }

    /// One assessment (not deleted).
    pub fn assessment(&self, id: i64) -> Result<Assessment> {
        self.conn
            .query_row(
                &format!("SELECT {ASSESSMENT_COLUMNS} FROM assessment WHERE id = ?1 AND deleted_at IS NULL"),
                [id],
                rows::assessment,
            )
            .optional()
            .map_err(|e| self.damaged(e))?
            .ok_or_else(|| Error::not_found(format!("Assessment {id}")))
    }

    /// All assessments that are not deleted, most recently changed first.
    pub fn list_assessments(&self) -> Result<Vec<AssessmentSummary>> {
        let total = Catalog::get().item_count();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.company_id, c.profile, a.period, a.status, a.catalog_version,
                    a.created_at, a.updated_at,
                    (SELECT count(*) FROM answer x WHERE x.assessment_id = a.id
                        AND x.rating IS NOT NULL AND x.rating <> 'not_applicable'),
                    (SELECT count(*) FROM answer x WHERE x.assessment_id = a.id AND x.rating = 'not_applicable'),
                    (SELECT count(*) FROM answer x WHERE x.assessment_id = a.id AND x.to_reconfirm = 1)
                  + (SELECT count(*) FROM part2_answer x WHERE x.assessment_id = a.id AND x.to_reconfirm = 1)
             FROM assessment a JOIN company c ON c.id = a.company_id
             WHERE a.deleted_at IS NULL
             ORDER BY a.updated_at DESC, a.id DESC",
            )
            .map_err(|e| self.damaged(e))?;
        let list = stmt
            .query_map([], |r| {
                let profile: CompanyProfile = rows::json(r, 2)?;
                let answered: usize = r.get::<_, i64>(8)? as usize;
                let not_applicable: usize = r.get::<_, i64>(9)? as usize;
                Ok(AssessmentSummary {
                    id: r.get(0)?,
                    company_id: r.get(1)?,
                    company_name: profile.display_name().to_string(),
                    period: r.get(3)?,
                    status: rows::status(r, 4)?,
                    catalog_version: r.get(5)?,
                    created_at: r.get(6)?,
                    updated_at: r.get(7)?,
                    answered,
                    not_applicable,
                    total,
                    completeness: crate::scoring::completeness(answered, total - not_applicable),
                    to_reconfirm: r.get::<_, i64>(10)? as usize,
                })
            })
            .map_err(|e| self.damaged(e))?
            .collect::<rusqlite::Result<Vec<_>>>();
        list.map_err(|e| self.damaged(e))
    }

    pub fn rename_assessment(&mut self, id: i64, period: &str) -> Result<Assessment> {
        let period = &normalize_period(period);
        validate_period(period)?;
        let now = clock::now();
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE assessment SET period = ?2, updated_at = ?3 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, period.trim(), now],
            )?;
            if n == 0 {
                return Err(Error::not_found(format!("Assessment {id}")));
            }
            Ok(())
        })?;
        self.assessment(id)
    }

    /// Moves an assessment to the bin; [`Store::restore_assessment`] brings it back.
    pub fn delete_assessment(&mut self, id: i64) -> Result<()> {
        self.backup_before(super::backup::Reason::BeforeDelete);
        let now = clock::now();
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE assessment SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, now],
            )?;
            if n == 0 {
                return Err(Error::not_found(format!("Assessment {id}")));
            }
            Ok(())
        })
    }

    /// Undoes [`Store::delete_assessment`].
    pub fn restore_assessment(&mut self, id: i64) -> Result<Assessment> {
        self.write(|tx| {
            let n =
                tx.execute("UPDATE assessment SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL", [id])?;
            if n == 0 {
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
            let n = tx.execute(
                "UPDATE assessment SET status = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, status.as_str()],
            )?;
            if n == 0 {
                return Err(Error::not_found(format!("Assessment {id}")));
            }
            Ok(())
        })?;
        self.assessment(id)
    }

    /// Remembers where the user is, so reopening resumes there. Not a change of content.
    pub fn set_position(&mut self, id: i64, position: &str) -> Result<()> {
        crate::model::checks::text("position", position, 100)?;
        self.write(|tx| {
            let n = tx.execute(
                "UPDATE assessment SET position = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, position],
            )?;
            if n == 0 {
                return Err(Error::not_found(format!("Assessment {id}")));
            }
            Ok(())
        })
    }

    /// Reads, edits and saves the declaration in one write transaction (the command line's
    /// `declare` changes some fields and keeps the rest).
    pub fn edit_declaration(&mut self, id: i64, edit: impl FnOnce(&mut Declaration)) -> Result<SaveReceipt> {
        let now = clock::now();
        self.write(|tx| {
            let text: String = tx
                .query_row("SELECT declaration FROM assessment WHERE id = ?1 AND deleted_at IS NULL", [id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or_else(|| Error::not_found(format!("Assessment {id}")))?;
            let mut declaration: Declaration = serde_json::from_str(&text)
                .map_err(|e| Error::CorruptDatabase { path: Default::default(), detail: e.to_string() })?;
            edit(&mut declaration);
            let declaration = declaration.normalized();
            declaration.validate()?;
            let json = serde_json::to_string(&declaration).expect("declarations serialize");
            let receipt = touch(tx, id, &now)?;
            tx.execute("UPDATE assessment SET declaration = ?2 WHERE id = ?1", params![id, json])?;
            Ok(receipt)
        })
    }

    pub fn save_declaration(&mut self, id: i64, declaration: &Declaration) -> Result<SaveReceipt> {
        let declaration = &declaration.normalized();
        declaration.validate()?;
        let json = serde_json::to_string(declaration).expect("declarations serialize");
        let now = clock::now();
        self.write(|tx| {
            let receipt = touch(tx, id, &now)?;
            tx.execute("UPDATE assessment SET declaration = ?2 WHERE id = ?1", params![id, json])?;
            Ok(receipt)
        })
    }

    /// Everything of one assessment.
    pub fn record(&self, id: i64) -> Result<AssessmentRecord> {
        let assessment = self.assessment(id)?;
        let company = self.company(assessment.company_id)?.profile;
        Ok(AssessmentRecord { company, answers: self.answers(id)?, part2: self.part2_answers(id)?, assessment })
    }

    /// Stores an imported record as a new assessment, in one transaction. The company is
    /// the existing one with exactly this profile, or a new one: an import never changes a
    /// profile already here. Returns the new assessment's id.
    pub fn insert_record(&mut self, record: &AssessmentRecord) -> Result<i64> {
        record.validate(Catalog::get()).map_err(Misfit::into_error)?;
        self.backup_before(super::backup::Reason::BeforeImport);
        let now = clock::now();
        self.write(|tx| {
            let company_id = match find_company(tx, &record.company)? {
                Some(id) => id,
                None => insert_company(tx, &record.company, &now)?,
            };
            let a = &record.assessment;
            tx.execute(
                "INSERT INTO assessment(company_id, period, status, catalog_version, created_at,
                                        updated_at, submitted_at, position, declaration)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    company_id,
                    a.period.trim(),
                    a.status.as_str(),
                    a.catalog_version,
                    a.created_at,
                    a.updated_at,
                    a.submitted_at,
                    a.position,
                    serde_json::to_string(&a.declaration).expect("declarations serialize"),
                ],
            )?;
            let id = tx.last_insert_rowid();
            for answer in &record.answers {
                super::answers::upsert_answer(
                    tx,
                    id,
                    answer,
                    answer.to_reconfirm,
                    answer.updated_at.as_deref().unwrap_or(&now),
                )?;
            }
            for p in &record.part2 {
                super::answers::upsert_part2(tx, id, p, p.to_reconfirm, p.updated_at.as_deref().unwrap_or(&now))?;
            }
            Ok(id)
        })
    }
}

fn insert_assessment(tx: &Transaction, company_id: i64, period: &str, from: Option<i64>, now: &str) -> Result<i64> {
    tx.execute(
        "INSERT INTO assessment(company_id, period, status, catalog_version, created_at, updated_at, carried_from)
         VALUES (?1, ?2, 'draft', ?3, ?4, ?4, ?5)",
        params![company_id, period, Catalog::get().version(), now, from],
    )?;
    Ok(tx.last_insert_rowid())
}

/// Records a change of content: bumps `updated_at` and turns a ready or submitted
/// assessment back into a draft, saying so in the receipt.
pub(super) fn touch(tx: &Transaction, id: i64, now: &str) -> Result<SaveReceipt> {
    let status: Option<String> = tx
        .query_row("SELECT status FROM assessment WHERE id = ?1 AND deleted_at IS NULL", [id], |r| r.get(0))
        .optional()?;
    let status = status.ok_or_else(|| Error::not_found(format!("Assessment {id}")))?;
    let before = Status::parse(&status).unwrap_or(Status::Draft);
    tx.execute("UPDATE assessment SET updated_at = ?2, status = 'draft' WHERE id = ?1", params![id, now])?;
    Ok(SaveReceipt {
        updated_at: now.to_string(),
        status: Status::Draft,
        reverted_from: (before != Status::Draft).then_some(before),
        revision: None,
    })
}
