//! Ed25519 signing keys in a folder of PKCS#8 PEM files. The last file by
//! name signs; every file is published in the JWKS, so rotating is adding a
//! newer file (`silkport keys rotate`) and, once old tokens expired,
//! removing the old one. `kid` is the RFC 7638 thumbprint of the key.
//!
//! New keys are written as RFC 8410 §7 has them (PKCS#8 v1, the private
//! key alone), the form `openssl genpkey -algorithm ed25519` writes and
//! OpenSSL 3.0 and Python `cryptography` read. Keys written before carry
//! their public key too (PKCS#8 v2, RFC 5958), which those two refuse: they
//! still load, with a warning to rotate them out.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::SigningKey;
use ed25519_dalek::pkcs8::{DecodePrivateKey, EncodePrivateKey, KeypairBytes, spki::der::pem::LineEnding};
use jsonwebtoken::{DecodingKey, EncodingKey};
use rand::RngCore;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("reading signing keys in {0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("signing key {0} is not an Ed25519 PKCS#8 PEM key: {1}")]
    Invalid(PathBuf, String),
    #[error(
        "no signing key (*.pem) in {0}: create one with `silkport keys rotate` and give every replica the same folder"
    )]
    Missing(PathBuf),
}

pub struct SigningKeys {
    current_kid: String,
    current: EncodingKey,
    verifying: HashMap<String, DecodingKey>,
    jwks: Value,
}

fn thumbprint(x: &str) -> String {
    // RFC 7638: members in lexicographic order, no white space.
    let canonical = format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{x}"}}"#);
    URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()))
}

fn pem_files(dir: &Path) -> Result<Vec<PathBuf>, KeyError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(KeyError::Io(dir.to_owned(), e)),
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pem") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Writes a new key file named so it sorts after the existing ones.
pub fn generate(dir: &Path) -> Result<PathBuf, KeyError> {
    std::fs::create_dir_all(dir).map_err(|e| KeyError::Io(dir.to_owned(), e))?;
    let mut seed = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut seed);
    let pem = KeypairBytes { secret_key: seed, public_key: None }
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| KeyError::Invalid(dir.to_owned(), e.to_string()))?;
    let path = dir.join(format!("{}.pem", chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ")));
    write_private(&path, pem.as_bytes()).map_err(|e| KeyError::Io(path.clone(), e))?;
    Ok(path)
}

/// One key file, in either PKCS#8 form (a v2 file's public key must match
/// its private key).
fn read_key(path: &Path) -> Result<SigningKey, KeyError> {
    let pem = std::fs::read_to_string(path).map_err(|e| KeyError::Io(path.to_owned(), e))?;
    let invalid = |e: String| KeyError::Invalid(path.to_owned(), e);
    let pair = KeypairBytes::from_pkcs8_pem(&pem).map_err(|e| invalid(e.to_string()))?;
    if pair.public_key.is_some() {
        tracing::warn!(
            key = %path.display(),
            "signing key in PKCS#8 v2 form, which OpenSSL 3.0 and Python cryptography cannot read: \
             run `silkport keys rotate`, then remove this file once its tokens have expired"
        );
    }
    SigningKey::try_from(&pair).map_err(|e| invalid(e.to_string()))
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(bytes)
}

impl SigningKeys {
    /// Loads the keys in `dir`, first generating one if there is none and
    /// `generate_if_missing` (the embedded default; production mounts keys).
    pub fn load(dir: &Path, generate_if_missing: bool) -> Result<Self, KeyError> {
        let mut files = pem_files(dir)?;
        if files.is_empty() && generate_if_missing {
            files.push(generate(dir)?);
        }
        let mut verifying = HashMap::new();
        let mut jwks_keys = Vec::new();
        let mut current = None;
        for path in &files {
            let key = read_key(path)?;
            let x = URL_SAFE_NO_PAD.encode(key.verifying_key().as_bytes());
            let kid = thumbprint(&x);
            let invalid = |e: String| KeyError::Invalid(path.clone(), e);
            let decoding = DecodingKey::from_ed_components(&x).map_err(|e| invalid(e.to_string()))?;
            let der = key.to_pkcs8_der().map_err(|e| invalid(e.to_string()))?;
            let encoding = EncodingKey::from_ed_der(der.as_bytes());
            verifying.insert(kid.clone(), decoding);
            jwks_keys.push(json!({"kty": "OKP", "crv": "Ed25519", "x": x, "kid": kid, "alg": "EdDSA", "use": "sig"}));
            current = Some((kid, encoding));
        }
        let (current_kid, current) = current.ok_or_else(|| KeyError::Missing(dir.to_owned()))?;
        Ok(Self { current_kid, current, verifying, jwks: json!({ "keys": jwks_keys }) })
    }

    pub fn current(&self) -> (&str, &EncodingKey) {
        (&self.current_kid, &self.current)
    }

    pub fn verifying(&self, kid: &str) -> Option<&DecodingKey> {
        self.verifying.get(kid)
    }

    /// The public keys as a JSON Web Key Set (RFC 7517).
    pub fn jwks(&self) -> &Value {
        &self.jwks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generates_loads_and_rotates() {
        let dir = std::env::temp_dir().join(format!("silkport-keys-{}", uuid::Uuid::now_v7()));
        let first = SigningKeys::load(&dir, true).expect("generated");
        let first_kid = first.current().0.to_owned();
        std::thread::sleep(std::time::Duration::from_millis(5));
        generate(&dir).expect("rotated");
        let second = SigningKeys::load(&dir, false).expect("loaded");
        assert_ne!(second.current().0, first_kid, "the newest key signs");
        assert!(second.verifying(&first_kid).is_some(), "the old key still verifies");
        assert_eq!(second.jwks()["keys"].as_array().map(Vec::len), Some(2));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn new_keys_are_pkcs8_v1_and_old_v2_keys_still_sign() {
        let dir = std::env::temp_dir().join(format!("silkport-keys-{}", uuid::Uuid::now_v7()));
        let path = generate(&dir).expect("generated");
        let pem = std::fs::read_to_string(&path).expect("written");
        let pair = KeypairBytes::from_pkcs8_pem(&pem).expect("PKCS#8");
        assert!(pair.public_key.is_none(), "RFC 8410 §7: the private key alone");
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));

        let old = SigningKey::from_bytes(&[7; 32]);
        std::fs::write(dir.join("0-old.pem"), old.to_pkcs8_pem(LineEnding::LF).expect("v2").as_bytes()).expect("old");
        std::fs::remove_file(&path).expect("only the old key left");
        let keys = SigningKeys::load(&dir, false).expect("a v2 key loads");
        let x = URL_SAFE_NO_PAD.encode(old.verifying_key().as_bytes());
        assert_eq!(keys.current().0, thumbprint(&x));
        let token = jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::EdDSA),
            &json!({"sub": "x"}),
            keys.current().1,
        );
        assert!(token.is_ok(), "it signs: {token:?}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn missing_keys_are_an_error_in_production() {
        let dir = std::env::temp_dir().join(format!("silkport-nokeys-{}", uuid::Uuid::now_v7()));
        assert!(matches!(SigningKeys::load(&dir, false), Err(KeyError::Missing(_))));
    }
}
