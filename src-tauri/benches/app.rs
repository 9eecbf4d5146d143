//! The app beside an empty Tauri app, measured the same way on the same machine: size of
//! the (stripped, release) binary, time from process start to the first interactive screen
//! (the UI stamps `data-ready-at`), and memory of the whole process tree (app, WebKit web
//! and network processes) after start and, for the app, after walking through all items.
//! Run by scripts/bench.sh, which builds the empty app and passes EMPTY_TAURI_APP.

#[path = "../tests/seed/mod.rs"]
mod seed;
#[path = "../tests/support/mod.rs"]
mod support;

use std::time::Duration;

use support::App;

fn boot_time_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/stat").unwrap();
    let btime: f64 = stat.lines().find_map(|l| l.strip_prefix("btime ")).unwrap().trim().parse().unwrap();
    btime * 1000.0
}

/// When a process started, in ms since the epoch (10 ms resolution).
fn started_ms(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let ticks: f64 = after.split(' ').nth(19).unwrap().parse().unwrap();
    let hz = 100.0; // USER_HZ on Linux
    boot_time_ms() + ticks / hz * 1000.0
}

fn descendants(root: u32) -> Vec<u32> {
    let mut parents = Vec::new();
    for p in std::fs::read_dir("/proc").unwrap().flatten() {
        let Some(pid) = p.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else { continue };
        if let Ok(stat) = std::fs::read_to_string(p.path().join("stat")) {
            let after = &stat[stat.rfind(')').unwrap() + 2..];
            let ppid: u32 = after.split(' ').nth(1).unwrap().parse().unwrap();
            parents.push((pid, ppid));
        }
    }
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let p = tree[i];
        tree.extend(parents.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    tree
}

/// (RSS, PSS) of the process tree in MB. RSS counts shared pages once per process; PSS
/// shares them out, so it adds up to the tree's real footprint.
fn memory(root: u32) -> (f64, f64) {
    let (mut rss, mut pss) = (0.0, 0.0);
    for pid in descendants(root) {
        let kb = |file: &str, key: &str| -> f64 {
            std::fs::read_to_string(format!("/proc/{pid}/{file}"))
                .ok()
                .and_then(|t| {
                    t.lines().find_map(|l| {
                        l.strip_prefix(key)
                            .map(|v| v.trim().trim_end_matches(" kB").trim().parse::<f64>().unwrap_or(0.0))
                    })
                })
                .unwrap_or(0.0)
        };
        rss += kb("status", "VmRSS:");
        pss += kb("smaps_rollup", "Pss:");
    }
    (rss / 1024.0, pss / 1024.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

async fn measure(name: &str, program: &str, walk: bool) {
    let size = std::fs::metadata(program).unwrap().len() as f64 / 1_048_576.0;
    let mut startups = Vec::new();
    let mut after_start = (0.0, 0.0);
    let mut after_walks = Vec::new();
    for run in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("db.sqlite3");
        let id = walk.then(|| seed::completed_assessment(&db, "FY2025"));
        let app = App::start_program(program, dir.path(), &db, &[]).await;
        let ready: f64 = app.script("return Number(document.body.dataset.readyAt)", vec![]).await.as_f64().unwrap();
        let pid = app.pid().expect("the program's pid");
        startups.push(ready - started_ms(pid));
        if run == 4 {
            tokio::time::sleep(Duration::from_secs(3)).await;
            after_start = memory(pid);
            if let Some(id) = id {
                // Three passes: growth that stops after the first is caching, not a leak.
                for _ in 0..3 {
                    // Each item's screen is drawn before the next is asked for.
                    for item in csr_core::Catalog::get().items() {
                        app.goto(&format!("/a/{id}/item/{}", item.id)).await;
                    }
                    tokio::time::sleep(Duration::from_secs(3)).await;
                    after_walks.push(memory(pid));
                }
            }
        }
        app.kill().await;
    }
    println!("{name}");
    println!("  binary (stripped, release)          {size:>8.1} MB");
    println!("  start to first interactive screen   {:>8.0} ms (median of 5; ±10 ms)", median(startups));
    if walk {
        // The same start on a computer set to Japanese: the first screen in Japanese, with
        // the translated titles (the catalog carries the translation either way).
        let mut japanese = Vec::new();
        for _ in 0..5 {
            let dir = tempfile::tempdir().unwrap();
            let db = dir.path().join("db.sqlite3");
            seed::completed_assessment(&db, "FY2025");
            let app = App::start_program(program, dir.path(), &db, &support::japanese_system()).await;
            app.wait_for("html[lang='ja']").await;
            let ready: f64 = app.script("return Number(document.body.dataset.readyAt)", vec![]).await.as_f64().unwrap();
            japanese.push(ready - started_ms(app.pid().expect("the program's pid")));
            app.kill().await;
        }
        println!("  … on a computer set to Japanese     {:>8.0} ms (median of 5; ±10 ms)", median(japanese));
    }
    println!(
        "  memory after start                  {:>8.0} MB RSS, {:.0} MB PSS (whole process tree)",
        after_start.0, after_start.1
    );
    for (n, (rss, pss)) in after_walks.iter().enumerate() {
        println!("  memory after walking all 47 items ({}×) {rss:>6.0} MB RSS, {pss:.0} MB PSS", n + 1);
    }
}

#[tokio::main]
async fn main() {
    if std::env::var_os("DISPLAY").is_none() {
        eprintln!(
            "Run under a display: xvfb-run -a dbus-run-session -- cargo bench -p csr-self-assessment-app --bench app"
        );
        std::process::exit(2);
    }
    measure("this app (csr-self-assessment)", support::APP, true).await;
    match std::env::var("EMPTY_TAURI_APP") {
        Ok(empty) => measure("empty Tauri app (benches/empty-tauri-app)", &empty, false).await,
        Err(_) => println!("empty Tauri app: set EMPTY_TAURI_APP (scripts/bench.sh builds it)"),
    }
}
