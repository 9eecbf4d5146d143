//! Running `csr-assess` as a real process on a database of the test's own, for the tests of
//! the command line (shared by cli.rs, feedback_cli.rs and nec_requests.rs).
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_csr-assess");

/// `csr-assess --db DB ARGS…`, whatever its outcome (the environment's database unset).
pub fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN).arg("--db").arg(db).args(args).env_remove("CSR_ASSESS_DB").output().unwrap()
}

/// [`run`], which must succeed: its standard output.
pub fn ok(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}
