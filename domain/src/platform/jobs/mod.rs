//! Jobs: written in the same transaction as the change that causes them
//! (a transactional outbox), listed and retried by operators. The claiming
//! side, used by workers, is [`queue`].

mod entity;
pub mod queue;
pub mod retention;
pub mod schedule;
mod schedule_entity;
pub mod scheduler;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, IntoActiveModel, QueryFilter, Statement};
use serde_json::{Value as Json, json};
use uuid::Uuid;

use self::entity as job;
use super::access::Permission;
use super::audit::{self, Change};
use super::clock;
use super::errors::{DomainError, DomainResult, UserErrorCode};
use super::ids::{NodeType, new_id};
use super::messages;
use super::paging::{self, Order, Page, PageRequest};
use super::tenancy::{TenantTx, tenant_entity};
use super::text_enum::string_enum;

tenant_entity!(job);

pub const JOB: NodeType = NodeType("Job");

string_enum!(
    /// Where a job is in its life. `Dead` jobs wait for an operator.
    JobState {
        Queued = "queued",
        Running = "running",
        Succeeded = "succeeded",
        Dead = "dead",
    }
);

/// The PostgreSQL channel workers LISTEN on.
pub const NOTIFY_CHANNEL: &str = "silkport_jobs";

#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub id: Uuid,
    pub kind: String,
    pub state: JobState,
    pub attempts: i32,
    pub max_attempts: i32,
    pub last_error: Option<String>,
    pub run_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl From<job::Model> for Job {
    fn from(m: job::Model) -> Self {
        Self {
            id: m.id,
            kind: m.kind,
            state: JobState::parse(&m.state).unwrap_or(JobState::Queued),
            attempts: m.attempts,
            max_attempts: m.max_attempts,
            last_error: m.last_error,
            run_at: m.run_at,
            created_at: m.created_at,
            finished_at: m.finished_at,
        }
    }
}

/// A job to write with the caller's change.
#[derive(Debug, Clone)]
pub struct NewJob {
    pub kind: &'static str,
    pub payload: Json,
    /// A second job with the same key in the same tenant is not written.
    pub dedupe_key: Option<String>,
    pub max_attempts: i32,
}

impl NewJob {
    pub fn new(kind: &'static str, payload: Json) -> Self {
        Self { kind, payload, dedupe_key: None, max_attempts: 5 }
    }
}

/// Writes a job in the caller's transaction; it runs only if that commits.
/// With a dedupe key, a job already written with that key (by this caller
/// or a concurrent one) is kept and its id returned instead.
pub async fn enqueue(tx: &mut TenantTx, new: NewJob) -> DomainResult<Uuid> {
    let now = clock::now();
    let id = new_id();
    let row = job::ActiveModel {
        tenant_id: Set(tx.tenant_id()),
        id: Set(id),
        kind: Set(new.kind.to_owned()),
        payload: Set(Some(new.payload)),
        state: Set(JobState::Queued.as_str().to_owned()),
        attempts: Set(0),
        max_attempts: Set(new.max_attempts),
        run_at: Set(now),
        locked_until: Set(None),
        locked_by: Set(None),
        last_error: Set(None),
        dedupe_key: Set(new.dedupe_key.clone()),
        created_at: Set(now),
        finished_at: Set(None),
    };
    let Some(key) = new.dedupe_key else {
        tx.insert(row).await?;
        notify_workers(tx).await?;
        return Ok(id);
    };
    if tx.insert_unless_exists(row, [job::Column::TenantId, job::Column::DedupeKey]).await? {
        notify_workers(tx).await?;
        return Ok(id);
    }
    let existing = tx.find::<job::Entity>().filter(job::Column::DedupeKey.eq(key)).one(tx.conn()).await?;
    existing.map(|j| j.id).ok_or_else(|| DomainError::Internal("deduplicated job vanished".into()))
}

/// Wakes idle workers once the transaction commits (PostgreSQL delivers
/// NOTIFY at commit and drops it on rollback; in-process wake-ups are sent
/// by [`TenantTx::commit`]).
async fn notify_workers(tx: &mut TenantTx) -> DomainResult<()> {
    if tx.backend() == DbBackend::Postgres {
        tx.conn().execute_raw(Statement::from_string(DbBackend::Postgres, format!("NOTIFY {NOTIFY_CHANNEL}"))).await?;
    }
    tx.mark_jobs_written();
    Ok(())
}

/// The tenant's jobs, newest first, optionally in one state.
pub async fn list(tx: &TenantTx, state: Option<JobState>, request: &PageRequest) -> DomainResult<Page<Job>> {
    tx.ctx().require(Permission::JobsRead)?;
    let mut select = tx.find::<job::Entity>();
    if let Some(state) = state {
        select = select.filter(job::Column::State.eq(state.as_str()));
    }
    Ok(paging::fetch(tx, select, Order::NewestFirst, request).await?.map(Job::from))
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Job>> {
    tx.ctx().require(Permission::JobsRead)?;
    Ok(tx.find_by_id::<job::Entity>(id).one(tx.conn()).await?.map(Job::from))
}

/// Puts a dead job back in the queue with a fresh set of attempts.
pub async fn retry(tx: &mut TenantTx, id: Uuid) -> DomainResult<Job> {
    tx.ctx().require(Permission::JobsWrite)?;
    let Some(row) = tx.find_by_id::<job::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    if row.state != JobState::Dead.as_str() {
        return Err(DomainError::user("id", UserErrorCode::NotRetryable, messages::job_not_retryable()));
    }
    let before = json!({"state": row.state, "attempts": row.attempts});
    let mut active = row.into_active_model();
    active.state = Set(JobState::Queued.as_str().to_owned());
    active.attempts = Set(0);
    active.run_at = Set(clock::now());
    active.finished_at = Set(None);
    let saved = tx.update(active).await?;
    notify_workers(tx).await?;
    let after = json!({"state": saved.state, "attempts": saved.attempts});
    audit::record(tx, Change::of("job.retry", JOB, id).before(before).after(after)).await?;
    Ok(saved.into())
}
