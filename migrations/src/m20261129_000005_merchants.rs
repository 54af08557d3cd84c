//! Merchants (货主), the owners of goods in a warehouse tenant, and the
//! merchant binding of members, invitations and partner clients.
//!
//! `merchants` is owned by the merchant itself (`id`), `api_clients` by
//! the merchant it is bound to: both get the owner policy on PostgreSQL.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

use crate::columns::{index, tenant_table, text, text_null, time, uuid_null};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261129_000005_merchants"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("merchants")
                .col(text("code"))
                .col(text("name"))
                .col(text_null("contact_name"))
                .col(text_null("contact_email"))
                .col(text_null("contact_phone"))
                .col(text("default_currency"))
                .col(time("created_at"))
                .col(time("updated_at"))
                .take(),
        )
        .await?;
        m.create_index(index("merchants", "merchants_code", &["tenant_id", "code"]).unique().take()).await?;
        for table in ["memberships", "invitations"] {
            m.alter_table(Table::alter().table(table).add_column(uuid_null("merchant_id")).take()).await?;
        }
        rls::tenant_isolation(m, "merchants").await?;
        rls::owner_isolation(m, "merchants", "id").await?;
        rls::owner_isolation(m, "api_clients", "merchant_id").await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        rls::drop_policies(m, "merchants").await?;
        if m.get_connection().get_database_backend() == DbBackend::Postgres {
            m.get_connection().execute_unprepared("DROP POLICY IF EXISTS owner_isolation ON api_clients;").await?;
        }
        for table in ["memberships", "invitations"] {
            m.alter_table(Table::alter().table(table).drop_column("merchant_id").take()).await?;
        }
        m.drop_table(Table::drop().table("merchants").take()).await
    }
}
