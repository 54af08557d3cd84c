//! Outbound orders: what a merchant asks the warehouse to ship and where
//! to (`orders`), their lines (`order_lines`), where each line's units
//! were reserved and why (`order_allocations`), and the timeline of each
//! order (`order_events`).
//!
//! Owned by the order's merchant (`merchant_id`, the owner policy on
//! PostgreSQL); a line's SKU is linked through the merchant, so an order
//! cannot name another merchant's SKU. The merchant's own reference is
//! unique per merchant: a partner's retry finds the first order.

use sea_orm_migration::prelude::*;

use crate::columns::{index, tenant_link, tenant_table, text, text_null, time, time_null, uuid};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261211_000017_orders"
    }
}

const TABLES: [&str; 4] = ["orders", "order_lines", "order_allocations", "order_events"];

fn units(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().default(0).check(Expr::col(name).gte(0)).take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("orders")
                .col(uuid("merchant_id"))
                .col(text("reference"))
                .col(text("channel"))
                .col(text("status"))
                .col(text("ship_to_name"))
                .col(text_null("ship_to_company"))
                .col(text("ship_to_line1"))
                .col(text_null("ship_to_line2"))
                .col(text("ship_to_city"))
                .col(text_null("ship_to_region"))
                .col(text_null("ship_to_postal_code"))
                .col(text("ship_to_country"))
                .col(text_null("ship_to_phone"))
                .col(text_null("ship_to_email"))
                .col(text_null("service_level"))
                .col(text_null("note"))
                .col(time("created_at"))
                .col(time("updated_at"))
                .col(time_null("allocated_at"))
                .col(time_null("cancelled_at"))
                .foreign_key(&mut tenant_link("orders", &["merchant_id"], "merchants", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(index("orders", "orders_reference", &["tenant_id", "merchant_id", "reference"]).unique().take())
            .await?;
        m.create_index(index("orders", "orders_of_merchant", &["tenant_id", "merchant_id", "id"]).unique().take())
            .await?;
        m.create_index(index("orders", "orders_by_status", &["tenant_id", "status", "id"])).await?;

        m.create_table(
            tenant_table("order_lines")
                .col(uuid("merchant_id"))
                .col(uuid("order_id"))
                .col(ColumnDef::new("position").integer().not_null())
                .col(uuid("sku_id"))
                .col(ColumnDef::new("quantity").big_integer().not_null().check(Expr::col("quantity").gt(0)))
                .col(units("allocated"))
                .check(Expr::cust("allocated <= quantity"))
                .foreign_key(
                    tenant_link("order_lines", &["merchant_id", "order_id"], "orders", &["merchant_id", "id"])
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(&mut tenant_link(
                    "order_lines",
                    &["merchant_id", "sku_id"],
                    "skus",
                    &["merchant_id", "id"],
                ))
                .take(),
        )
        .await?;
        m.create_index(
            index("order_lines", "order_lines_of_order", &["tenant_id", "order_id", "position"]).unique().take(),
        )
        .await?;
        m.create_index(index("order_lines", "order_lines_of_sku", &["tenant_id", "sku_id"])).await?;

        m.create_table(
            tenant_table("order_allocations")
                .col(uuid("merchant_id"))
                .col(uuid("order_id"))
                .col(uuid("line_id"))
                .col(uuid("warehouse_id"))
                .col(ColumnDef::new("quantity").big_integer().not_null().check(Expr::col("quantity").gt(0)))
                .col(text("rule"))
                .col(ColumnDef::new("distance_km").integer().null())
                .col(ColumnDef::new("available_before").big_integer().not_null())
                .col(time("created_at"))
                .col(time_null("released_at"))
                .foreign_key(
                    tenant_link("order_allocations", &["merchant_id", "order_id"], "orders", &["merchant_id", "id"])
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(&mut tenant_link("order_allocations", &["warehouse_id"], "warehouses", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(index("order_allocations", "order_allocations_of_order", &["tenant_id", "order_id"])).await?;

        m.create_table(
            tenant_table("order_events")
                .col(uuid("merchant_id"))
                .col(uuid("order_id"))
                .col(text("status"))
                .col(text("kind"))
                .col(text_null("detail"))
                .col(text("actor"))
                .col(time("created_at"))
                .foreign_key(
                    tenant_link("order_events", &["merchant_id", "order_id"], "orders", &["merchant_id", "id"])
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .take(),
        )
        .await?;
        m.create_index(index("order_events", "order_events_of_order", &["tenant_id", "order_id", "id"])).await?;

        for table in TABLES {
            rls::tenant_isolation(m, table).await?;
            rls::owner_isolation(m, table, "merchant_id").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES.iter().rev() {
            rls::drop_policies(m, table).await?;
            m.drop_table(Table::drop().table(*table).take()).await?;
        }
        Ok(())
    }
}
