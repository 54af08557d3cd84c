//! Stored first results are sealed with ChaCha20-Poly1305 (RFC 8439) under
//! a key derived from the idempotency key itself, which only its caller
//! holds: a reader of the database cannot recover what they carry (a new
//! client's secret, say).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::platform::errors::{DomainError, DomainResult};

fn cipher(tenant_id: Uuid, principal: &str, key: &str) -> ChaCha20Poly1305 {
    let mut hasher = Sha256::new();
    for part in ["silkport idempotency v1", &tenant_id.to_string(), principal, key] {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part.as_bytes());
    }
    let key: Key = hasher.finalize();
    ChaCha20Poly1305::new(&key)
}

pub(super) fn seal(tenant_id: Uuid, principal: &str, key: &str, plain: &[u8]) -> DomainResult<String> {
    let mut nonce = [0u8; 12];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let sealed = cipher(tenant_id, principal, key)
        .encrypt(&Nonce::from(nonce), plain)
        .map_err(|_| DomainError::Internal("sealing an idempotent result failed".into()))?;
    Ok(STANDARD.encode([nonce.as_slice(), &sealed].concat()))
}

pub(super) fn open(tenant_id: Uuid, principal: &str, key: &str, sealed: &str) -> DomainResult<Vec<u8>> {
    let bytes = STANDARD.decode(sealed).map_err(DomainError::internal)?;
    if bytes.len() < 12 {
        return Err(DomainError::Internal("sealed idempotent result too short".into()));
    }
    let (nonce, body) = bytes.split_at(12);
    let nonce: [u8; 12] = nonce.try_into().map_err(DomainError::internal)?;
    cipher(tenant_id, principal, key)
        .decrypt(&Nonce::from(nonce), body)
        .map_err(|_| DomainError::Internal("opening an idempotent result failed".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_same_key_opens_a_sealed_result() {
        let tenant = Uuid::now_v7();
        let sealed = seal(tenant, "u:1", "key-1", b"secret").expect("seal");
        assert!(!sealed.contains("secret"));
        assert_eq!(open(tenant, "u:1", "key-1", &sealed).expect("open"), b"secret");
        assert!(open(tenant, "u:1", "key-2", &sealed).is_err());
        assert!(open(tenant, "u:2", "key-1", &sealed).is_err());
        assert!(open(Uuid::now_v7(), "u:1", "key-1", &sealed).is_err());
    }
}
