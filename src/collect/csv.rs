//! Writes the tables as CSV files (RFC 4180, UTF-8 with a byte-order mark so that Excel
//! reads Japanese correctly, CRLF line ends): `<name>-submissions.csv`, `-needs-look.csv`,
//! `-ratings.csv`, `-answers.csv` and `-failures.csv` beside the name given.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::sheets::{Cell, Sink, Table, Tables};
use crate::error::{Error, Result};

struct CsvSink<W: Write> {
    out: W,
}

/// A text cell as CSV: quoted when needed; text that a spreadsheet would take for a formula
/// (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe, since the
/// text comes from suppliers' files.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

impl<W: Write> CsvSink<W> {
    fn line(&mut self, fields: impl Iterator<Item = String>) -> std::io::Result<()> {
        let line: Vec<String> = fields.collect();
        self.out.write_all(line.join(",").as_bytes())?;
        self.out.write_all(b"\r\n")
    }
}

impl<W: Write> Sink for CsvSink<W> {
    fn row(&mut self, cells: &[Cell]) -> Result<()> {
        let fields = cells.iter().map(|c| match c {
            Cell::Text(s) => field(s),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => crate::clock::format_date(*d),
            // ISO 8601, which spreadsheets read as a date and time.
            Cell::DateTime(t) => format!("{} {:02}:{:02}:{:02}", crate::clock::format_date(t.date()), t.hour(), t.minute(), t.second()),
            Cell::Empty => String::new(),
        });
        self.line(fields).map_err(|e| Error::io("write", "a CSV file", e))
    }
}

/// The file of one table: `<stem>-<suffix>.csv` beside `path`.
fn file_for(path: &Path, table: Table) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    path.with_file_name(format!("{stem}-{}.csv", table.file_suffix()))
}

/// Writes the CSV files; each replaces an older one only once it is complete.
pub fn write(tables: &Tables, path: &Path) -> Result<Vec<PathBuf>> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut written = Vec::new();
    for table in Table::ALL {
        let target = file_for(path, table);
        let io = |e| Error::io("write", &target, e);
        let tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        let mut sink = CsvSink { out: BufWriter::new(tmp.as_file()) };
        sink.out.write_all(b"\xEF\xBB\xBF").map_err(io)?;
        sink.line(tables.headings(table).iter().map(|h| field(h))).map_err(io)?;
        tables.rows(table, &mut sink)?;
        sink.out.flush().map_err(io)?;
        drop(sink);
        tmp.persist(&target).map_err(|e| Error::io("write", &target, e.error))?;
        written.push(target);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn quotes_and_defuses_formulas() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("二行\n目"), "\"二行\n目\"");
    }
}
