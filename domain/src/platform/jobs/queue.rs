//! The workers' side of the queue: claim due jobs under a lease, then
//! complete, fail (retry later or dead-letter), extend or release them.
//!
//! Claiming is the one cross-tenant query here: on PostgreSQL it runs in
//! the `SECURITY DEFINER` function `silkport_claim_jobs` (FOR UPDATE SKIP
//! LOCKED); SQLite has a single writer, so plain UPDATEs in one immediate
//! transaction are enough. A claim never takes a job past `max_attempts`:
//! a job whose worker stopped during its last attempt goes to the dead
//! letters when its lease runs out (and the schema refuses more attempts).
//!
//! Every later step runs in the job's own tenant scope and is guarded by
//! the claim — the worker *and* the attempt it claimed — so a worker whose
//! lease expired cannot overwrite the work of whoever took the job over,
//! even another task of the same worker process.

use std::time::Duration;

use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, QueryFilter, QueryResult, Statement, Value};
use serde_json::Value as Json;
use uuid::Uuid;

use super::JobState;
use super::entity as job;
use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::errors::DomainResult;
use crate::platform::tenancy::{TenantCtx, TenantTx};

/// A job this worker holds until `lease` runs out.
#[derive(Debug, Clone)]
pub struct ClaimedJob {
    pub tenant_id: Uuid,
    pub id: Uuid,
    pub kind: String,
    pub payload: Json,
    /// Including this one.
    pub attempts: i32,
    pub max_attempts: i32,
}

impl ClaimedJob {
    fn from_row(row: &QueryResult) -> Result<Self, sea_orm::DbErr> {
        Ok(Self {
            tenant_id: row.try_get("", "tenant_id")?,
            id: row.try_get("", "id")?,
            kind: row.try_get("", "kind")?,
            payload: row.try_get::<Option<Json>>("", "payload")?.unwrap_or(Json::Null),
            attempts: row.try_get("", "attempts")?,
            max_attempts: row.try_get("", "max_attempts")?,
        })
    }

    pub fn is_last_attempt(&self) -> bool {
        self.attempts >= self.max_attempts
    }

    /// The context a handler acts in: the system, for the job's tenant.
    pub fn ctx(&self) -> TenantCtx {
        TenantCtx::system(self.tenant_id)
    }

    /// Opens a transaction of the job's tenant for its handler.
    pub async fn begin(&self, db: &Db) -> DomainResult<TenantTx> {
        Ok(db.begin(&self.ctx()).await?)
    }
}

/// Why a job whose last attempt was orphaned is dead; the PostgreSQL claim
/// (migration `m20261207_000009_job_attempts_bound`) writes the same text.
pub const ORPHANED_LAST_ATTEMPT: &str = "the worker stopped during the last attempt (its lease ran out)";

const SQLITE_DEAD_LETTER_ORPHANS: &str = "UPDATE jobs SET state = 'dead', locked_by = NULL, locked_until = NULL,
            finished_at = ?, last_error = ?
      WHERE state = 'running' AND locked_until < ? AND attempts >= max_attempts";

const SQLITE_CLAIM: &str = "UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ?, locked_until = ?
     WHERE (tenant_id, id) IN (
           SELECT tenant_id, id FROM jobs
            WHERE ((state = 'queued' AND run_at <= ?) OR (state = 'running' AND locked_until < ?))
              AND attempts < max_attempts
            ORDER BY run_at LIMIT ?)
     RETURNING tenant_id, id, kind, payload, attempts, max_attempts";

/// Claims up to `limit` due jobs (and jobs whose lease expired) for
/// `worker`; first dead-letters the expired ones that were at their last
/// attempt.
pub async fn claim(db: &Db, worker: &str, lease: Duration, limit: u32) -> DomainResult<Vec<ClaimedJob>> {
    let rows = match db.backend() {
        DbBackend::Postgres => {
            let stmt = Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT tenant_id, id, kind, payload, attempts, max_attempts FROM silkport_claim_jobs($1, $2, $3)",
                [Value::from(worker), Value::from(lease.as_millis() as i64), Value::from(limit as i32)],
            );
            db.connection().query_all_raw(stmt).await?
        }
        backend => {
            let now = clock::now();
            let until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::seconds(30));
            let tx = db.global_tx().await?;
            tx.execute_raw(Statement::from_sql_and_values(
                backend,
                SQLITE_DEAD_LETTER_ORPHANS,
                [Value::from(now), Value::from(ORPHANED_LAST_ATTEMPT), Value::from(now)],
            ))
            .await?;
            let rows = tx
                .query_all_raw(Statement::from_sql_and_values(
                    backend,
                    SQLITE_CLAIM,
                    [
                        Value::from(worker),
                        Value::from(until),
                        Value::from(now),
                        Value::from(now),
                        Value::from(limit as i32),
                    ],
                ))
                .await?;
            tx.commit().await?;
            rows
        }
    };
    Ok(rows.iter().map(ClaimedJob::from_row).collect::<Result<_, _>>()?)
}

/// An UPDATE of this claimed job, only while this claim still holds it:
/// `worker` with the attempt it claimed, still running.
async fn update_held(db: &Db, job: &ClaimedJob, worker: &str, set: Vec<(job::Column, Expr)>) -> DomainResult<bool> {
    let tx = db.begin(&job.ctx()).await?;
    let mut update = tx
        .update_many::<job::Entity>()
        .filter(job::Column::Id.eq(job.id))
        .filter(job::Column::LockedBy.eq(worker))
        .filter(job::Column::Attempts.eq(job.attempts))
        .filter(job::Column::State.eq(JobState::Running.as_str()));
    for (column, value) in set {
        update = update.col_expr(column, value);
    }
    let changed = update.exec(tx.conn()).await?.rows_affected == 1;
    tx.commit().await?;
    Ok(changed)
}

/// Marks the job done. False if the lease was lost to another worker.
pub async fn complete(db: &Db, job: &ClaimedJob, worker: &str) -> DomainResult<bool> {
    let now = clock::now();
    update_held(
        db,
        job,
        worker,
        vec![
            (job::Column::State, Expr::value(JobState::Succeeded.as_str())),
            (job::Column::FinishedAt, Expr::value(now)),
            (job::Column::LockedUntil, Expr::value(Option::<chrono::DateTime<Utc>>::None)),
            (job::Column::LastError, Expr::value(Option::<String>::None)),
        ],
    )
    .await
}

/// Records a failed attempt: back to the queue after `retry_in`, or dead
/// when it was the last attempt. Returns the state the job went to, or
/// `None` if the lease was lost to another claim (nothing was written).
pub async fn fail(
    db: &Db,
    job: &ClaimedJob,
    worker: &str,
    error: &str,
    retry_in: Duration,
) -> DomainResult<Option<JobState>> {
    let now = clock::now();
    let error: String = error.chars().take(2000).collect();
    let (state, run_at, finished) = if job.is_last_attempt() {
        (JobState::Dead, now, Some(now))
    } else {
        (JobState::Queued, now + chrono::Duration::from_std(retry_in).unwrap_or_default(), None)
    };
    update_held(
        db,
        job,
        worker,
        vec![
            (job::Column::State, Expr::value(state.as_str())),
            (job::Column::RunAt, Expr::value(run_at)),
            (job::Column::FinishedAt, Expr::value(finished)),
            (job::Column::LastError, Expr::value(error)),
            (job::Column::LockedBy, Expr::value(Option::<String>::None)),
            (job::Column::LockedUntil, Expr::value(Option::<chrono::DateTime<Utc>>::None)),
        ],
    )
    .await
    .map(|held| held.then_some(state))
}

/// Extends the lease of a job still running. False if it was lost.
pub async fn extend(db: &Db, job: &ClaimedJob, worker: &str, lease: Duration) -> DomainResult<bool> {
    let until = clock::now() + chrono::Duration::from_std(lease).unwrap_or_default();
    update_held(db, job, worker, vec![(job::Column::LockedUntil, Expr::value(until))]).await
}

/// Gives a job back untouched (shutdown before it started): the attempt
/// taken at claim time is returned too.
pub async fn release(db: &Db, job: &ClaimedJob, worker: &str) -> DomainResult<bool> {
    update_held(
        db,
        job,
        worker,
        vec![
            (job::Column::State, Expr::value(JobState::Queued.as_str())),
            (job::Column::Attempts, Expr::col(job::Column::Attempts).sub(Expr::value(1))),
            (job::Column::LockedBy, Expr::value(Option::<String>::None)),
            (job::Column::LockedUntil, Expr::value(Option::<chrono::DateTime<Utc>>::None)),
        ],
    )
    .await
}

/// State of one job, for tests and tooling that hold its ids.
pub async fn state_of(db: &Db, tenant_id: Uuid, id: Uuid) -> DomainResult<Option<JobState>> {
    let tx = db.begin_read(&TenantCtx::system(tenant_id)).await?;
    let found = tx.find_by_id::<job::Entity>(id).one(tx.conn()).await?;
    tx.commit().await?;
    Ok(found.and_then(|j| JobState::parse(&j.state)))
}
