//! Imports of orders from files merchants already have (a Shopify orders
//! export, Silkport's own orders CSV), read as a job from an upload.
//!
//! Owned by the merchant whose orders the file makes (the owner policy on
//! PostgreSQL). Faults and notices (rows passed over on purpose: cancelled
//! or fulfilled orders, lines that need no shipping) are kept as JSON,
//! each worded in every language.

use sea_orm_migration::prelude::*;

use crate::columns::{index, int, tenant_link, tenant_table, text, text_null, time, time_null, uuid};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261213_000022_order_imports"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("order_imports")
                .col(uuid("merchant_id"))
                .col(uuid("upload_id"))
                .col(text("filename"))
                .col(text("format"))
                .col(text("state"))
                .col(int("rows_total", 0))
                .col(int("rows_done", 0))
                .col(int("error_count", 0))
                .col(ColumnDef::new("errors").text().not_null().default("[]"))
                .col(int("notice_count", 0))
                .col(ColumnDef::new("notices").text().not_null().default("[]"))
                .col(int("orders_total", 0))
                .col(int("orders_created", 0))
                .col(int("orders_existing", 0))
                .col(int("orders_skipped", 0))
                .col(text("started_by"))
                .col(text_null("request_id"))
                .col(time("created_at"))
                .col(time("updated_at"))
                .col(time_null("finished_at"))
                .foreign_key(&mut tenant_link("order_imports", &["merchant_id"], "merchants", &["id"]))
                .foreign_key(&mut tenant_link("order_imports", &["upload_id"], "uploads", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(index("order_imports", "order_imports_of_merchant", &["tenant_id", "merchant_id"])).await?;
        rls::tenant_isolation(m, "order_imports").await?;
        rls::owner_isolation(m, "order_imports", "merchant_id").await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        rls::drop_policies(m, "order_imports").await?;
        m.drop_table(Table::drop().table("order_imports").take()).await
    }
}
