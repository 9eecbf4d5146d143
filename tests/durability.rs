//! A save reported as done survives the process being killed right after.
//!
//! The parent starts this same binary as a writer that saves answers in a loop and prints
//! each sequence number after its transaction commits. The parent kills it with SIGKILL at
//! a random moment (sometimes during start-up and migration), then checks the database
//! passes `PRAGMA integrity_check` and holds every acknowledged write. 200+ rounds.
//!
//! `DURABILITY_ROUNDS` and `DURABILITY_SEED` override the defaults to reproduce a run.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use csr_core::model::{Answer, CompanyProfile, Part2Answer, Rating};
use csr_core::{Catalog, Store};

const WRITER_DB: &str = "CSR_DURABILITY_WRITER_DB";
const WRITER_START: &str = "CSR_DURABILITY_WRITER_START";

fn main() {
    if let Some(db) = std::env::var_os(WRITER_DB) {
        let start: u64 = std::env::var(WRITER_START).unwrap().parse().unwrap();
        writer(Path::new(&db), start);
        return;
    }
    let started = Instant::now();
    kill_test();
    println!("durability: ok in {:.1} s", started.elapsed().as_secs_f64());
}

fn items() -> Vec<String> {
    Catalog::get().items().map(|i| i.id.clone()).collect()
}

/// Saves forever, acknowledging each committed save with its sequence number.
fn writer(db: &Path, start: u64) {
    let mut store = Store::open(db, csr_core::Catalog::get()).expect("open");
    let id = match store.list_assessments().expect("list").first() {
        Some(a) => a.id,
        None => {
            let company = store
                .create_company(&CompanyProfile {
                    legal_name: "耐久テスト株式会社".into(), ..Default::default()
                })
                .unwrap();
            store.create_assessment(company.id, "FY2026").unwrap().id
        }
    };
    let items = items();
    let out = std::io::stdout();
    for seq in start.. {
        let item = &items[(seq % items.len() as u64) as usize];
        let mut a = Answer::new(item);
        a.rating = Some(Rating::Partly);
        a.description = format!("seq {seq} — 説明文 {}", "x".repeat((seq % 500) as usize));
        store.save_answer(id, &a).expect("save");
        if seq % 7 == 0 {
            let mut p = Part2Answer::new("climate-change");
            p.disclosures.insert("co2_amount".into(), seq.to_string());
            store.save_part2(id, &p).expect("save part2");
        }
        // One write() per line: a line in the pipe is a whole acknowledgement.
        let mut lock = out.lock();
        lock.write_all(format!("{seq}\n").as_bytes()).unwrap();
        lock.flush().unwrap();
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn kill_test() {
    let rounds: usize = std::env::var("DURABILITY_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(220);
    let seed: u64 = std::env::var("DURABILITY_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1
    });
    println!("durability: {rounds} rounds, DURABILITY_SEED={seed}");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("durability.sqlite3");
    let items = items();
    let mut acked_per_item: HashMap<String, u64> = HashMap::new();
    let mut last_acked_co2: Option<u64> = None;
    let mut next_start = 0u64;
    let mut total_acked = 0usize;
    let mut kills_mid_write = 0usize;
    for round in 0..rounds {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .env(WRITER_DB, &db)
            .env(WRITER_START, next_start.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Every acknowledgement, read as it comes; the first one is signalled.
        let stdout = child.stdout.take().unwrap();
        let (first_ack, first_ack_seen) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut acked = Vec::new();
            for seq in BufReader::new(stdout).lines().map_while(Result::ok).filter_map(|l| l.parse::<u64>().ok()) {
                if acked.is_empty() {
                    let _ = first_ack.send(());
                }
                acked.push(seq);
            }
            acked
        });
        // One round in five kills during start-up (sometimes before the database is even
        // open); the others wait for the first acknowledged save, however slow the disk,
        // and kill at a random moment in the run of saves that follows.
        let delay = match rng.next() % 10 {
            0 => 0,
            1 => rng.next() % 3_000,
            _ => {
                if let Err(e) = first_ack_seen.recv_timeout(Duration::from_secs(60)) {
                    let _ = child.kill();
                    panic!("round {round}: the writer acknowledged no save ({e})");
                }
                rng.next() % 40_000
            }
        };
        std::thread::sleep(Duration::from_micros(delay));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let acked = reader.join().unwrap();
        for &seq in &acked {
            acked_per_item.insert(items[(seq % items.len() as u64) as usize].clone(), seq);
            if seq % 7 == 0 {
                last_acked_co2 = Some(seq);
            }
        }
        total_acked += acked.len();
        // The save after the last acknowledged one may or may not have committed; skip its
        // number so every sequence number is written at most once.
        let last = acked.last().copied();
        if last.is_some() {
            kills_mid_write += 1;
        }
        let attempted_max = last.map_or(next_start, |l| l + 1);
        next_start = attempted_max + 1;
        verify(&db, &items, &acked_per_item, last_acked_co2, attempted_max, round);
    }
    println!(
        "durability: {total_acked} acknowledged saves, {kills_mid_write} kills during a run of saves; all survived"
    );
    assert!(kills_mid_write >= rounds / 2, "most kills should land among saves ({kills_mid_write} of {rounds})");
}

fn verify(
    db: &Path,
    items: &[String],
    acked: &HashMap<String, u64>,
    co2: Option<u64>,
    attempted_max: u64,
    round: usize,
) {
    if !db.exists() {
        assert!(acked.is_empty(), "round {round}: acknowledged saves but no database");
        return;
    }
    let conn = rusqlite::Connection::open(db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok", "round {round}: integrity_check");
    drop(conn);
    let store = match Store::open(db, csr_core::Catalog::get()) {
        Ok(s) => s,
        Err(e) => panic!("round {round}: the database does not reopen: {e}"),
    };
    let Some(assessment) = store.list_assessments().unwrap().first().map(|a| a.id) else {
        assert!(acked.is_empty(), "round {round}: acknowledged saves but no assessment");
        return;
    };
    let stored: HashMap<String, u64> = store
        .answers(assessment)
        .unwrap()
        .into_iter()
        .map(|a| {
            let seq = a.description.strip_prefix("seq ").and_then(|s| s.split(' ').next()).unwrap().parse().unwrap();
            (a.item_id, seq)
        })
        .collect();
    for (item, &seq) in acked {
        let found =
            *stored.get(item).unwrap_or_else(|| panic!("round {round}: acknowledged {item} (seq {seq}) is missing"));
        assert!(found >= seq, "round {round}: {item} holds seq {found}, older than acknowledged {seq}");
        assert!(found <= attempted_max, "round {round}: {item} holds seq {found}, never attempted");
        assert_eq!(
            &items[(found % items.len() as u64) as usize],
            item,
            "round {round}: seq {found} under the wrong item"
        );
    }
    if let Some(seq) = co2 {
        let p = store.part2_answers(assessment).unwrap();
        let value: u64 = p[0].disclosures["co2_amount"].parse().unwrap();
        assert!(value >= seq && value <= attempted_max, "round {round}: part 2 holds {value}, acknowledged {seq}");
    }
}
