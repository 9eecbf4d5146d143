//! Small helpers on top of lexopt for the verbs' options.

use std::ffi::OsString;

use crate::Failure;

/// An option's value as UTF-8 text.
pub fn text(value: OsString, option: &str) -> Result<String, Failure> {
    value.into_string().map_err(|_| Failure::Usage(format!("the value of {option} is not valid text (UTF-8)")))
}

/// A yes/no option value.
pub fn yes_no(value: &str, option: &str) -> Result<bool, Failure> {
    match value {
        "yes" | "true" | "y" | "1" => Ok(true),
        "no" | "false" | "n" | "0" => Ok(false),
        _ => Err(Failure::Usage(format!("{option} takes yes or no, not \"{value}\""))),
    }
}

/// A whole-number id.
pub fn id(value: &str, what: &str) -> Result<i64, Failure> {
    value
        .parse()
        .map_err(|_| Failure::Usage(format!("{what} must be a number (see `csr-assess list`), not \"{value}\"")))
}

/// Reads a file named on the command line, or standard input for "-".
pub fn read_input(path: &str) -> Result<Vec<u8>, Failure> {
    use std::io::Read;
    // More than any input we accept (a PDF carries at most a 16 MB attachment), so the
    // checks still refuse a larger file, without reading all of an endless one
    // (`import /dev/zero`) into memory.
    let limit = 4 * csr_core::interchange::MAX_BYTES as u64;
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|e| {
        let shown = if path == "-" { "standard input" } else { path };
        Failure::Core(csr_core::Error::Io { action: "read", path: shown.into(), source: e })
    })?;
    Ok(bytes)
}

/// `--lang CODE`: a language the app speaks (`en`, `ja`); another code is a usage mistake
/// that names the known ones.
pub fn lang(value: std::ffi::OsString) -> Result<csr_core::lang::Lang, Failure> {
    let code = text(value, "--lang")?;
    csr_core::lang::Lang::parse(&code).map_err(|e| Failure::Usage(format!("--lang: {e}")))
}
