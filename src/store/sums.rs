//! Checksums of what the rows hold. SQLite checks its pages' structure but not the values
//! in them: a flipped bit inside an answer's text, a zeroed half of a page, or a row count
//! in a page header that lost a bit would read back as different data without any error.
//!
//! Every row a user wrote carries a short SHA-256 of its stored values (keys, content and
//! bookkeeping such as `updated_at` and the revision), compared on every read. Each
//! assessment carries a manifest of its answer and Part 2 rows (how many, and a digest of
//! their keys and checksums), and the `manifest` table one of the companies, assessments
//! and settings there are: a row that went missing is damage, never an empty answer.

use rusqlite::types::ValueRef;
use rusqlite::Row;
use sha2::{Digest, Sha256};

use crate::model::{Answer, Part2Answer};

/// Hex of the first 12 bytes: enough to make an accidental match impossible in practice.
fn short(h: Sha256) -> String {
    h.finalize()[..12].iter().map(|b| format!("{b:02x}")).collect()
}

/// Feeds one value, typed and length-prefixed: moving text from one column to the next,
/// or turning a number into text, changes the sum.
fn feed(h: &mut Sha256, v: ValueRef<'_>) {
    match v {
        ValueRef::Null => h.update([0u8]),
        ValueRef::Integer(i) => {
            h.update([1u8]);
            h.update(i.to_le_bytes());
        }
        ValueRef::Real(f) => {
            h.update([2u8]);
            h.update(f.to_le_bytes());
        }
        ValueRef::Text(t) => {
            h.update([3u8]);
            h.update((t.len() as u64).to_le_bytes());
            h.update(t);
        }
        ValueRef::Blob(b) => {
            h.update([4u8]);
            h.update((b.len() as u64).to_le_bytes());
            h.update(b);
        }
    }
}

/// The checksum of a row of `table` that holds `values` (in the table's column order).
pub fn of_values<'a>(table: &str, values: impl IntoIterator<Item = ValueRef<'a>>) -> String {
    let mut h = Sha256::new();
    feed(&mut h, ValueRef::Text(table.as_bytes()));
    for v in values {
        feed(&mut h, v);
    }
    short(h)
}

/// Checks that the first `n` columns of `row` (a row of `table`) match the checksum stored
/// in column `n`. A mismatch, or no checksum at all, is a conversion failure that the store
/// reports as damage.
pub fn check_row(table: &str, row: &Row, n: usize) -> rusqlite::Result<()> {
    let mut values = Vec::with_capacity(n);
    for i in 0..n {
        values.push(row.get_ref(i)?);
    }
    let computed = of_values(table, values);
    match row.get_ref(n)? {
        ValueRef::Text(stored) if stored == computed.as_bytes() => Ok(()),
        ValueRef::Null => Err(mismatch(n, "the row carries no checksum")),
        _ => Err(mismatch(n, "the row's content does not match its checksum (changed on disk)")),
    }
}

/// The error a row check gives: a conversion failure naming the checksum.
pub fn mismatch(idx: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, format!("checksum: {what}").into())
}

/// A manifest entry list as stored: "count:digest" over the (key, checksum) pairs in key
/// order.
pub fn manifest<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut h = Sha256::new();
    let mut n = 0u64;
    for (key, sum) in entries {
        n += 1;
        feed(&mut h, ValueRef::Text(key.as_bytes()));
        feed(&mut h, ValueRef::Text(sum.as_bytes()));
    }
    format!("{n}:{}", short(h))
}

/// How many entries a manifest says there are.
pub fn manifest_count(m: &str) -> Option<u64> {
    m.split_once(':')?.0.parse().ok()
}

/// Layout 2's checksum of an answer's content (not of its keys or bookkeeping), kept to
/// check rows and backups written before layout 3.
pub fn answer_v2(a: &Answer) -> String {
    let evidence = serde_json::to_string(&a.evidence).expect("evidence serializes");
    let plan = serde_json::to_string(&a.action_plan).expect("plans serialize");
    let review = if a.marked_for_review { "1" } else { "0" };
    short_v2(&[&a.item_id, a.rating.map_or("", |r| r.as_str()), &a.na_reason, &a.description, &evidence, &plan, review])
}

/// Layout 2's checksum of a Part 2 answer's content.
pub fn part2_v2(a: &Part2Answer) -> String {
    let disclosures = serde_json::to_string(&a.disclosures).expect("disclosures serialize");
    let ack = if a.acknowledged { "1" } else { "0" };
    short_v2(&[&a.policy_id, ack, a.cascaded.map_or("", |c| c.as_str()), &disclosures, &a.notes])
}

fn short_v2(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    short(h)
}
