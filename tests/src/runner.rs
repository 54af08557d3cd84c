//! The job runner of the workers, with every job kind, running beside a
//! test's server until stopped: for tests whose jobs (imports, backorder
//! allocation) must run as in production.

use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;
use workers::{Mailer, RunnerConfig, WakeSources};

use crate::TestApp;

/// The queue runner of the workers, polling every 100 ms, until stopped.
pub struct Workers(watch::Sender<bool>, Option<JoinHandle<()>>);

impl Workers {
    pub fn start(app: &TestApp) -> Self {
        let mailer = Mailer::outbox(app.dir.join("outbox"), "Silkport <no-reply@silkport.test>").expect("outbox");
        let config = RunnerConfig { poll_interval: Duration::from_millis(100), ..RunnerConfig::default() };
        let runner =
            workers::standard_runner(&app.state.db, config, mailer, WakeSources { postgres: false, redis: None });
        let (stop, stopped) = watch::channel(false);
        Self(stop, Some(tokio::spawn(runner.run(stopped))))
    }

    pub async fn stop(mut self) {
        self.0.send(true).ok();
        if let Some(running) = self.1.take() {
            running.await.expect("the runner stops");
        }
    }
}
