//! The whole-record check: what an assessment must satisfy to be stored as one piece (an
//! import). Errors name the place as the interchange file does (`answers[3].item_id`), so
//! the import can point into the file and a direct caller still learns what is wrong.

use std::collections::HashSet;

use super::{validate_period, AssessmentRecord, Status};
use crate::catalog::Catalog;
use crate::clock;
use crate::error::Error;

/// A value a record cannot hold, and where it is.
#[derive(Debug)]
pub struct Misfit {
    /// The place in the record, e.g. `answers[3].updated_at`.
    pub location: String,
    pub error: Error,
}

impl Misfit {
    fn new(location: impl Into<String>, error: Error) -> Self {
        Misfit { location: location.into(), error }
    }

    fn invalid(location: impl Into<String>, message: String) -> Self {
        let location = location.into();
        Misfit { error: Error::invalid(location.clone(), message), location }
    }

    /// The error, with an `Invalid` field prefixed by the place.
    pub fn into_error(self) -> Error {
        match self.error {
            Error::Invalid { field, message } if field != self.location => {
                Error::Invalid { field: format!("{}: {field}", self.location), message }
            }
            other => other,
        }
    }
}

/// NEC's requests one record keeps: five years of feedback at the feedback file's own limit.
pub const MAX_NEC_REQUESTS: usize = 1_000;

fn timestamp(location: String, value: Option<&String>) -> Result<(), Misfit> {
    match value {
        Some(v) if !clock::is_timestamp(v) => {
            Err(Misfit::invalid(location, format!("\"{v}\" is not a date and time (RFC 3339).")))
        }
        _ => Ok(()),
    }
}

impl AssessmentRecord {
    /// Refuses a record with impossible values: unknown or repeated item and policy ids,
    /// dates that are not dates, texts beyond the limits.
    pub fn validate(&self, catalog: &Catalog) -> Result<(), Misfit> {
        let a = &self.assessment;
        timestamp("assessment.created_at".into(), Some(&a.created_at))?;
        timestamp("assessment.updated_at".into(), Some(&a.updated_at))?;
        timestamp("assessment.submitted_at".into(), a.submitted_at.as_ref())?;
        if a.status == Status::Submitted && a.submitted_at.is_none() {
            return Err(Misfit::invalid(
                "assessment.submitted_at",
                "a submitted assessment must say when it was submitted.".into(),
            ));
        }
        self.company.validate().map_err(|e| Misfit::new("company", e))?;
        validate_period(&a.period).map_err(|e| Misfit::new("assessment.period", e))?;
        a.declaration.validate().map_err(|e| Misfit::new("assessment.declaration", e))?;
        if self.answers.len() > catalog.item_count() {
            return Err(Misfit::invalid(
                "answers",
                format!("there are {} answers but only {} action items.", self.answers.len(), catalog.item_count()),
            ));
        }
        let mut seen = HashSet::new();
        for (i, answer) in self.answers.iter().enumerate() {
            let id = &answer.item_id;
            answer.check_item(catalog).map_err(|e| Misfit::new(format!("answers[{i}].item_id"), e))?;
            if !seen.insert(id.as_str()) {
                return Err(Misfit::invalid(format!("answers[{i}].item_id"), format!("item {id} is answered twice.")));
            }
            answer.validate(catalog).map_err(|e| Misfit::new(format!("answers[{i}]"), e))?;
            timestamp(format!("answers[{i}].updated_at"), answer.updated_at.as_ref())?;
        }
        let mut seen = HashSet::new();
        for (i, policy) in self.part2.iter().enumerate() {
            let id = &policy.policy_id;
            policy.check_policy(catalog).map_err(|e| Misfit::new(format!("part2[{i}].policy_id"), e))?;
            if !seen.insert(id.as_str()) {
                return Err(Misfit::invalid(
                    format!("part2[{i}].policy_id"),
                    format!("policy {id} is answered twice."),
                ));
            }
            policy.validate(catalog).map_err(|e| Misfit::new(format!("part2[{i}]"), e))?;
            timestamp(format!("part2[{i}].updated_at"), policy.updated_at.as_ref())?;
        }
        if self.nec_requests.len() > MAX_NEC_REQUESTS {
            return Err(Misfit::invalid(
                "nec_requests",
                format!("there are {} of NEC's requests; at most {MAX_NEC_REQUESTS} are kept.", self.nec_requests.len()),
            ));
        }
        let mut seen = HashSet::new();
        for (i, request) in self.nec_requests.iter().enumerate() {
            if !seen.insert((request.submission_sha256.as_str(), request.id.as_str())) {
                return Err(Misfit::invalid(
                    format!("nec_requests[{i}].id"),
                    format!("NEC's request {} on that submission is listed twice.", request.id),
                ));
            }
            request.validate(catalog).map_err(|e| match e {
                Error::Invalid { field, message } => Misfit::invalid(format!("nec_requests[{i}].{field}"), message),
                other => Misfit::new(format!("nec_requests[{i}]"), other),
            })?;
        }
        Ok(())
    }
}
