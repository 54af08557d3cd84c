//! The nightly clean-up jobs of each tenant.

use async_trait::async_trait;
use domain::Db;
use domain::platform::idempotency;
use domain::platform::jobs::queue::ClaimedJob;
use domain::platform::jobs::retention;

use crate::handler::{JobError, JobHandler, in_job_tx};

/// `jobs.purge_finished`: deletes jobs finished more than a week ago.
pub struct PurgeFinishedJobs;

#[async_trait]
impl JobHandler for PurgeFinishedJobs {
    async fn run(&self, db: &Db, job: &ClaimedJob) -> Result<(), JobError> {
        let deleted = in_job_tx(db, job, async |tx| retention::purge_finished(tx).await).await?;
        tracing::info!(deleted, "purged finished jobs");
        Ok(())
    }
}

/// `idempotency.purge_expired`: forgets expired idempotency keys.
pub struct PurgeIdempotencyKeys;

#[async_trait]
impl JobHandler for PurgeIdempotencyKeys {
    async fn run(&self, db: &Db, job: &ClaimedJob) -> Result<(), JobError> {
        let deleted = in_job_tx(db, job, async |tx| idempotency::purge_expired(tx).await).await?;
        tracing::info!(deleted, "purged expired idempotency keys");
        Ok(())
    }
}
