//! External services a test needs. A test that needs one is named after it
//! (`pg_…`, `redis_…`, `pg_redis_…`, `smtp_…`; see `.config/nextest.toml`)
//! and asserts it here: without the service it fails, it never passes by
//! not running. Where a service is missing (outside CI), `scripts/test`
//! leaves those tests out by name, so nextest reports them as skipped.

use crate::db::{Backend, backend};

/// How to leave a test out where its service is missing.
const LEAVE_OUT: &str = "tests that need a service are named after it (pg_, redis_, smtp_) and \
     scripts/test leaves them out where it is missing; see .config/nextest.toml";

/// The value of `var`, which names the service `what`; fails the test without it.
pub fn required(var: &str, what: &str) -> String {
    match std::env::var(var) {
        Ok(value) if !value.trim().is_empty() => value,
        _ => panic!("this test needs {what}: set {var} ({LEAVE_OUT})"),
    }
}

/// Fails the test unless the suite runs on PostgreSQL (`pg_…` tests).
pub fn postgres() {
    assert_eq!(backend(), Backend::Postgres, "this test needs PostgreSQL: set SILKPORT_TEST_DB=postgres ({LEAVE_OUT})");
}

/// The Redis URL (`redis_…` tests).
pub fn redis_url() -> String {
    required("SILKPORT_TEST_REDIS_URL", "Redis")
}

/// SMTP URL and the Maildir the sink writes to (`smtp_…` tests).
pub fn smtp_sink() -> (String, std::path::PathBuf) {
    let url = required("SILKPORT_TEST_SMTP_URL", "an SMTP sink");
    let maildir = required("SILKPORT_TEST_SMTP_MAILDIR", "the SMTP sink's Maildir");
    (url, maildir.into())
}
