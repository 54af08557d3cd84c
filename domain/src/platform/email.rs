//! Email addresses, parsed once at the edge of the domain.

use super::errors::{DomainError, UserErrorCode};
use super::messages;

/// A syntactically valid, lower-cased email address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(field: &str, raw: &str) -> Result<Self, DomainError> {
        let text = raw.trim().to_lowercase();
        let invalid = || DomainError::user(field, UserErrorCode::InvalidEmail, messages::invalid_email(raw.trim()));
        if text.len() > 254 || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(invalid());
        }
        let (local, domain) = text.rsplit_once('@').ok_or_else(invalid)?;
        let labels_ok = domain.split('.').count() >= 2
            && domain.split('.').all(|l| {
                !l.is_empty()
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if local.is_empty() || local.len() > 64 || local.contains('@') || !labels_ok {
            return Err(invalid());
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address with most of the local part hidden, for logs.
    pub fn redacted(&self) -> String {
        let (local, domain) = self.0.split_once('@').unwrap_or(("", &self.0));
        format!("{}***@{domain}", local.chars().next().unwrap_or('*'))
    }
}

#[cfg(test)]
mod tests {
    use super::Email;

    #[test]
    fn accepts_and_normalises_ordinary_addresses() {
        let email = Email::parse("email", "  Li.Wei@Example.COM ").expect("valid");
        assert_eq!(email.as_str(), "li.wei@example.com");
        assert_eq!(email.redacted(), "l***@example.com");
    }

    #[test]
    fn rejects_malformed_addresses() {
        for bad in ["", "plain", "a@b", "a b@c.com", "@example.com", "a@-x.com", "a@@b.com", "a@b..com"] {
            assert!(Email::parse("email", bad).is_err(), "{bad} should be rejected");
        }
    }
}
