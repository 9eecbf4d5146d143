//! One evidence entry as printed: name, where it is kept (left out when confidential),
//! date, valid-until (marked when past), and "exists, not attached".

use super::context::Context;
use crate::lang::fill;
use crate::model::Evidence;

/// "1. Name — where kept — 1 April 2025 — valid until 31 March 2026 (EXPIRED) — exists, not
/// attached", in the PDF's language.
pub fn line(n: usize, e: &Evidence, ctx: &Context) -> String {
    let l = ctx.labels;
    let mut parts: Vec<String> = vec![e.name.trim().to_string()];
    // Where a confidential document is kept is not printed: only that it is kept.
    if e.confidential {
        parts.push(l.evidence_confidential.clone());
    } else if !e.location.trim().is_empty() {
        parts.push(e.location.trim().to_string());
    }
    if let Some(d) = e.date.as_deref().filter(|d| !d.is_empty()) {
        parts.push(ctx.date(d));
    }
    if let Some(v) = e.valid_until.as_deref() {
        let valid = fill(&l.evidence_valid_until, &[("date", &ctx.date(v))]);
        parts.push(if e.is_expired(ctx.today) { ctx.lang.with_paren(&valid, &l.evidence_expired) } else { valid });
    }
    if e.not_attached {
        parts.push(l.evidence_not_attached.clone());
    }
    parts.retain(|p| !p.is_empty());
    format!("{}. {}", n + 1, parts.join(" — "))
}
