//! The core's floors, as a test (the rules are written out in src/lib.rs's opening comment):
//! each module of src/ is on a floor, and a module may use only what is on its own floor or
//! below, minus the exceptions named here. It reads the `crate::<module>` paths of every
//! source file (in `use` lines and in code), so a new import that runs up a floor fails here
//! with the file and the line that made it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The floors, lowest first. A module not listed here fails the test: say where it lives.
const FLOORS: &[(&str, &[&str])] = &[
    // Errors, time, the catalog, the findings of a check, languages, file writing: they know
    // nothing of the app above them.
    ("ground", &["error", "clock", "catalog", "findings", "fingerprint", "lang", "files"]),
    // What a supplier's data is and what follows from it: pure, no storage, no rendering.
    ("rules", &["model", "applicability", "scoring", "readiness", "changes", "mail", "contract"]),
    // Where data goes and how it travels: the database and the interchange file.
    ("storage", &["store", "interchange", "feedback"]),
    // What people read: the PDF, and NEC's workbook of received submissions.
    ("renderings", &["pdf", "collect", "reminders"]),
    // The steps users take, each once: the only place that puts the rest together.
    ("use cases", &["usecase"]),
];

/// Imports the floors would allow but the design forbids: (module, modules it must not use).
const FORBIDDEN: &[(&str, &[&str])] = &[
    // The store keeps what it is given; scoring and checking are the rules' (the use cases'
    // to call), so a change to the score can never change what is stored.
    ("store", &["scoring", "readiness", "changes", "interchange"]),
    // The file formats know no database.
    ("interchange", &["store"]),
    ("feedback", &["store"]),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The module a file of src/ belongs to ("store" for src/store/open.rs, "clock" for src/clock.rs),
/// or `None` for the crate root and the command line (which use the crate from outside).
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src()).ok()?;
    let first = rel.components().next()?.as_os_str().to_string_lossy().into_owned();
    if first == "bin" || first == "lib.rs" {
        return None;
    }
    Some(first.trim_end_matches(".rs").to_string())
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every `crate::<module>` a file names outside comments, with its line number, including
/// those in a braced `use crate::{a, b::c}`.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_braces = false;
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            if let Some(inner) = after.strip_prefix('{') {
                in_braces = true;
                rest = inner;
                continue;
            }
            let name: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                out.push((n + 1, name));
            }
            rest = after;
        }
        if in_braces {
            // The names of a braced list, on this line and the next ones until it closes.
            let list = code.rsplit("crate::{").next().unwrap_or(code);
            for part in list.split([',', '{', '}']) {
                let name: String = part.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() && name != "self" && !name.chars().next().unwrap().is_uppercase() {
                    out.push((n + 1, name));
                }
            }
            if code.contains("};") || code.trim_end().ends_with("};") {
                in_braces = false;
            }
        }
    }
    out
}

#[test]
fn no_module_uses_a_floor_above_its_own() {
    let floor: BTreeMap<&str, usize> =
        FLOORS.iter().enumerate().flat_map(|(i, (_, modules))| modules.iter().map(move |m| (*m, i))).collect();
    let mut all = Vec::new();
    files(&src(), &mut all);
    let mut broken = Vec::new();
    for file in &all {
        let Some(module) = module_of(file) else { continue };
        let Some(&mine) = floor.get(module.as_str()) else {
            broken.push(format!("{}: the module `{module}` is on no floor; add it to FLOORS", file.display()));
            continue;
        };
        let forbidden = FORBIDDEN.iter().find(|(m, _)| *m == module).map_or(&[][..], |(_, f)| *f);
        let text = std::fs::read_to_string(file).unwrap();
        for (line, used) in crate_paths(&text) {
            if used == module {
                continue;
            }
            // Crate-root items (`crate::Error`, `crate::write_atomic`) are the ground's re-exports.
            let Some(&theirs) = floor.get(used.as_str()) else { continue };
            if theirs > mine || forbidden.contains(&used.as_str()) {
                broken.push(format!(
                    "{}:{line}: `{module}` ({}) uses `{used}` ({})",
                    file.strip_prefix(src()).unwrap().display(),
                    FLOORS[mine].0,
                    FLOORS[theirs].0
                ));
            }
        }
    }
    assert!(broken.is_empty(), "imports that run up a floor (see src/lib.rs):\n{}", broken.join("\n"));
}

/// Below the use cases, nothing reads the catalog as a global: it is a parameter, read once
/// at the edge (the CLI's main, the shell's state) and handed down.
#[test]
fn the_catalog_is_a_parameter_below_the_use_cases() {
    let mut all = Vec::new();
    files(&src(), &mut all);
    let mut found = Vec::new();
    for file in &all {
        let Some(module) = module_of(file) else { continue };
        if module == "usecase" || module == "catalog" {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        // Unit tests may use the built-in catalog; the code under them may not.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            if line.split("//").next().unwrap_or("").contains("Catalog::get()") {
                found.push(format!("{}:{}", file.strip_prefix(src()).unwrap().display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "Catalog::get() below the use cases:\n{}", found.join("\n"));
}

/// Only the language data's own module decides anything on a language code.
#[test]
fn no_language_is_decided_by_its_code_outside_the_language_data() {
    let mut all = Vec::new();
    files(&src(), &mut all);
    let mut found = Vec::new();
    for file in &all {
        if module_of(file).as_deref() == Some("lang") {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let line = line.split("//").next().unwrap_or("");
            if line.contains("== \"ja\"") || line.contains("== \"en\"") || line.contains("\"ja\" =>") {
                found.push(format!("{}:{}: {}", file.strip_prefix(src()).unwrap().display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "a language decided by its code (use the language's data):\n{}", found.join("\n"));
}

#[test]
fn the_scan_sees_braced_and_inline_paths() {
    let text = "use crate::{catalog::Catalog, store::Store};\nfn f() { crate::pdf::unprintable(\"x\"); }\n// crate::usecase in a comment\n";
    let names: Vec<String> = crate_paths(text).into_iter().map(|(_, n)| n).collect();
    assert!(names.contains(&"catalog".to_string()) && names.contains(&"store".to_string()), "{names:?}");
    assert!(names.contains(&"pdf".to_string()));
    assert!(!names.contains(&"usecase".to_string()), "comments are not imports");
}
