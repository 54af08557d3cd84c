//! Background work: the queue runner that claims jobs from the database,
//! and the handlers that do them, registered per business context in
//! [`standard_registry`]. Jobs are at-least-once; every handler is idempotent.

mod catalog;
mod fulfilment;
mod handler;
mod identity;
pub mod mailer;
mod orders;
mod platform;
pub mod registry;
pub mod runner;
pub mod scheduler;
pub mod wake;

pub use handler::{JobError, JobHandler, PlatformTask, in_job_tx};
pub use mailer::Mailer;
pub use registry::Registry;
pub use runner::{Runner, RunnerConfig};

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
    Runner::new(db.clone(), config, wake, standard_registry(mailer))
}

/// Every context's jobs and schedules, one line per context, so the binary
/// and the tests run the same set.
pub fn standard_registry(mailer: Mailer) -> Registry {
    let mut registry = Registry::new(mailer);
    platform::register(&mut registry);
    identity::register(&mut registry);
    catalog::register(&mut registry);
    orders::register(&mut registry);
    fulfilment::register(&mut registry);
    registry
}
