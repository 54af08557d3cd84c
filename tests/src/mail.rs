//! Reading what the SMTP sink (aiosmtpd's Maildir handler) received.

use std::path::Path;
use std::time::Duration;

/// Waits up to `timeout` for a message to `recipient`; returns it raw.
pub async fn wait_for(maildir: &Path, recipient: &str, timeout: Duration) -> Option<String> {
    let deadline = tokio::time::Instant::now() + timeout;
    let needle = format!("To: {recipient}");
    loop {
        if let Ok(entries) = std::fs::read_dir(maildir.join("new")) {
            for entry in entries.flatten() {
                if let Ok(text) = std::fs::read_to_string(entry.path())
                    && text.lines().any(|l| l.trim_end() == needle)
                {
                    return Some(text);
                }
            }
        }
        if tokio::time::Instant::now() > deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The text/plain part of a message, decoded.
pub fn plain_text(raw: &str) -> String {
    let Ok(mail) = mailparse::parse_mail(raw.as_bytes()) else { return String::new() };
    let mut parts = vec![&mail];
    while let Some(part) = parts.pop() {
        if part.ctype.mimetype == "text/plain" {
            return part.get_body().unwrap_or_default();
        }
        parts.extend(part.subparts.iter());
    }
    String::new()
}

/// The decoded Subject header.
pub fn subject(raw: &str) -> String {
    use mailparse::MailHeaderMap;
    mailparse::parse_mail(raw.as_bytes()).ok().and_then(|m| m.headers.get_first_value("Subject")).unwrap_or_default()
}
