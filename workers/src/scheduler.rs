//! The scheduler loop of a worker process: keeps the schedules' state rows
//! complete, and at each tick claims the runs that are due. A tenant run
//! becomes a job (the runner picks it up); a platform run is done here.
//! Claims are compare-and-set in the database, so any number of worker
//! processes run every fire time exactly once between them.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use domain::Db;
use domain::platform::clock;
use domain::platform::jobs::schedule::{Schedule, Scope};
use domain::platform::jobs::scheduler::{self, DueRun};
use tokio::sync::watch;
use tracing::Instrument;

use crate::handler::PlatformTask;

/// Runs claimed per tick at most; the rest wait for the next tick.
const BATCH: u32 = 200;

pub struct Scheduler {
    pub(crate) db: Db,
    pub(crate) schedules: Vec<Schedule>,
    pub(crate) tasks: HashMap<&'static str, Arc<dyn PlatformTask>>,
    /// How often due runs are looked for.
    pub(crate) tick: Duration,
    /// How often missing state rows (new tenants) are made.
    pub(crate) refresh: Duration,
}

impl Scheduler {
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        if self.schedules.is_empty() {
            return;
        }
        for schedule in &self.schedules {
            if let Err(e) = schedule.check() {
                tracing::error!(error = %e, "schedule disabled");
            }
        }
        let mut refreshed: Option<tokio::time::Instant> = None;
        loop {
            if refreshed.is_none_or(|at| at.elapsed() >= self.refresh) {
                if let Err(e) = scheduler::ensure(&self.db, &self.schedules).await {
                    tracing::error!(error = %e, "making schedule rows failed");
                }
                refreshed = Some(tokio::time::Instant::now());
            }
            match scheduler::due(&self.db, &self.schedules, clock::now(), BATCH).await {
                Ok(runs) => {
                    for run in runs {
                        self.start(run).await;
                    }
                }
                Err(e) => tracing::error!(error = %e, "looking for due schedules failed"),
            }
            tokio::select! {
                _ = tokio::time::sleep(self.tick) => {}
                _ = shutdown.changed() => {}
            }
            if *shutdown.borrow() {
                return;
            }
        }
    }

    async fn start(&self, run: DueRun) {
        let Some(schedule) = self.schedules.iter().find(|s| s.name == run.name) else { return };
        let tenant = run.tenant_id.map(|t| t.to_string()).unwrap_or_else(|| "-".to_owned());
        let span =
            tracing::info_span!("schedule", schedule.name = schedule.name, tenant.id = %tenant, actor = "system");
        async {
            match schedule.scope {
                Scope::EachTenant => match scheduler::claim_tenant_run(&self.db, schedule, &run).await {
                    Ok(Some(job_id)) => {
                        tracing::info!(job.id = %job_id, fire_at = %run.fire_at, "scheduled run queued")
                    }
                    Ok(None) => {}
                    Err(e) => tracing::error!(error = %e, "claiming a scheduled run failed"),
                },
                Scope::Platform => self.run_platform(schedule, &run).await,
            }
        }
        .instrument(span)
        .await;
    }

    async fn run_platform(&self, schedule: &Schedule, run: &DueRun) {
        let Some(task) = self.tasks.get(schedule.name) else { return };
        match scheduler::claim_platform_run(&self.db, schedule, run).await {
            Ok(true) => {}
            Ok(false) => return,
            Err(e) => {
                tracing::error!(error = %e, "claiming a platform run failed");
                return;
            }
        }
        let outcome = task.run(&self.db, run.fire_at).await.err().map(|e| e.to_string());
        match &outcome {
            None => tracing::info!(fire_at = %run.fire_at, "platform run done"),
            Some(error) => tracing::error!(fire_at = %run.fire_at, error, "platform run failed"),
        }
        if let Err(e) = scheduler::finish_platform_run(&self.db, schedule.name, outcome).await {
            tracing::error!(error = %e, "recording a platform run failed");
        }
    }
}
