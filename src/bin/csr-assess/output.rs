//! Printing: JSON for scripts, plain text for people.

use std::io::Write;

use serde::Serialize;

/// Writes to standard output; when the reader has gone away (`csr-assess list | head`),
/// stops quietly instead of failing.
pub fn write_out(args: std::fmt::Arguments) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("csr-assess: cannot write the output: {e}");
        std::process::exit(1);
    }
}

/// `println!` that survives a closed pipe.
#[macro_export]
macro_rules! say {
    () => { $crate::output::write_out(format_args!("\n")) };
    ($($arg:tt)*) => { $crate::output::write_out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `print!` that survives a closed pipe.
#[macro_export]
macro_rules! say_raw {
    ($($arg:tt)*) => { $crate::output::write_out(format_args!($($arg)*)) };
}

/// Prints a value as pretty JSON on standard output.
pub fn json<T: Serialize + ?Sized>(value: &T) {
    crate::say!("{}", serde_json::to_string_pretty(value).expect("values serialize"));
}

/// "87%" or "–" when there is nothing to score.
pub fn percent(p: Option<u32>) -> String {
    p.map_or_else(|| "–".to_string(), |p| format!("{p}%"))
}

/// The first line of a text, shortened to `max` characters.
pub fn first_line(s: &str, max: usize) -> String {
    let line = s.lines().next().unwrap_or("").trim();
    if line.chars().count() > max {
        format!("{}…", line.chars().take(max - 1).collect::<String>())
    } else {
        line.to_string()
    }
}
