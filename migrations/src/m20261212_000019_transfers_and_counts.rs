//! Moving stock between warehouses and counting it.
//!
//! `stock_transfers` and their lines are a merchant's (its goods travel),
//! linked to SKUs through the merchant; units in transit are `incoming` at
//! the destination. `count_tasks` and their lines are the warehouse's
//! work: a count covers a location or a SKU whatever merchants' goods are
//! there, so the task has no owner, while each line names its SKU's
//! merchant for what it finds.

use sea_orm_migration::prelude::*;

use crate::columns::{boolean, index, tenant_link, tenant_table, text, text_null, time, time_null, uuid, uuid_null};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261212_000019_transfers_and_counts"
    }
}

fn units(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().check(Expr::col(name).gte(0)).take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("stock_transfers")
                .col(uuid("merchant_id"))
                .col(text("reference"))
                .col(uuid("from_warehouse_id"))
                .col(uuid("to_warehouse_id"))
                .col(text("status"))
                .col(text_null("note"))
                .col(time("created_at"))
                .col(time_null("received_at"))
                .foreign_key(&mut tenant_link("stock_transfers", &["merchant_id"], "merchants", &["id"]))
                .foreign_key(&mut tenant_link("stock_transfers", &["from_warehouse_id"], "warehouses", &["id"]))
                .foreign_key(&mut tenant_link("stock_transfers", &["to_warehouse_id"], "warehouses", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(
            index("stock_transfers", "stock_transfers_reference", &["tenant_id", "merchant_id", "reference"])
                .unique()
                .take(),
        )
        .await?;
        m.create_index(
            index("stock_transfers", "stock_transfers_of_merchant", &["tenant_id", "merchant_id", "id"])
                .unique()
                .take(),
        )
        .await?;
        m.create_table(
            tenant_table("stock_transfer_lines")
                .col(uuid("merchant_id"))
                .col(uuid("transfer_id"))
                .col(uuid("sku_id"))
                .col(uuid("from_location_id"))
                .col(text_null("lot"))
                .col(units("quantity"))
                .col(uuid_null("to_location_id"))
                .foreign_key(
                    tenant_link(
                        "stock_transfer_lines",
                        &["merchant_id", "transfer_id"],
                        "stock_transfers",
                        &["merchant_id", "id"],
                    )
                    .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(&mut tenant_link(
                    "stock_transfer_lines",
                    &["merchant_id", "sku_id"],
                    "skus",
                    &["merchant_id", "id"],
                ))
                .take(),
        )
        .await?;
        m.create_index(index(
            "stock_transfer_lines",
            "stock_transfer_lines_of_transfer",
            &["tenant_id", "transfer_id"],
        ))
        .await?;

        m.create_table(
            tenant_table("count_tasks")
                .col(uuid("warehouse_id"))
                .col(uuid_null("location_id"))
                .col(uuid_null("sku_id"))
                .col(boolean("blind", true))
                .col(text("status"))
                .col(text("created_by"))
                .col(text_null("counted_by"))
                .col(text_null("decided_by"))
                .col(time("created_at"))
                .col(time_null("counted_at"))
                .col(time_null("decided_at"))
                .foreign_key(&mut tenant_link("count_tasks", &["warehouse_id"], "warehouses", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(index("count_tasks", "count_tasks_by_status", &["tenant_id", "status", "id"])).await?;
        m.create_table(
            tenant_table("count_lines")
                .col(uuid("task_id"))
                .col(uuid("merchant_id"))
                .col(uuid("sku_id"))
                .col(uuid("location_id"))
                .col(ColumnDef::new("lot").text().not_null().default(""))
                .col(units("expected"))
                .col(ColumnDef::new("counted").big_integer().null().check(Expr::col("counted").gte(0)))
                .foreign_key(
                    tenant_link("count_lines", &["task_id"], "count_tasks", &["id"])
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(&mut tenant_link(
                    "count_lines",
                    &["merchant_id", "sku_id"],
                    "skus",
                    &["merchant_id", "id"],
                ))
                .foreign_key(&mut tenant_link("count_lines", &["location_id"], "locations", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(
            index("count_lines", "count_lines_key", &["tenant_id", "task_id", "location_id", "sku_id", "lot"])
                .unique()
                .take(),
        )
        .await?;

        for table in ["stock_transfers", "stock_transfer_lines"] {
            rls::tenant_isolation(m, table).await?;
            rls::owner_isolation(m, table, "merchant_id").await?;
        }
        rls::tenant_isolation(m, "count_tasks").await?;
        rls::tenant_isolation(m, "count_lines").await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["count_lines", "count_tasks", "stock_transfer_lines", "stock_transfers"] {
            rls::drop_policies(m, table).await?;
            m.drop_table(Table::drop().table(table).take()).await?;
        }
        Ok(())
    }
}
