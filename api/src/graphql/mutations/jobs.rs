//! Operator actions on background jobs.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use domain::jobs;

use crate::graphql::context::{db, tenant_ctx};
use crate::graphql::errors::{UserError, into_payload};
use crate::graphql::ids;
use crate::graphql::objects::Job;

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
        let Some(id) = ids::decode("Job", &input.id) else {
            return Ok(JobRetryPayload { job: None, user_errors: vec![UserError::invalid("id", "Not a job id.")] });
        };
        let (job, user_errors) = into_payload(jobs::retry(db(ctx), &tctx, id).await)?;
        Ok(JobRetryPayload { job: job.map(Job), user_errors })
    }
}
