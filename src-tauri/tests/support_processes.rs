//! The end-to-end harness stops every process it starts, whatever happens to the test: a
//! panic, a hang (the watchdog), Ctrl-C, or the test process killed outright (the next start
//! stops what it left, before a stray app can take that start for itself through the
//! single-instance guard). Each case runs a child test process that starts the real app
//! through tauri-driver and then misbehaves; the parent looks at what is left by the marks.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use support::processes::{self, Marked};
use support::{serial, App};

const CHILD: &str = "child_starts_an_app_then_misbehaves";

/// Run only as the child of the tests below (CSR_GUARD_CASE says how to misbehave).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "run by the other tests of this file in a child process"]
async fn child_starts_an_app_then_misbehaves() {
    let Ok(case) = std::env::var("CSR_GUARD_CASE") else { return };
    let _one = serial().await;
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    println!("CHILD-READY {}", app.marker());
    // Time for the parent to look at the running tree.
    tokio::time::sleep(Duration::from_secs(3)).await;
    match case.as_str() {
        "panic" => panic!("a failing end-to-end test"),
        // "hang": the watchdog ends it; "wait": the parent interrupts or kills it.
        _ => loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
        },
    }
}

/// A run mark of this process for one child, so its processes can be told from others.
fn child_run(case: &str) -> String {
    format!("{}.{}.{case}", std::process::id(), processes::start_ticks(std::process::id()).unwrap())
}

struct ChildTest {
    child: Child,
    run: String,
    /// The processes of the child's run while its app was up.
    seen: Vec<Marked>,
    stderr: mpsc::Receiver<String>,
}

/// Starts the child test with `case`, waits (at most 180 s) until its app is up, and notes
/// the processes of its run.
fn start_child(case: &str, env: &[(&str, &str)], own_group: bool) -> ChildTest {
    use std::os::unix::process::CommandExt;
    let run = child_run(case);
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([CHILD, "--exact", "--ignored", "--nocapture", "--test-threads", "1"])
        .env("CSR_GUARD_CASE", case)
        .env(processes::RUN_VAR, &run)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if own_group {
        // As a terminal sees a test run: Ctrl-C goes to the whole process group.
        cmd.process_group(0);
    }
    let mut child = cmd.spawn().unwrap();
    let (out_tx, out_rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = out_tx.send(line);
        }
    });
    let (err_tx, err_rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = err_tx.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match out_rx.recv_timeout(left) {
            // libtest writes "test NAME ... " before the test's own output, on the same line.
            Ok(line) if line.contains("CHILD-READY") => break,
            Ok(_) => {}
            Err(_) => {
                let _ = child.kill();
                let said: Vec<String> = err_rx.try_iter().collect();
                panic!("the child test ({case}) did not start its app within 180 s: {}", said.join("\n"));
            }
        }
    }
    let seen = processes::of_run(&run);
    ChildTest { child, run, seen, stderr: err_rx }
}

impl ChildTest {
    /// Waits (at most `seconds`) for the child to end; its exit code and its stderr.
    fn wait(mut self, seconds: u64) -> (Option<i32>, String, String, Vec<Marked>) {
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the child test did not end within {seconds} s");
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        std::thread::sleep(Duration::from_millis(200));
        let stderr: Vec<String> = self.stderr.try_iter().collect();
        (status.code(), stderr.join("\n"), self.run, self.seen)
    }
}

fn names(procs: &[Marked]) -> Vec<String> {
    procs.iter().map(|p| p.name.clone()).collect()
}

/// The whole tree carried the run's mark while the app was up: driver, WebKitWebDriver,
/// the app and WebKit's processes.
fn assert_whole_tree_marked(seen: &[Marked]) {
    let names = names(seen);
    for expected in ["tauri-driver", "WebKitWebDriver", "csr-self-assess", "WebKitWebProces", "WebKitNetworkPr"] {
        assert!(names.iter().any(|n| n == expected), "{expected} carries the mark: {names:?}");
    }
}

/// Nothing of `run` is left, allowing `seconds` for processes that end on their own (a web
/// process ends when its app has gone).
fn assert_nothing_left(run: &str, seconds: u64) {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    loop {
        let left = processes::of_run(run);
        if left.is_empty() {
            return;
        }
        assert!(Instant::now() < deadline, "still running {seconds} s after the test ended: {left:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_test_leaves_no_process() {
    let _one = serial().await;
    let child = start_child("panic", &[], false);
    let (code, stderr, run, seen) = child.wait(120);
    assert_eq!(code, Some(101), "the test failed: {stderr}");
    assert!(stderr.contains("a failing end-to-end test"), "{stderr}");
    assert_whole_tree_marked(&seen);
    assert_nothing_left(&run, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hung_test_is_ended_by_its_watchdog_which_names_it_and_stops_its_app() {
    let _one = serial().await;
    // The watchdog counts from the test's start: long enough for the app's start under load.
    let child = start_child("hang", &[("CSR_E2E_TEST_SECONDS", "100")], false);
    let (code, stderr, run, seen) = child.wait(200);
    assert_eq!(code, Some(124), "{stderr}");
    assert!(
        stderr.contains(&format!("{CHILD} (limit CSR_E2E_TEST_SECONDS) hung: still running after 100 s")),
        "{stderr}"
    );
    assert_whole_tree_marked(&seen);
    assert_nothing_left(&run, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn ctrl_c_leaves_no_process() {
    let _one = serial().await;
    let child = start_child("wait", &[], true);
    let pid = child.child.id();
    let status = Command::new("kill").args(["-INT", "--", &format!("-{pid}")]).status().unwrap();
    assert!(status.success());
    let (code, stderr, run, seen) = child.wait(60);
    assert_eq!(code, None, "ended by the signal: {stderr}");
    assert_whole_tree_marked(&seen);
    // Each process ends on the signal, the web processes when their app has gone.
    assert_nothing_left(&run, 10);
}

#[tokio::test(flavor = "multi_thread")]
async fn what_a_killed_test_left_is_stopped_before_the_next_start_which_gets_its_own_window() {
    let _one = serial().await;
    let child = start_child("wait", &[], false);
    let pid = child.child.id();
    // SIGKILL to the test process alone: nothing of it runs to stop its app.
    Command::new("kill").args(["-KILL", &pid.to_string()]).status().unwrap();
    let (code, _, run, seen) = child.wait(30);
    assert_eq!(code, None);
    assert_whole_tree_marked(&seen);
    let strays = processes::of_run(&run);
    assert!(
        names(&strays).iter().any(|n| n == "csr-self-assess"),
        "the killed test's app is still running (the situation the guard is for): {strays:?}"
    );
    // On the same session bus, that app would take the next start for itself.
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    assert!(app.pid().is_some(), "the new start has its own app");
    assert_eq!(app.script("return document.body.dataset.ready", vec![]).await, serde_json::json!("true"));
    assert_nothing_left(&run, 0);
    app.kill().await;
}
