//! Mail the platform sends for the contexts. Each context renders its
//! templates (`src/<context>/templates/`, see [`super::i18n`]) in the
//! recipient's language into an [`OutgoingEmail`] and queues it here, in
//! the caller's transaction; the `email.send` job delivers it (the
//! workers own SMTP).

use minijinja::value::Value;
use serde::{Deserialize, Serialize};

use super::errors::{DomainError, DomainResult};
use super::i18n::{self, Locale, Message};
use super::jobs::{NewJob, enqueue};
use super::tenancy::TenantTx;

/// Job kind of [`OutgoingEmail`].
pub const SEND_EMAIL: &str = "email.send";

/// A rendered message, as the job carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutgoingEmail {
    pub to: String,
    /// `zh-CN` or `en`.
    pub locale: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl OutgoingEmail {
    /// The mail of `template` (`<context>/<name>`: its `.txt` and `.html`
    /// templates) to `to` in `locale`, with `subject` and `values`.
    pub fn render(to: &str, locale: Locale, template: &str, subject: &Message, values: Value) -> DomainResult<Self> {
        let mail = i18n::render_mail(template, locale, subject, values)?;
        Ok(Self {
            to: to.to_owned(),
            locale: locale.as_str().to_owned(),
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
        })
    }
}

/// Queues `email` in the caller's transaction: it goes out only if that commits.
pub async fn send(tx: &mut TenantTx, email: OutgoingEmail) -> DomainResult<()> {
    let payload = serde_json::to_value(&email).map_err(DomainError::internal)?;
    enqueue(tx, NewJob::new(SEND_EMAIL, payload)).await?;
    Ok(())
}
