//! The job queue (transactional outbox): jobs are written in the same
//! transaction as the change that causes them.

use sea_orm_migration::prelude::*;

use crate::columns::{index, int, json_null, tenant_table, text, text_null, time, time_null};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000003_jobs"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("jobs")
                .col(text("kind"))
                .col(json_null("payload"))
                .col(text("state"))
                .col(int("attempts", 0))
                .col(int("max_attempts", 5))
                .col(time("run_at"))
                .col(time_null("locked_until"))
                .col(text_null("locked_by"))
                .col(text_null("last_error"))
                .col(text_null("dedupe_key"))
                .col(time("created_at"))
                .col(time_null("finished_at"))
                .take(),
        )
        .await?;
        m.create_index(index("jobs", "jobs_due", &["state", "run_at"])).await?;
        m.create_index(index("jobs", "jobs_dedupe", &["tenant_id", "dedupe_key"]).unique().take()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("jobs").take()).await
    }
}
