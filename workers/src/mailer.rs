//! Where mail goes: an SMTP server in production, `.eml` files in an outbox
//! folder on the embedded default (lettre writes both).

use std::path::PathBuf;

use lettre::message::Mailbox;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

#[derive(Clone)]
pub enum Mailer {
    Smtp { transport: AsyncSmtpTransport<Tokio1Executor>, from: Mailbox },
    Outbox { transport: AsyncFileTransport<Tokio1Executor>, from: Mailbox, dir: PathBuf },
}

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("invalid SMTP_URL: {0}")]
    Url(String),
    #[error("invalid sender address: {0}")]
    From(String),
    #[error("cannot create the mail outbox {0}: {1}")]
    Outbox(PathBuf, std::io::Error),
}

fn parse_from(from: &str) -> Result<Mailbox, MailerError> {
    from.parse().map_err(|e: lettre::address::AddressError| MailerError::From(e.to_string()))
}

impl Mailer {
    /// `smtp://user:pass@host:587?tls=required`, `smtps://…` (lettre's URL form).
    pub fn smtp(url: &str, from: &str) -> Result<Self, MailerError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailerError::Url(e.to_string()))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        Ok(Self::Smtp { transport, from: parse_from(from)? })
    }

    pub fn outbox(dir: PathBuf, from: &str) -> Result<Self, MailerError> {
        std::fs::create_dir_all(&dir).map_err(|e| MailerError::Outbox(dir.clone(), e))?;
        Ok(Self::Outbox { transport: AsyncFileTransport::new(&dir), from: parse_from(from)?, dir })
    }

    pub fn from(&self) -> &Mailbox {
        match self {
            Mailer::Smtp { from, .. } | Mailer::Outbox { from, .. } => from,
        }
    }

    pub async fn send(&self, message: Message) -> Result<(), String> {
        match self {
            Mailer::Smtp { transport, .. } => transport.send(message).await.map(drop).map_err(|e| e.to_string()),
            Mailer::Outbox { transport, .. } => transport.send(message).await.map(drop).map_err(|e| e.to_string()),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Mailer::Smtp { .. } => "SMTP".to_owned(),
            Mailer::Outbox { dir, .. } => format!("outbox folder {}", dir.display()),
        }
    }
}
