//! External services a test needs. In CI (`CI=true`) a missing service is
//! a failure; on a developer's machine the test says it skipped, visibly.

pub fn optional(var: &str, what: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(value) if !value.trim().is_empty() => Some(value),
        _ => {
            assert!(std::env::var("CI").map(|v| v != "true").unwrap_or(true), "{what} is required in CI: set {var}");
            eprintln!("SKIPPED: {what} is not available here (set {var} to run this test)");
            None
        }
    }
}

pub fn redis_url() -> Option<String> {
    optional("SILKPORT_TEST_REDIS_URL", "Redis")
}

/// SMTP URL and the Maildir the sink writes to.
pub fn smtp_sink() -> Option<(String, std::path::PathBuf)> {
    let url = optional("SILKPORT_TEST_SMTP_URL", "an SMTP sink")?;
    let maildir = optional("SILKPORT_TEST_SMTP_MAILDIR", "the SMTP sink's Maildir")?;
    Some((url, maildir.into()))
}
