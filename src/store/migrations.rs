//! Schema migrations, keyed on `PRAGMA user_version`.
//!
//! Append only: never edit or remove a migration once released; add a new one. Each runs in
//! its own transaction together with the version bump, so a killed process leaves the
//! database at the previous version, never halfway.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};

/// `MIGRATIONS[n]` takes a database from version n to n + 1.
pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema. Structured parts of a row (profile, evidence, action plan,
    // disclosures, declaration) are JSON text checked by the model types on the way in.
    r#"
    CREATE TABLE company (
        id          INTEGER PRIMARY KEY,
        profile     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    CREATE TABLE assessment (
        id               INTEGER PRIMARY KEY,
        company_id       INTEGER NOT NULL REFERENCES company(id),
        period           TEXT NOT NULL,
        status           TEXT NOT NULL CHECK (status IN ('draft', 'ready', 'submitted')),
        catalog_version  TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        submitted_at     TEXT,
        carried_from     INTEGER,
        position         TEXT,
        declaration      TEXT NOT NULL DEFAULT '{}',
        deleted_at       TEXT
    );
    CREATE INDEX assessment_company ON assessment(company_id);
    CREATE TABLE answer (
        assessment_id      INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        item_id            TEXT NOT NULL,
        rating             TEXT CHECK (rating IN ('full', 'mostly', 'partly', 'not_yet', 'not_applicable')),
        na_reason          TEXT NOT NULL DEFAULT '',
        description        TEXT NOT NULL DEFAULT '',
        evidence           TEXT NOT NULL DEFAULT '[]',
        action_plan        TEXT NOT NULL DEFAULT '{}',
        marked_for_review  INTEGER NOT NULL DEFAULT 0,
        to_reconfirm       INTEGER NOT NULL DEFAULT 0,
        updated_at         TEXT NOT NULL,
        PRIMARY KEY (assessment_id, item_id)
    ) WITHOUT ROWID;
    CREATE TABLE part2_answer (
        assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        policy_id      TEXT NOT NULL,
        acknowledged   INTEGER NOT NULL DEFAULT 0,
        cascaded       TEXT,
        disclosures    TEXT NOT NULL DEFAULT '{}',
        notes          TEXT NOT NULL DEFAULT '',
        to_reconfirm   INTEGER NOT NULL DEFAULT 0,
        updated_at     TEXT NOT NULL,
        PRIMARY KEY (assessment_id, policy_id)
    ) WITHOUT ROWID;
    CREATE TABLE setting (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // 2: revisions, row checksums and the WAL guard. A save names the revision it was based
    // on, so a save from a stale screen is refused instead of silently overwriting a newer
    // one. SQLite keeps no checksum of row contents: ours finds a flipped byte inside an
    // answer (rows saved before this version have none until saved again). The guard
    // row is rewritten by every write transaction: its identity and counter tie each
    // write-ahead log to the database file it belongs to (see `wal_guard.rs`).
    r#"
    ALTER TABLE answer ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE part2_answer ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE answer ADD COLUMN checksum TEXT;
    ALTER TABLE part2_answer ADD COLUMN checksum TEXT;
    CREATE TABLE wal_guard (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        stamp  TEXT NOT NULL
    );
    INSERT INTO wal_guard(id, stamp)
        VALUES (1, 'csr-wal-guard:' || lower(hex(randomblob(16))) || ':' || printf('%020d', 0));
    "#,
];

/// The tables every database of the latest layout holds; anything missing means the schema
/// was damaged or changed by another program.
pub const TABLES: &[&str] = &["company", "assessment", "answer", "part2_answer", "setting", "wal_guard"];

/// The schema version this build writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// Brings the database up to [`latest`], one transaction per migration.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, latest())
}

/// Brings the database up to `target` (tests use this to build databases of older versions).
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version >= target {
            return Ok(());
        }
        // The version is read from the file: a damaged header may hold any number.
        let step = usize::try_from(version).ok().and_then(|v| MIGRATIONS.get(v)).ok_or_else(|| {
            Error::CorruptDatabase { path: Default::default(), detail: format!("unknown layout number {version}") }
        })?;
        tx.execute_batch(step)?;
        if version + 1 >= 2 {
            // Migrations are write transactions too: they carry the guard (see wal_guard.rs).
            tx.execute(super::wal_guard::BUMP, [])?;
        }
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}
