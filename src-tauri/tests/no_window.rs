//! When the app cannot open its window it says so and exits with status 1, never silently.
//! Here: no display at all (no X server, no Wayland), in English and in Japanese. On Windows
//! the same path shows a message box about WebView2; scripts/check-windows.sh checks that
//! under wine.

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const APP: &str = env!("CARGO_BIN_EXE_csr-self-assessment");

/// Runs the app with no display and the given locale; gives up after a minute.
fn start_without_display(lang: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(APP)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env("CSR_ASSESS_DB", dir.path().join("db.sqlite3"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .env("XDG_RUNTIME_DIR", dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("the app neither opened a window nor exited within a minute");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn without_a_display_the_app_says_why_and_exits_1() {
    let out = start_without_display("en_US.UTF-8");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("CSR Self-Assessment cannot start"), "{stderr}");
    assert!(stderr.contains("The app could not open its window."), "{stderr}");
    assert!(stderr.contains("Start it from a graphical desktop session"), "what to do: {stderr}");
    assert!(stderr.contains("Your assessments are kept"), "{stderr}");
    assert!(stderr.contains("Details: "), "the cause, for support: {stderr}");
}

#[test]
fn in_japanese_on_a_japanese_system() {
    let out = start_without_display("ja_JP.UTF-8");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("CSR Self-Assessment を起動できません"), "{stderr}");
    assert!(stderr.contains("アプリの画面を開けませんでした。"), "{stderr}");
    assert!(stderr.contains("グラフィカルなデスクトップから起動してください"), "{stderr}");
    assert!(stderr.contains("詳細："), "{stderr}");
}
