//! Timings of the core, printed as figures (not asserted): catalog load, opening the store,
//! one answer save with the durability settings in use (WAL, synchronous=FULL), with and
//! without the revision check, export and import of a fully answered assessment, opening a
//! file of 1 or 100 assessments and reading one, and a backup and restore of 100; the row
//! checks of issue 22: saving the declaration and the profile with their revisions, the
//! full check (pages and every row) and listing the checked backups of 100 assessments.
//! Run: `cargo bench --bench core`.

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
    let (create, store) = time(|| Store::open(&db, Catalog::get()).unwrap());
    println!("{:<44} {:.3} ms", "store: create a new database", create.as_secs_f64() * 1000.0);
    drop(store);
    stats("store: open existing database", (0..100).map(|_| time(|| Store::open(&db, Catalog::get()).unwrap()).0).collect());

    let mut store = Store::open(&db, Catalog::get()).unwrap();
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
    // As the app saves: based on the revision it read, checked in the transaction.
    let mut revisions: std::collections::HashMap<String, i64> =
        store.answers(id).unwrap().into_iter().map(|a| (a.item_id, a.revision.0.unwrap_or(0))).collect();
    let mut checked = Vec::new();
    for n in 0..1000 {
        let item = &items[n % items.len()];
        let mut a = Answer::new(item);
        a.rating = Some(Rating::Partly);
        a.description = format!("見直し中。記録 {n}：{}", "手順書を見直し、全員に周知しました。".repeat(8));
        a.revision = csr_core::model::Revision(Some(revisions[item]));
        let (t, receipt) = time(|| store.save_answer(id, &a).unwrap());
        revisions.insert(item.clone(), receipt.revision.unwrap());
        checked.push(t);
    }
    stats("store: save one answer, revision checked", checked);
    // As the app's save command does: the save, then the new score and submission check, and
    // for a carried-forward assessment the changes since last year (a second record read).
    let next = store.create_assessment_from(id, "2026年度").unwrap().id;
    let mut revisions: std::collections::HashMap<String, i64> =
        store.answers(next).unwrap().into_iter().map(|a| (a.item_id, a.revision.0.unwrap_or(0))).collect();
    let mut evaluated = Vec::new();
    for n in 0..300 {
        let item = &items[n % items.len()];
        let mut a = Answer::new(item);
        a.rating = Some(Rating::Mostly);
        a.description = format!("今年度の記録 {n}：{}", "手順書を見直し、全員に周知しました。".repeat(8));
        a.revision = csr_core::model::Revision(Some(revisions[item]));
        let (t, saved) = time(|| csr_core::usecase::save_answer(&mut store, Catalog::get(), next, &a).unwrap());
        revisions.insert(item.clone(), saved.receipt.revision.unwrap());
        evaluated.push(t);
    }
    stats("save one answer + score, check, changes", evaluated);
    // The declaration and the profile, each based on the revision it was read at.
    let mut declaration = store.assessment(id).unwrap().declaration;
    let mut declared = Vec::new();
    for n in 0..300 {
        declaration.signer_title = format!("代表取締役 {n}");
        let (t, receipt) = time(|| store.save_declaration(id, &declaration).unwrap());
        declaration.revision = csr_core::model::Revision(receipt.revision);
        declared.push(t);
    }
    stats("store: save the declaration, revision checked", declared);
    let mut company = store.companies().unwrap().remove(0);
    let mut profiled = Vec::new();
    for n in 0..300 {
        company.profile.contact_phone = format!("045-123-{n:04}");
        let (t, saved) = time(|| store.save_company(company.id, &company.profile, company.revision.0).unwrap());
        company = saved;
        profiled.push(t);
    }
    stats("store: save the profile, revision checked", profiled);

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
    stats("import: parse, check and store (+ snapshot)", imports);
    drop(store);

    // Opening and reading one assessment: a file with 1 assessment against one with 100.
    let one = dir.path().join("one.sqlite3");
    let hundred = dir.path().join("hundred.sqlite3");
    let mut s1 = Store::open(&one, Catalog::get()).unwrap();
    s1.insert_record(&record).unwrap();
    drop(s1);
    let mut s100 = Store::open(&hundred, Catalog::get()).unwrap();
    for _ in 0..100 {
        s100.insert_record(&record).unwrap();
    }
    drop(s100);
    let open_and_read = |db: &Path| time(|| Store::open(db, Catalog::get()).unwrap().record(1).unwrap()).0;
    stats("open + read one: file with 1 assessment", (0..100).map(|_| open_and_read(&one)).collect());
    stats("open + read one: file with 100 assessments", (0..100).map(|_| open_and_read(&hundred)).collect());
    // What every open used to add: PRAGMA quick_check reads every page of the file.
    let quick_check = |db: &Path| {
        time(|| {
            let c = rusqlite::Connection::open(db).unwrap();
            c.query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0)).unwrap()
        })
        .0
    };
    stats("(former) quick_check at open, 1 assessment", (0..50).map(|_| quick_check(&one)).collect());
    stats("(former) quick_check at open, 100 assessments", (0..50).map(|_| quick_check(&hundred)).collect());

    // Backups of the file with 100 fully answered assessments.
    let store = Store::open(&hundred, Catalog::get()).unwrap();
    stats("full check (pages + every row), 100 assessments", (0..10).map(|_| time(|| store.verify().unwrap()).0).collect());
    let (t, snap) = time(|| store.back_up(csr_core::store::BackupReason::Manual).unwrap());
    println!(
        "{:<44} {:.1} ms, {} KB ({} KB database)",
        "backup: 100 assessments (write + verify)",
        t.as_secs_f64() * 1000.0,
        snap.bytes / 1024,
        std::fs::metadata(&hundred).unwrap().len() / 1024
    );
    let (t, listed) = time(|| store.backups());
    println!("{:<44} {:.1} ms ({} backups, each checked in full)", "list backups of 100 assessments", t.as_secs_f64() * 1000.0, listed.len());
    let (t, store) = time(|| store.restore_backup(&snap.name, None).unwrap());
    println!("{:<44} {:.1} ms", "restore: 100 assessments (with snapshot first)", t.as_secs_f64() * 1000.0);
    drop(store);
}
