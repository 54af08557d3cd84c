//! Background work: the queue runner that claims jobs from the database,
//! and the handlers that do them (email for now). Jobs are at-least-once;
//! every handler is idempotent.

pub mod email;
pub mod mailer;
pub mod runner;
pub mod wake;

pub use mailer::Mailer;
pub use runner::{JobError, JobHandler, Runner, RunnerConfig};

use std::sync::Arc;

use domain::Db;
use domain::jobs::mail::SEND_EMAIL;

/// Where workers hear about new jobs besides their own process.
pub struct WakeSources {
    pub postgres: bool,
    pub redis: Option<redis::Client>,
}

/// A runner with every job kind Silkport has, registered once here so the
/// binary and the tests run the same set.
pub fn standard_runner(db: &Db, config: RunnerConfig, mailer: Mailer, sources: WakeSources) -> Runner {
    let wake = wake::Wake::new(db);
    if sources.postgres {
        wake.listen_postgres(db);
    }
    if let Some(client) = sources.redis {
        wake.listen_redis(client);
    }
    Runner::new(db.clone(), config, wake).handle(SEND_EMAIL, Arc::new(email::SendEmail { mailer }))
}
