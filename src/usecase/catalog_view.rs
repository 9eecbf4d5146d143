//! The catalog as the UI and `csr-assess catalog --json` receive it: the guideline's text,
//! our advice, the disclosure questions, our translations by language and the declaration's
//! text. (The languages' formats and words come on their own: `Lang::all`.)

use std::collections::BTreeMap;

use serde::Serialize;

use crate::catalog::{AdviceBook, Catalog, ContentInfo, DisclosureBook, Guideline, Localized, Translation};
use crate::lang::Lang;
use crate::model::DECLARATION_TEXT;

#[derive(Debug, Serialize)]
pub struct CatalogView<'a> {
    pub version: &'a str,
    pub guideline: &'a Guideline,
    pub advice: &'a AdviceBook,
    /// Which advice content is in use: its version and date, built in or from a file.
    pub content: &'a ContentInfo,
    pub disclosures: &'a DisclosureBook,
    /// Our translation of the guideline's text, by language code (English has none: it is
    /// the original).
    pub translations: BTreeMap<&'static str, &'a Translation>,
    pub declaration_text: &'static Localized<&'static str>,
}

pub fn catalog_view(catalog: &Catalog) -> CatalogView<'_> {
    CatalogView {
        version: catalog.version(),
        guideline: &catalog.guideline,
        advice: &catalog.advice,
        content: &catalog.content,
        disclosures: &catalog.disclosures,
        translations: Lang::all().filter_map(|l| Some((l.code(), catalog.translation(l.code())?))).collect(),
        declaration_text: &DECLARATION_TEXT,
    }
}
