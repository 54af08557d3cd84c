//! A tenant's time zone (IANA name), in which its schedules run and its
//! reports are cut. Existing tenants get UTC.

use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261129_000006_tenant_timezone"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let column = ColumnDef::new("timezone").text().not_null().default("UTC").take();
        m.alter_table(Table::alter().table("tenants").add_column(column).take()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("tenants").drop_column("timezone").take()).await
    }
}
