//! Passwords: the strength rule, and argon2id hashing off the async threads.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use super::messages;
use crate::platform::errors::{DomainError, UserErrorCode};
use crate::platform::i18n::Message;

const MIN_LENGTH: usize = 10;
const MAX_LENGTH: usize = 128;
const COMMON: &[&str] = &["password", "1234567890", "qwertyuiop", "iloveyou", "admin12345", "silkport"];

/// A password that passed the strength rule; only its hash is ever stored.
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

    pub async fn hash(self) -> Result<String, DomainError> {
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(self.0.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| DomainError::Internal(format!("hashing password: {e}")))
        })
        .await
        .map_err(|e| DomainError::Internal(format!("hashing task: {e}")))?
    }
}

/// A valid argon2id hash of a password nobody has, verified against when the
/// user does not exist, so unknown and known emails take the same time.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2lsa3BvcnRkdW1teQ$wBmBwUR0+W/5Xv6rTAdOgILxu5Mu+k1lTGJhLxDaw9w";

/// Checks a password against a stored hash (or the dummy when `None`).
pub async fn verify(password: &str, stored: Option<&str>) -> bool {
    let password = password.to_owned();
    let known = stored.is_some();
    let stored = stored.unwrap_or(DUMMY_HASH).to_owned();
    let matched = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .is_ok_and(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
    })
    .await
    .unwrap_or(false);
    known && matched
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
    async fn hashes_verify_and_the_dummy_never_matches() {
        let hash = NewPassword::parse("p", "correct horse 7", None).expect("strong").hash().await.expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify("correct horse 7", Some(&hash)).await);
        assert!(!verify("wrong horse 7", Some(&hash)).await);
        assert!(!verify("anything", None).await);
    }
}
