//! The email job's payload: what to send, to whom, in which language. The
//! workers render it (templates live with the mailer) and send it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::db::TenantTx;
use crate::error::DomainResult;
use crate::identity::Locale;
use crate::jobs::{NewJob, enqueue};

/// Job kind of [`OutgoingEmail`].
pub const SEND_EMAIL: &str = "email.send";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutgoingEmail {
    pub to: String,
    /// `zh-CN` or `en`.
    pub locale: String,
    pub message: EmailMessage,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "template", rename_all = "snake_case")]
pub enum EmailMessage {
    Invitation { tenant_name: String, inviter: String, role: String, accept_url: String, expires_at: DateTime<Utc> },
    PasswordReset { reset_url: String, expires_at: DateTime<Utc> },
}

impl OutgoingEmail {
    pub fn new(to: &str, locale: Locale, message: EmailMessage) -> Self {
        Self { to: to.to_owned(), locale: locale.as_str().to_owned(), message }
    }
}

/// Queues `email` in the caller's transaction.
pub(crate) async fn send(tx: &mut TenantTx, email: OutgoingEmail) -> DomainResult<()> {
    let payload = serde_json::to_value(&email).map_err(|e| crate::DomainError::Internal(e.to_string()))?;
    enqueue(tx, NewJob::new(SEND_EMAIL, payload)).await?;
    Ok(())
}
