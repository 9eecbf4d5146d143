//! A set of damaged files, generated here: every page of a real database with bits flipped,
//! zeroed, half zeroed; values altered inside rows; the file cut short; and logs beside it
//! that are its own (after a crash), stale (an older or newer copy put back), from another
//! database, written by another program, or torn. For each, as processes would one after
//! another: open and read everything (the list, every company, every assessment, the
//! settings), run the full check (as the app does in the background), then try to save.
//!
//! Asserted: no damage reads as valid data (what is read is a state the app really saved, or
//! an error naming damage), no damage is reported as anything else ("does not exist"), and no
//! file is written to once its damage was seen. The counts are printed.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use csr_core::model::{Answer, Rating};
use csr_core::{Catalog, Error, Store};

/// Everything a user can read, as one comparable text (ids, every record, settings).
fn read_store(store: &Store) -> Result<String, Error> {
    let mut out = serde_json::to_string(&store.companies()?).unwrap();
    for a in store.list_assessments()? {
        out.push_str(&serde_json::to_string(&a).unwrap());
        out.push_str(&serde_json::to_string(&store.record(a.id)?).unwrap());
    }
    out.push_str(&format!("{:?}", store.setting("language")?));
    Ok(out)
}

fn sibling(p: &Path, suffix: &str) -> PathBuf {
    let mut s = p.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// xorshift64*: a fixed sequence, so every run builds the same set.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One damaged file: the main file's bytes, a log beside it (if any), and the states a read
/// may truthfully return (those the app saved in this file's history).
struct Variant {
    what: String,
    main: Vec<u8>,
    log: Option<Vec<u8>>,
    valid: Vec<String>,
}

/// What became of the variants.
#[derive(Default, Debug)]
struct Counts {
    variants: usize,
    refused_at_open: usize,
    named_on_read: usize,
    found_by_full_check: usize,
    read_correctly: usize,
    logs_set_aside: usize,
    writes_refused_after_damage: usize,
    misread: Vec<String>,
    misreported: Vec<String>,
    written_after_damage: Vec<String>,
}

fn is_damage(e: &Error) -> bool {
    matches!(e.kind().as_str(), "corrupt_database" | "not_a_database" | "log_set_aside")
}

/// The main file and its log, as bytes (what a write would change).
fn fingerprint(db: &Path) -> (Vec<u8>, Vec<u8>) {
    let log = std::fs::read(sibling(db, "-wal")).unwrap_or_default();
    (std::fs::read(db).unwrap_or_default(), log)
}

/// Tries every kind of save, each from a fresh open (as a new process would).
fn try_writes(db: &Path) -> Vec<String> {
    let mut written = Vec::new();
    type Attempt = fn(&mut Store) -> csr_core::Result<()>;
    let attempts: [(&str, Attempt); 5] = [
        ("answer", |s| {
            let mut a = Answer::new("I-1");
            a.rating = Some(Rating::Partly);
            s.save_answer(1, &a).map(|_| ())
        }),
        ("setting", |s| s.set_setting("language", "en")),
        ("company", |s| s.create_company(&japanese_profile()).map(|_| ())),
        ("declaration", |s| s.edit_declaration(1, |d| d.signer_title = "社長".into()).map(|_| ())),
        ("position", |s| s.set_position(1, "review")),
    ];
    for (what, attempt) in attempts {
        let Ok(mut store) = Store::open(db, Catalog::get()) else { continue };
        if attempt(&mut store).is_ok() {
            written.push(what.to_string());
        }
    }
    written
}

fn run(variant: &Variant, counts: &mut Counts) {
    counts.variants += 1;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("assessments.sqlite3");
    std::fs::write(&db, &variant.main).unwrap();
    if let Some(log) = &variant.log {
        std::fs::write(sibling(&db, "-wal"), log).unwrap();
    }
    let mut seen = false;
    match Store::open(&db, Catalog::get()) {
        Err(e) if is_damage(&e) => {
            counts.refused_at_open += 1;
            seen = true;
        }
        Err(e) => counts.misreported.push(format!("{}: at open: {e}", variant.what)),
        Ok(store) => {
            if matches!(store.damage_error(), Some(Error::LogSetAside { .. })) {
                counts.logs_set_aside += 1;
                seen = true;
            }
            match read_store(&store) {
                Ok(data) if variant.valid.contains(&data) => match store.verify() {
                    Ok(()) if !seen => counts.read_correctly += 1,
                    Ok(()) => {}
                    Err(e) if is_damage(&e) => {
                        counts.found_by_full_check += 1;
                        seen = true;
                    }
                    Err(e) => counts.misreported.push(format!("{}: full check: {e}", variant.what)),
                },
                Ok(_) => counts.misread.push(variant.what.clone()),
                Err(e) if is_damage(&e) => {
                    counts.named_on_read += 1;
                    seen = true;
                }
                Err(e) => counts.misreported.push(format!("{}: {e} ({:?})", variant.what, e.support_detail())),
            }
            seen |= store.damage().is_some();
        }
    }
    if seen {
        let before = fingerprint(&db);
        let written = try_writes(&db);
        if !written.is_empty() || fingerprint(&db) != before {
            counts.written_after_damage.push(format!("{}: {written:?}", variant.what));
        } else {
            counts.writes_refused_after_damage += 1;
        }
    }
}

fn page_size(data: &[u8]) -> usize {
    match u16::from_be_bytes([data[16], data[17]]) {
        1 => 65_536,
        n => n as usize,
    }
}

/// Crash images of one database: its main file and log as a crash after each of a series of
/// saves would leave them, with the state each save left.
struct History {
    /// (main file, log, the state after the saves the log holds) after each save.
    images: Vec<(Vec<u8>, Vec<u8>, String)>,
    /// Every state the database was in.
    states: Vec<String>,
}

fn history(dir: &Path, name: &str, saves: usize, seed: &str) -> History {
    let db = dir.join(name);
    let mut store = Store::open(&db, Catalog::get()).unwrap();
    fully_answered(&mut store);
    drop(store);
    let mut store = Store::open(&db, Catalog::get()).unwrap();
    let mut states = vec![read_store(&store).unwrap()];
    let mut images = Vec::new();
    for n in 0..saves {
        if n == saves / 2 {
            // A clean close halfway: the log so far is folded into the file, and the log
            // after it continues from there.
            drop(store);
            store = Store::open(&db, Catalog::get()).unwrap();
        }
        store
            .edit_answer(1, &format!("I-{}", n % 3 + 1), |a| {
                a.description = format!("{seed}: save {n}");
                Ok(())
            })
            .unwrap();
        let state = read_store(&store).unwrap();
        images.push((std::fs::read(&db).unwrap(), std::fs::read(sibling(&db, "-wal")).unwrap(), state.clone()));
        states.push(state);
    }
    History { images, states }
}

/// A log written into a copy of `main` by another program (SQLite without our guard).
fn foreign_log(dir: &Path, main: &[u8], n: usize) -> Vec<u8> {
    let db = dir.join(format!("foreign-{n}.sqlite3"));
    std::fs::write(&db, main).unwrap();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true).unwrap();
    match n % 3 {
        0 => conn.execute("UPDATE answer SET description = 'by another program' WHERE item_id = 'I-1'", []),
        1 => conn.execute("DELETE FROM part2_answer", []),
        _ => conn.execute("UPDATE company SET profile = replace(profile, 'さくら', 'もみじ')", []),
    }
    .unwrap();
    drop(conn);
    std::fs::read(sibling(&db, "-wal")).unwrap()
}

#[test]
fn no_damaged_file_reads_as_valid_data_or_is_written_after_its_damage_was_seen() {
    let work = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);

    // The database every page variant starts from: a company, a fully answered assessment,
    // one carried forward from it, a setting; closed, so it is one file.
    let (dir, mut store) = temp_store();
    let first = fully_answered(&mut store);
    store.create_assessment_from(first, "2026年度").unwrap();
    let record = store.record(first).unwrap();
    store.insert_record(&record).unwrap();
    store.set_setting("language", "ja").unwrap();
    let pristine_state = read_store(&store).unwrap();
    drop(store);
    let pristine = std::fs::read(db_path(&dir)).unwrap();
    let size = page_size(&pristine);
    let pages = pristine.len() / size;
    let page_variant =
        |what: String, main: Vec<u8>| Variant { what, main, log: None, valid: vec![pristine_state.clone()] };

    let mut variants = Vec::new();
    for page in 0..pages {
        for _ in 0..8 {
            let (at, bit) = (page * size + rng.below(size), rng.below(8));
            let mut main = pristine.clone();
            main[at] ^= 1 << bit;
            variants.push(page_variant(format!("bit {bit} of byte {at} (page {})", page + 1), main));
        }
        let mut main = pristine.clone();
        main[page * size..(page + 1) * size].fill(0);
        variants.push(page_variant(format!("page {} zeroed", page + 1), main));
        let mut main = pristine.clone();
        main[page * size + size / 2..(page + 1) * size].fill(0);
        variants.push(page_variant(format!("page {} half zeroed", page + 1), main));
    }
    // A page that lost its last row: the cell count in a leaf page's header one lower, as a
    // flipped bit there would leave it. SQLite reads the page as sound, one row short.
    for page in 0..pages {
        let head = page * size + if page == 0 { 100 } else { 0 };
        let cells = u16::from_be_bytes([pristine[head + 3], pristine[head + 4]]);
        if matches!(pristine[head], 0x0A | 0x0D) && cells > 0 {
            let mut main = pristine.clone();
            main[head + 3..head + 5].copy_from_slice(&(cells - 1).to_be_bytes());
            variants.push(page_variant(format!("page {} one row short", page + 1), main));
        }
    }
    // Values altered inside rows: one ASCII character of a stored text changed to another,
    // so the text stays valid and SQLite alone would return it as data.
    let texts: [&[u8]; 10] = [
        "について".as_bytes(),
        "手順書 第".as_bytes(),
        b"2025-04-01",
        b"2026-03-31",
        b"\"mostly\"",
        b"partly",
        b"not_yet",
        b"sakura-seimitsu",
        b"+81 45-123",
        b"csr-wal-guard",
    ];
    for needle in texts {
        let mut from = 0;
        for _ in 0..8 {
            let Some(found) = pristine[from..].windows(needle.len()).position(|w| w == needle) else { break };
            let start = from + found;
            from = start + 1;
            // An ASCII byte near the text (within the same row).
            let Some(at) = (start.saturating_sub(24)..start + needle.len() + 24)
                .filter(|&i| i < pristine.len() && pristine[i].is_ascii_alphanumeric())
                .nth(rng.below(8))
            else {
                continue;
            };
            let mut main = pristine.clone();
            main[at] = if main[at] == b'0' {
                b'1'
            } else if main[at].is_ascii_digit() {
                b'0'
            } else {
                b'x'
            };
            if main[at] == pristine[at] {
                main[at] = b'y';
            }
            variants.push(page_variant(format!("value byte {at} near {:?}", String::from_utf8_lossy(needle)), main));
        }
    }
    // Cut short: whole pages missing from the end, or a partial page.
    for cut in [1, 2, 5, pages / 2] {
        variants.push(page_variant(format!("last {cut} pages cut off"), pristine[..(pages - cut) * size].to_vec()));
    }
    variants.push(page_variant("cut inside the last page".into(), pristine[..pristine.len() - 100].to_vec()));

    // Logs. A's crash images after each of 8 saves, and B's (another database).
    let a = history(work.path(), "a.sqlite3", 8, "A");
    let b = history(work.path(), "b.sqlite3", 3, "B");
    let mut a_states = a.states.clone();
    a_states.dedup();
    for (n, (main, log, _)) in a.images.iter().enumerate() {
        variants.push(Variant {
            what: format!("own log after save {}", n + 1),
            main: main.clone(),
            log: Some(log.clone()),
            valid: a_states.clone(),
        });
        // Torn: the log cut at a random point (a crash while it was written).
        let mut torn = log.clone();
        torn.truncate(32 + rng.below(log.len() - 32));
        variants.push(Variant {
            what: format!("own log after save {} torn", n + 1),
            main: main.clone(),
            log: Some(torn),
            valid: a_states.clone(),
        });
        // A frame of it damaged: SQLite stops replaying there.
        let mut flipped = log.clone();
        let at = 32 + rng.below(log.len() - 32);
        flipped[at] ^= 0x10;
        variants.push(Variant {
            what: format!("own log after save {} with byte {at} flipped", n + 1),
            main: main.clone(),
            log: Some(flipped),
            valid: a_states.clone(),
        });
    }
    // Stale: the first image's main file (an older copy) put back beside a later log, and a
    // later main file beside the first log (a newer copy put back).
    let (first_main, first_log, _) = &a.images[0];
    for (_, log, _) in &a.images[a.images.len() / 2..] {
        variants.push(Variant {
            what: "older copy put back beside a later log".into(),
            main: first_main.clone(),
            log: Some(log.clone()),
            valid: a_states.clone(),
        });
    }
    let mut checkpointed = a.images.last().unwrap().0.clone();
    {
        // The last state folded into the main file: a newer copy.
        let tmp = work.path().join("newer.sqlite3");
        std::fs::write(&tmp, &checkpointed).unwrap();
        std::fs::write(sibling(&tmp, "-wal"), &a.images.last().unwrap().1).unwrap();
        drop(Store::open(&tmp, Catalog::get()).unwrap());
        checkpointed = std::fs::read(&tmp).unwrap();
    }
    variants.push(Variant {
        what: "newer copy put back beside an older log".into(),
        main: checkpointed,
        log: Some(first_log.clone()),
        valid: a_states.clone(),
    });
    // Another database's log beside A, and logs another program wrote into A.
    for (_, log, _) in &b.images {
        variants.push(Variant {
            what: "another database's log".into(),
            main: first_main.clone(),
            log: Some(log.clone()),
            valid: a_states.clone(),
        });
    }
    for n in 0..9 {
        let main = if n < 3 { pristine.clone() } else { a.images[n % a.images.len()].0.clone() };
        let valid = if n < 3 { vec![pristine_state.clone()] } else { a_states.clone() };
        variants.push(Variant {
            what: format!("log written by another program ({n})"),
            log: Some(foreign_log(work.path(), &main, n)),
            main,
            valid,
        });
    }

    let started = std::time::Instant::now();
    let mut counts = Counts::default();
    for v in &variants {
        run(v, &mut counts);
    }
    eprintln!(
        "damaged-file set: {} variants ({} pages of {size} bytes) in {:.1} s: {} refused at open, {} named on read, \
         {} logs set aside, {} found by the full check, {} read correctly (damage where no data is, or a log of \
         its own replayed); writes refused after damage in {} of {}; misread {}, misreported {}, written after damage {}",
        counts.variants,
        pages,
        started.elapsed().as_secs_f64(),
        counts.refused_at_open,
        counts.named_on_read,
        counts.logs_set_aside,
        counts.found_by_full_check,
        counts.read_correctly,
        counts.writes_refused_after_damage,
        counts.variants - counts.read_correctly,
        counts.misread.len(),
        counts.misreported.len(),
        counts.written_after_damage.len(),
    );
    assert!(counts.misread.is_empty(), "damage read as valid data: {:#?}", counts.misread);
    assert!(counts.misreported.is_empty(), "damage reported as something else: {:#?}", counts.misreported);
    assert!(
        counts.written_after_damage.is_empty(),
        "written after its damage was seen: {:#?}",
        counts.written_after_damage
    );
    assert!(counts.variants >= 300, "hundreds of variants: {}", counts.variants);
}
