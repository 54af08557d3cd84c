//! Fulfilment: waves of orders picked together in one warehouse (`waves`,
//! the tenant's: warehouse work, not one merchant's), their pick tasks
//! (`pick_tasks`: units of an order line to take from one bin and lot),
//! the packages an order is packed into (`packages`, `package_items`), and
//! the shipments handed to a carrier with their tracking events
//! (`shipments`, `tracking_events`).
//!
//! Everything but `waves` is the order's merchant's (`merchant_id`, the
//! owner policy on PostgreSQL), linked to the order through the merchant.
//! Weights are in grams, sizes in millimetres, times in UTC.

use sea_orm_migration::prelude::*;

use crate::columns::{flag, index, int, tenant_link, tenant_table, text, text_null, time, time_null, uuid};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261212_000018_fulfilment"
    }
}

/// Tables a merchant owns, in creation order.
const OWNED: [&str; 5] = ["pick_tasks", "packages", "package_items", "shipments", "tracking_events"];

fn units(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().default(0).check(Expr::col(name).gte(0)).take()
}

fn positive(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().check(Expr::col(name).gt(0)).take()
}

fn size(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).integer().not_null().check(Expr::col(name).gt(0)).take()
}

fn of_order(table: &'static str) -> ForeignKeyCreateStatement {
    tenant_link(table, &["merchant_id", "order_id"], "orders", &["merchant_id", "id"])
        .on_delete(ForeignKeyAction::Cascade)
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("waves")
                .col(uuid("warehouse_id"))
                .col(text("status"))
                .col(text_null("carrier"))
                .col(flag("single_line_only", false))
                .col(text_null("cutoff"))
                .col(int("order_count", 0))
                .col(time("created_at"))
                .col(time("updated_at"))
                .foreign_key(&mut tenant_link("waves", &["warehouse_id"], "warehouses", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(index("waves", "waves_of_warehouse", &["tenant_id", "warehouse_id", "id"])).await?;

        m.create_table(
            tenant_table("pick_tasks")
                .col(uuid("merchant_id"))
                .col(uuid("wave_id"))
                .col(uuid("order_id"))
                .col(uuid("line_id"))
                .col(uuid("sku_id"))
                .col(uuid("location_id"))
                .col(text("location_code"))
                .col(text("lot"))
                .col(ColumnDef::new("received_on").date().not_null())
                .col(ColumnDef::new("expires_on").date().null())
                .col(positive("quantity"))
                .col(units("picked"))
                .col(units("returned"))
                .check(Expr::cust("picked <= quantity AND returned <= picked"))
                .col(time("created_at"))
                .col(time_null("picked_at"))
                .foreign_key(&mut tenant_link("pick_tasks", &["wave_id"], "waves", &["id"]))
                .foreign_key(&mut of_order("pick_tasks"))
                .foreign_key(&mut tenant_link("pick_tasks", &["location_id"], "locations", &["id"]))
                .foreign_key(&mut tenant_link("pick_tasks", &["merchant_id", "sku_id"], "skus", &["merchant_id", "id"]))
                .take(),
        )
        .await?;
        m.create_index(index("pick_tasks", "pick_tasks_path", &["tenant_id", "wave_id", "location_code"])).await?;
        m.create_index(index("pick_tasks", "pick_tasks_of_order", &["tenant_id", "order_id"])).await?;

        m.create_table(
            tenant_table("packages")
                .col(uuid("merchant_id"))
                .col(uuid("order_id"))
                .col(ColumnDef::new("number").integer().not_null())
                .col(size("weight_grams"))
                .col(size("length_mm"))
                .col(size("width_mm"))
                .col(size("height_mm"))
                .col(time("created_at"))
                .foreign_key(&mut of_order("packages"))
                .take(),
        )
        .await?;
        m.create_index(index("packages", "packages_of_order", &["tenant_id", "order_id", "number"]).unique().take())
            .await?;
        m.create_index(index("packages", "packages_of_merchant", &["tenant_id", "merchant_id", "id"]).unique().take())
            .await?;

        m.create_table(
            tenant_table("package_items")
                .col(uuid("merchant_id"))
                .col(uuid("package_id"))
                .col(uuid("order_id"))
                .col(uuid("sku_id"))
                .col(positive("quantity"))
                .foreign_key(
                    &mut tenant_link(
                        "package_items",
                        &["merchant_id", "package_id"],
                        "packages",
                        &["merchant_id", "id"],
                    )
                    .on_delete(ForeignKeyAction::Cascade)
                    .take(),
                )
                .foreign_key(&mut of_order("package_items"))
                .take(),
        )
        .await?;
        m.create_index(index("package_items", "package_items_of_order", &["tenant_id", "order_id"])).await?;

        m.create_table(
            tenant_table("shipments")
                .col(uuid("merchant_id"))
                .col(uuid("order_id"))
                .col(uuid("package_id"))
                .col(text("carrier"))
                .col(text("tracking_number"))
                .col(text("service_level"))
                .col(text_null("label_format"))
                .col(ColumnDef::new("label").blob().null())
                .col(text("status"))
                .col(time("shipped_at"))
                .col(time_null("delivered_at"))
                .foreign_key(&mut of_order("shipments"))
                .foreign_key(&mut tenant_link(
                    "shipments",
                    &["merchant_id", "package_id"],
                    "packages",
                    &["merchant_id", "id"],
                ))
                .take(),
        )
        .await?;
        m.create_index(index("shipments", "shipments_of_package", &["tenant_id", "package_id"]).unique().take())
            .await?;
        m.create_index(index("shipments", "shipments_of_order", &["tenant_id", "order_id"])).await?;
        m.create_index(
            index("shipments", "shipments_of_merchant", &["tenant_id", "merchant_id", "id"]).unique().take(),
        )
        .await?;
        m.create_index(index("shipments", "shipments_by_status", &["tenant_id", "carrier", "status"])).await?;

        m.create_table(
            tenant_table("tracking_events")
                .col(uuid("merchant_id"))
                .col(uuid("shipment_id"))
                .col(uuid("order_id"))
                .col(text("status"))
                .col(time("occurred_at"))
                .col(time("recorded_at"))
                .foreign_key(
                    &mut tenant_link(
                        "tracking_events",
                        &["merchant_id", "shipment_id"],
                        "shipments",
                        &["merchant_id", "id"],
                    )
                    .on_delete(ForeignKeyAction::Cascade)
                    .take(),
                )
                .take(),
        )
        .await?;
        // One event per status of a shipment: polling again records nothing twice.
        m.create_index(
            index("tracking_events", "tracking_events_once", &["tenant_id", "shipment_id", "status"]).unique().take(),
        )
        .await?;
        m.create_index(index("tracking_events", "tracking_events_of_order", &["tenant_id", "order_id"])).await?;

        rls::tenant_isolation(m, "waves").await?;
        for table in OWNED {
            rls::tenant_isolation(m, table).await?;
            rls::owner_isolation(m, table, "merchant_id").await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in OWNED.iter().rev().chain(["waves"].iter()) {
            rls::drop_policies(m, table).await?;
            m.drop_table(Table::drop().table(*table).take()).await?;
        }
        Ok(())
    }
}
