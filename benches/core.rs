//! Timings of the core, printed as figures (not asserted): catalog load, opening the store,
//! one answer save with the durability settings in use (WAL, synchronous=FULL), and export
//! and import of a fully answered assessment. Run: `cargo bench --bench core`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use csr_core::model::{Answer, Rating};
use csr_core::{interchange, Catalog, Store};

fn stats(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let pick = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<44} n={:<5} p50 {:>8.3} ms   p95 {:>8.3} ms   max {:>8.3} ms",
        samples.len(),
        ms(pick(0.5)),
        ms(pick(0.95)),
        ms(*samples.last().unwrap())
    );
}

fn time<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

fn main() {
    let dir =
        tempfile::tempdir_in(std::env::var_os("BENCH_DIR").unwrap_or_else(|| std::env::temp_dir().into())).unwrap();
    println!(
        "csr-assess core benchmark ({} build), database in {}",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        dir.path().display()
    );

    stats("catalog: parse embedded JSON", (0..200).map(|_| time(|| Catalog::parse().unwrap()).0).collect());
    let (first, _) = time(Catalog::get);
    println!("{:<44} {:.3} ms", "catalog: first Catalog::get()", first.as_secs_f64() * 1000.0);

    let db = dir.path().join("bench.sqlite3");
    let (create, store) = time(|| Store::open(&db).unwrap());
    println!("{:<44} {:.3} ms", "store: create a new database", create.as_secs_f64() * 1000.0);
    drop(store);
    stats("store: open existing database", (0..100).map(|_| time(|| Store::open(&db).unwrap()).0).collect());

    let mut store = Store::open(&db).unwrap();
    let id = common::fully_answered(&mut store);
    let items: Vec<String> = Catalog::get().items().map(|i| i.id.clone()).collect();
    let mut saves = Vec::new();
    for n in 0..1000 {
        let mut a = Answer::new(&items[n % items.len()]);
        a.rating = Some(Rating::Mostly);
        a.description = format!("改善中です。記録 {n}：{}", "手順書を見直し、全員に周知しました。".repeat(8));
        saves.push(time(|| store.save_answer(id, &a).unwrap()).0);
    }
    stats("store: save one answer (WAL, sync FULL)", saves);

    let record = store.record(id).unwrap();
    stats("store: load a full assessment", (0..200).map(|_| time(|| store.record(id).unwrap()).0).collect());
    let json = interchange::export(&record, Catalog::get());
    println!("{:<44} {} bytes", "export: size of a fully answered file", json.len());
    stats(
        "export: record to JSON (load + write)",
        (0..200).map(|_| time(|| interchange::export(&store.record(id).unwrap(), Catalog::get())).0).collect(),
    );
    stats(
        "import: parse and check JSON",
        (0..200).map(|_| time(|| interchange::import(json.as_bytes(), Catalog::get()).unwrap()).0).collect(),
    );
    let mut imports = Vec::new();
    for _ in 0..50 {
        imports.push(
            time(|| {
                let r = interchange::import(json.as_bytes(), Catalog::get()).unwrap();
                store.insert_record(&r).unwrap()
            })
            .0,
        );
    }
    stats("import: parse, check and store", imports);
}
