//! The verbs. Each parses its own options and calls the core.

mod answers;
mod assessments;
mod backups;
mod catalog;
mod collect;
mod content;
mod feedback;
mod profile;
mod reminders;
mod reports;
mod requests;
mod submission;
mod transfer;

use std::path::PathBuf;

use csr_core::{Catalog, Store};

use crate::{help, Failure, Outcome};

/// What every verb gets: the rest of the command line, the database choice and the catalog
/// (read once, in `main`).
pub struct Context {
    pub parser: lexopt::Parser,
    pub db: Option<PathBuf>,
    pub catalog: &'static Catalog,
}

impl Context {
    pub fn db(&self) -> Result<PathBuf, Failure> {
        crate::db_path(&self.db)
    }

    /// Opens the database (with the catalog, read once here at the edge). When a damage
    /// mark stands beside it, says so on standard error: reads go on, saves are refused.
    pub fn store(&self) -> Result<Store, Failure> {
        let store = Store::open(crate::db_path(&self.db)?, csr_core::Catalog::get())?;
        if let Some(e) = store.damage_error() {
            eprintln!("csr-assess: warning: {e}");
        }
        Ok(store)
    }

    /// Reads the assessment id, the first argument of most verbs.
    pub fn assessment_id(&mut self, help_text: &str) -> Result<i64, Failure> {
        crate::args::id(&self.positional("the assessment id", help_text)?, "the assessment id")
    }

    /// Reads the assessment id and the common `--json` flag.
    pub fn id_and_json(&mut self, help_text: &str) -> Result<(i64, bool), Failure> {
        let id = self.assessment_id(help_text)?;
        Ok((id, self.json_flag(help_text)?))
    }

    /// Reads the rest of the line for a verb whose only option is `--json`.
    pub fn json_flag(&mut self, help_text: &str) -> Result<bool, Failure> {
        use lexopt::prelude::*;
        let mut json = false;
        while let Some(arg) = self.parser.next()? {
            match arg {
                Long("json") => json = true,
                Short('h') | Long("help") => {
                    crate::say_raw!("{help_text}");
                    return Err(Failure::Status(0));
                }
                _ => return Err(arg.unexpected().into()),
            }
        }
        Ok(json)
    }

    /// The next positional argument, or a usage error naming what was expected.
    pub fn positional(&mut self, what: &str, help_text: &str) -> Result<String, Failure> {
        use lexopt::prelude::*;
        match self.parser.next()? {
            Some(Value(v)) => crate::args::text(v, what),
            Some(Short('h') | Long("help")) => {
                crate::say_raw!("{help_text}");
                Err(Failure::Status(0))
            }
            Some(other) => Err(other.unexpected().into()),
            None => Err(Failure::Usage(format!("{what} is missing.\n\n{help_text}"))),
        }
    }
}

/// Prints a verb's help and stops successfully.
pub fn show_help(text: &str) -> Outcome {
    crate::say_raw!("{text}");
    Ok(())
}

pub fn dispatch(verb: &str, ctx: &mut Context) -> Outcome {
    let result = match verb {
        "catalog" => catalog::run(ctx),
        "profile" => profile::run(ctx),
        "new" => assessments::new(ctx),
        "list" => assessments::list(ctx),
        "show" => assessments::show(ctx),
        "status" => assessments::status(ctx),
        "rename" => assessments::rename(ctx),
        "delete" => assessments::delete(ctx),
        "restore" => assessments::restore(ctx),
        "backup" => backups::backup(ctx),
        "backups" => backups::list(ctx),
        "restore-backup" => backups::restore(ctx),
        "continue-after-damage" => backups::continue_after_damage(ctx),
        "answer" => answers::answer(ctx),
        "part2" => answers::part2(ctx),
        "declare" => answers::declare(ctx),
        "score" => reports::score(ctx),
        "check" => reports::check(ctx),
        "export" => transfer::export(ctx),
        "import" => transfer::import(ctx),
        "submit" => submission::submit(ctx),
        "pdf" => submission::pdf(ctx),
        "extract" => submission::extract(ctx),
        "verify" => submission::verify(ctx),
        "collect" => collect::run(ctx),
        "content" => content::run(ctx),
        "feedback" => feedback::feedback(ctx),
        "feedback-from-workbook" => feedback::from_workbook(ctx),
        "reminders" => reminders::run(ctx),
        "requests" => requests::list(ctx),
        "reply" => requests::reply(ctx),
        "help" => match ctx.parser.next()? {
            Some(lexopt::Arg::Value(v)) => {
                let v = v.to_string_lossy().to_string();
                return help_for(&v)
                    .map(show_help)
                    .unwrap_or_else(|| Err(Failure::Usage(format!("there is no command \"{v}\""))));
            }
            _ => show_help(help::MAIN),
        },
        _ => Err(Failure::Usage(format!("there is no command \"{verb}\""))),
    };
    match result {
        Err(Failure::Status(0)) => Ok(()),
        other => other,
    }
}

fn help_for(verb: &str) -> Option<&'static str> {
    Some(match verb {
        "catalog" => help::CATALOG,
        "profile" => help::PROFILE,
        "new" => help::NEW,
        "list" => help::LIST,
        "show" => help::SHOW,
        "answer" => help::ANSWER,
        "part2" => help::PART2,
        "declare" => help::DECLARE,
        "status" => help::STATUS,
        "rename" => help::RENAME,
        "delete" => help::DELETE,
        "restore" => help::RESTORE,
        "backup" => help::BACKUP,
        "backups" => help::BACKUPS,
        "restore-backup" => help::RESTORE_BACKUP,
        "continue-after-damage" => help::CONTINUE_AFTER_DAMAGE,
        "score" => help::SCORE,
        "check" => help::CHECK,
        "export" => help::EXPORT,
        "import" => help::IMPORT,
        "submit" => help::SUBMIT,
        "pdf" => help::PDF,
        "extract" => help::EXTRACT,
        "verify" => help::VERIFY,
        "collect" => help::COLLECT,
        "content" => help::CONTENT,
        "feedback" => help::FEEDBACK,
        "feedback-from-workbook" => help::FEEDBACK_FROM_WORKBOOK,
        "reminders" => help::REMINDERS,
        "requests" => help::REQUESTS,
        "reply" => help::REPLY,
        _ => return None,
    })
}
