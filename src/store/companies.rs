//! Companies and their profiles.

use rusqlite::{params, OptionalExtension, Transaction};

use super::Store;
use crate::clock;
use crate::error::{Error, Result};
use crate::model::{Company, CompanyProfile};

impl Store {
    /// All companies, oldest first. Most databases hold one.
    pub fn companies(&self) -> Result<Vec<Company>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, profile, updated_at FROM company ORDER BY id")
            .map_err(|e| self.damaged(e))?;
        let rows = stmt
            .query_map([], |r| Ok(Company { id: r.get(0)?, profile: super::rows::json(r, 1)?, updated_at: r.get(2)? }))
            .map_err(|e| self.damaged(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>().map_err(|e| self.damaged(e))
    }

    pub fn company(&self, id: i64) -> Result<Company> {
        self.conn
            .query_row("SELECT id, profile, updated_at FROM company WHERE id = ?1", [id], |r| {
                Ok(Company { id: r.get(0)?, profile: super::rows::json(r, 1)?, updated_at: r.get(2)? })
            })
            .optional()
            .map_err(|e| self.damaged(e))?
            .ok_or_else(|| Error::not_found(format!("Company {id}")))
    }

    pub fn create_company(&mut self, profile: &CompanyProfile) -> Result<Company> {
        let profile = &profile.normalized();
        profile.validate()?;
        let now = clock::now();
        let id = self.write(|tx| insert_company(tx, profile, &now))?;
        Ok(Company { id, profile: profile.clone(), updated_at: now })
    }

    /// Replaces a company's profile.
    pub fn save_company(&mut self, id: i64, profile: &CompanyProfile) -> Result<Company> {
        let profile = &profile.normalized();
        profile.validate()?;
        let now = clock::now();
        let json = serde_json::to_string(profile).expect("profiles serialize");
        let changed = self.write(|tx| {
            Ok(tx.execute("UPDATE company SET profile = ?2, updated_at = ?3 WHERE id = ?1", params![id, json, now])?)
        })?;
        if changed == 0 {
            return Err(Error::not_found(format!("Company {id}")));
        }
        Ok(Company { id, profile: profile.clone(), updated_at: now })
    }
}

pub(super) fn insert_company(tx: &Transaction, profile: &CompanyProfile, now: &str) -> Result<i64> {
    let json = serde_json::to_string(profile).expect("profiles serialize");
    tx.execute("INSERT INTO company(profile, created_at, updated_at) VALUES (?1, ?2, ?2)", params![json, now])?;
    Ok(tx.last_insert_rowid())
}

/// The company whose stored profile equals `profile`, if any (import attaches to it).
pub(super) fn find_company(tx: &Transaction, profile: &CompanyProfile) -> Result<Option<i64>> {
    let mut stmt = tx.prepare_cached("SELECT id, profile FROM company ORDER BY id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let text: String = row.get(1)?;
        if serde_json::from_str::<CompanyProfile>(&text).ok().as_ref() == Some(profile) {
            return Ok(Some(row.get(0)?));
        }
    }
    Ok(None)
}
