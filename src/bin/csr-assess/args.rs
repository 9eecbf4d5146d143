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
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| {
            Failure::Core(csr_core::Error::Io { action: "read", path: "standard input".into(), source: e })
        })?;
    } else {
        bytes = std::fs::read(path)
            .map_err(|e| Failure::Core(csr_core::Error::Io { action: "read", path: path.into(), source: e }))?;
    }
    Ok(bytes)
}
