//! Jobs: written in the same transaction as the change that causes them
//! (a transactional outbox), listed and retried by operators. The claiming
//! side, used by workers, is [`queue`].

pub mod mail;
pub mod queue;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, IntoActiveModel, QueryFilter, Statement};
use serde_json::{Value as Json, json};
use uuid::Uuid;

use crate::access::Permission;
use crate::audit::{self, Change};
use crate::context::TenantCtx;
use crate::db::{Db, TenantTx};
use crate::entities::job;
use crate::error::{DomainError, DomainResult, UserErrorCode};
use crate::ids::new_id;
use crate::page::{self, Order, Page, PageRequest};
use crate::text_enum::string_enum;

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
pub async fn enqueue(tx: &mut TenantTx, new: NewJob) -> DomainResult<Uuid> {
    if let Some(key) = &new.dedupe_key {
        let existing = tx.find::<job::Entity>().filter(job::Column::DedupeKey.eq(key.as_str())).one(tx.conn()).await?;
        if let Some(existing) = existing {
            return Ok(existing.id);
        }
    }
    let now = Utc::now();
    let row = job::ActiveModel {
        tenant_id: Set(tx.tenant_id()),
        id: Set(new_id()),
        kind: Set(new.kind.to_owned()),
        payload: Set(Some(new.payload)),
        state: Set(JobState::Queued.as_str().to_owned()),
        attempts: Set(0),
        max_attempts: Set(new.max_attempts),
        run_at: Set(now),
        locked_until: Set(None),
        locked_by: Set(None),
        last_error: Set(None),
        dedupe_key: Set(new.dedupe_key),
        created_at: Set(now),
        finished_at: Set(None),
    };
    let saved = tx.insert(row).await?;
    notify_workers(tx).await?;
    Ok(saved.id)
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
pub async fn list(db: &Db, ctx: &TenantCtx, state: Option<JobState>, request: &PageRequest) -> DomainResult<Page<Job>> {
    ctx.require(Permission::JobsRead)?;
    let tx = db.tenant_read(ctx).await?;
    let mut select = tx.find::<job::Entity>();
    if let Some(state) = state {
        select = select.filter(job::Column::State.eq(state.as_str()));
    }
    let page = page::fetch(tx.conn(), select, job::Column::Id, |m| m.id, Order::NewestFirst, request).await?;
    tx.commit().await?;
    Ok(page.map(Job::from))
}

pub async fn get(db: &Db, ctx: &TenantCtx, id: Uuid) -> DomainResult<Option<Job>> {
    ctx.require(Permission::JobsRead)?;
    let tx = db.tenant_read(ctx).await?;
    let found = tx.find_by_id::<job::Entity>(id).one(tx.conn()).await?;
    tx.commit().await?;
    Ok(found.map(Job::from))
}

/// Puts a dead job back in the queue with a fresh set of attempts.
pub async fn retry(db: &Db, ctx: &TenantCtx, id: Uuid) -> DomainResult<Job> {
    ctx.require(Permission::JobsWrite)?;
    let mut tx = db.tenant_tx(ctx).await?;
    let Some(row) = tx.find_by_id::<job::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    if row.state != JobState::Dead.as_str() {
        return Err(DomainError::user("id", UserErrorCode::NotRetryable, "Only dead-lettered jobs can be retried."));
    }
    let before = json!({"state": row.state, "attempts": row.attempts});
    let mut active = row.into_active_model();
    active.state = Set(JobState::Queued.as_str().to_owned());
    active.attempts = Set(0);
    active.run_at = Set(Utc::now());
    active.finished_at = Set(None);
    let saved = tx.update(active).await?;
    notify_workers(&mut tx).await?;
    audit::record(
        &mut tx,
        ctx,
        Change {
            action: "job.retry",
            subject: Some(audit::subject("Job", id)),
            before: Some(before),
            after: Some(json!({"state": saved.state, "attempts": saved.attempts})),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(saved.into())
}
