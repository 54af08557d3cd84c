//! The identity context's jobs: clean-up of spent invitations, refresh
//! tokens and password-reset links.

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::Db;
use domain::identity::retention::{self, PURGE_INVITATIONS, PURGE_SESSIONS};
use domain::platform::jobs::queue::ClaimedJob;

use crate::handler::{JobError, JobHandler, PlatformTask, in_job_tx};
use crate::registry::Registry;

pub fn register(registry: &mut Registry) {
    registry
        .schedule_job(PURGE_INVITATIONS, Arc::new(PurgeInvitations))
        .schedule_task(PURGE_SESSIONS, Arc::new(PurgeSessions));
}

/// `identity.purge_invitations`: deletes invitations a week past expiry.
struct PurgeInvitations;

#[async_trait]
impl JobHandler for PurgeInvitations {
    async fn run(&self, db: &Db, job: &ClaimedJob) -> Result<(), JobError> {
        let deleted = in_job_tx(db, job, async |tx| retention::purge_invitations(tx).await).await?;
        tracing::info!(deleted, "purged expired invitations");
        Ok(())
    }
}

/// `identity.purge_sessions`: deletes expired refresh tokens and reset links.
struct PurgeSessions;

#[async_trait]
impl PlatformTask for PurgeSessions {
    async fn run(&self, db: &Db, _: DateTime<Utc>) -> Result<(), JobError> {
        let purged = retention::purge_sessions(db).await.map_err(|e| JobError::Failed(e.to_string()))?;
        tracing::info!(
            refresh_tokens = purged.refresh_tokens,
            password_resets = purged.password_resets,
            sign_in_attempts = purged.sign_in_attempts,
            "purged expired sessions"
        );
        Ok(())
    }
}
