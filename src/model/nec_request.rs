//! NEC's requests as the supplier keeps them: each request of a feedback file NEC sent on one
//! of the supplier's submissions (on an action item or a Part 2 policy, with an optional due
//! date), in NEC's words and language, and the supplier's reply ("done", or "not possible,
//! because …", with a text). What the supplier's record shows, what its next submission
//! carries to NEC, and what `collect` counts.

use serde::{Deserialize, Serialize};

use super::checks::{self, MEDIUM_TEXT, SHORT_TEXT};
use super::Revision;
use crate::catalog::Catalog;
use crate::clock;
use crate::error::{Error, Result};

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    /// Not answered yet.
    #[default]
    Open,
    /// Done, as the reply says.
    Done,
    /// Not possible, for the reason given.
    NotPossible,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 3] = [RequestStatus::Open, RequestStatus::Done, RequestStatus::NotPossible];

    /// The name used in files, the database and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Open => "open",
            RequestStatus::Done => "done",
            RequestStatus::NotPossible => "not_possible",
        }
    }

    pub fn parse(s: &str) -> Option<RequestStatus> {
        let s = s.trim().replace('-', "_");
        RequestStatus::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// One request of NEC's and the supplier's reply to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NecRequest {
    /// The fingerprint of the submission NEC answered (the SHA-256 printed on its PDF).
    pub submission_sha256: String,
    /// The request's id in NEC's feedback: its item or policy and a number, "II-3#1".
    pub id: String,
    /// The action item it is about, or …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// … the Part 2 policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// NEC's words, as NEC wrote them.
    pub text: String,
    /// By when NEC asks for it, "YYYY-MM-DD".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// When NEC wrote it (RFC 3339, the feedback file's time).
    pub asked_at: String,
    /// Who at NEC asked (the feedback's organisation, and the person where named).
    pub asked_by: String,
    /// The language NEC wrote in, "en" or "ja".
    pub language: String,
    /// When the supplier opened the feedback that brought it (RFC 3339, the supplier's clock).
    pub received_at: String,
    pub status: RequestStatus,
    /// The supplier's reply.
    #[serde(default)]
    pub reply: String,
    /// Why it is not possible (status `not_possible`).
    #[serde(default)]
    pub reason: String,
    /// When the reply was last saved (RFC 3339).
    #[serde(default)]
    pub replied_at: Option<String>,
    /// The stored revision this was read at (this database's bookkeeping, not exported).
    #[serde(default, skip_serializing_if = "Revision::is_none")]
    pub revision: Revision,
}

/// A reply as the supplier types it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Reply {
    pub status: RequestStatus,
    pub reply: String,
    pub reason: String,
    /// The revision the reply was based on (a stale one is refused as a conflict).
    pub revision: Revision,
}

impl Reply {
    /// Trimmed texts, composed (NFC) as every stored text is; the reason only where it counts.
    pub fn normalized(&self) -> Reply {
        let reason = if self.status == RequestStatus::NotPossible {
            super::input::nfc(self.reason.trim())
        } else {
            String::new()
        };
        Reply { status: self.status, reply: super::input::nfc(self.reply.trim()), reason, revision: self.revision }
    }

    /// Refuses what cannot be stored: texts too long or holding controls, "not possible"
    /// without its reason.
    pub fn validate(&self) -> Result<()> {
        checks::text("reply", &self.reply, MEDIUM_TEXT)?;
        checks::text("reason", &self.reason, MEDIUM_TEXT)?;
        if self.status == RequestStatus::NotPossible && checks::is_blank(&self.reason) {
            return Err(Error::invalid(
                "reason",
                "says why the request is not possible; write the reason, or choose \"done\" instead.",
            ));
        }
        Ok(())
    }
}

impl NecRequest {
    /// The item or policy the request is about.
    pub fn target(&self) -> &str {
        self.item.as_deref().or(self.policy.as_deref()).unwrap_or("")
    }

    /// Whether the supplier has answered it (done, or not possible).
    pub fn is_answered(&self) -> bool {
        self.status != RequestStatus::Open
    }

    /// Refuses impossible values (an import): an unknown item or policy, not exactly one of
    /// them, an id that is not of its target, dates that are not dates, texts beyond the
    /// limits, an answered request without its reply time, "not possible" without a reason.
    pub fn validate(&self, catalog: &Catalog) -> Result<()> {
        let fingerprint_ok = self.submission_sha256.len() == 64
            && self.submission_sha256.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if !fingerprint_ok {
            return Err(Error::invalid(
                "submission_sha256",
                "must be the submission's fingerprint: 64 lowercase hexadecimal digits.",
            ));
        }
        let target = match (&self.item, &self.policy) {
            (Some(item), None) if catalog.item(item).is_some() => item,
            (None, Some(policy)) if catalog.policy(policy).is_some() => policy,
            (Some(item), None) => {
                return Err(Error::invalid("item", format!("\"{item}\" is not an action item of the guideline.")))
            }
            (None, Some(policy)) => {
                return Err(Error::invalid("policy", format!("\"{policy}\" is not a Part 2 policy of the guideline.")))
            }
            _ => return Err(Error::invalid("item", "a request is on one action item or on one Part 2 policy.")),
        };
        let numbered = self.id.strip_prefix(target.as_str()).and_then(|r| r.strip_prefix('#')).is_some_and(|n| {
            !n.is_empty() && n.len() <= 3 && !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit())
        });
        if !numbered {
            return Err(Error::invalid("id", format!("\"{}\" is not of the form \"{target}#1\".", self.id)));
        }
        checks::text("text", &self.text, MEDIUM_TEXT)?;
        if checks::is_blank(&self.text) {
            return Err(Error::invalid("text", "is empty."));
        }
        checks::date("due", &self.due)?;
        for (field, value) in [
            ("asked_at", Some(&self.asked_at)),
            ("received_at", Some(&self.received_at)),
            ("replied_at", self.replied_at.as_ref()),
        ] {
            if let Some(v) = value.filter(|v| !clock::is_timestamp(v)) {
                return Err(Error::invalid(field, format!("\"{v}\" is not a date and time (RFC 3339).")));
            }
        }
        checks::text("asked_by", &self.asked_by, SHORT_TEXT)?;
        if !matches!(self.language.as_str(), "en" | "ja") {
            return Err(Error::invalid("language", format!("\"{}\" is not \"en\" or \"ja\".", self.language)));
        }
        if self.is_answered() && self.replied_at.is_none() {
            return Err(Error::invalid("replied_at", "an answered request says when it was answered."));
        }
        Reply {
            status: self.status,
            reply: self.reply.clone(),
            reason: self.reason.clone(),
            revision: Revision::default(),
        }
        .validate()
    }
}

/// The requests a record's data carries to NEC: all of them, except that a submission carries
/// them as they stood when it was submitted (those received before it, each with a reply
/// given before it), so that a PDF made again of a submission carries the same data.
pub fn as_submitted(requests: &[NecRequest], submitted_at: Option<&str>) -> Vec<NecRequest> {
    let Some(at) = submitted_at.and_then(|t| clock::at_offset(t, time::UtcOffset::UTC)) else {
        return requests.to_vec();
    };
    let before = |t: &str| clock::at_offset(t, time::UtcOffset::UTC).is_some_and(|t| t <= at);
    requests
        .iter()
        .filter(|r| before(&r.received_at))
        .map(|r| {
            if r.replied_at.as_deref().is_some_and(|t| !before(t)) {
                NecRequest {
                    status: RequestStatus::Open,
                    reply: String::new(),
                    reason: String::new(),
                    replied_at: None,
                    ..r.clone()
                }
            } else {
                r.clone()
            }
        })
        .collect()
}
