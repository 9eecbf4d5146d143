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
    // 3: checksums on every row a user wrote, manifests, and revisions of the profile and
    // the declaration. Each row's checksum now covers all it stores (keys, `updated_at`,
    // revision), each assessment carries a manifest of its answer and Part 2 rows, and the
    // `manifest` table one of the companies, assessments and settings: a row that went
    // missing is damage, not an empty answer. The checksums of existing rows are computed
    // by `fill` below, in the same transaction, once the file has passed SQLite's integrity
    // check and layout 2's checksums.
    r#"
    ALTER TABLE company ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE company ADD COLUMN checksum TEXT;
    ALTER TABLE assessment ADD COLUMN declaration_revision INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE assessment ADD COLUMN manifest TEXT NOT NULL DEFAULT '';
    ALTER TABLE assessment ADD COLUMN checksum TEXT;
    ALTER TABLE setting ADD COLUMN checksum TEXT;
    CREATE TABLE manifest (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        companies    TEXT NOT NULL,
        assessments  TEXT NOT NULL,
        settings     TEXT NOT NULL,
        checksum     TEXT
    );
    "#,
    // 4: NEC's feedback (issue 25). `submission` keeps each submission of an assessment with
    // the fingerprint of the data its PDF carried (a feedback file names the submission it
    // answers by it; an assessment submitted again keeps its earlier ones, which feedback may
    // still answer); submissions made before this layout are listed by their time, without a
    // fingerprint. `feedback` keeps each feedback file opened, as received (its id is the
    // hash of its content, so a file opened twice is refused), and `nec_request` each of
    // NEC's requests with the supplier's reply, keyed by the assessment whose submission NEC
    // answered (or that an imported file brought it in), the submission and the request's id.
    // Every row carries its checksum, and the assessment's manifest lists them (rows are
    // added to it by `fill_4` below).
    r#"
    CREATE TABLE submission (
        assessment_id  INTEGER NOT NULL REFERENCES assessment(id),
        submitted_at   TEXT NOT NULL,
        sha256         TEXT,
        checksum       TEXT,
        PRIMARY KEY (assessment_id, submitted_at)
    ) WITHOUT ROWID;
    CREATE TABLE feedback (
        id                   TEXT PRIMARY KEY,
        assessment_id        INTEGER NOT NULL REFERENCES assessment(id),
        submission_sha256    TEXT NOT NULL,
        written_at           TEXT NOT NULL,
        language             TEXT NOT NULL,
        author_name          TEXT,
        author_email         TEXT,
        author_organisation  TEXT NOT NULL,
        note                 TEXT,
        opened_at            TEXT NOT NULL,
        text                 TEXT NOT NULL,
        checksum             TEXT
    ) WITHOUT ROWID;
    CREATE INDEX feedback_assessment ON feedback(assessment_id);
    CREATE TABLE nec_request (
        assessment_id      INTEGER NOT NULL REFERENCES assessment(id),
        submission_sha256  TEXT NOT NULL,
        request_id         TEXT NOT NULL,
        target_kind        TEXT NOT NULL CHECK (target_kind IN ('item', 'policy')),
        target_id          TEXT NOT NULL,
        text               TEXT NOT NULL,
        due                TEXT,
        asked_at           TEXT NOT NULL,
        asked_by           TEXT NOT NULL,
        language           TEXT NOT NULL,
        received_at        TEXT NOT NULL,
        feedback_id        TEXT NOT NULL,
        status             TEXT NOT NULL CHECK (status IN ('open', 'done', 'not_possible')),
        reply              TEXT NOT NULL DEFAULT '',
        reason             TEXT NOT NULL DEFAULT '',
        replied_at         TEXT,
        replied_in         INTEGER,
        revision           INTEGER NOT NULL DEFAULT 1,
        checksum           TEXT,
        PRIMARY KEY (assessment_id, submission_sha256, request_id)
    ) WITHOUT ROWID;
    "#,
];

/// The tables every database of the latest layout holds; anything missing means the schema
/// was damaged or changed by another program.
pub const TABLES: &[&str] = &[
    "company",
    "assessment",
    "answer",
    "part2_answer",
    "setting",
    "wal_guard",
    "manifest",
    "submission",
    "feedback",
    "nec_request",
];

/// The tables a file of layout `version` holds.
pub fn tables(version: i64) -> &'static [&'static str] {
    match version {
        ..=1 => &TABLES[..5],
        2 => &TABLES[..6],
        3 => &TABLES[..7],
        _ => TABLES,
    }
}

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
        step(&tx, version)?;
        tx.commit()?;
    }
}

/// Creates the whole current layout in a new, empty file in one transaction, with our
/// application id: the first transaction of its log already carries the guard row, so no
/// process ever sees a log of ours without it (see wal_guard.rs).
pub fn create(conn: &mut Connection, application_id: i32) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.pragma_update(None, "application_id", application_id)?;
    for version in 0..latest() {
        step(&tx, version)?;
    }
    tx.commit()?;
    Ok(())
}

/// One migration, from `version` to the next, inside `tx`.
fn step(tx: &Connection, version: i64) -> Result<()> {
    // The version is read from the file: a damaged header may hold any number.
    let sql = usize::try_from(version).ok().and_then(|v| MIGRATIONS.get(v)).ok_or_else(|| Error::CorruptDatabase {
        path: Default::default(),
        detail: format!("its layout number is {version}, which no version of this app writes"),
        support: String::new(),
    })?;
    if version == 2 {
        before_3(tx)?;
    }
    tx.execute_batch(sql)?;
    if version == 2 {
        fill_3(tx)?;
    }
    if version == 3 {
        fill_4(tx)?;
    }
    if version + 1 >= 2 {
        // Migrations are write transactions too: they carry the guard (see wal_guard.rs).
        super::wal_guard::bump(tx)?;
    }
    tx.pragma_update(None, "user_version", version + 1)?;
    Ok(())
}

/// Before checksums are computed over existing rows, the rows must be the ones saved:
/// SQLite's integrity check and layout 2's checksums first. Damage stops the update.
fn before_3(tx: &Connection) -> Result<()> {
    super::check::integrity(tx)?;
    super::check::layout_2(tx)
}

/// Computes the checksum of every row of `table` (its `columns`, `n` of them, keyed by
/// `key`) from what the row holds, and stores it.
fn resum(tx: &Connection, table: &str, columns: &str, n: usize, key: &str) -> Result<()> {
    use super::rows;
    let mut updates: Vec<(Vec<rusqlite::types::Value>, String)> = Vec::new();
    {
        let mut stmt = tx.prepare(&format!("SELECT {columns} FROM {table}"))?;
        let mut found = stmt.query([])?;
        while let Some(r) = found.next()? {
            let values: Vec<rusqlite::types::Value> =
                (0..n).map(|i| r.get::<_, rusqlite::types::Value>(i)).collect::<rusqlite::Result<_>>()?;
            let sum = match rows::sum_of(table, &values) {
                rusqlite::types::Value::Text(s) => s,
                _ => unreachable!("sums are text"),
            };
            updates.push((values, sum));
        }
    }
    let keys: Vec<&str> = key.split(',').map(str::trim).collect();
    let columns: Vec<&str> = columns.split(',').map(str::trim).collect();
    let condition: Vec<String> = keys.iter().enumerate().map(|(i, k)| format!("{k} = ?{}", i + 2)).collect();
    let sql = format!("UPDATE {table} SET checksum = ?1 WHERE {}", condition.join(" AND "));
    for (values, sum) in updates {
        let mut params: Vec<rusqlite::types::Value> = vec![rusqlite::types::Value::Text(sum)];
        for k in &keys {
            let at = columns.iter().position(|c| c == k).expect("keys are columns");
            params.push(values[at].clone());
        }
        tx.execute(&sql, rusqlite::params_from_iter(params))?;
    }
    Ok(())
}

/// Writes every assessment's manifest from its rows as they are.
fn remanifest(tx: &Connection) -> Result<()> {
    let ids: Vec<i64> =
        tx.prepare("SELECT id FROM assessment")?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    for id in ids {
        let entries = super::read::entries(tx, id)?;
        tx.execute("UPDATE assessment SET manifest = ?2 WHERE id = ?1", rusqlite::params![id, entries.manifest()])?;
    }
    Ok(())
}

/// Computes the checksums and manifests of layout 3 for the rows already there.
fn fill_3(tx: &Connection) -> Result<()> {
    use super::rows;
    resum(tx, rows::ANSWER, rows::ANSWER_COLUMNS, rows::ANSWER_N, "assessment_id, item_id")?;
    resum(tx, rows::PART2, rows::PART2_COLUMNS, rows::PART2_N, "assessment_id, policy_id")?;
    remanifest(tx)?;
    resum(tx, rows::ASSESSMENT, rows::ASSESSMENT_COLUMNS, rows::ASSESSMENT_N, "id")?;
    resum(tx, rows::COMPANY, rows::COMPANY_COLUMNS, rows::COMPANY_N, "id")?;
    resum(tx, rows::SETTING, "key, value", 2, "key")?;
    super::tx::write_file_manifest(tx)
}

/// Layout 4: each submission made so far, by its time (its fingerprint was not kept), with
/// its checksum, in its assessment's manifest. The rows of layout 3 were checked when the
/// file was opened for this update (every assessment's rows against their manifest, below,
/// before anything changes).
fn fill_4(tx: &Connection) -> Result<()> {
    use super::rows;
    super::check::rows(tx, 3)?;
    tx.execute_batch(
        "INSERT INTO submission(assessment_id, submitted_at, sha256)
         SELECT id, submitted_at, NULL FROM assessment WHERE submitted_at IS NOT NULL",
    )?;
    resum(tx, rows::SUBMISSION, rows::SUBMISSION_COLUMNS, rows::SUBMISSION_N, "assessment_id, submitted_at")?;
    remanifest(tx)?;
    resum(tx, rows::ASSESSMENT, rows::ASSESSMENT_COLUMNS, rows::ASSESSMENT_N, "id")
}
