//! Indexes for the audit log's filters: by actor and by action, each in the
//! listing's order (newest id first), and by time for date ranges.

use sea_orm_migration::prelude::*;

use crate::columns::index;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000010_audit_log_filters"
    }
}

const INDEXES: [(&str, [&str; 3]); 2] =
    [("audit_log_actor", ["tenant_id", "actor_id", "id"]), ("audit_log_action", ["tenant_id", "action", "id"])];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, columns) in INDEXES {
            m.create_index(index("audit_log", name, &columns)).await?;
        }
        m.create_index(index("audit_log", "audit_log_at", &["tenant_id", "at"])).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for name in ["audit_log_at", "audit_log_action", "audit_log_actor"] {
            m.drop_index(Index::drop().name(name).table("audit_log").to_owned()).await?;
        }
        Ok(())
    }
}
