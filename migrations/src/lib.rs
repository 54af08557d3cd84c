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
mod rls;

/// The role the application connects as on PostgreSQL. It neither owns the
/// tables nor bypasses row-level security; migrations grant it what it needs.
pub const APP_ROLE: &str = "silkport_app";

pub struct Migrator;

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
        ]
    }
}
