//! The contract between the core and the UI (`csr_core::contract`), written into
//! `ui/js/contract.js` so the UI loads it like any module; and the core's profile check,
//! which the UI asks instead of keeping rules of its own.

#[cfg(test)]
use csr_core::contract::{contract, Contract};
use csr_core::model::{CompanyProfile, FieldProblem};

/// The contract the UI is built against: the core's lists and the shell's error kinds.
/// (Used when the module is written and checked, by the test below.)
#[cfg(test)]
pub fn ui_contract() -> Contract {
    contract(crate::error::ShellKind::ALL.iter().map(|k| k.as_str()))
}

/// The text of `ui/js/contract.js`.
#[cfg(test)]
pub fn contract_module() -> String {
    let json = serde_json::to_string_pretty(&ui_contract()).expect("the contract serializes");
    format!(
        "// Generated from the core (src/contract.rs) by src-tauri/src/commands/contract.rs; do not edit.\n\
         // `CSR_WRITE_CONTRACT=1 cargo test -p csr-self-assessment-app --bin csr-self-assessment contract`\n\
         // writes it anew; the same test fails while it differs from the core.\n\
         export const CONTRACT = Object.freeze({json});\nexport default CONTRACT;\n"
    )
}

/// What the submission check would report of this profile (missing and malformed fields),
/// as the user types: the very check the submission uses, on the values as they will be
/// stored (half-width, see `CompanyProfile::normalized`).
#[tauri::command]
pub fn profile_problems(profile: CompanyProfile) -> Vec<FieldProblem> {
    profile.normalized().problems()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ui_module_is_the_core_contract() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/js/contract.js");
        let expected = contract_module();
        if std::env::var_os("CSR_WRITE_CONTRACT").is_some() {
            std::fs::write(&path, &expected).unwrap();
        }
        let found = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            found == expected,
            "ui/js/contract.js differs from the core's contract; run CSR_WRITE_CONTRACT=1 cargo test -p csr-self-assessment-app --bin csr-self-assessment contract"
        );
    }

    #[test]
    fn the_ui_email_check_is_the_submission_check() {
        // The address the UI's own rule once accepted and the submission check refused.
        let p = CompanyProfile { contact_email: "a@.b.c".into(), ..Default::default() };
        assert!(profile_problems(p).iter().any(|f| f.field == "contact_email" && f.problem == "malformed"));
        // Checked as it will be stored: a Japanese input method's full-width address is fine.
        let p = CompanyProfile {
            contact_email: "ｈａｎａｋｏ．ｓａｔｏ＠ｓａｋｕｒａ．ｅｘａｍｐｌｅ．ｊｐ".into(),
            contact_phone: "０４５ー１２３ー４５６７".into(),
            ..Default::default()
        };
        let problems = profile_problems(p);
        assert!(!problems.iter().any(|f| f.problem == "malformed"), "{problems:?}");
    }
}
