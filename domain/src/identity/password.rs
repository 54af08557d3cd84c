//! New passwords: the strength rule, and argon2id hashing off the async
//! threads. Checking a password is the gate's ([`super::password_gate`]).

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHasher, SaltString};

use super::messages;
use super::password_gate::hashing_slot;
use crate::platform::errors::{DomainError, UserErrorCode};
use crate::platform::i18n::Message;

const MIN_LENGTH: usize = 10;
const MAX_LENGTH: usize = 128;
const COMMON: &[&str] = &["password", "1234567890", "qwertyuiop", "iloveyou", "admin12345", "silkport"];

/// A password that passed the strength rule; only its hash is ever stored.
#[derive(Clone)]
pub struct NewPassword(String);

impl NewPassword {
    /// At least 10 characters of at least two kinds (letters, digits,
    /// symbols), not a well-known password, not the email's local part.
    pub fn parse(field: &str, raw: &str, email: Option<&str>) -> Result<Self, DomainError> {
        let weak = |message: Message| DomainError::user(field, UserErrorCode::WeakPassword, message);
        let length = raw.chars().count();
        if length < MIN_LENGTH {
            return Err(weak(messages::password_too_short(MIN_LENGTH)));
        }
        if length > MAX_LENGTH {
            return Err(weak(messages::password_too_long(MAX_LENGTH)));
        }
        let kinds = [
            raw.chars().any(|c| c.is_alphabetic()),
            raw.chars().any(|c| c.is_ascii_digit()),
            raw.chars().any(|c| !c.is_alphanumeric()),
        ];
        if kinds.iter().filter(|k| **k).count() < 2 {
            return Err(weak(messages::password_one_kind()));
        }
        let lower = raw.to_lowercase();
        if COMMON.iter().any(|c| lower.starts_with(c) && lower.len() <= c.len() + 2) {
            return Err(weak(messages::password_common()));
        }
        if let Some(local) = email.and_then(|e| e.split('@').next()).filter(|l| l.len() >= 4)
            && lower.contains(&local.to_lowercase())
        {
            return Err(weak(messages::password_contains_email()));
        }
        Ok(Self(raw.to_owned()))
    }

    /// The argon2id hash, computed in a hashing slot of the password gate
    /// ([`DomainError::Throttled`] when all are busy).
    pub async fn hash(self) -> Result<String, DomainError> {
        let slot = hashing_slot()?;
        let hashed = tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(self.0.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| DomainError::Internal(format!("hashing password: {e}")))
        })
        .await
        .map_err(|e| DomainError::Internal(format!("hashing task: {e}")))?;
        drop(slot);
        hashed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_weak_passwords_with_a_reason() {
        for weak in ["short1!", "onlyletterslong", "12345678901234", "password12", "wei.li-secret-9"] {
            assert!(NewPassword::parse("password", weak, Some("wei.li@example.com")).is_err(), "{weak}");
        }
    }

    #[test]
    fn accepts_a_reasonable_password() {
        assert!(NewPassword::parse("password", "silkport-demo", Some("owner@demo.silkport.test")).is_ok());
    }

    #[tokio::test]
    async fn hashes_are_argon2id() {
        let hash = NewPassword::parse("p", "correct horse 7", None).expect("strong").hash().await.expect("hash");
        assert!(hash.starts_with("$argon2id$"));
    }
}
