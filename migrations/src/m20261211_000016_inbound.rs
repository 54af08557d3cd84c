//! Inbound shipments (ASNs, 头程) and their lines.
//!
//! A shipment is one merchant's, bound for one warehouse of the tenant; its
//! reference (the merchant's own) is unique per merchant. A line names a
//! SKU of the same merchant (the foreign key goes through the merchant, as
//! the stock tables' do) and counts units: expected, received (damaged
//! ones included), damaged and put away, none below zero. Both tables are
//! owned by the merchant (`merchant_id`, the owner policy on PostgreSQL).

use sea_orm_migration::prelude::*;

use crate::columns::{index, tenant_link, tenant_table, text, text_null, time, time_null, uuid, uuid_null};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261211_000016_inbound"
    }
}

const TABLES: [&str; 2] = ["inbound_shipments", "inbound_lines"];

/// A count of units: whole, not negative.
fn units(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().default(0).check(Expr::col(name).gte(0)).take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("inbound_shipments")
                .col(uuid("merchant_id"))
                .col(uuid("warehouse_id"))
                .col(text("reference"))
                .col(text("mode"))
                .col(text_null("container_number"))
                .col(text_null("waybill_number"))
                .col(text_null("carrier_name"))
                .col(ColumnDef::new("eta").date().null())
                .col(ColumnDef::new("cartons").integer().null().check(Expr::col("cartons").gte(0)))
                .col(text_null("note"))
                .col(text("status"))
                .col(time("created_at"))
                .col(time("updated_at"))
                .col(time_null("arrived_at"))
                .col(time_null("closed_at"))
                .foreign_key(&mut tenant_link("inbound_shipments", &["merchant_id"], "merchants", &["id"]))
                .foreign_key(&mut tenant_link("inbound_shipments", &["warehouse_id"], "warehouses", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(
            index("inbound_shipments", "inbound_shipments_reference", &["tenant_id", "merchant_id", "reference"])
                .unique()
                .take(),
        )
        .await?;
        m.create_index(
            index("inbound_shipments", "inbound_shipments_of_merchant", &["tenant_id", "merchant_id", "id"])
                .unique()
                .take(),
        )
        .await?;

        m.create_table(
            tenant_table("inbound_lines")
                .col(uuid("merchant_id"))
                .col(uuid("shipment_id"))
                .col(uuid("sku_id"))
                .col(ColumnDef::new("lot").text().not_null().default(""))
                .col(ColumnDef::new("expires_on").date().null())
                .col(units("expected"))
                .col(units("received"))
                .col(units("damaged"))
                .col(units("put_away"))
                .col(uuid_null("receiving_location_id"))
                .check(Expr::cust("damaged <= received AND put_away <= received - damaged"))
                .foreign_key(&mut tenant_link(
                    "inbound_lines",
                    &["merchant_id", "shipment_id"],
                    "inbound_shipments",
                    &["merchant_id", "id"],
                ))
                .foreign_key(&mut tenant_link(
                    "inbound_lines",
                    &["merchant_id", "sku_id"],
                    "skus",
                    &["merchant_id", "id"],
                ))
                .foreign_key(&mut tenant_link("inbound_lines", &["receiving_location_id"], "locations", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(
            index("inbound_lines", "inbound_lines_sku_lot", &["tenant_id", "shipment_id", "sku_id", "lot"])
                .unique()
                .take(),
        )
        .await?;

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
