//! Our advice and its legal notes as a replaceable content file: the built-in content (the
//! files under `catalog/advice/`) or a newer one, signed, that the user opened or dropped
//! into the `content/` folder beside the database. A file is used only after its signature,
//! format and every entry are checked, and only when it is newer than the built-in content;
//! anything else is refused with the reason, and the advice in use stays as it was.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::guideline::Guideline;
use super::ours::{AdviceBook, LawNote};
use super::signature::{self, SignatureProblem};
use crate::clock;
use crate::error::{ContentProblem, Error, Result};

/// The `format` of a content file.
pub const FORMAT: &str = "nec-csr-advice-content";
/// The `format` of a signed content file (the envelope around it).
pub const SIGNED_FORMAT: &str = "nec-csr-advice-content-signed";
/// The newest content format this build reads.
pub const FORMAT_VERSION: u64 = 1;
/// The folder beside the database where content updates are kept (and may be dropped).
pub const FOLDER: &str = "content";
/// A content file is a few hundred kilobytes; anything far larger is not one.
const MAX_BYTES: usize = 16 * 1024 * 1024;

/// `catalog/advice/about.json`: the built-in content's header.
const ABOUT_JSON: &str = include_str!("../../catalog/advice/about.json");
/// The built-in advice, split by part of the guideline to keep each file reviewable.
const PARTS: [(&str, &str); 2] = [
    ("advice/groups-I-III.json", include_str!("../../catalog/advice/groups-I-III.json")),
    ("advice/groups-IV-VII-part2.json", include_str!("../../catalog/advice/groups-IV-VII-part2.json")),
];

/// A content file: which content it is, and the advice with its legal notes. The built-in
/// content is the same thing split over several files (`about.json` and the parts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Content {
    pub format: String,
    pub format_version: u64,
    /// Grows with every published content; a file is used only when its version is higher
    /// than the content in use.
    pub content_version: u64,
    /// The day the content was published, "YYYY-MM-DD".
    pub date: String,
    /// The guideline text the advice is written for (SHA-256, as in `guideline.json`).
    pub guideline_sha256: String,
    #[serde(default)]
    pub items: std::collections::BTreeMap<String, super::ours::AdviceEntry>,
    #[serde(default)]
    pub policies: std::collections::BTreeMap<String, super::ours::AdviceEntry>,
}

/// The signed envelope: the content's exact text and the signature over its bytes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signed {
    pub format: String,
    pub signature: SignatureField,
    /// The content file's text, exactly as signed.
    pub content: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureField {
    /// Always "ed25519".
    pub algorithm: String,
    /// The signing key's fingerprint (see `signature::fingerprint`).
    pub key: String,
    /// The signature, 128 hex digits.
    pub value: String,
}

impl Content {
    /// The advice it holds.
    pub fn book(&self) -> AdviceBook {
        AdviceBook { items: self.items.clone(), policies: self.policies.clone() }
    }

    /// Its version and date, and where it came from.
    pub fn info(&self, origin: Origin) -> ContentInfo {
        ContentInfo { version: self.content_version, date: self.date.clone(), origin }
    }

    /// The built-in content, assembled from `catalog/advice/`; checked by the test suite,
    /// so a failure is a build defect.
    pub fn built_in() -> std::result::Result<Content, String> {
        Content::assemble(
            ("catalog/advice/about.json", ABOUT_JSON),
            PARTS.iter().map(|(n, t)| (format!("catalog/{n}"), t.to_string())),
        )
    }

    /// A content folder as maintainers edit it (`catalog/advice/`): `about.json` (the header)
    /// and the other `.json` files, each holding some of the advice.
    pub fn from_folder(folder: &Path) -> std::result::Result<Content, String> {
        let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
        let about_path = folder.join("about.json");
        let about = read(&about_path)?;
        let mut parts = Vec::new();
        let mut names: Vec<PathBuf> = std::fs::read_dir(folder)
            .map_err(|e| format!("{}: {e}", folder.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json") && p.file_name().is_some_and(|n| n != "about.json"))
            .collect();
        names.sort();
        for p in names {
            parts.push((p.display().to_string(), read(&p)?));
        }
        Content::assemble((&about_path.display().to_string(), &about), parts.into_iter())
    }

    fn assemble(
        about: (&str, &str),
        parts: impl Iterator<Item = (String, String)>,
    ) -> std::result::Result<Content, String> {
        let mut content: Content = serde_json::from_str(about.1).map_err(|e| format!("{}: {e}", about.0))?;
        for (name, text) in parts {
            let (name, text) = (name.as_str(), text.as_str());
            let part: AdviceBook = serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))?;
            for (id, a) in part.items {
                if content.items.insert(id.clone(), a).is_some() {
                    return Err(format!("{name}: advice for {id} is given twice"));
                }
            }
            for (id, a) in part.policies {
                if content.policies.insert(id.clone(), a).is_some() {
                    return Err(format!("{name}: advice for policy {id} is given twice"));
                }
            }
        }
        Ok(content)
    }

    /// The content as one file's text (what `content build` writes and `content sign` signs).
    pub fn to_text(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("content serializes");
        text.push('\n');
        text
    }

    /// Every rule a usable content keeps: its format, and for the guideline it is read with,
    /// advice on every item and policy and nothing else, in English and Japanese, and every
    /// legal note complete and dated. The first fault, in words.
    pub fn check(&self, guideline: &Guideline) -> std::result::Result<(), String> {
        if self.format != FORMAT {
            return Err(format!(
                "its format is \"{}\", not \"{FORMAT}\"",
                self.format.chars().take(60).collect::<String>()
            ));
        }
        if clock::parse_date(&self.date).is_none() {
            return Err(format!("its date \"{}\" is not a date (YYYY-MM-DD)", self.date));
        }
        let items: Vec<&str> = guideline.groups.iter().flat_map(|g| g.items.iter().map(|i| i.id.as_str())).collect();
        let policies: Vec<&str> = guideline.part2.policies.iter().map(|p| p.id.as_str()).collect();
        for (kind, ids, given) in [("item", &items, &self.items), ("policy", &policies, &self.policies)] {
            if let Some(missing) = ids.iter().find(|id| !given.contains_key(**id)) {
                return Err(format!("it has no advice on {kind} {missing}"));
            }
            if let Some(extra) = given.keys().find(|id| !ids.contains(&id.as_str())) {
                return Err(format!("it has advice on {kind} {extra}, which the guideline does not have"));
            }
        }
        for (id, entry) in self.items.iter().chain(self.policies.iter()) {
            for lang in ["en", "ja"] {
                let advice =
                    entry.advice.exactly(lang).ok_or_else(|| format!("the advice on {id} has no \"{lang}\" text"))?;
                if advice.summary.trim().is_empty() || advice.steps.is_empty() || advice.evidence.is_empty() {
                    return Err(format!("the advice on {id} ({lang}) lacks a summary, steps or evidence"));
                }
            }
            for (i, note) in entry.law.iter().enumerate() {
                check_note(note).map_err(|e| format!("{id}, legal note {}: {e}", i + 1))?;
            }
            for (i, help) in entry.help.iter().enumerate() {
                check_help(help).map_err(|e| format!("{id}, help {}: {e}", i + 1))?;
            }
        }
        Ok(())
    }
}

/// The rules every legal note keeps: text and source in English and Japanese, a public
/// address, the month it was checked and a review day after it, at most a year later, and no
/// later than the day the rule takes effect or stops being current.
pub fn check_note(note: &LawNote) -> std::result::Result<(), String> {
    for lang in ["en", "ja"] {
        if note.text.exactly(lang).is_none_or(|t| t.trim().is_empty())
            || note.source.exactly(lang).is_none_or(|t| t.trim().is_empty())
        {
            return Err(format!("the rule or its source is missing in \"{lang}\""));
        }
    }
    if note.urls.is_empty() || !note.urls.iter().all(|u| u.starts_with("https://") && !u.contains(char::is_whitespace))
    {
        return Err("it needs at least one public address (https://…) where the rule can be read".into());
    }
    let checked =
        month_start(&note.as_of).ok_or_else(|| format!("as_of \"{}\" is not a month (YYYY-MM)", note.as_of))?;
    let review = clock::parse_date(&note.review_by)
        .ok_or_else(|| format!("review_by \"{}\" is not a date (YYYY-MM-DD)", note.review_by))?;
    let last = add_months(checked, 12);
    if review < checked || review >= last {
        return Err(format!(
            "review_by {} must fall after the month it was checked ({}) and within a year of it",
            note.review_by, note.as_of
        ));
    }
    for (name, date) in [
        ("effective_from", &note.effective_from),
        ("effective_by", &note.effective_by),
        ("effective_until", &note.effective_until),
    ] {
        let Some(text) = date else { continue };
        let day = clock::parse_date(text).ok_or_else(|| format!("{name} \"{text}\" is not a date (YYYY-MM-DD)"))?;
        // A date still ahead when the rule was checked (after its month) is when it must be
        // checked again.
        if day >= add_months(checked, 1) && review > day {
            return Err(format!("review_by {} is after {name} {text}: check the rule again by then", note.review_by));
        }
    }
    if let Some(t) = &note.threshold {
        if t.criteria.is_empty() {
            return Err("its threshold has no criterion".into());
        }
        for c in &t.criteria {
            if (c.min.is_none() && c.max.is_none())
                || c.min.unwrap_or(0.0) < 0.0
                || c.min.unwrap_or(0.0) > c.max.unwrap_or(f64::MAX)
            {
                return Err("a threshold criterion needs a range with 0 ≤ min ≤ max".into());
            }
        }
    }
    Ok(())
}

/// The rules every free-help entry keeps: name and offer in English and Japanese, a public
/// page, checked in a month and due for review within a year.
pub fn check_help(help: &super::ours::Help) -> std::result::Result<(), String> {
    for lang in ["en", "ja"] {
        if help.name.exactly(lang).is_none_or(|t| t.trim().is_empty())
            || help.what.exactly(lang).is_none_or(|t| t.trim().is_empty())
        {
            return Err(format!("its name or what it offers is missing in \"{lang}\""));
        }
    }
    if !help.url.starts_with("https://") {
        return Err("it needs its public page (https://…)".into());
    }
    let checked =
        month_start(&help.as_of).ok_or_else(|| format!("as_of \"{}\" is not a month (YYYY-MM)", help.as_of))?;
    let review =
        clock::parse_date(&help.review_by).ok_or_else(|| format!("review_by \"{}\" is not a date", help.review_by))?;
    if review < checked || review >= add_months(checked, 12) {
        return Err(format!("review_by {} must fall within a year of {}", help.review_by, help.as_of));
    }
    Ok(())
}

/// The first day of a month written "YYYY-MM".
fn month_start(month: &str) -> Option<time::Date> {
    clock::parse_date(&format!("{month}-01")).filter(|_| month.len() == 7)
}

/// The first day of the month `months` after `d`'s.
fn add_months(d: time::Date, months: u32) -> time::Date {
    let index = d.year() * 12 + (d.month() as i32 - 1) + months as i32;
    let month = time::Month::try_from((index % 12 + 1) as u8).expect("1..=12");
    time::Date::from_calendar_date(index / 12, month, 1).expect("the first of a month exists")
}

/// Where the content in use came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Origin {
    /// Built into this program.
    BuiltIn,
    /// A signed file in the content folder.
    File { path: PathBuf },
}

/// Which content is in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentInfo {
    pub version: u64,
    pub date: String,
    pub origin: Origin,
}

/// A file of the content folder that was not used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refused {
    pub path: PathBuf,
    /// The kind of problem, as the error kinds name it (`content_tampered`, …).
    pub kind: &'static str,
    pub message: String,
}

/// What the app chose at start: the content in use, and the files it passed over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentStatus {
    pub in_use: ContentInfo,
    pub refused: Vec<Refused>,
}

/// The content folder beside a database file.
pub fn folder_beside(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join(FOLDER)
}

fn refuse(file: &Path, problem: ContentProblem, detail: impl Into<String>) -> Error {
    Error::Content { file: file.to_path_buf(), problem, detail: detail.into() }
}

/// Reads a signed content file's bytes and checks everything but its version against the
/// one in use: the envelope, the signature by a trusted key, the content's format and every
/// entry against `guideline`. `file` names it in the messages.
pub fn open_signed(bytes: &[u8], file: &Path, guideline: &Guideline) -> Result<Content> {
    use ContentProblem as P;
    if bytes.len() > MAX_BYTES {
        return Err(refuse(
            file,
            P::Damaged,
            format!("it is {} MB, far larger than a content file", bytes.len() / (1024 * 1024)),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| refuse(file, P::Damaged, "it is not a text file (UTF-8)"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let envelope: serde_json::Value =
        serde_json::from_str(text).map_err(|e| refuse(file, P::Damaged, format!("it is not readable JSON ({e})")))?;
    match envelope.get("format").and_then(|f| f.as_str()) {
        Some(SIGNED_FORMAT) => {}
        Some(FORMAT) => {
            return Err(refuse(file, P::Untrusted, "it is an unsigned content file; only a signed one can be used"))
        }
        _ => {
            return Err(refuse(
                file,
                P::Damaged,
                "it is not a content file of this app (no \"format\": \"nec-csr-advice-content-signed\")",
            ))
        }
    }
    let signed: Signed = serde_json::from_value(envelope)
        .map_err(|e| refuse(file, P::Damaged, format!("its envelope is not as expected ({e})")))?;
    if signed.signature.algorithm != "ed25519" {
        return Err(refuse(
            file,
            P::Untrusted,
            format!(
                "it is signed with \"{}\", not ed25519",
                signed.signature.algorithm.chars().take(30).collect::<String>()
            ),
        ));
    }
    match signature::verify(signed.content.as_bytes(), &signed.signature.key, &signed.signature.value) {
        Ok(_) => {}
        Err(SignatureProblem::UnknownKey { fingerprint }) => {
            return Err(refuse(
                file,
                P::Untrusted,
                format!("it is signed with a key this app does not trust ({fingerprint})"),
            ))
        }
        Err(SignatureProblem::Mismatch) => {
            return Err(refuse(
                file,
                P::Tampered,
                "its signature does not match its content: it was changed after it was signed",
            ))
        }
    }
    // Signed by us: from here a fault is ours, but the file is still not used.
    let head: serde_json::Value = serde_json::from_str(&signed.content)
        .map_err(|e| refuse(file, P::Damaged, format!("its content is not readable JSON ({e})")))?;
    let version = head.get("format_version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > FORMAT_VERSION {
        return Err(refuse(file, P::Incompatible, format!("it was made for a newer version of the app (content format {version}; this version reads up to {FORMAT_VERSION}). Install the newest version of the app, which brings this advice too")));
    }
    if head.get("guideline_sha256").and_then(|v| v.as_str()) != Some(guideline.guideline.source_sha256.as_str()) {
        return Err(refuse(
            file,
            P::Incompatible,
            "it was written for another edition of the guideline than this app's",
        ));
    }
    let content: Content = serde_json::from_value(head)
        .map_err(|e| refuse(file, P::Damaged, format!("its content is not as expected ({e})")))?;
    content.check(guideline).map_err(|e| refuse(file, P::Damaged, format!("its content is incomplete: {e}")))?;
    Ok(content)
}

/// Reads a file the user named, at most a little more than a content file may be (so an
/// endless or huge file is refused without being read whole).
pub fn read_limited(path: &Path) -> Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| Error::io("open", path, e))?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(|e| Error::io("read", path, e))?;
    Ok(bytes)
}

/// Makes the signed file's text for `content` (for maintainers: `csr-assess content sign`).
pub fn seal(content: &Content, key: &ed25519_dalek::SigningKey) -> String {
    let text = content.to_text();
    let (fingerprint, value) = signature::sign(key, text.as_bytes());
    let signed = Signed {
        format: SIGNED_FORMAT.into(),
        signature: SignatureField { algorithm: "ed25519".into(), key: fingerprint, value },
        content: text,
    };
    let mut out = serde_json::to_string_pretty(&signed).expect("the envelope serializes");
    out.push('\n');
    out
}

/// The newest usable content in `folder` that is newer than `built_in`, with the files passed
/// over (refused, or not newer). A missing folder is simply empty.
pub fn scan(folder: &Path, built_in: &Content, guideline: &Guideline) -> (Option<(Content, PathBuf)>, Vec<Refused>) {
    let mut best: Option<(Content, PathBuf)> = None;
    let mut refused = Vec::new();
    let Ok(entries) = std::fs::read_dir(folder) else { return (None, refused) };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("json")))
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    files.sort();
    for path in files {
        let opened = read_limited(&path).and_then(|bytes| open_signed(&bytes, &path, guideline));
        match opened {
            Ok(c) if c.content_version <= built_in.content_version => {
                // A file this program's own content has overtaken: an update, not a fault.
                let older = older_error(&path, &c, built_in);
                refused.push(Refused { path: path.clone(), kind: older.kind().as_str(), message: older.to_string() });
            }
            Ok(c) => {
                if best.as_ref().is_none_or(|(b, _)| c.content_version > b.content_version) {
                    best = Some((c, path));
                }
            }
            Err(e) => refused.push(Refused { path: path.clone(), kind: e.kind().as_str(), message: e.to_string() }),
        }
    }
    (best, refused)
}

fn older_error(path: &Path, c: &Content, in_use: &Content) -> Error {
    Error::Content {
        file: path.to_path_buf(),
        problem: ContentProblem::Older,
        detail: format!(
            "it holds advice version {} ({}), and the advice in use is version {} ({}), which is as new or newer",
            c.content_version, c.date, in_use.content_version, in_use.date
        ),
    }
}

/// Refuses `candidate` unless it is newer than `in_use`.
pub fn require_newer(candidate: &Content, in_use_version: u64, in_use_date: &str, file: &Path) -> Result<()> {
    if candidate.content_version > in_use_version {
        return Ok(());
    }
    let detail = if candidate.content_version == in_use_version {
        format!("it holds advice version {} ({}), which is already in use", candidate.content_version, candidate.date)
    } else {
        format!(
            "it holds advice version {} ({}), older than the version in use, {} ({})",
            candidate.content_version, candidate.date, in_use_version, in_use_date
        )
    };
    Err(refuse(file, ContentProblem::Older, detail))
}

/// Legal notes due for review on `today`, for the release check: "ITEM, legal note N:
/// review by DATE" for each, empty when none is.
pub fn notes_due(book: &AdviceBook, today: time::Date) -> Vec<String> {
    let mut due = Vec::new();
    for (id, entry) in book.entries() {
        for (i, note) in entry.law.iter().enumerate() {
            if note.is_stale(today) {
                due.push(format!(
                    "{id}, legal note {}: review by {} (checked {}; {})",
                    i + 1,
                    note.review_by,
                    note.as_of,
                    note.source.english()
                ));
            }
        }
        for help in &entry.help {
            if clock::parse_date(&help.review_by).is_none_or(|d| today > d) {
                due.push(format!(
                    "{id}, free help \"{}\": review by {} ({})",
                    help.name.english(),
                    help.review_by,
                    help.url
                ));
            }
        }
    }
    due
}
