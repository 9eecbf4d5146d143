//! Embeds every language's data files (`lang/<code>/<part>.json`) in the core, so that a new
//! language is a new folder of data files and needs no code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read when the script runs, not when it was compiled: a build directory shared between
    // checkouts (hard-linked copies) would otherwise embed another checkout's files.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("lang");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    let mut languages: Vec<_> = std::fs::read_dir(&root).expect("lang/ exists").flatten().map(|e| e.path()).collect();
    languages.sort();
    for dir in languages.into_iter().filter(|p| p.is_dir()) {
        println!("cargo:rerun-if-changed={}", dir.display());
        let code = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
            println!("cargo:rerun-if-changed={}", file.display());
            let part = file.file_stem().unwrap().to_string_lossy().into_owned();
            entries.push((code.clone(), part, file));
        }
    }
    let mut out = String::from("/// (language code, part, JSON text) of every file under `lang/`.\n");
    out.push_str("pub static LANGUAGE_FILES: &[(&str, &str, &str)] = &[\n");
    for (code, part, file) in entries {
        writeln!(out, "    ({code:?}, {part:?}, include_str!({:?})),", file.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("language_files.rs");
    std::fs::write(dest, out).unwrap();
}
