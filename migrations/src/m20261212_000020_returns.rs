//! Returns (RMA): what a merchant or the warehouse expects back from an
//! order (`returns`), line by line (`return_lines`), with what arrived and
//! what inspection made of it (restocked, damaged, disposed).
//!
//! Owned by the order's merchant (the owner policy on PostgreSQL); lines
//! link to SKUs through the merchant.

use sea_orm_migration::prelude::*;

use crate::columns::{index, tenant_link, tenant_table, text, text_null, time, time_null, uuid};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261212_000020_returns"
    }
}

fn units(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().default(0).check(Expr::col(name).gte(0)).take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("returns")
                .col(uuid("merchant_id"))
                .col(uuid("order_id"))
                .col(uuid("warehouse_id"))
                .col(text("reference"))
                .col(text("status"))
                .col(text_null("reason"))
                .col(time("created_at"))
                .col(time("updated_at"))
                .col(time_null("completed_at"))
                .foreign_key(&mut tenant_link(
                    "returns",
                    &["merchant_id", "order_id"],
                    "orders",
                    &["merchant_id", "id"],
                ))
                .foreign_key(&mut tenant_link("returns", &["warehouse_id"], "warehouses", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(index("returns", "returns_reference", &["tenant_id", "reference"]).unique().take()).await?;
        m.create_index(index("returns", "returns_of_merchant", &["tenant_id", "merchant_id", "id"]).unique().take())
            .await?;
        m.create_index(index("returns", "returns_of_order", &["tenant_id", "order_id"])).await?;
        m.create_table(
            tenant_table("return_lines")
                .col(uuid("merchant_id"))
                .col(uuid("return_id"))
                .col(uuid("sku_id"))
                .col(ColumnDef::new("expected").big_integer().not_null().check(Expr::col("expected").gt(0)))
                .col(units("received"))
                .col(units("restocked"))
                .col(units("damaged"))
                .col(units("disposed"))
                .check(Expr::cust("restocked + damaged + disposed <= received"))
                .foreign_key(
                    tenant_link("return_lines", &["merchant_id", "return_id"], "returns", &["merchant_id", "id"])
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(&mut tenant_link(
                    "return_lines",
                    &["merchant_id", "sku_id"],
                    "skus",
                    &["merchant_id", "id"],
                ))
                .take(),
        )
        .await?;
        m.create_index(
            index("return_lines", "return_lines_of_return", &["tenant_id", "return_id", "sku_id"]).unique().take(),
        )
        .await?;
        for table in ["returns", "return_lines"] {
            rls::tenant_isolation(m, table).await?;
            rls::owner_isolation(m, table, "merchant_id").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["return_lines", "returns"] {
            rls::drop_policies(m, table).await?;
            m.drop_table(Table::drop().table(table).take()).await?;
        }
        Ok(())
    }
}
