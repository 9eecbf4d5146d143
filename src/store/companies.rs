//! Companies and their profiles.

use super::read;
use super::tx;
use super::Store;
use crate::clock;
use crate::error::{Error, Result};
use crate::model::{Company, CompanyProfile};

impl Store {
    /// All companies, oldest first (each row checked, and all against the file's manifest).
    /// Most databases hold one.
    pub fn companies(&self) -> Result<Vec<Company>> {
        read::companies(&self.conn).map(|l| l.into_iter().map(|(c, _)| c).collect()).map_err(|e| self.seen(e))
    }

    pub fn company(&self, id: i64) -> Result<Company> {
        read::company(&self.conn, id)
            .map_err(|e| self.seen(e))?
            .map(|(c, _)| c)
            .ok_or_else(|| Error::not_found(format!("Company {id}")))
    }

    pub fn create_company(&mut self, profile: &CompanyProfile) -> Result<Company> {
        let profile = &profile.normalized();
        profile.validate()?;
        let now = clock::now();
        self.write(|tx| tx::insert_company(tx, profile, &now))
    }

    /// Replaces a company's profile. With `based_on` (the revision the profile was read at),
    /// a profile changed meanwhile by another window or program is not overwritten:
    /// [`Error::Conflict`], naming the fields saved differently.
    pub fn save_company(&mut self, id: i64, profile: &CompanyProfile, based_on: Option<i64>) -> Result<Company> {
        let profile = &profile.normalized();
        profile.validate()?;
        let now = clock::now();
        self.write(|tx| {
            if let Some(based_on) = based_on {
                let (stored, _) = read::company(tx, id)?.ok_or_else(|| Error::not_found(format!("Company {id}")))?;
                if stored.revision.0.unwrap_or(1) != based_on {
                    return Err(Error::Conflict { what: profile_changes(&stored.profile, profile) });
                }
            }
            tx::update_company(tx, id, profile, &now)?.ok_or_else(|| Error::not_found(format!("Company {id}")))
        })
    }

    /// Reads, edits and saves a profile in one write transaction (the command line's
    /// `profile set` changes some fields and keeps the rest, whoever saved last).
    pub fn edit_company(&mut self, id: i64, edit: impl FnOnce(&mut CompanyProfile) -> Result<()>) -> Result<Company> {
        let now = clock::now();
        self.write(|tx| {
            let (stored, _) = read::company(tx, id)?.ok_or_else(|| Error::not_found(format!("Company {id}")))?;
            let mut profile = stored.profile;
            edit(&mut profile)?;
            let profile = profile.normalized();
            profile.validate()?;
            tx::update_company(tx, id, &profile, &now)?.ok_or_else(|| Error::not_found(format!("Company {id}")))
        })
    }
}

/// "The company profile (contact phone: saved "…"; …)": what a stale save would overwrite.
fn profile_changes(stored: &CompanyProfile, yours: &CompanyProfile) -> String {
    let (a, b) = (serde_json::to_value(stored), serde_json::to_value(yours));
    let (Ok(serde_json::Value::Object(a)), Ok(serde_json::Value::Object(b))) = (a, b) else {
        return "The company profile".into();
    };
    let changed: Vec<String> = a
        .iter()
        .filter(|(k, v)| b.get(*k) != Some(v))
        .map(|(k, v)| match v {
            serde_json::Value::String(s) => format!("{}: saved \"{s}\"", k.replace('_', " ")),
            other => format!("{}: saved {other}", k.replace('_', " ")),
        })
        .collect();
    if changed.is_empty() {
        "The company profile".into()
    } else {
        format!("The company profile ({})", changed.join("; "))
    }
}
