//! Identifiers and secrets made by the application.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// A new time-ordered id (UUID v7), so keys sort by creation and cursors
/// over them are stable.
pub fn new_id() -> Uuid {
    Uuid::now_v7()
}

/// A random secret of 32 bytes, URL-safe base64.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// How secrets are stored: SHA-256, hex. Random 256-bit secrets need no
/// slow hash; passwords do (see `identity::password`).
pub fn hash_secret(secret: &str) -> String {
    let digest = Sha256::digest(secret.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two secret hashes in constant time.
pub fn secret_hash_eq(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.as_bytes().ct_eq(b.as_bytes()).into()
}
