//! SKU imports count the locations their opening stock (`stock:…` columns
//! of Silkport's SKU CSV) was received into.

use sea_orm_migration::prelude::*;

use crate::columns::int;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261213_000021_sku_import_opening_stock"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("sku_imports").add_column(int("opening_stock_placed", 0)).take()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("sku_imports").drop_column("opening_stock_placed").take()).await
    }
}
