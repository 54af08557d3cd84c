//! The queue runner: claims due jobs under a lease, runs them with bounded
//! concurrency, extends the lease while they run, retries failures with
//! exponential backoff and jitter, and dead-letters after the last attempt.
//!
//! On shutdown it stops claiming, lets running jobs finish within a grace
//! period, and releases the ones that did not. A worker that dies without
//! shutting down simply stops extending its leases; another worker claims
//! those jobs when the leases run out, or dead-letters the ones that were
//! at their last attempt. A worker that lost a lease writes nothing more to
//! that job (every update is guarded by its claim).

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use domain::Db;
use domain::platform::jobs::JobState;
use domain::platform::jobs::queue::{self, ClaimedJob};
use rand::Rng;
use tokio::sync::watch;
use tokio::task::JoinSet;
use tracing::Instrument;

use crate::handler::JobHandler;
use crate::registry::Registry;
use crate::scheduler::Scheduler;
use crate::wake::Wake;

#[derive(Debug, Clone)]
pub struct RunnerConfig {
    /// Names this process in `locked_by`; unique per worker process.
    pub worker_id: String,
    pub concurrency: usize,
    pub lease: Duration,
    /// Fallback poll for jobs whose retry time came (wake-ups cover new jobs).
    pub poll_interval: Duration,
    pub backoff_base: Duration,
    pub backoff_cap: Duration,
    /// How long running jobs may take to finish after shutdown is asked.
    pub shutdown_grace: Duration,
    /// How often the scheduler looks for due runs.
    pub scheduler_tick: Duration,
    /// How often the scheduler makes the rows of new tenants' schedules.
    pub scheduler_refresh: Duration,
}

impl Default for RunnerConfig {
    fn default() -> Self {
        Self {
            worker_id: format!("worker-{}", uuid::Uuid::now_v7().simple()),
            concurrency: 4,
            lease: Duration::from_secs(30),
            poll_interval: Duration::from_secs(2),
            backoff_base: Duration::from_secs(2),
            backoff_cap: Duration::from_secs(600),
            shutdown_grace: Duration::from_secs(20),
            scheduler_tick: Duration::from_secs(1),
            scheduler_refresh: Duration::from_secs(60),
        }
    }
}

/// Delay before attempt `attempt + 1`: exponential, capped, with jitter in
/// [50%, 100%] so failing jobs do not retry in lockstep.
pub fn backoff(config: &RunnerConfig, attempt: i32) -> Duration {
    let exp = config.backoff_base.saturating_mul(1u32 << attempt.clamp(1, 20).saturating_sub(1));
    let capped = exp.min(config.backoff_cap);
    capped.mul_f64(rand::thread_rng().gen_range(0.5..=1.0))
}

pub struct Runner {
    db: Db,
    config: RunnerConfig,
    handlers: HashMap<&'static str, Arc<dyn JobHandler>>,
    wake: Wake,
    scheduler: Option<Scheduler>,
}

impl Runner {
    pub fn new(db: Db, config: RunnerConfig, wake: Wake, registry: Registry) -> Self {
        let scheduler = Scheduler {
            db: db.clone(),
            schedules: registry.schedules,
            tasks: registry.tasks,
            tick: config.scheduler_tick,
            refresh: config.scheduler_refresh,
        };
        Self { db, config, handlers: registry.handlers, wake, scheduler: Some(scheduler) }
    }

    /// Runs until `shutdown` turns true.
    pub async fn run(mut self, mut shutdown: watch::Receiver<bool>) {
        let scheduler = self.scheduler.take().map(|s| tokio::spawn(s.run(shutdown.clone())));
        let runner = Arc::new(self);
        let mut running: JoinSet<()> = JoinSet::new();
        let (stop_jobs_tx, stop_jobs) = watch::channel(false);
        tracing::info!(worker.id = %runner.config.worker_id, concurrency = runner.config.concurrency, "worker started");
        loop {
            if *shutdown.borrow() {
                break;
            }
            while running.try_join_next().is_some() {}
            let free = runner.config.concurrency.saturating_sub(running.len());
            let mut claimed = 0;
            if free > 0 {
                match queue::claim(&runner.db, &runner.config.worker_id, runner.config.lease, free as u32).await {
                    Ok(jobs) => {
                        claimed = jobs.len();
                        for job in jobs {
                            let runner = runner.clone();
                            let stop = stop_jobs.clone();
                            running.spawn(async move { runner.run_one(job, stop).await });
                        }
                    }
                    Err(e) => tracing::error!(error = %e, "claiming jobs failed"),
                }
            }
            if claimed > 0 && claimed == free {
                // Full: wait for a slot rather than for a wake-up.
                tokio::select! {
                    _ = running.join_next() => {}
                    _ = shutdown.changed() => {}
                }
                continue;
            }
            tokio::select! {
                _ = runner.wake.wait() => {}
                _ = tokio::time::sleep(runner.config.poll_interval) => {}
                Some(_) = running.join_next(), if !running.is_empty() => {}
                _ = shutdown.changed() => {}
            }
        }
        tracing::info!(worker.id = %runner.config.worker_id, in_flight = running.len(), "worker stopping");
        let drained =
            tokio::time::timeout(runner.config.shutdown_grace, async { while running.join_next().await.is_some() {} })
                .await;
        if drained.is_err() {
            // Jobs still running past the grace period give their job back.
            let _ = stop_jobs_tx.send(true);
            while running.join_next().await.is_some() {}
        }
        if let Some(scheduler) = scheduler {
            scheduler.await.ok();
        }
        tracing::info!(worker.id = %runner.config.worker_id, "worker stopped");
    }

    async fn run_one(self: Arc<Self>, job: ClaimedJob, stop: watch::Receiver<bool>) {
        // Every log line of the job carries its tenant and who acts.
        let span = tracing::info_span!("job", job.id = %job.id, job.kind = %job.kind, tenant.id = %job.tenant_id, actor = "system");
        self.run_in_span(job, stop).instrument(span).await;
    }

    async fn run_in_span(self: Arc<Self>, job: ClaimedJob, mut stop: watch::Receiver<bool>) {
        let worker = self.config.worker_id.as_str();
        let started = std::time::Instant::now();
        let Some(handler) = self.handlers.get(job.kind.as_str()).cloned() else {
            let message = format!("no handler for job kind `{}`", job.kind);
            self.record_failure(&job, &message).await;
            return;
        };
        let heartbeat = {
            let db = self.db.clone();
            let job = job.clone();
            let worker = worker.to_owned();
            let lease = self.config.lease;
            let heartbeat = async move {
                loop {
                    tokio::time::sleep(lease / 3).await;
                    match queue::extend(&db, &job, &worker, lease).await {
                        Ok(true) => {}
                        Ok(false) => break,
                        Err(e) => tracing::warn!(error = %e, "extending lease failed"),
                    }
                }
            };
            tokio::spawn(heartbeat.in_current_span())
        };
        let outcome = tokio::select! {
            result = handler.run(&self.db, &job) => Some(result),
            _ = stop.wait_for(|stop| *stop) => None,
        };
        heartbeat.abort();
        let duration_ms = started.elapsed().as_millis() as u64;
        match outcome {
            Some(Ok(())) => match queue::complete(&self.db, &job, worker).await {
                Ok(true) => {
                    tracing::info!(duration_ms, "job done")
                }
                Ok(false) => {
                    tracing::warn!("job done but its lease was lost")
                }
                Err(e) => {
                    tracing::error!(error = %e, "recording job success failed")
                }
            },
            Some(Err(e)) => self.record_failure(&job, &e.to_string()).await,
            None => {
                if let Err(e) = queue::release(&self.db, &job, worker).await {
                    tracing::error!(error = %e, "releasing job failed");
                }
                tracing::info!("job released at shutdown");
            }
        }
    }

    async fn record_failure(&self, job: &ClaimedJob, message: &str) {
        let delay = backoff(&self.config, job.attempts);
        match queue::fail(&self.db, job, &self.config.worker_id, message, delay).await {
            Ok(Some(JobState::Dead)) => tracing::error!(attempts = job.attempts, error = message, "job dead-lettered"),
            Ok(None) => {
                tracing::warn!(error = message, "job failed but its lease was lost; the new owner's result stands")
            }
            Ok(Some(_)) => tracing::warn!(
                attempts = job.attempts,
                retry_in_ms = delay.as_millis() as u64,
                error = message,
                "job failed; will retry"
            ),
            Err(e) => {
                tracing::error!(error = %e, "recording job failure failed")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_exponentially_with_jitter_and_a_cap() {
        let config = RunnerConfig {
            backoff_base: Duration::from_secs(1),
            backoff_cap: Duration::from_secs(10),
            ..RunnerConfig::default()
        };
        for _ in 0..50 {
            let first = backoff(&config, 1);
            assert!(first >= Duration::from_millis(500) && first <= Duration::from_secs(1));
            let third = backoff(&config, 3);
            assert!(third >= Duration::from_secs(2) && third <= Duration::from_secs(4));
            assert!(backoff(&config, 30) <= Duration::from_secs(10));
        }
    }
}
