//! One evidence entry as printed: name, where it is kept (left out when confidential),
//! date, valid-until (marked when past), and "exists, not attached".

use super::context::Context;
use crate::model::Evidence;

struct Words {
    valid_until: &'static str,
    expired: &'static str,
    not_attached: &'static str,
    confidential: &'static str,
}

const EN: Words = Words {
    valid_until: "valid until",
    expired: "EXPIRED",
    not_attached: "exists, not attached",
    confidential: "confidential: kept by the company",
};

const JA: Words = Words {
    valid_until: "有効期限",
    expired: "期限切れ",
    not_attached: "保管あり・添付なし",
    confidential: "機密：社内で保管",
};

/// "1. Name — where kept — 1 April 2025 — valid until 31 March 2026 (EXPIRED) — exists, not
/// attached", dates in the PDF's language.
pub fn line(n: usize, e: &Evidence, ctx: &Context) -> String {
    let w = if ctx.labels.lang == "ja" { &JA } else { &EN };
    let mut parts: Vec<String> = vec![e.name.trim().to_string()];
    // Where a confidential document is kept is not printed: only that it is kept.
    if e.confidential {
        parts.push(w.confidential.to_string());
    } else if !e.location.trim().is_empty() {
        parts.push(e.location.trim().to_string());
    }
    if let Some(d) = e.date.as_deref().filter(|d| !d.is_empty()) {
        parts.push(ctx.date(d));
    }
    if let Some(v) = e.valid_until.as_deref() {
        let expired = match (e.is_expired(ctx.today), ctx.labels.lang) {
            (false, _) => String::new(),
            (true, "ja") => format!("（{}）", w.expired),
            (true, _) => format!(" ({})", w.expired),
        };
        parts.push(format!("{} {}{expired}", w.valid_until, ctx.date(v)));
    }
    if e.not_attached {
        parts.push(w.not_attached.to_string());
    }
    parts.retain(|p| !p.is_empty());
    format!("{}. {}", n + 1, parts.join(" — "))
}
