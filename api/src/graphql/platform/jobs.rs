//! Background jobs as operators see them: the `jobs` connection (dead
//! letters included) and `jobRetry`.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject, Value};
use chrono::{DateTime, Utc};
use domain::identity::tenants;
use domain::platform::jobs::{self, JOB, JobState, scheduler};
use uuid::Uuid;

use crate::graphql::kit::connection::{UncountedConnection, page_request, uncounted};
use crate::graphql::kit::context::{db, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::{OrGql, UserError, into_payload};
use crate::graphql::kit::plain::{Fast, Plain, PlainValue, Selection};

pub struct Job(pub jobs::Job);

#[Object]
impl Job {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(JOB, self.0.id)
    }
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    async fn state(&self) -> Enum<JobState> {
        Enum(self.0.state)
    }
    async fn attempts(&self) -> i32 {
        self.0.attempts
    }
    async fn max_attempts(&self) -> i32 {
        self.0.max_attempts
    }
    async fn last_error(&self) -> Option<&str> {
        self.0.last_error.as_deref()
    }
    async fn run_at(&self) -> DateTime<Utc> {
        self.0.run_at
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn finished_at(&self) -> Option<DateTime<Utc>> {
        self.0.finished_at
    }
}

/// A periodic task: its expression, and its last and next run.
pub struct JobSchedule(pub scheduler::ScheduleState);

#[Object]
impl JobSchedule {
    /// `<context>.<task>`, e.g. `jobs.purge_finished`; the kind of its jobs.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Six-field cron expression, seconds first (`0 30 3 * * *` is 03:30 daily).
    async fn cron(&self) -> &str {
        &self.0.cron
    }
    /// The time zone the expression is read in: `UTC`, or the tenant's.
    async fn timezone(&self, ctx: &Context<'_>) -> Result<String> {
        if self.0.zone == "tenant" {
            Ok(tenants::current(db(ctx), &tenant_ctx(ctx)?).await.or_gql()?.timezone)
        } else {
            Ok("UTC".to_owned())
        }
    }
    /// True for platform-wide upkeep that runs once for all tenants.
    async fn platform(&self) -> bool {
        self.0.platform
    }
    async fn next_run_at(&self) -> DateTime<Utc> {
        self.0.next_run_at
    }
    async fn last_run_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_run_at
    }
    /// The job of the last run, while it is kept (tenant schedules).
    async fn last_job(&self, ctx: &Context<'_>) -> Result<Option<Job>> {
        match self.0.last_job_id {
            Some(id) => job_node(ctx, id).await,
            None => Ok(None),
        }
    }
    /// When the last run of a platform schedule ended, and how it failed.
    async fn last_finished_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_finished_at
    }
    async fn last_error(&self) -> Option<&str> {
        self.0.last_error.as_deref()
    }
}

impl Plain for Job {
    const INTERFACES: &'static [&'static str] = &["Node"];

    fn field(&self, name: &str, _: Selection<'_>) -> Option<Value> {
        let job = &self.0;
        Some(match name {
            "id" => ids::encode(JOB, job.id).plain(),
            "kind" => job.kind.plain(),
            "state" => Enum(job.state).plain(),
            "attempts" => job.attempts.plain(),
            "maxAttempts" => job.max_attempts.plain(),
            "lastError" => job.last_error.plain(),
            "runAt" => job.run_at.plain(),
            "createdAt" => job.created_at.plain(),
            "finishedAt" => job.finished_at.plain(),
            _ => return None,
        })
    }
}

pub async fn job_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<Job>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| jobs::get(tx, id).await).await.or_gql()?.map(Job))
}

#[derive(Default)]
pub struct JobsQuery;

#[Object]
impl JobsQuery {
    /// Background jobs, newest first; `state: DEAD` lists the dead letters.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    async fn jobs(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        state: Option<Enum<JobState>>,
    ) -> Result<UncountedConnection<Fast<Job>>> {
        let request = page_request(first, after, last, before)?;
        let state = state.map(Enum::into_inner);
        let page = db(ctx).read(&tenant_ctx(ctx)?, async |tx| jobs::list(tx, state, &request).await).await.or_gql()?;
        Ok(uncounted(page, |job| Fast(Job(job))))
    }

    /// Periodic tasks of this tenant and of the platform, with their last
    /// and next run.
    async fn job_schedules(&self, ctx: &Context<'_>) -> Result<Vec<JobSchedule>> {
        let found = db(ctx).read(&tenant_ctx(ctx)?, async |tx| scheduler::list(tx).await).await.or_gql()?;
        Ok(found.into_iter().map(JobSchedule).collect())
    }
}

#[derive(Default)]
pub struct JobMutations;

#[derive(InputObject)]
pub struct JobRetryInput {
    id: ID,
}

#[derive(SimpleObject)]
pub struct JobRetryPayload {
    job: Option<Job>,
    user_errors: Vec<UserError>,
}

#[Object]
impl JobMutations {
    /// Puts a dead-lettered job back in the queue with fresh attempts.
    async fn job_retry(&self, ctx: &Context<'_>, input: JobRetryInput) -> Result<JobRetryPayload> {
        let tctx = tenant_ctx(ctx)?;
        let result = async {
            let id = ids::decode(JOB, "id", &input.id)?;
            db(ctx).write(&tctx, async |tx| jobs::retry(tx, id).await).await
        };
        let (job, user_errors) = into_payload(result.await)?;
        Ok(JobRetryPayload { job: job.map(Job), user_errors })
    }
}
