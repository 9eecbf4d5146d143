//! `content`: the advice and legal notes in use, installing a signed update, the release
//! check of their review dates, and (for maintainers) building, signing and key making.

use std::path::{Path, PathBuf};

use csr_core::catalog::{content, signature, Content, Origin};
use csr_core::{clock, Catalog};
use lexopt::prelude::*;

use super::{show_help, Context};
use crate::args::text;
use crate::{help, output, Failure, Outcome};

pub fn run(ctx: &mut Context) -> Outcome {
    let what = match ctx.parser.next()? {
        Some(Value(v)) => text(v, "the content command")?,
        Some(Short('h') | Long("help")) | None => return show_help(help::CONTENT),
        Some(other) => return Err(other.unexpected().into()),
    };
    match what.as_str() {
        "show" => show(ctx),
        "install" => install(ctx),
        "check" => check(ctx),
        "build" => build(ctx),
        "sign" => sign(ctx),
        "keygen" => keygen(ctx),
        other => Err(Failure::Usage(format!("there is no content command \"{other}\"\n\n{}", help::CONTENT))),
    }
}

/// `--today YYYY-MM-DD` (for trying a date), else today.
fn today(value: Option<String>) -> Result<time::Date, Failure> {
    let day = value.unwrap_or_else(clock::today_text);
    clock::parse_date(&day).ok_or_else(|| Failure::Usage(format!("--today takes a date YYYY-MM-DD, not \"{day}\"")))
}

fn origin(o: &Origin) -> String {
    match o {
        Origin::BuiltIn => "built into this program".into(),
        Origin::File { path } => format!("from {}", path.display()),
    }
}

fn show(ctx: &mut Context) -> Outcome {
    let (mut json, mut day) = (false, None);
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Long("json") => json = true,
            Long("today") => day = Some(text(ctx.parser.value()?, "--today")?),
            Short('h') | Long("help") => return show_help(help::CONTENT),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let today = today(day)?;
    let status = Catalog::status();
    let catalog = Catalog::get();
    let due = content::notes_due(&catalog.advice, today);
    let notes: usize = catalog.advice.entries().map(|(_, e)| e.law.len()).sum();
    if json {
        output::json(
            &serde_json::json!({ "in_use": status.in_use, "refused": status.refused, "notes": notes, "due_for_review": due }),
        );
        return Ok(());
    }
    crate::say!(
        "Advice content in use: version {} of {} ({}).",
        status.in_use.version,
        status.in_use.date,
        origin(&status.in_use.origin)
    );
    for r in &status.refused {
        crate::say!("{}", r.message);
    }
    if due.is_empty() {
        crate::say!("{notes} legal notes, none due for review on {}.", clock::format_date(today));
    } else {
        crate::say!("{} of {notes} legal notes are due for review on {}: the rule may have changed; check the source before relying on it.", due.len(), clock::format_date(today));
        for d in &due {
            crate::say!("  {d}");
        }
    }
    Ok(())
}

fn install(ctx: &mut Context) -> Outcome {
    let file = ctx.positional("the content file to install", help::CONTENT)?;
    ctx.json_flag(help::CONTENT)?;
    let folder = content::folder_beside(&ctx.db()?);
    let status = Catalog::install(Path::new(&file), &folder)?;
    crate::say!(
        "Installed advice content version {} of {} ({}); the app uses it from its next start.",
        status.in_use.version,
        status.in_use.date,
        origin(&status.in_use.origin)
    );
    Ok(())
}

/// Checks a content (the built-in one, a maintainer's folder or a signed file) and, with
/// `--release`, refuses it when a legal note is due for review or no release key is
/// committed: what the release workflow runs before it builds.
fn check(ctx: &mut Context) -> Outcome {
    let (mut release, mut day, mut source) = (false, None, None::<PathBuf>);
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Long("release") => release = true,
            Long("today") => day = Some(text(ctx.parser.value()?, "--today")?),
            Value(v) => source = Some(PathBuf::from(v)),
            Short('h') | Long("help") => return show_help(help::CONTENT),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let today = today(day)?;
    let guideline = &Catalog::get().guideline;
    let checked = match &source {
        None => Content::built_in().map_err(|e| fail(&e))?,
        Some(p) if p.is_dir() => Content::from_folder(p).map_err(|e| fail(&format!("{}: {e}", p.display())))?,
        Some(p) => content::open_signed(&content::read_limited(p)?, p, guideline)?,
    };
    checked.check(guideline).map_err(|e| fail(&format!("the content is not usable: {e}")))?;
    let due = content::notes_due(&checked.book(), today);
    let notes: usize = checked.book().entries().map(|(_, e)| e.law.len()).sum();
    crate::say!(
        "Advice content version {} of {}: {notes} legal notes, complete and dated.",
        checked.content_version,
        checked.date
    );
    if !due.is_empty() {
        crate::say!("Due for review on {}:", clock::format_date(today));
        for d in &due {
            crate::say!("  {d}");
        }
    }
    if !release {
        return Ok(());
    }
    let mut refused = Vec::new();
    if !due.is_empty() {
        refused.push(format!(
            "{} legal notes are past their review date. Check each rule against its source, update the note (as_of, review_by), raise content_version in catalog/advice/about.json, and run this check again.",
            due.len()
        ));
    }
    if signature::release_keys().is_empty() {
        refused.push("no release key is committed in catalog/keys/release.json, so this release could never accept an advice update. Make one with `csr-assess content keygen --output <file kept offline>` and add its public half (README.md, \"Updating the advice\").".into());
    }
    if refused.is_empty() {
        crate::say!("Release check passed on {}.", clock::format_date(today));
        Ok(())
    } else {
        Err(fail(&format!("no release: {}", refused.join(" Also, "))))
    }
}

fn fail(message: &str) -> Failure {
    Failure::Core(csr_core::Error::Invalid { field: "content".into(), message: message.into() })
}

/// Options `--output FILE` and `--key FILE`, with one positional argument.
fn maintainer_args(
    ctx: &mut Context,
    positional: bool,
) -> Result<(Option<PathBuf>, Option<PathBuf>, Option<PathBuf>), Failure> {
    let (mut out, mut key, mut source) = (None, None, None);
    while let Some(arg) = ctx.parser.next()? {
        match arg {
            Short('o') | Long("output") => out = Some(PathBuf::from(ctx.parser.value()?)),
            Long("key") => key = Some(PathBuf::from(ctx.parser.value()?)),
            Value(v) if positional && source.is_none() => source = Some(PathBuf::from(v)),
            Short('h') | Long("help") => {
                crate::say_raw!("{}", help::CONTENT);
                return Err(Failure::Status(0));
            }
            _ => return Err(arg.unexpected().into()),
        }
    }
    Ok((out, key, source))
}

/// The content in `source`: a folder as `catalog/advice/`, or one content file.
fn read_source(source: &Path) -> Result<Content, Failure> {
    let content = if source.is_dir() {
        Content::from_folder(source).map_err(|e| fail(&e))?
    } else {
        let bytes = content::read_limited(source)?;
        serde_json::from_slice(&bytes).map_err(|e| fail(&format!("{} is not a content file: {e}", source.display())))?
    };
    content.check(&Catalog::get().guideline).map_err(|e| fail(&format!("{} is not usable: {e}", source.display())))?;
    Ok(content)
}

fn write(out: &Path, text: &str) -> Outcome {
    csr_core::write_atomic(out, text.as_bytes())?;
    eprintln!("Wrote {}.", out.display());
    Ok(())
}

fn build(ctx: &mut Context) -> Outcome {
    let (out, _, source) = maintainer_args(ctx, true)?;
    let source = source.ok_or_else(|| Failure::Usage(format!("the content folder is missing\n\n{}", help::CONTENT)))?;
    let out = out.ok_or_else(|| Failure::Usage("--output FILE is missing".into()))?;
    write(&out, &read_source(&source)?.to_text())
}

fn sign(ctx: &mut Context) -> Outcome {
    let (out, key, source) = maintainer_args(ctx, true)?;
    let source =
        source.ok_or_else(|| Failure::Usage(format!("the content to sign is missing\n\n{}", help::CONTENT)))?;
    let (out, key) = match (out, key) {
        (Some(o), Some(k)) => (o, k),
        _ => return Err(Failure::Usage("content sign needs --key FILE and --output FILE".into())),
    };
    let key_text = std::fs::read_to_string(&key).map_err(|e| csr_core::Error::Io {
        action: "read",
        path: key.clone(),
        source: e,
    })?;
    let key = signature::signing_key(&key_text)
        .ok_or_else(|| fail(&format!("{} holds no private key (64 hex digits)", key.display())))?;
    let content = read_source(&source)?;
    let trusted = signature::release_keys().iter().any(|k| k.key == key.verifying_key());
    if !trusted {
        eprintln!(
            "Note: the key {} is not among the release keys (catalog/keys/release.json); release builds will refuse this file.",
            signature::fingerprint(&key.verifying_key())
        );
    }
    write(&out, &content::seal(&content, &key))
}

/// Writes a private key into a new file that only its owner may read.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

fn keygen(ctx: &mut Context) -> Outcome {
    let (out, _, _) = maintainer_args(ctx, false)?;
    let out = out.ok_or_else(|| Failure::Usage("--output FILE (where to keep the private key) is missing".into()))?;
    if out.exists() {
        return Err(fail(&format!("{} exists; a key file is never overwritten", out.display())));
    }
    let (private, public) =
        signature::generate().map_err(|e| csr_core::Error::Io { action: "make", path: out.clone(), source: e })?;
    write_private(&out, &private).map_err(|e| csr_core::Error::Io { action: "write", path: out.clone(), source: e })?;
    eprintln!("Wrote {} (readable by you only).", out.display());
    crate::say!("Public key: {public}");
    crate::say!("Add it to catalog/keys/release.json as {{\"holder\": \"<who keeps the private key>\", \"public_key\": \"{public}\"}}, and keep {} offline.", out.display());
    Ok(())
}
