//! One evidence entry as printed: name, where it is kept (left out when confidential),
//! date, valid-until (marked when past), and "exists, not attached".

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

/// "1. Name — where kept — 2025-04-01 — valid until 2026-03-31 (EXPIRED) — exists, not attached".
pub fn line(n: usize, e: &Evidence, lang: &str, today: &str) -> String {
    let w = if lang == "ja" { &JA } else { &EN };
    let mut parts: Vec<String> = vec![e.name.trim().to_string()];
    // Where a confidential document is kept is not printed: only that it is kept.
    if e.confidential {
        parts.push(w.confidential.to_string());
    } else if !e.location.trim().is_empty() {
        parts.push(e.location.trim().to_string());
    }
    if let Some(d) = e.date.as_deref().filter(|d| !d.is_empty()) {
        parts.push(d.to_string());
    }
    if let Some(v) = e.valid_until.as_deref() {
        let expired = if e.is_expired(today) { format!(" ({})", w.expired) } else { String::new() };
        parts.push(format!("{} {v}{expired}", w.valid_until));
    }
    if e.not_attached {
        parts.push(w.not_attached.to_string());
    }
    parts.retain(|p| !p.is_empty());
    format!("{}. {}", n + 1, parts.join(" — "))
}
