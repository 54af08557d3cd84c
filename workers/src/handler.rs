//! What a job handler is: the job kinds' and platform schedules' work, and
//! how it fails.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::platform::jobs::queue::ClaimedJob;
use domain::{Db, DomainResult, TenantTx};

/// Why a job failed. Every failure is retried until the last attempt.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error("bad payload: {0}")]
    Payload(String),
    #[error("{0}")]
    Failed(String),
}

#[async_trait]
pub trait JobHandler: Send + Sync {
    /// Does the job. Must be idempotent: a job can run more than once.
    async fn run(&self, db: &Db, job: &ClaimedJob) -> Result<(), JobError>;
}

/// Runs `work` in a transaction of the job's tenant, acting as the system.
pub async fn in_job_tx<T>(
    db: &Db,
    job: &ClaimedJob,
    work: impl AsyncFnOnce(&mut TenantTx) -> DomainResult<T>,
) -> Result<T, JobError> {
    db.write(&job.ctx(), work).await.map_err(|e| JobError::Failed(e.to_string()))
}

/// The work of a platform-wide schedule, run by the worker that claims it.
#[async_trait]
pub trait PlatformTask: Send + Sync {
    /// Does the run of `fire_at`; must be idempotent (a run may repeat
    /// after a crash).
    async fn run(&self, db: &Db, fire_at: DateTime<Utc>) -> Result<(), JobError>;
}
