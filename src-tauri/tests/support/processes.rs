//! The processes a test or benchmark starts, found by the environment markers it gives them
//! (never by name: another developer's app, or another test run on the same machine, is not
//! ours), and stopped whatever happens to the test.
//!
//! Two markers, inherited by every process below the driver (tauri-driver, WebKitWebDriver,
//! the app, WebKit's web and network processes):
//! - `CSR_TEST_RUN=<pid>.<start>[.<tag>]`: the run, owned by the process `<pid>` that started
//!   at `<start>` (clock ticks since boot). `scripts/bench.sh` sets it for everything it runs;
//!   a test process without one is its own run. A marked process whose owner is gone is a
//!   stray of a run that was killed, and the next start stops it: a stray app would otherwise
//!   take the next start for itself (the single-instance guard hands a second start to the
//!   running window, and the new WebDriver session never gets one).
//! - `CSR_TEST_APP=<pid>.<start>.<n>`: one app started by this process, stopped with its
//!   whole tree when the app's handle is dropped (a test that ends, fails or panics).

use std::collections::HashSet;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

pub const RUN_VAR: &str = "CSR_TEST_RUN";
pub const APP_VAR: &str = "CSR_TEST_APP";

/// A process seen in /proc with the markers it carries.
#[derive(Debug, Clone)]
pub struct Marked {
    pub pid: u32,
    /// Its command name (for messages only; never used to choose what to stop).
    pub name: String,
    pub run: Option<String>,
    pub app: Option<String>,
}

impl std::fmt::Display for Marked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.pid, self.name)
    }
}

/// The fields of /proc/<pid>/stat after the command name (state is the first).
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.get(stat.rfind(')')? + 2..)?;
    Some(after.split(' ').map(String::from).collect())
}

/// When `pid` started, in clock ticks since boot; None once it is gone (or a zombie,
/// which has ended and only waits for its parent to read its status).
pub fn start_ticks(pid: u32) -> Option<u64> {
    let fields = stat_fields(pid)?;
    if fields.first().map(String::as_str) == Some("Z") {
        return None;
    }
    fields.get(19)?.parse().ok()
}

/// "<pid>.<start>" of this process: an owner name that a later process reusing the pid
/// cannot take.
fn own_name() -> &'static str {
    static NAME: OnceLock<String> = OnceLock::new();
    NAME.get_or_init(|| {
        let pid = std::process::id();
        format!("{pid}.{}", start_ticks(pid).unwrap_or(0))
    })
}

/// The run this process belongs to: the one a script set, or this process's own.
pub fn run_id() -> &'static str {
    static RUN: OnceLock<String> = OnceLock::new();
    RUN.get_or_init(|| std::env::var(RUN_VAR).ok().filter(|r| !r.is_empty()).unwrap_or_else(|| own_name().to_string()))
}

/// Whether the owner named at the start of a marker ("<pid>.<start>…") still runs.
pub fn owner_alive(marker: &str) -> bool {
    let mut parts = marker.split('.');
    let (Some(pid), Some(start)) = (parts.next().and_then(|p| p.parse::<u32>().ok()), parts.next()) else {
        // Not a marker this code wrote: leave its processes alone.
        return true;
    };
    start_ticks(pid).is_some_and(|s| s.to_string() == start)
}

/// The apps of this process whose handles are alive (their processes are not leftovers).
static LIVE_APPS: Mutex<Option<HashSet<String>>> = Mutex::new(None);

/// A fresh marker for one app started by this process.
pub fn new_app_id() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let id = format!("{}.{}", own_name(), NEXT.fetch_add(1, Ordering::SeqCst));
    LIVE_APPS.lock().unwrap_or_else(|p| p.into_inner()).get_or_insert_with(HashSet::new).insert(id.clone());
    id
}

/// Every process that carries a marker, with its markers.
pub fn all_marked() -> Vec<Marked> {
    let Ok(entries) = std::fs::read_dir("/proc") else { return Vec::new() };
    let me = std::process::id();
    let mut found = Vec::new();
    for p in entries.flatten() {
        let Some(pid) = p.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
        if pid == me {
            continue;
        }
        // A zombie's environment reads as empty: it has ended already.
        let Ok(env) = std::fs::read(p.path().join("environ")) else { continue };
        let (mut run, mut app) = (None, None);
        for kv in env.split(|b| *b == 0) {
            let kv = String::from_utf8_lossy(kv);
            if let Some(v) = kv.strip_prefix("CSR_TEST_RUN=") {
                run = Some(v.to_string());
            } else if let Some(v) = kv.strip_prefix("CSR_TEST_APP=") {
                app = Some(v.to_string());
            }
        }
        if run.is_none() && app.is_none() {
            continue;
        }
        let name = std::fs::read_to_string(p.path().join("comm")).unwrap_or_default().trim().to_string();
        found.push(Marked { pid, name, run, app });
    }
    found
}

/// The processes of one app (its driver, the app and WebKit's processes).
pub fn of_app(app_id: &str) -> Vec<Marked> {
    all_marked().into_iter().filter(|m| m.app.as_deref() == Some(app_id)).collect()
}

/// The processes of every app this process started.
pub fn of_this_process() -> Vec<Marked> {
    let prefix = format!("{}.", own_name());
    all_marked().into_iter().filter(|m| m.app.as_deref().is_some_and(|a| a.starts_with(&prefix))).collect()
}

/// The processes of a run (everything a script or a test process started).
pub fn of_run(run: &str) -> Vec<Marked> {
    all_marked().into_iter().filter(|m| m.run.as_deref() == Some(run)).collect()
}

fn signal(sig: &str, procs: &[Marked]) {
    if procs.is_empty() {
        return;
    }
    // One `kill` for all; a process that ended meanwhile is no error worth a word.
    let _ = Command::new("kill")
        .arg(format!("-{sig}"))
        .args(procs.iter().map(|p| p.pid.to_string()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

/// Stops `procs` (asked with SIGTERM, so that tauri-driver ends WebKitWebDriver and the
/// app saves nothing half; SIGKILL after 2 s) and waits until they are gone, at most 10 s.
/// Returns those still running then (a process in uninterruptible sleep), for the caller to
/// name.
pub fn stop(procs: Vec<Marked>, still: impl Fn() -> Vec<Marked>) -> Vec<Marked> {
    if procs.is_empty() {
        return procs;
    }
    signal("TERM", &procs);
    let polite = Instant::now() + Duration::from_secs(2);
    while !still().is_empty() && Instant::now() < polite {
        std::thread::sleep(Duration::from_millis(50));
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let left = still();
        if left.is_empty() || Instant::now() > deadline {
            return left;
        }
        signal("KILL", &left);
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn say(text: &str) {
    // Straight to stderr: the test harness captures eprintln! of a passing test.
    let _ = std::io::Write::write_all(&mut std::io::stderr(), format!("{text}\n").as_bytes());
}

fn names(procs: &[Marked]) -> String {
    procs.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(", ")
}

/// Stops one app's whole tree; says on stderr what would not stop.
pub fn stop_app(app_id: &str) {
    LIVE_APPS.lock().unwrap_or_else(|p| p.into_inner()).get_or_insert_with(HashSet::new).remove(app_id);
    let left = stop(of_app(app_id), || of_app(app_id));
    if !left.is_empty() {
        say(&format!("test app {app_id}: still running 12 s after SIGKILL: {}", names(&left)));
    }
}

/// Stops every app this process started (the watchdog, before it ends a hung test).
pub fn stop_all_of_this_process() -> Vec<Marked> {
    stop(of_this_process(), of_this_process)
}

/// Before a start: stops strays of killed runs (their owner is gone) and processes of this
/// process's apps whose handle was dropped without stopping them. Returns what it stopped,
/// said on stderr, so that a leak is seen, not hidden.
pub fn clear_the_way() -> Vec<Marked> {
    let live = LIVE_APPS.lock().unwrap_or_else(|p| p.into_inner()).clone().unwrap_or_default();
    let prefix = format!("{}.", own_name());
    let stray = |m: &Marked| -> bool {
        let dead_run = m.run.as_deref().is_some_and(|r| !owner_alive(r));
        let dead_app = m.app.as_deref().is_some_and(|a| !owner_alive(a));
        let dropped = m.app.as_deref().is_some_and(|a| a.starts_with(&prefix) && !live.contains(a));
        dead_run || dead_app || dropped
    };
    let strays: Vec<Marked> = all_marked().into_iter().filter(stray).collect();
    if strays.is_empty() {
        return strays;
    }
    say(&format!("stopping {} processes left by an earlier test or bench run: {}", strays.len(), names(&strays)));
    let pids: HashSet<u32> = strays.iter().map(|m| m.pid).collect();
    let left = stop(strays.clone(), || all_marked().into_iter().filter(|m| pids.contains(&m.pid)).collect());
    if !left.is_empty() {
        say(&format!("still running after SIGKILL: {}", names(&left)));
    }
    strays
}

/// Process ids of `root` and everything below it.
pub fn tree(root: u32) -> Vec<u32> {
    let mut parents = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for p in entries.flatten() {
            let Some(pid) = p.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else { continue };
            if let Some(ppid) = stat_fields(pid).and_then(|f| f.get(1)?.parse::<u32>().ok()) {
                parents.push((pid, ppid));
            }
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
