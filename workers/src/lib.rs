//! Background work: the queue runner that claims jobs from the database,
//! and the handlers that do them, registered per business context in
//! [`registry`]. Jobs are at-least-once; every handler is idempotent.

mod identity;
pub mod mailer;
mod platform;
pub mod registry;
pub mod runner;
pub mod scheduler;
pub mod wake;

pub use mailer::Mailer;
pub use registry::Registry;
pub use runner::{JobError, JobHandler, Runner, RunnerConfig};

use domain::Db;

/// Where workers hear about new jobs besides their own process.
pub struct WakeSources {
    pub postgres: bool,
    pub redis: Option<redis::Client>,
}

/// A runner with every job kind Silkport has.
pub fn standard_runner(db: &Db, config: RunnerConfig, mailer: Mailer, sources: WakeSources) -> Runner {
    let wake = wake::Wake::new(db);
    if sources.postgres {
        wake.listen_postgres(db);
    }
    if let Some(client) = sources.redis {
        wake.listen_redis(client);
    }
    Runner::new(db.clone(), config, wake, Registry::standard(mailer))
}
