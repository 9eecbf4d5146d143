//! Our advice for the company: the facts of an item's or a policy's legal notes for its
//! profile today (what each note means for it, and whether it is due for review), and
//! installing a signed update of the advice. The app's advice panel and About box, and the
//! CLI's `content` verbs, call these.

use std::path::Path;

use crate::applicability::{law_facts, LawFacts};
use crate::catalog::content::{self, ContentStatus};
use crate::catalog::Catalog;
use crate::clock;
use crate::error::{Error, Result};
use crate::model::CompanyProfile;

/// The facts of the legal notes of the advice on item or policy `id`, for `profile`, on the
/// supplier's today.
pub fn advice_facts(catalog: &Catalog, id: &str, profile: Option<&CompanyProfile>) -> Result<LawFacts> {
    let entry = catalog.advice.entry(id).ok_or_else(|| Error::not_found(format!("The advice on {id}")))?;
    Ok(law_facts(entry, profile, clock::today()))
}

/// Installs the signed content file `file` beside the database `db` (checked first; a refused
/// file changes nothing) and puts it in use.
pub fn install_content(file: &Path, db: &Path) -> Result<ContentStatus> {
    Catalog::install(file, &content::folder_beside(db))
}
