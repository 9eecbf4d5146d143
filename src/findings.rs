//! What the submission check finds, as data: the problems, their severity, the fields they
//! name. A ground-floor module (it imports nothing of the app's): the check makes these, the
//! errors carry them, and every rendering (screen, PDF, command line) shows them.

use serde::{Deserialize, Serialize};

/// A field the submission check finds missing or malformed; the value is still saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    /// The field's name (as in the company profile, the declaration or a disclosure question).
    pub field: String,
    /// "missing" or "malformed".
    pub problem: String,
}

/// Whether a problem blocks a complete submission or is only worth a look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Blocking,
    Warning,
}

/// One kind of problem and what it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// Required profile fields missing or malformed.
    Profile { fields: Vec<FieldProblem> },
    /// Applicable items without a rating.
    Unanswered { items: Vec<String> },
    /// Items marked not applicable without a reason.
    NotApplicableWithoutReason { items: Vec<String> },
    /// Essential items not fully in place without a complete action plan (what, who, due).
    EssentialGapWithoutPlan { items: Vec<String> },
    /// Answers carried over from an earlier assessment and not yet looked at again.
    ToReconfirm { items: Vec<String>, policies: Vec<String> },
    /// Relevant Part 2 policies not acknowledged.
    PoliciesNotAcknowledged { policies: Vec<String> },
    /// Disclosure questions of relevant policies missing or malformed.
    Disclosures { policy: String, fields: Vec<FieldProblem> },
    /// The declaration lacks a signer, title, date or confirmation.
    Declaration { missing: Vec<String> },
    /// Items the user marked for review.
    MarkedForReview { items: Vec<String> },
    /// Items with evidence past its valid-until date (renew it, or say what replaces it).
    ExpiredEvidence { items: Vec<String> },
    /// Characters no font available to the PDF can print (on this computer), by field: the
    /// PDF shows their codes ("[U+AC00]") in their place; the attached data keeps them.
    UnprintableCharacters { fields: Vec<UnprintableField> },
}

/// A field holding characters the PDF cannot print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnprintableField {
    /// "profile", "assessment", "item", "policy" or "declaration".
    pub place: &'static str,
    /// The item or policy id, for "item" and "policy".
    pub id: Option<String>,
    /// The field within it: a profile field name, "description", "evidence.name",
    /// "plan.what", "notes", "disclosure.<question id>", "name" (the signer)...
    pub field: String,
    /// The characters that cannot be printed, each once.
    pub characters: String,
}

impl Problem {
    pub fn severity(&self) -> Severity {
        match self {
            Problem::Disclosures { .. }
            | Problem::MarkedForReview { .. }
            | Problem::UnprintableCharacters { .. }
            | Problem::ExpiredEvidence { .. } => {
                Severity::Warning
            }
            _ => Severity::Blocking,
        }
    }
}

/// A problem with its severity, as the UI and CLI show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    #[serde(flatten)]
    pub problem: Problem,
}

/// The result of the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Readiness {
    /// No blocking problem.
    pub ready: bool,
    pub findings: Vec<Finding>,
}

