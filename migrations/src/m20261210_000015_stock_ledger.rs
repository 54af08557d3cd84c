//! Stock and its ledger: the named quantities of a merchant's SKU in a
//! warehouse (`stock_levels`), the units on hand in each bin per lot and
//! receipt day (`bin_stocks`), and the append-only movements that made
//! both (`stock_movements`).
//!
//! The database keeps the invariants the service also checks, as a last
//! wall: no quantity below zero and `available` (on hand less reserved,
//! damaged, quality control and safety stock) never negative, in CHECK
//! constraints; a movement cannot be changed once written (a trigger, and
//! on PostgreSQL the application role may only insert and read them).
//! Every table is owned by the SKU's merchant (`merchant_id`, the owner
//! policy on PostgreSQL) and linked to its SKU through the merchant, so
//! stock cannot be booked to another merchant's SKU.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

use crate::columns::{index, tenant_link, tenant_table, text, text_null, time, uuid, uuid_null};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261210_000015_stock_ledger"
    }
}

const TABLES: [&str; 3] = ["stock_levels", "bin_stocks", "stock_movements"];

/// A count of units: whole, not negative.
fn units(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().default(0).check(Expr::col(name).gte(0)).take()
}

fn big(name: &'static str) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("stock_levels")
                .col(uuid("merchant_id"))
                .col(uuid("sku_id"))
                .col(uuid("warehouse_id"))
                .col(units("on_hand"))
                .col(units("reserved"))
                .col(units("damaged"))
                .col(units("quality_control"))
                .col(units("safety_stock"))
                .col(units("incoming"))
                .col(time("updated_at"))
                .check(Expr::cust("on_hand - reserved - damaged - quality_control - safety_stock >= 0"))
                .foreign_key(&mut tenant_link(
                    "stock_levels",
                    &["merchant_id", "sku_id"],
                    "skus",
                    &["merchant_id", "id"],
                ))
                .foreign_key(&mut tenant_link("stock_levels", &["warehouse_id"], "warehouses", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(
            index("stock_levels", "stock_levels_sku_warehouse", &["tenant_id", "sku_id", "warehouse_id"])
                .unique()
                .take(),
        )
        .await?;
        m.create_index(index("stock_levels", "stock_levels_of_warehouse", &["tenant_id", "warehouse_id"])).await?;

        m.create_table(
            tenant_table("bin_stocks")
                .col(uuid("merchant_id"))
                .col(uuid("sku_id"))
                .col(uuid("warehouse_id"))
                .col(uuid("location_id"))
                .col(ColumnDef::new("lot").text().not_null().default(""))
                .col(ColumnDef::new("received_on").date().not_null())
                .col(ColumnDef::new("expires_on").date().null())
                .col(units("on_hand"))
                .col(time("updated_at"))
                .foreign_key(&mut tenant_link("bin_stocks", &["merchant_id", "sku_id"], "skus", &["merchant_id", "id"]))
                .foreign_key(&mut tenant_link("bin_stocks", &["location_id"], "locations", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(
            index("bin_stocks", "bin_stocks_key", &["tenant_id", "sku_id", "location_id", "lot", "received_on"])
                .unique()
                .take(),
        )
        .await?;
        m.create_index(index("bin_stocks", "bin_stocks_of_location", &["tenant_id", "location_id"])).await?;
        m.create_index(index("bin_stocks", "bin_stocks_of_level", &["tenant_id", "sku_id", "warehouse_id"])).await?;

        m.create_table(
            tenant_table("stock_movements")
                .col(uuid("merchant_id"))
                .col(uuid("sku_id"))
                .col(uuid("warehouse_id"))
                .col(uuid_null("location_id"))
                .col(text_null("lot"))
                .col(ColumnDef::new("received_on").date().null())
                .col(text("kind"))
                .col(text("quantity"))
                .col(big("delta"))
                .col(big("before"))
                .col(big("after"))
                .col(text_null("reason"))
                .col(text_null("reference_type"))
                .col(text_null("reference_id"))
                .col(text_null("note"))
                .col(text("actor"))
                .col(time("created_at"))
                .foreign_key(&mut tenant_link(
                    "stock_movements",
                    &["merchant_id", "sku_id"],
                    "skus",
                    &["merchant_id", "id"],
                ))
                .take(),
        )
        .await?;
        m.create_index(index(
            "stock_movements",
            "stock_movements_of_level",
            &["tenant_id", "sku_id", "warehouse_id", "id"],
        ))
        .await?;
        m.create_index(index(
            "stock_movements",
            "stock_movements_of_reference",
            &["tenant_id", "reference_type", "reference_id"],
        ))
        .await?;

        let append_only = match m.get_connection().get_database_backend() {
            DbBackend::Postgres => {
                "CREATE FUNCTION silkport_stock_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN RAISE EXCEPTION 'stock movements are append-only'; END $$;
                 CREATE TRIGGER stock_movements_append_only BEFORE UPDATE ON stock_movements
                   FOR EACH ROW EXECUTE FUNCTION silkport_stock_movements_append_only();"
            }
            _ => {
                "CREATE TRIGGER stock_movements_append_only BEFORE UPDATE ON stock_movements
                 BEGIN SELECT RAISE(ABORT, 'stock movements are append-only'); END;"
            }
        };
        m.get_connection().execute_unprepared(append_only).await?;
        if m.get_connection().get_database_backend() == DbBackend::Postgres {
            // The application may add movements and read them, as it may the
            // audit log; only the owner's cascade from a deleted tenant removes them.
            let app = crate::app_role()?;
            m.get_connection()
                .execute_unprepared(&format!(
                    "DO $$ BEGIN
                       IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{app}') THEN
                         REVOKE UPDATE, DELETE ON stock_movements FROM {app};
                       END IF;
                     END $$;"
                ))
                .await?;
        }

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
        if m.get_connection().get_database_backend() == DbBackend::Postgres {
            m.get_connection()
                .execute_unprepared("DROP FUNCTION IF EXISTS silkport_stock_movements_append_only()")
                .await?;
        }
        Ok(())
    }
}
