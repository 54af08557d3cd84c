//! Idempotency keys: the first result of a creating mutation, per tenant,
//! principal and key, kept for 24 hours.

use sea_orm_migration::prelude::*;

use crate::columns::{index, tenant_table, text, text_null, time};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261129_000007_idempotency_keys"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("idempotency_keys")
                .col(text("principal"))
                .col(text("key"))
                .col(text("operation"))
                .col(text("request_hash"))
                .col(text_null("response"))
                .col(time("created_at"))
                .col(time("expires_at"))
                .take(),
        )
        .await?;
        m.create_index(
            index("idempotency_keys", "idempotency_keys_key", &["tenant_id", "principal", "key"]).unique().take(),
        )
        .await?;
        m.create_index(index("idempotency_keys", "idempotency_keys_expiry", &["tenant_id", "expires_at"])).await?;
        rls::tenant_isolation(m, "idempotency_keys").await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        rls::drop_policies(m, "idempotency_keys").await?;
        m.drop_table(Table::drop().table("idempotency_keys").take()).await
    }
}
