//! A full disk: the failed save says what to do, and everything saved before survives.
//!
//! Runs the CLI against a database on a 384 KB tmpfs mounted in a private mount namespace
//! (`unshare`; as root, or as a user where user namespaces are allowed), fills the disk,
//! and tries to save and export.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_csr-assess");

fn is_root() -> bool {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("Uid:")).and_then(|ids| ids.split_whitespace().nth(1)) == Some("0")
}

/// Whether a small tmpfs can be mounted in a private mount namespace here; the reason if not.
fn can_mount_a_tmpfs(mnt: &std::path::Path) -> Result<(), String> {
    let out = Command::new("unshare")
        .args(["--mount", "--map-root-user", "sh", "-c", r#"mount -t tmpfs -o size=384k tmpfs "$MNT""#])
        .env("MNT", mnt)
        .output()
        .map_err(|e| format!("unshare (util-linux) does not run: {e}"))?;
    match out.status.success() {
        true => Ok(()),
        false => Err(String::from_utf8_lossy(&out.stderr).trim().to_string()),
    }
}

#[test]
fn a_full_disk_loses_nothing_and_says_what_to_do() {
    // unshare, mount namespaces and tmpfs are Linux's; elsewhere (Windows, macOS) say so.
    if !cfg!(target_os = "linux") {
        eprintln!("skipped: a_full_disk_loses_nothing_and_says_what_to_do: needs Linux (unshare and a tmpfs)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("small-disk");
    std::fs::create_dir(&mnt).unwrap();
    // As root (CI) the test always runs. A user may not be allowed to mount even in a user
    // namespace (Ubuntu 24.04's AppArmor, most containers): then it is skipped, and says so.
    if let Err(why) = can_mount_a_tmpfs(&mnt) {
        assert!(!is_root(), "cannot mount a small tmpfs as root: {why}");
        eprintln!("skipped: as a user, unshare cannot mount a tmpfs here ({why}); run as root to include this test");
        return;
    }
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "長い説明文。".repeat(7_000)).unwrap();
    let script = r#"
        set -u
        mount -t tmpfs -o size=384k tmpfs "$MNT" || exit 90
        export CSR_ASSESS_DB="$MNT/db.sqlite3"
        "$BIN" profile set --legal-name "満杯テスト株式会社" > /dev/null || exit 91
        "$BIN" new --period FY2026 > /dev/null || exit 92
        "$BIN" answer 1 I-1 --rating full --description "saved before the disk filled" > /dev/null || exit 93
        "$BIN" export 1 --output "$MNT/good.json" 2> /dev/null || exit 94
        cat /dev/zero > "$MNT/filler" 2> /dev/null
        "$BIN" answer 1 I-2 --rating partly --description-file "$BIG"
        echo "answer_exit=$?"
        "$BIN" export 1 --output "$MNT/good.json" 2> "$OUT/export.err"
        echo "export_exit=$?"
        "$BIN" export 1 --output "$OUT/elsewhere.json" 2> "$OUT/elsewhere.err"
        echo "elsewhere_exit=$?"
        echo "good_json_intact=$(grep -c 'saved before the disk filled' "$MNT/good.json")"
        ls -a "$MNT" | grep -c '\.tmp$' | sed 's/^/temp_files=/'
        rm "$MNT/filler"
        "$BIN" show 1 --json > "$OUT/after.json" || exit 95
        "$BIN" answer 1 I-2 --rating partly --description-file "$BIG" > /dev/null
        echo "after_free_exit=$?"
        "$BIN" show 1 --json > "$OUT/final.json"
        "#;
    let out = Command::new("unshare")
        .args(["--mount", "--map-root-user", "sh", "-c", script])
        .env("MNT", &mnt)
        .env("BIN", BIN)
        .env("BIG", &big)
        .env("OUT", dir.path())
        .output()
        .expect("unshare (util-linux) runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code() != Some(90), "cannot mount a small tmpfs here (needs root or user namespaces): {stderr}");
    assert!(out.status.success(), "setup failed ({:?}): {stdout}\n{stderr}", out.status.code());
    assert!(stdout.contains("answer_exit=1"), "{stdout}\n{stderr}");
    assert!(
        stderr.contains("The disk is full, so the last change could not be saved. Free some disk space"),
        "{stderr}"
    );
    assert!(stdout.contains("export_exit=1"), "{stdout}");
    // With the database's disk full, the assessments can still be exported to another disk.
    let elsewhere_err = std::fs::read_to_string(dir.path().join("elsewhere.err")).unwrap_or_default();
    assert!(stdout.contains("elsewhere_exit=0"), "{stdout}\n{elsewhere_err}");
    assert!(std::fs::read_to_string(dir.path().join("elsewhere.json")).unwrap().contains("saved before the disk filled"));
    // The export's message is about the file, not about a change that was not saved.
    let export_err = std::fs::read_to_string(dir.path().join("export.err")).unwrap();
    assert!(
        export_err.contains("good.json was to be written is full, so the file was not written")
            && export_err.contains("your assessments are safe"),
        "{export_err}"
    );
    assert!(stdout.contains("good_json_intact=1"), "the earlier export is not replaced by a partial one: {stdout}");
    assert!(stdout.contains("temp_files=0"), "no temporary file is left behind: {stdout}");
    let after: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("after.json")).unwrap()).unwrap();
    let answers = after["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 1, "the save that failed wrote nothing");
    assert_eq!(answers[0]["description"], "saved before the disk filled");
    assert!(stdout.contains("after_free_exit=0"), "saving works again once space is freed: {stdout}");
    let fin: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("final.json")).unwrap()).unwrap();
    assert_eq!(fin["answers"].as_array().unwrap().len(), 2);
}
