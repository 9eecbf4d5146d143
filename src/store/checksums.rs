//! Checksums of what a row says. SQLite checks its pages' structure but not the bytes of
//! the values in them: a flipped bit inside an answer's text would be read back as a
//! different answer without any error. A short SHA-256 of the row's content, stored with
//! it and compared on every read, names such a row as damage.

use sha2::{Digest, Sha256};

use crate::model::{Answer, Part2Answer};

fn short(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        // Length-prefixed, so that moving text from one field to the next changes the sum.
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    h.finalize()[..12].iter().map(|b| format!("{b:02x}")).collect()
}

/// The checksum of an answer's content (not of its bookkeeping: times, flags, revision).
pub fn answer(a: &Answer) -> String {
    let evidence = serde_json::to_string(&a.evidence).expect("evidence serializes");
    let plan = serde_json::to_string(&a.action_plan).expect("plans serialize");
    let review = if a.marked_for_review { "1" } else { "0" };
    short(&[&a.item_id, a.rating.map_or("", |r| r.as_str()), &a.na_reason, &a.description, &evidence, &plan, review])
}

/// The checksum of a Part 2 answer's content.
pub fn part2(a: &Part2Answer) -> String {
    let disclosures = serde_json::to_string(&a.disclosures).expect("disclosures serialize");
    let ack = if a.acknowledged { "1" } else { "0" };
    short(&[&a.policy_id, ack, a.cascaded.map_or("", |c| c.as_str()), &disclosures, &a.notes])
}
