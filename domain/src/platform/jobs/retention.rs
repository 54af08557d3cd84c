//! How long finished jobs are kept: their payloads carry mail links and
//! other details nobody needs after a week.

use chrono::Duration;
use sea_orm::{ColumnTrait, QueryFilter};

use super::JobState;
use super::entity as job;
use super::schedule::{Schedule, Zone};
use crate::platform::clock;
use crate::platform::errors::DomainResult;
use crate::platform::tenancy::TenantTx;

/// Finished jobs (succeeded or dead-lettered) are deleted this long after they finished.
pub const KEEP_FINISHED: Duration = Duration::days(7);

/// Every night at 03:30 in the tenant's zone.
pub const PURGE_FINISHED: Schedule = Schedule::each_tenant("jobs.purge_finished", "0 30 3 * * *", Zone::Tenant);

/// Deletes the tenant's jobs that finished more than [`KEEP_FINISHED`] ago;
/// returns how many.
pub async fn purge_finished(tx: &TenantTx) -> DomainResult<u64> {
    let before = clock::now() - KEEP_FINISHED;
    let deleted = tx
        .delete_many::<job::Entity>()
        .filter(job::Column::State.is_in([JobState::Succeeded.as_str(), JobState::Dead.as_str()]))
        .filter(job::Column::FinishedAt.lt(before))
        .exec(tx.conn())
        .await?;
    Ok(deleted.rows_affected)
}
