//! The supplier's company profile.

use serde::{Deserialize, Serialize};

use super::checks::{self, MEDIUM_TEXT, SHORT_TEXT};
use super::input;
use crate::findings::FieldProblem;
use crate::error::{Error, Result};

/// Who the supplier is. Every text field accepts any script (a Japanese legal name, say).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CompanyProfile {
    /// Registered name, in the company's own script.
    pub legal_name: String,
    /// The name in Latin letters, for readers who cannot read the legal name's script.
    pub name_latin: String,
    pub address: String,
    pub country: String,
    /// The company's representative (for example the representative director).
    pub representative: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// The code NEC assigned to the supplier, if any.
    pub supplier_code: String,
    /// The supplier's contact at NEC (usually the buyer), to whom the submission goes.
    pub nec_contact_name: String,
    pub nec_contact_email: String,
    /// Number of employees, including part-time staff.
    pub employees: Option<u32>,
    /// Main products or services.
    pub products: String,
    /// Sites (offices, factories, warehouses), one per line.
    pub sites: String,
    /// Does construction or installation work on sites (makes the construction policy relevant).
    pub does_construction: bool,
    /// Handles chemical substances or supplies goods containing them (makes REACH relevant).
    pub handles_chemicals: bool,
    /// Supplies goods: parts, materials or products (makes conflict minerals relevant).
    pub supplies_goods: bool,
}

/// A company as stored, with its local id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    pub id: i64,
    pub profile: CompanyProfile,
    pub updated_at: String,
    /// The stored revision of the profile; a save based on an older one is refused.
    #[serde(default)]
    pub revision: super::answer::Revision,
}

/// Fields stored in half-width form however they were typed (see [`CompanyProfile::normalized`]).
pub const HALF_WIDTH_FIELDS: [&str; 4] = ["contact_email", "nec_contact_email", "contact_phone", "supplier_code"];

/// Fields a submission must have.
pub const REQUIRED_FIELDS: [&str; 7] =
    ["legal_name", "address", "country", "representative", "contact_name", "contact_email", "contact_phone"];

impl CompanyProfile {
    /// Refuses impossible values (absurd length, absurd employee count, characters that
    /// make a name read differently in different places).
    pub fn validate(&self) -> Result<()> {
        for (field, value, limit) in self.text_fields() {
            // Names, codes and contacts are identifiers; the address, products and sites text.
            if limit == SHORT_TEXT {
                checks::name(field, value, limit)?;
            } else {
                checks::text(field, value, limit)?;
            }
        }
        if let Some(n) = self.employees {
            if n > checks::MAX_EMPLOYEES {
                return Err(Error::invalid("employees", format!("{n} is not a plausible number of employees.")));
            }
        }
        Ok(())
    }

    /// The profile as stored: e-mail addresses, the phone number and the supplier code in
    /// half-width form however they were typed (see [`input::half_width`]); other fields as
    /// typed, composed (see [`input::nfc`]).
    pub fn normalized(&self) -> CompanyProfile {
        // The fields listed in HALF_WIDTH_FIELDS.
        CompanyProfile {
            legal_name: input::nfc(&self.legal_name),
            name_latin: input::nfc(&self.name_latin),
            address: input::nfc(&self.address),
            country: input::nfc(&self.country),
            representative: input::nfc(&self.representative),
            contact_name: input::nfc(&self.contact_name),
            contact_email: input::half_width(&self.contact_email),
            nec_contact_name: input::nfc(&self.nec_contact_name),
            nec_contact_email: input::half_width(&self.nec_contact_email),
            contact_phone: input::half_width(&self.contact_phone),
            supplier_code: input::half_width(&self.supplier_code),
            products: input::nfc(&self.products),
            sites: input::nfc(&self.sites),
            ..self.clone()
        }
    }

    /// Every text field by name, with its length limit.
    fn text_fields(&self) -> [(&'static str, &String, usize); 13] {
        [
            ("legal_name", &self.legal_name, SHORT_TEXT),
            ("name_latin", &self.name_latin, SHORT_TEXT),
            ("address", &self.address, MEDIUM_TEXT),
            ("country", &self.country, SHORT_TEXT),
            ("representative", &self.representative, SHORT_TEXT),
            ("contact_name", &self.contact_name, SHORT_TEXT),
            ("contact_email", &self.contact_email, SHORT_TEXT),
            ("contact_phone", &self.contact_phone, SHORT_TEXT),
            ("supplier_code", &self.supplier_code, SHORT_TEXT),
            ("nec_contact_name", &self.nec_contact_name, SHORT_TEXT),
            ("nec_contact_email", &self.nec_contact_email, SHORT_TEXT),
            ("products", &self.products, MEDIUM_TEXT),
            ("sites", &self.sites, MEDIUM_TEXT),
        ]
    }

    /// Every text field's name with its length limit (for the UI's contract).
    pub fn text_field_limits(&self) -> Vec<(&'static str, usize)> {
        self.text_fields().iter().map(|(name, _, max)| (*name, *max)).collect()
    }

    /// What a submission would miss: empty required fields, a malformed email or phone.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        for (f, value, _) in self.text_fields() {
            if REQUIRED_FIELDS.contains(&f) && checks::is_blank(value) {
                out.push(FieldProblem { field: f.into(), problem: "missing".into() });
            }
        }
        if !checks::is_blank(&self.contact_email) && !looks_like_email(&self.contact_email) {
            out.push(FieldProblem { field: "contact_email".into(), problem: "malformed".into() });
        }
        if !checks::is_blank(&self.nec_contact_email) && !looks_like_email(&self.nec_contact_email) {
            out.push(FieldProblem { field: "nec_contact_email".into(), problem: "malformed".into() });
        }
        if !checks::is_blank(&self.contact_phone) && !looks_like_phone(&self.contact_phone) {
            out.push(FieldProblem { field: "contact_phone".into(), problem: "malformed".into() });
        }
        // What saving refuses (see `validate`): shown beside the field as it is typed.
        for (f, value, limit) in self.text_fields() {
            let refused = if limit == SHORT_TEXT { checks::name(f, value, limit) } else { checks::text(f, value, limit) };
            if refused.is_err() && !out.iter().any(|p| p.field == f) {
                out.push(FieldProblem { field: f.into(), problem: "malformed".into() });
            }
        }
        out
    }

    /// The name to show: the legal name, else the Latin name.
    pub fn display_name(&self) -> &str {
        if checks::is_blank(&self.legal_name) {
            self.name_latin.trim()
        } else {
            self.legal_name.trim()
        }
    }
}

/// One "@", something before it, a dot in the part after it, no spaces.
pub fn looks_like_email(s: &str) -> bool {
    let s = s.trim();
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
}

/// Digits with the usual separators (+, -, spaces, brackets, dots, "ext"), at least 5 digits.
pub fn looks_like_phone(s: &str) -> bool {
    let s = s.trim();
    let digits = s.chars().filter(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).count();
    let rest_ok = s.chars().all(|c| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || " +-().‐－（）ー/".contains(c) || c.is_ascii_alphabetic()
        // "ext. 12"
    });
    digits >= 5 && rest_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_that_would_read_differently_is_marked_beside_its_field() {
        let p = CompanyProfile { legal_name: "Sakura \u{202E}laeS\u{202C} KK".into(), ..Default::default() };
        assert!(p.problems().iter().any(|f| f.field == "legal_name" && f.problem == "malformed"));
        let e = p.validate().unwrap_err().to_string();
        assert!(e.contains("legal_name") && e.contains("U+202E"), "{e}");
        let ok = CompanyProfile { legal_name: "شرکت می\u{200C}خواهم".into(), ..Default::default() };
        assert!(ok.validate().is_ok(), "a zero-width non-joiner is kept");
    }

    #[test]
    fn every_required_field_is_a_text_field() {
        let names: Vec<&str> = CompanyProfile::default().text_fields().iter().map(|f| f.0).collect();
        for f in REQUIRED_FIELDS {
            assert!(names.contains(&f), "{f} is required but not among the text fields");
        }
    }
}
