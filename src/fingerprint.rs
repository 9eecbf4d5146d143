//! The fingerprint the app gives data: SHA-256 in lowercase hex. The PDF prints it for its
//! attached data, feedback files are named by it, reminders derive stable ids from it.

use sha2::{Digest, Sha256};

/// SHA-256 of `bytes`, as 64 lowercase hex digits (without a `format!` per byte: `collect`
/// fingerprints thousands of files).
pub fn sha256_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}
