//! The signature on a content update: Ed25519 over the exact bytes of the content, by a key
//! whose public half the app carries. Release builds trust the keys in
//! `catalog/keys/release.json`; debug builds (tests, development) also trust the test key of
//! `catalog/keys/test.json`, whose private half is committed for the tests and so proves
//! nothing: no release build accepts it.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::Deserialize;
use sha2::{Digest, Sha256};

const RELEASE_KEYS: &str = include_str!("../../catalog/keys/release.json");
const TEST_KEYS: &str = include_str!("../../catalog/keys/test.json");

/// A public key the app trusts, as committed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyEntry {
    /// Who holds the private half and since when (for people; the app names keys by
    /// fingerprint).
    #[allow(dead_code)]
    holder: String,
    /// The public key, 64 hex digits.
    public_key: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    #[allow(dead_code)]
    #[serde(rename = "$comment", default)]
    comment: String,
    keys: Vec<KeyEntry>,
}

/// A key the app trusts: its fingerprint and the key.
#[derive(Debug, Clone)]
pub struct TrustedKey {
    pub fingerprint: String,
    pub key: VerifyingKey,
    /// Trusted only because this is a debug build.
    pub test_only: bool,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let text = text.trim();
    if text.len() != 2 * N || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

/// A key's fingerprint: the first 16 hex digits of the SHA-256 of the public key.
pub fn fingerprint(key: &VerifyingKey) -> String {
    hex(&Sha256::digest(key.as_bytes()))[..16].to_string()
}

fn parse_keys(text: &str, test_only: bool) -> Vec<TrustedKey> {
    let file: KeyFile = serde_json::from_str(text).expect("catalog/keys/*.json is valid (tests/content.rs)");
    file.keys
        .iter()
        .map(|k| {
            let bytes = unhex::<32>(&k.public_key).expect("a committed public key is 64 hex digits");
            let key = VerifyingKey::from_bytes(&bytes).expect("a committed public key is a valid Ed25519 key");
            TrustedKey { fingerprint: fingerprint(&key), key, test_only }
        })
        .collect()
}

/// The keys this build trusts: the release keys, and in a debug build the test key.
pub fn trusted_keys() -> Vec<TrustedKey> {
    let mut keys = parse_keys(RELEASE_KEYS, false);
    if cfg!(debug_assertions) {
        keys.extend(parse_keys(TEST_KEYS, true));
    }
    keys
}

/// The release keys alone (what a release build trusts).
pub fn release_keys() -> Vec<TrustedKey> {
    parse_keys(RELEASE_KEYS, false)
}

/// Why a signature was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureProblem {
    /// Signed by a key this app does not trust (or the key field is not a fingerprint).
    UnknownKey { fingerprint: String },
    /// The key is trusted but the signature does not match the content: the content was
    /// changed after signing, or the signature is damaged.
    Mismatch,
}

/// Checks `signature` (128 hex digits) by the key `fingerprint` over `content`.
pub fn verify(content: &[u8], fingerprint: &str, signature: &str) -> Result<TrustedKey, SignatureProblem> {
    let key = trusted_keys()
        .into_iter()
        .find(|k| k.fingerprint == fingerprint.trim())
        .ok_or_else(|| SignatureProblem::UnknownKey { fingerprint: fingerprint.chars().take(64).collect() })?;
    let bytes = unhex::<64>(signature).ok_or(SignatureProblem::Mismatch)?;
    key.key.verify(content, &Signature::from_bytes(&bytes)).map_err(|_| SignatureProblem::Mismatch)?;
    Ok(key)
}

/// A private key read from a key file: 64 hex digits (the 32-byte seed), alone on a line.
pub fn signing_key(seed_hex: &str) -> Option<SigningKey> {
    let line = seed_hex.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#'))?;
    unhex::<32>(line).map(|seed| SigningKey::from_bytes(&seed))
}

/// Signs `content`: (the key's fingerprint, the signature in hex).
pub fn sign(key: &SigningKey, content: &[u8]) -> (String, String) {
    (fingerprint(&key.verifying_key()), hex(&key.sign(content).to_bytes()))
}

/// A new key pair from the operating system's random numbers: (the private key file's
/// text, the public key in hex).
pub fn generate() -> std::io::Result<(String, String)> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| std::io::Error::other(e.to_string()))?;
    let key = SigningKey::from_bytes(&seed);
    let public = hex(key.verifying_key().as_bytes());
    let private = format!(
        "# Ed25519 private key for signing advice content of CSR Self-Assessment.\n# Keep it secret and offline; its public half is {public}.\n{}\n",
        hex(&seed)
    );
    Ok((private, public))
}

/// The public half of a private key, in hex.
pub fn public_hex(key: &SigningKey) -> String {
    hex(key.verifying_key().as_bytes())
}
