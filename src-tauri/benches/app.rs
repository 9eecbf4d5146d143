//! The app beside an empty Tauri app, measured the same way on the same machine: size of
//! the (stripped, release) binary, time from process start to the first interactive screen
//! (the UI stamps `data-ready-at`), and memory of the whole process tree (app, WebKit web
//! and network processes) after start and, for the app, after walking through all items.
//! Run by scripts/bench.sh, which builds the empty app and passes EMPTY_TAURI_APP.
//!
//! The empty app is also shown the app's 47 item screens, three times over: copies of the
//! screens the walk drew (their HTML and the app's style sheets, none of the app's script),
//! so that what WebKit keeps for drawing that much text can be told from what the app keeps.
//!
//! `cargo bench -p csr-self-assessment-app --bench app -- starts 20` instead starts the app
//! 20 times in a row and checks after each that nothing of it is left running (a stray app
//! once took the next start for itself through the single-instance guard, and the bench
//! waited for ever).

#[path = "../tests/seed/mod.rs"]
mod seed;
#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use support::{processes, App, Watchdog};

/// The whole benchmark's limit; the watchdog's message names the step under way.
const LIMIT_SECONDS: u64 = 1800;

fn boot_time_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/stat").unwrap();
    let btime: f64 = stat.lines().find_map(|l| l.strip_prefix("btime ")).unwrap().trim().parse().unwrap();
    btime * 1000.0
}

/// When a process started, in ms since the epoch (10 ms resolution).
fn started_ms(pid: u32) -> f64 {
    let hz = 100.0; // USER_HZ on Linux
    boot_time_ms() + processes::start_ticks(pid).expect("the program runs") as f64 / hz * 1000.0
}

/// The memory of a process tree, in MB. RSS counts shared pages once per process; PSS shares
/// them out, so it adds up to the tree's real footprint. PSS of anonymous memory is the
/// processes' own (heaps, JavaScript, layers); PSS of files is mostly shared libraries, whose
/// share falls as other programs map the same libraries (other WebKit apps on the machine).
#[derive(Default, Clone)]
struct Memory {
    rss: f64,
    pss: f64,
    pss_anon: f64,
    pss_file: f64,
    /// PSS by process name (the app, WebKitWebProcess, WebKitNetworkProcess, …).
    by_process: Vec<(String, f64)>,
}

fn kb(text: &str, key: &str) -> f64 {
    text.lines()
        .find_map(|l| {
            l.strip_prefix(key).map(|v| v.trim().trim_end_matches(" kB").trim().parse::<f64>().unwrap_or(0.0))
        })
        .unwrap_or(0.0)
}

fn memory(root: u32) -> Memory {
    let mut m = Memory::default();
    for pid in processes::tree(root) {
        let Ok(rollup) = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")) else { continue };
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default().trim().to_string();
        m.rss += kb(&status, "VmRSS:") / 1024.0;
        let pss = kb(&rollup, "Pss:") / 1024.0;
        m.pss += pss;
        m.pss_anon += kb(&rollup, "Pss_Anon:") / 1024.0;
        m.pss_file += kb(&rollup, "Pss_File:") / 1024.0;
        match m.by_process.iter_mut().find(|(n, _)| *n == name) {
            Some((_, p)) => *p += pss,
            None => m.by_process.push((name, pss)),
        }
    }
    m.by_process.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap());
    m
}

impl std::fmt::Display for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let per: Vec<String> =
            self.by_process.iter().filter(|(_, p)| *p >= 1.0).map(|(n, p)| format!("{n} {p:.0}")).collect();
        write!(
            f,
            "{:>5.0} MB RSS, {:.0} MB PSS ({:.0} anonymous, {:.0} files; by process: {})",
            self.rss,
            self.pss,
            self.pss_anon,
            self.pss_file,
            per.join(", ")
        )
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// What the page holds after the walks: elements in the document, and how many of the
/// screens' elements are still reachable from script (a leak of detached screens shows
/// here as a count that grows with each walk).
async fn page_size(app: &App) -> String {
    let v = app
        .script(
            "return [document.getElementsByTagName('*').length, document.querySelectorAll('main *').length]",
            vec![],
        )
        .await;
    format!("{} elements in the document ({} in the screen)", v[0], v[1])
}

/// Stops `app`, then checks that none of its processes is left (the single-instance guard
/// would hand the next start to a survivor).
async fn stop(app: App) {
    let marker = app.marker().to_string();
    app.kill().await;
    let left = processes::of_app(&marker);
    assert!(left.is_empty(), "processes of the stopped app are still running: {left:?}");
}

/// The app's style sheets, in the order its page links them.
fn app_styles() -> String {
    let ui = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/");
    let page = std::fs::read_to_string(format!("{ui}index.html")).unwrap();
    page.split("<link rel=\"stylesheet\" href=\"")
        .skip(1)
        .map(|rest| std::fs::read_to_string(format!("{ui}{}", &rest[..rest.find('"').unwrap()])).unwrap())
        .collect()
}

/// What a measured program is asked to do after its start.
enum Work<'a> {
    /// The app: walk through all 47 items three times, keeping a copy of each screen.
    Walk { screens: &'a mut Vec<String> },
    /// The empty app: show these copies of the app's screens, three times over.
    Show { screens: &'a [String] },
}

/// Measures `program`; returns its memory after start and after its work (the last pass).
async fn measure(name: &str, program: &str, mut work: Work<'_>, watchdog: &Watchdog) -> (Memory, Option<Memory>) {
    let walk = matches!(work, Work::Walk { .. });
    let size = std::fs::metadata(program).unwrap().len() as f64 / 1_048_576.0;
    let mut startups = Vec::new();
    let mut after_start = Memory::default();
    let mut after_walks = Vec::new();
    let mut page = String::new();
    for run in 0..5 {
        watchdog.waiting_for(format!("{name}: start {} of 5", run + 1));
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
            if let (Some(id), Work::Walk { screens }) = (id, &mut work) {
                // Three passes: growth that stops after the first is caching, not a leak.
                for pass in 1..=3 {
                    // Each item's screen is drawn before the next is asked for.
                    for item in csr_core::Catalog::get().items() {
                        watchdog.waiting_for(format!("{name}: walk {pass} of 3, item {}", item.id));
                        app.goto(&format!("/a/{id}/item/{}", item.id)).await;
                        if pass == 1 {
                            screens.push(
                                app.script("return document.body.innerHTML", vec![]).await.as_str().unwrap().into(),
                            );
                        }
                    }
                    tokio::time::sleep(Duration::from_secs(3)).await;
                    after_walks.push(memory(pid));
                }
                page = page_size(&app).await;
            }
            if let Work::Show { screens } = &work {
                app.script(
                    "const s = document.createElement('style'); s.textContent = arguments[0]; document.head.append(s);",
                    vec![serde_json::json!(app_styles())],
                )
                .await;
                for pass in 1..=3 {
                    for (n, screen) in screens.iter().enumerate() {
                        watchdog.waiting_for(format!(
                            "{name}: showing the app's screens, pass {pass} of 3, screen {}",
                            n + 1
                        ));
                        // Drawn before the next: the layout is read, then two frames pass.
                        app.script(
                            "document.body.innerHTML = arguments[0]; return document.body.offsetHeight",
                            vec![serde_json::json!(screen)],
                        )
                        .await;
                        app.script_async(
                            "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                            vec![],
                        )
                        .await;
                    }
                    tokio::time::sleep(Duration::from_secs(3)).await;
                    after_walks.push(memory(pid));
                }
            }
        }
        stop(app).await;
    }
    println!("{name}");
    println!("  binary (stripped, release)          {size:>8.1} MB");
    println!("  start to first interactive screen   {:>8.0} ms (median of 5; ±10 ms)", median(startups));
    if walk {
        // The same start on a computer set to Japanese: the first screen in Japanese, with
        // the translated titles (the catalog carries the translation either way).
        let mut japanese = Vec::new();
        for run in 0..5 {
            watchdog.waiting_for(format!("{name}: Japanese start {} of 5", run + 1));
            let dir = tempfile::tempdir().unwrap();
            let db = dir.path().join("db.sqlite3");
            seed::completed_assessment(&db, "FY2025");
            let app = App::start_program(program, dir.path(), &db, &support::japanese_system()).await;
            app.wait_for("html[lang='ja']").await;
            let ready: f64 = app.script("return Number(document.body.dataset.readyAt)", vec![]).await.as_f64().unwrap();
            japanese.push(ready - started_ms(app.pid().expect("the program's pid")));
            stop(app).await;
        }
        println!("  … on a computer set to Japanese     {:>8.0} ms (median of 5; ±10 ms)", median(japanese));
    }
    println!("  memory after start                  {after_start}");
    for (n, m) in after_walks.iter().enumerate() {
        if walk {
            println!("  memory after walking all 47 items ({}×) {m}", n + 1);
        } else {
            println!("  memory after showing the app's 47 screens ({}×) {m}", n + 1);
        }
    }
    if walk {
        println!("  page after the walks: {page}");
    }
    (after_start, after_walks.last().cloned())
}

/// Starts `program` `n` times in a row under tauri-driver, each time waiting for its first
/// screen and its web process, then stopping it and checking nothing of it is left.
async fn starts(program: &str, n: usize, watchdog: &Watchdog) {
    println!("{n} starts of {program} in a row through tauri-driver");
    let mut times = Vec::new();
    for i in 1..=n {
        watchdog.waiting_for(format!("start {i} of {n} of {program}"));
        let dir = tempfile::tempdir().unwrap();
        let t = Instant::now();
        let app = App::start_program(program, dir.path(), &dir.path().join("db.sqlite3"), &[]).await;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let pid = app.pid().expect("the program runs");
        let tree: Vec<String> = processes::tree(pid)
            .into_iter()
            .filter_map(|p| std::fs::read_to_string(format!("/proc/{p}/comm")).ok().map(|c| c.trim().to_string()))
            .collect();
        assert!(tree.iter().any(|c| c == "WebKitWebProces"), "start {i}: the app has no web process: {tree:?}");
        let marked = processes::of_app(app.marker()).len();
        stop(app).await;
        println!("  start {i:>2}: first screen in {ms:>6.0} ms; {marked} processes (driver, app, WebKit), all stopped");
        times.push(ms);
    }
    println!("  median {:.0} ms, slowest {:.0} ms", median(times.clone()), times.iter().cloned().fold(0.0, f64::max));
}

#[tokio::main]
async fn main() {
    if std::env::var_os("DISPLAY").is_none() {
        eprintln!(
            "Run under a display: xvfb-run -a dbus-run-session -- cargo bench -p csr-self-assessment-app --bench app"
        );
        std::process::exit(2);
    }
    let watchdog = Watchdog::new(LIMIT_SECONDS, "the app benchmark");
    // cargo bench passes --bench to a benchmark without the standard harness.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    if args.first().map(String::as_str) == Some("starts") {
        let n = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(20);
        starts(support::APP, n, &watchdog).await;
    } else {
        let mut screens = Vec::new();
        let (_, app) =
            measure("this app (csr-self-assessment)", support::APP, Work::Walk { screens: &mut screens }, &watchdog)
                .await;
        let app = app.expect("memory after the walks");
        match std::env::var("EMPTY_TAURI_APP") {
            Ok(empty) => {
                let (start, shown) = measure(
                    "empty Tauri app (benches/empty-tauri-app)",
                    &empty,
                    Work::Show { screens: &screens },
                    &watchdog,
                )
                .await;
                let shown = shown.expect("memory after showing the screens");
                let ratio = |what: &str, base: &Memory| {
                    println!(
                        "app after three walks / {what}: {:.2}× PSS ({:.0} / {:.0} MB), {:.2}× anonymous PSS ({:.0} / {:.0} MB)",
                        app.pss / base.pss,
                        app.pss,
                        base.pss,
                        app.pss_anon / base.pss_anon,
                        app.pss_anon,
                        base.pss_anon
                    )
                };
                ratio("empty app after start", &start);
                ratio("empty app after showing the same screens three times", &shown);
            }
            Err(_) => println!("empty Tauri app: set EMPTY_TAURI_APP (scripts/bench.sh builds it)"),
        }
    }
    let left = processes::of_this_process();
    assert!(left.is_empty(), "processes this benchmark started are still running: {left:?}");
    println!("no process this benchmark started is left running");
}
