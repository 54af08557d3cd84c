//! Products and SKUs of the merchants (货主) in a warehouse tenant, and the
//! barcodes a SKU is scanned by.
//!
//! Every table is owned by its merchant (`merchant_id`, the owner policy on
//! PostgreSQL). The links carry the merchant as well as the tenant, so a
//! SKU can only hang under a product of its own merchant and a barcode
//! under a SKU of its own merchant: the uniqueness of codes and barcodes
//! per merchant then holds in the database, not only in the service.

use sea_orm_migration::prelude::*;

use crate::columns::{flag, index, measure, tenant_link, tenant_table, text, text_null, time, uuid};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261209_000012_catalog_skus"
    }
}

const TABLES: [&str; 3] = ["products", "skus", "sku_barcodes"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("products")
                .col(uuid("merchant_id"))
                .col(text("handle"))
                .col(text_null("title_zh"))
                .col(text_null("title_en"))
                .col(text("status"))
                .col(time("created_at"))
                .col(time("updated_at"))
                .foreign_key(&mut tenant_link("products", &["merchant_id"], "merchants", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(index("products", "products_handle", &["tenant_id", "merchant_id", "handle"]).unique().take())
            .await?;
        // The target of the SKUs' link, which names the merchant too.
        m.create_index(index("products", "products_of_merchant", &["tenant_id", "merchant_id", "id"]).unique().take())
            .await?;

        m.create_table(
            tenant_table("skus")
                .col(uuid("merchant_id"))
                .col(uuid("product_id"))
                .col(text("code"))
                .col(text_null("name_zh"))
                .col(text_null("name_en"))
                .col(ColumnDef::new("options").text().not_null().default("[]"))
                .col(text_null("hs_code"))
                .col(text_null("origin_country"))
                .col(text_null("declared_amount"))
                .col(text_null("declared_currency"))
                .col(measure("weight_grams"))
                .col(measure("length_mm"))
                .col(measure("width_mm"))
                .col(measure("height_mm"))
                .col(flag("lot_tracked", false))
                .col(flag("expiry_tracked", false))
                .col(text("status"))
                .col(time("created_at"))
                .col(time("updated_at"))
                .foreign_key(&mut tenant_link(
                    "skus",
                    &["merchant_id", "product_id"],
                    "products",
                    &["merchant_id", "id"],
                ))
                .take(),
        )
        .await?;
        m.create_index(index("skus", "skus_code", &["tenant_id", "merchant_id", "code"]).unique().take()).await?;
        m.create_index(index("skus", "skus_of_merchant", &["tenant_id", "merchant_id", "id"]).unique().take()).await?;
        m.create_index(index("skus", "skus_of_product", &["tenant_id", "product_id"])).await?;

        m.create_table(
            tenant_table("sku_barcodes")
                .col(uuid("merchant_id"))
                .col(uuid("sku_id"))
                .col(text("barcode"))
                .col(text("kind"))
                .col(text("scan_key"))
                .foreign_key(
                    tenant_link("sku_barcodes", &["merchant_id", "sku_id"], "skus", &["merchant_id", "id"])
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .take(),
        )
        .await?;
        m.create_index(
            index("sku_barcodes", "sku_barcodes_scan_key", &["tenant_id", "merchant_id", "scan_key"]).unique().take(),
        )
        .await?;
        m.create_index(index("sku_barcodes", "sku_barcodes_of_sku", &["tenant_id", "sku_id"])).await?;

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
