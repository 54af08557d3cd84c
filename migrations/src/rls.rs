//! PostgreSQL row-level security for tables added after
//! [`crate::m20261126_000004_row_level_security`], which set it up for the
//! first ones. Each is a no-op on SQLite.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

/// The transaction's tenant, set by every tenant transaction.
const TENANT: &str = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";
/// The transaction's merchant; empty for contexts that see every merchant.
const MERCHANT: &str = "NULLIF(current_setting('app.merchant_id', true), '')";

fn postgres(m: &SchemaManager) -> bool {
    m.get_connection().get_database_backend() == DbBackend::Postgres
}

/// Rows of `table` are visible and writable only within their tenant.
pub async fn tenant_isolation(m: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    if !postgres(m) {
        return Ok(());
    }
    m.get_connection()
        .execute_unprepared(&format!(
            "ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
             CREATE POLICY tenant_isolation ON {table}
               USING (tenant_id = {TENANT}) WITH CHECK (tenant_id = {TENANT});"
        ))
        .await?;
    Ok(())
}

/// In a merchant-bound transaction, rows of `table` are visible and
/// writable only when `owner` is that merchant (a second wall behind the
/// application's owner filter; restrictive, so it adds to the tenant policy).
pub async fn owner_isolation(m: &SchemaManager<'_>, table: &str, owner: &str) -> Result<(), DbErr> {
    if !postgres(m) {
        return Ok(());
    }
    let predicate = format!("{MERCHANT} IS NULL OR {owner} = {MERCHANT}::uuid");
    m.get_connection()
        .execute_unprepared(&format!(
            "CREATE POLICY owner_isolation ON {table} AS RESTRICTIVE
               USING ({predicate}) WITH CHECK ({predicate});"
        ))
        .await?;
    Ok(())
}

/// Undoes [`tenant_isolation`] and [`owner_isolation`].
pub async fn drop_policies(m: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    if !postgres(m) {
        return Ok(());
    }
    m.get_connection()
        .execute_unprepared(&format!(
            "DROP POLICY IF EXISTS owner_isolation ON {table};
             DROP POLICY IF EXISTS tenant_isolation ON {table};"
        ))
        .await?;
    Ok(())
}
