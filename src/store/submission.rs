//! Submitting: the status becomes `submitted`, with its time, in the same transaction whose
//! record the PDF is written from, and the submission is kept with the fingerprint of its
//! data; if writing the PDF fails, nothing changes.

use super::tx::Editing;
use super::Store;
use crate::error::Result;
use crate::model::{AssessmentRecord, Status};

/// What submitting wrote: the fingerprint of the data the submission's PDF carries, kept with
/// the submission (NEC's feedback names the submission by it). `()` names none.
pub trait Fingerprinted {
    fn fingerprint(&self) -> Option<&str> {
        None
    }
}

impl Fingerprinted for () {}

impl Store {
    /// Marks assessment `id` submitted at `now` and, inside the same write transaction, hands
    /// the record as it now stands (status `submitted`, `submitted_at` = `now`) to `write`.
    /// `check` runs first on the record as it was, inside the transaction (so no other
    /// writer can change it between the check and the status); an `Err` from `check` or
    /// `write` rolls everything back. The transaction commits only once `write` returned
    /// `Ok`; if the commit itself fails, `undo` is called so the written file can be removed.
    pub fn submit_with<T: Fingerprinted>(
        &mut self,
        id: i64,
        now: &str,
        check: impl FnOnce(&AssessmentRecord) -> Result<()>,
        write: impl FnOnce(&AssessmentRecord) -> Result<T>,
        undo: impl FnOnce(&T),
    ) -> Result<T> {
        self.before_write()?;
        // A plain BEGIN rather than a `Transaction`, so the record can be read through the
        // store's own reads inside it.
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(|e| self.seen(super::sqlite::explain(&self.conn, e.into())))?;
        let result = (|| {
            super::wal_guard::bump(&self.conn)?;
            check(&self.record(id)?)?;
            let mut editing = Editing::open(&self.conn, id)?;
            editing.row.assessment.status = Status::Submitted;
            editing.row.assessment.submitted_at = Some(now.to_string());
            editing.save()?;
            let written = write(&self.record(id)?)?;
            let recorded = Editing::open(&self.conn, id).and_then(|mut editing| {
                editing.put_submission(now, written.fingerprint())?;
                editing.save().map(|_| ())
            });
            if let Err(e) = recorded {
                undo(&written);
                return Err(e);
            }
            if let Err(e) = self.conn.execute_batch("COMMIT") {
                undo(&written);
                return Err(e.into());
            }
            Ok(written)
        })();
        if result.is_err() && !self.conn.is_autocommit() {
            // Nothing of this attempt stays; a failed rollback leaves SQLite to roll back.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        result.map_err(|e| self.seen(super::sqlite::explain(&self.conn, e)))
    }
}
