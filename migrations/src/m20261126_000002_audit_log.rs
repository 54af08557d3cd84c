//! The audit log: one row per mutation, append-only.

use sea_orm_migration::prelude::*;

use crate::columns::{index, json_null, tenant_table, text, text_null, time, uuid_null};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000002_audit_log"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("audit_log")
                .col(time("at"))
                .col(text("actor_kind"))
                .col(uuid_null("actor_id"))
                .col(text("actor_label"))
                .col(text("action"))
                .col(text_null("subject_id"))
                .col(json_null("before"))
                .col(json_null("after"))
                .col(text_null("request_id"))
                .take(),
        )
        .await?;
        m.create_index(index("audit_log", "audit_log_subject", &["tenant_id", "subject_id"])).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("audit_log").take()).await
    }
}
