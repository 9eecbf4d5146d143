//! Settings the app remembers (its language, the assessment last open, how the guideline is
//! shown): short keys and values, each row checked like every other.

use super::read;
use super::tx;
use super::Store;
use crate::error::{Error, Result};

/// The longest setting name: names are ours (`language`, `last_assessment`), never typed.
pub const MAX_KEY: usize = 64;
/// The longest setting value.
pub const MAX_VALUE: usize = 1000;

/// A setting's name: 1 to [`MAX_KEY`] ASCII letters, digits, `_`, `-` or `.`.
fn check_key(key: &str) -> Result<()> {
    let ok = !key.is_empty()
        && key.len() <= MAX_KEY
        && key.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            "setting name",
            format!("a setting's name is 1 to {MAX_KEY} letters, digits, \"_\", \"-\" or \".\"; nothing was saved."),
        ))
    }
}

impl Store {
    /// A stored setting (UI language, last open assessment).
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        check_key(key)?;
        read::setting(&self.conn, key).map_err(|e| self.seen(e))
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        check_key(key)?;
        crate::model::checks::text(key, value, MAX_VALUE)?;
        if self.setting(key)?.as_deref() == Some(value) {
            return Ok(()); // nothing changes: no write, no backup
        }
        self.write(|tx| tx::put_setting(tx, key, value))
    }
}
