//! `csr-assess`: the command line of the CSR self-assessment, for scripting, support staff
//! and tests. It works on the same database as the desktop app.

mod args;
mod help;
mod output;
mod verbs;

use std::process::ExitCode;

use csr_core::store;

/// What went wrong: a mistake in the command line (exit 2) or a failure doing the work (exit 1).
pub enum Failure {
    Usage(String),
    Core(csr_core::Error),
    /// Nothing to print; exit with this status (`check` exits 3 when not ready).
    Status(u8),
}

impl From<csr_core::Error> for Failure {
    fn from(e: csr_core::Error) -> Self {
        Failure::Core(e)
    }
}

impl From<lexopt::Error> for Failure {
    fn from(e: lexopt::Error) -> Self {
        Failure::Usage(e.to_string())
    }
}

pub type Outcome = Result<(), Failure>;

fn main() -> ExitCode {
    // Before any thread starts: the local time zone cannot be read safely afterwards.
    csr_core::clock::init_local_offset();
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("csr-assess: {msg}\nRun `csr-assess --help` for the list of commands.");
            ExitCode::from(2)
        }
        Err(Failure::Core(e)) => {
            eprintln!("csr-assess: {e}");
            // SQLite's own words: for support, apart from the message.
            if let Some(detail) = e.support_detail() {
                eprintln!("Details for support: {detail}");
            }
            ExitCode::from(1)
        }
        Err(Failure::Status(code)) => ExitCode::from(code),
    }
}

fn run() -> Outcome {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_env();
    let mut db: Option<std::path::PathBuf> = None;
    loop {
        match parser.next()? {
            Some(Long("db")) => db = Some(parser.value()?.into()),
            Some(Short('h') | Long("help")) => {
                crate::say_raw!("{}", help::MAIN);
                return Ok(());
            }
            Some(Short('V') | Long("version")) => {
                crate::say!(
                    "csr-assess {} (catalog {})",
                    env!("CARGO_PKG_VERSION"),
                    csr_core::Catalog::get().version()
                );
                return Ok(());
            }
            Some(Value(verb)) => {
                let verb = verb.string()?;
                // The advice in use: the built-in one, or a newer signed file in the content
                // folder beside the database; chosen once, here, and handed to every verb.
                let folder = db_path(&db).ok().map(|p| csr_core::catalog::content::folder_beside(&p));
                csr_core::Catalog::choose(folder.as_deref());
                let mut ctx = verbs::Context { parser, db, catalog: csr_core::Catalog::get() };
                return verbs::dispatch(&verb, &mut ctx);
            }
            Some(other) => return Err(other.unexpected().into()),
            None => {
                crate::say_raw!("{}", help::MAIN);
                return Err(Failure::Usage("no command given".into()));
            }
        }
    }
}

/// The database path: `--db`, else `$CSR_ASSESS_DB`, else the app's data folder.
fn db_path(db: &Option<std::path::PathBuf>) -> Result<std::path::PathBuf, Failure> {
    match db {
        Some(p) => Ok(p.clone()),
        None => Ok(store::default_path()?),
    }
}
