//! Warehouses and their locations (bins), the inventory context's first
//! tables.
//!
//! A location belongs to a warehouse of the same tenant: its foreign key
//! carries `tenant_id` (DESIGN.md §3), so no row can point across tenants.
//! Codes are unique per tenant (warehouses) and per warehouse (locations);
//! the location index also serves listing a warehouse's locations by code
//! prefix. Neither table has an owner: every member of a warehouse tenant,
//! merchants included, sees the tenant's warehouses.

use sea_orm_migration::prelude::*;

use crate::columns::{boolean, index, tenant_table, text, text_null, time, uuid};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261209_000013_warehouses"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("warehouses")
                .col(text("code"))
                .col(text("name"))
                .col(text("country"))
                .col(text("timezone"))
                .col(text("address_line1"))
                .col(text_null("address_line2"))
                .col(text("address_city"))
                .col(text_null("address_region"))
                .col(text_null("address_postal_code"))
                .col(boolean("active", true))
                .col(time("created_at"))
                .col(time("updated_at"))
                .take(),
        )
        .await?;
        m.create_index(index("warehouses", "warehouses_code", &["tenant_id", "code"]).unique().take()).await?;
        m.create_table(
            tenant_table("locations")
                .col(uuid("warehouse_id"))
                .col(text("code"))
                .col(text("zone"))
                .col(text_null("aisle"))
                .col(text_null("bay"))
                .col(text_null("level"))
                .col(text_null("bin"))
                .col(text("kind"))
                .col(boolean("active", true))
                .col(time("created_at"))
                .col(time("updated_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from_tbl("locations")
                        .from_col("tenant_id")
                        .from_col("warehouse_id")
                        .to_tbl("warehouses")
                        .to_col("tenant_id")
                        .to_col("id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .take(),
        )
        .await?;
        m.create_index(
            index("locations", "locations_warehouse_code", &["tenant_id", "warehouse_id", "code"]).unique().take(),
        )
        .await?;
        for table in ["warehouses", "locations"] {
            rls::tenant_isolation(m, table).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["locations", "warehouses"] {
            rls::drop_policies(m, table).await?;
            m.drop_table(Table::drop().table(table).take()).await?;
        }
        Ok(())
    }
}
