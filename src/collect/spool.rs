//! A temporary file holding each read submission's answer rows until the newest submission
//! of each supplier is known, so that memory does not grow with the number of files.

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};

use super::summary::AnswerRow;
use crate::error::{Error, Result};

/// Where one submission's rows are in the spool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    offset: u64,
    len: usize,
}

pub struct Spool {
    file: BufWriter<File>,
    end: u64,
}

fn spool_error(e: std::io::Error) -> Error {
    Error::io("write the temporary file of", std::env::temp_dir(), e)
}

impl Spool {
    /// A new spool in the system's temporary folder; the file is removed when it is dropped.
    pub fn new() -> Result<Spool> {
        let file = tempfile::tempfile().map_err(spool_error)?;
        Ok(Spool { file: BufWriter::new(file), end: 0 })
    }

    /// Stores rows; returns where they are.
    pub fn put(&mut self, rows: &[AnswerRow]) -> Result<Slot> {
        let bytes = serde_json::to_vec(rows).expect("rows serialize");
        self.file.write_all(&bytes).map_err(spool_error)?;
        let slot = Slot { offset: self.end, len: bytes.len() };
        self.end += bytes.len() as u64;
        Ok(slot)
    }

    /// Makes everything put readable.
    pub fn flush(&mut self) -> Result<()> {
        self.file.flush().map_err(spool_error)
    }

    /// The rows stored at `slot` (after [`Spool::flush`]).
    pub fn get(&self, slot: Slot) -> Result<Vec<AnswerRow>> {
        let mut file = self.file.get_ref();
        let mut bytes = vec![0; slot.len];
        file.seek(SeekFrom::Start(slot.offset)).and_then(|_| file.read_exact(&mut bytes)).map_err(spool_error)?;
        Ok(serde_json::from_slice(&bytes).expect("the spool holds what was put"))
    }
}
