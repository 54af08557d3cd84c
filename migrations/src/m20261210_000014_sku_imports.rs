//! Imports of SKUs from files merchants already have (a Shopify product
//! export, Silkport's own SKU CSV): the uploaded files, and the imports
//! that read them as a job.
//!
//! An upload is kept as its bytes (at most a few MiB) with who sent it; a
//! merchant-bound uploader's upload is owned by its merchant, so another
//! merchant never sees it. An import is owned by the merchant whose goods
//! it makes and names the upload it reads.

use sea_orm_migration::prelude::*;

use crate::columns::{index, int, tenant_link, tenant_table, text, text_null, time, time_null, uuid, uuid_null};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261210_000014_sku_imports"
    }
}

const TABLES: [&str; 2] = ["uploads", "sku_imports"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("uploads")
                .col(uuid_null("merchant_id"))
                .col(text("uploaded_by"))
                .col(text("filename"))
                .col(int("size_bytes", 0))
                .col(text("sha256"))
                .col(ColumnDef::new("content").blob().not_null())
                .col(time("created_at"))
                .take(),
        )
        .await?;

        m.create_table(
            tenant_table("sku_imports")
                .col(uuid("merchant_id"))
                .col(uuid("upload_id"))
                .col(text("filename"))
                .col(text("format"))
                .col(text("state"))
                .col(int("rows_total", 0))
                .col(int("rows_done", 0))
                .col(int("error_count", 0))
                .col(ColumnDef::new("errors").text().not_null().default("[]"))
                .col(int("products_created", 0))
                .col(int("products_updated", 0))
                .col(int("skus_created", 0))
                .col(int("skus_updated", 0))
                .col(int("skus_unchanged", 0))
                .col(text("started_by"))
                .col(text_null("request_id"))
                .col(time("created_at"))
                .col(time("updated_at"))
                .col(time_null("finished_at"))
                .foreign_key(&mut tenant_link("sku_imports", &["merchant_id"], "merchants", &["id"]))
                .foreign_key(&mut tenant_link("sku_imports", &["upload_id"], "uploads", &["id"]))
                .take(),
        )
        .await?;
        m.create_index(index("sku_imports", "sku_imports_of_merchant", &["tenant_id", "merchant_id"])).await?;

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
