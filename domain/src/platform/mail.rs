//! Mail the platform sends for the contexts. Each context renders its own
//! templates in the recipient's language (see `identity::mail`) into an
//! [`OutgoingEmail`] and queues it here, in the caller's transaction; the
//! `email.send` job delivers it (the workers own SMTP).

use serde::{Deserialize, Serialize};

use super::errors::{DomainError, DomainResult};
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
    /// A message of a few paragraphs and one link, as plain text and as
    /// HTML with everything users typed escaped.
    pub fn with_link(to: &str, locale: &str, subject: String, paragraphs: &[String], link: &str) -> Self {
        let text = format!("{}\n\n{link}\n", paragraphs.join("\n"));
        let html = format!(
            "<!doctype html><html lang=\"{}\"><body>{}<p><a href=\"{}\">{}</a></p></body></html>",
            escape(locale),
            paragraphs.iter().map(|p| format!("<p>{}</p>", escape(p))).collect::<String>(),
            escape(link),
            escape(link),
        );
        Self { to: to.to_owned(), locale: locale.to_owned(), subject, text, html }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Queues `email` in the caller's transaction: it goes out only if that commits.
pub async fn send(tx: &mut TenantTx, email: OutgoingEmail) -> DomainResult<()> {
    let payload = serde_json::to_value(&email).map_err(DomainError::internal)?;
    enqueue(tx, NewJob::new(SEND_EMAIL, payload)).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_what_users_typed_and_text_keeps_the_link() {
        let mail = OutgoingEmail::with_link(
            "a@example.com",
            "en",
            "Hi".into(),
            &["Acme <Warehouse> & Co".into()],
            "https://x.example/a?b=1&c=2",
        );
        assert!(mail.html.contains("Acme &lt;Warehouse&gt; &amp; Co"));
        assert!(!mail.html.contains("<Warehouse>"));
        assert!(mail.text.ends_with("https://x.example/a?b=1&c=2\n"));
    }
}
