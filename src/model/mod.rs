//! The supplier's data: company profile, assessments, answers, Part 2 disclosures and the
//! declaration. Each type refuses impossible values in `validate`; what is merely unfinished
//! is saved as typed and reported by the submission check (`crate::readiness`).

mod answer;
pub mod input;
mod assessment;
pub mod checks;
pub mod nec_request;
mod part2;
mod profile;
mod record_check;

pub use answer::{ActionPlan, Answer, Evidence, Rating, Revision};
pub use assessment::{
    completeness, normalize_period, validate_period, Assessment, AssessmentRecord, AssessmentSummary, Declaration, Status,
    DECLARATION_TEXT,
};
pub use part2::{parse_amount, parse_year, Cascade, Part2Answer};
pub use crate::findings::FieldProblem;
pub use profile::{looks_like_email, looks_like_phone, Company, CompanyProfile, HALF_WIDTH_FIELDS, REQUIRED_FIELDS};
pub use record_check::{Misfit, MAX_NEC_REQUESTS};
pub use nec_request::{NecRequest, Reply, RequestStatus};
