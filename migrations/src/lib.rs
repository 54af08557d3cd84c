//! Schema migrations, one per change, for SQLite and PostgreSQL.
//!
//! Tenant-owned tables are keyed `(tenant_id, id)` and every foreign key
//! between them carries `tenant_id` (DESIGN.md §3). PostgreSQL additionally
//! gets row-level security in [`m20261126_000004_row_level_security`].

pub use sea_orm_migration::prelude::*;

mod columns;
mod m20261126_000001_identity;
mod m20261126_000002_audit_log;
mod m20261126_000003_jobs;
mod m20261126_000004_row_level_security;
mod m20261129_000005_merchants;
mod m20261129_000006_tenant_timezone;
mod m20261129_000007_idempotency_keys;
mod m20261129_000008_schedules;
mod m20261130_000009_one_open_invitation_per_email;
mod m20261130_000009_sign_in_attempts;
mod m20261130_000010_audit_log_filters;
mod m20261207_000009_job_attempts_bound;
mod m20261208_000011_signup_confirmations;
mod m20261209_000012_catalog_skus;
mod m20261209_000013_warehouses;
mod m20261210_000014_sku_imports;
mod m20261210_000015_stock_ledger;
mod m20261211_000016_inbound;
mod m20261211_000017_orders;
mod m20261212_000018_fulfilment;
mod m20261212_000019_transfers_and_counts;
mod m20261212_000020_returns;
mod m20261213_000021_sku_import_opening_stock;
mod m20261213_000022_order_imports;
mod rls;

/// The role the application connects as on PostgreSQL, unless
/// `SILKPORT_APP_ROLE` names another. It neither owns the tables nor
/// bypasses row-level security; migrations grant it what it needs.
pub const APP_ROLE: &str = "silkport_app";

/// The application role the migrations grant to: `SILKPORT_APP_ROLE`
/// (a plain lower-case SQL name), else [`APP_ROLE`].
pub fn app_role() -> Result<String, DbErr> {
    match std::env::var("SILKPORT_APP_ROLE") {
        Err(_) => Ok(APP_ROLE.to_owned()),
        Ok(name)
            if name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
                && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') =>
        {
            Ok(name)
        }
        Ok(name) => Err(DbErr::Custom(format!(
            "SILKPORT_APP_ROLE `{name}` is not a plain role name (lower-case letters, digits, underscores)"
        ))),
    }
}

pub struct Migrator;

impl Migrator {
    /// The names of every migration, oldest first.
    pub fn names() -> Vec<String> {
        <Self as MigratorTrait>::migrations().iter().map(|m| m.name().to_owned()).collect()
    }
}

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_identity::Migration),
            Box::new(m20261126_000002_audit_log::Migration),
            Box::new(m20261126_000003_jobs::Migration),
            Box::new(m20261126_000004_row_level_security::Migration),
            Box::new(m20261129_000005_merchants::Migration),
            Box::new(m20261129_000006_tenant_timezone::Migration),
            Box::new(m20261129_000007_idempotency_keys::Migration),
            Box::new(m20261129_000008_schedules::Migration),
            Box::new(m20261130_000009_sign_in_attempts::Migration),
            Box::new(m20261130_000009_one_open_invitation_per_email::Migration),
            Box::new(m20261130_000010_audit_log_filters::Migration),
            Box::new(m20261207_000009_job_attempts_bound::Migration),
            Box::new(m20261208_000011_signup_confirmations::Migration),
            Box::new(m20261209_000012_catalog_skus::Migration),
            Box::new(m20261209_000013_warehouses::Migration),
            Box::new(m20261210_000014_sku_imports::Migration),
            Box::new(m20261210_000015_stock_ledger::Migration),
            Box::new(m20261211_000016_inbound::Migration),
            Box::new(m20261211_000017_orders::Migration),
            Box::new(m20261212_000018_fulfilment::Migration),
            Box::new(m20261212_000019_transfers_and_counts::Migration),
            Box::new(m20261212_000020_returns::Migration),
            Box::new(m20261213_000021_sku_import_opening_stock::Migration),
            Box::new(m20261213_000022_order_imports::Migration),
        ]
    }
}
