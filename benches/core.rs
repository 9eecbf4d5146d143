//! Timings of the core, printed as figures (not asserted): catalog load, opening the store,
//! one answer save with the durability settings in use (WAL, synchronous=FULL), and export
//! and import of a fully answered assessment. Run: `cargo bench --bench core`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
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

/// Where the database goes: `$BENCH_DIR`, else under the build folder (`$CARGO_TARGET_DIR`,
/// else the folder this benchmark was built into), which is on a real disk. Not the system's
/// temporary folder: where /tmp is a tmpfs, fsync costs nothing and the save figure means little.
fn bench_parent() -> PathBuf {
    let parent = std::env::var_os("BENCH_DIR").map(PathBuf::from).unwrap_or_else(|| {
        let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| {
            // target/release/deps/core-<hash>
            let exe = std::env::current_exe().unwrap();
            exe.ancestors().nth(3).map(PathBuf::from).unwrap_or_else(|| exe.parent().unwrap().to_path_buf())
        });
        target.join("bench-core")
    });
    std::fs::create_dir_all(&parent).unwrap_or_else(|e| panic!("{parent:?}: {e}"));
    parent
}

/// The type of the file system holding `path` (the longest mount point above it).
fn file_system(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mounts = std::fs::read_to_string("/proc/self/mounts").unwrap_or_default();
    mounts
        .lines()
        .filter_map(|l| {
            let mut f = l.split(' ');
            let (point, kind) = (f.nth(1)?, f.next()?);
            path.starts_with(point).then(|| (point.len(), kind.to_string()))
        })
        .max()
        .map_or_else(|| "unknown".to_string(), |(_, kind)| kind)
}

fn main() {
    let dir = tempfile::tempdir_in(bench_parent()).unwrap();
    println!(
        "csr-assess core benchmark ({} build), database in {} ({}; set BENCH_DIR to choose)",
        if cfg!(debug_assertions) { "debug" } else { "release" },
        dir.path().display(),
        file_system(dir.path())
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
