//! PostgreSQL only: row-level security as the second wall of tenancy, the
//! grants of the application role, and the one audited cross-tenant query
//! (claiming due jobs) as a `SECURITY DEFINER` function owned by the owner.
//!
//! Each request's transaction runs `set_config('app.tenant_id', …, true)`;
//! a session without it sees no tenant rows at all (the `NULLIF` turns the
//! empty setting into NULL, and `tenant_id = NULL` is never true).

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

use crate::app_role;

pub struct Migration;

/// Tenant-owned tables as of this migration; later migrations that add
/// tenant tables add their own policies.
const TENANT_TABLES: [&str; 5] = ["memberships", "invitations", "api_clients", "audit_log", "jobs"];

const TENANT_PREDICATE: &str = "tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid";

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000004_row_level_security"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        for table in TENANT_TABLES {
            db.execute_unprepared(&format!(
                "ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                 CREATE POLICY tenant_isolation ON {table}
                   USING ({TENANT_PREDICATE}) WITH CHECK ({TENANT_PREDICATE});"
            ))
            .await?;
        }
        // Listing "my tenants" for the tenant switcher happens before a tenant
        // is chosen: a user may read their own memberships, and nothing else.
        db.execute_unprepared(
            "CREATE POLICY own_memberships ON memberships FOR SELECT
               USING (user_id = NULLIF(current_setting('app.user_id', true), '')::uuid);",
        )
        .await?;
        db.execute_unprepared(
            "CREATE FUNCTION silkport_claim_jobs(p_worker text, p_lease_ms bigint, p_limit int)
             RETURNS SETOF jobs LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
               UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = p_worker,
                      locked_until = now() + p_lease_ms * interval '1 millisecond'
                WHERE (tenant_id, id) IN (
                      SELECT tenant_id, id FROM jobs
                       WHERE (state = 'queued' AND run_at <= now())
                          OR (state = 'running' AND locked_until < now())
                       ORDER BY run_at LIMIT p_limit
                       FOR UPDATE SKIP LOCKED)
               RETURNING *
             $$;
             REVOKE ALL ON FUNCTION silkport_claim_jobs(text, bigint, int) FROM PUBLIC;",
        )
        .await?;
        let app = app_role()?;
        db.execute_unprepared(&format!(
            "DO $$ BEGIN
               IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{app}') THEN
                 RAISE EXCEPTION 'the application role {app} does not exist: create it before migrating (README: PostgreSQL roles), or name yours in SILKPORT_APP_ROLE';
               ELSE
                 GRANT USAGE ON SCHEMA public TO {app};
                 GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, users, memberships, invitations,
                       api_clients, refresh_tokens, password_resets, jobs TO {app};
                 GRANT SELECT, INSERT ON audit_log TO {app};
                 GRANT SELECT ON seaql_migrations TO {app};
                 GRANT EXECUTE ON FUNCTION silkport_claim_jobs(text, bigint, int) TO {app};
                 -- Tables of later migrations are granted as they are made;
                 -- their RLS policies each migration adds itself.
                 ALTER DEFAULT PRIVILEGES IN SCHEMA public
                   GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app};
               END IF;
             END $$;"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        db.execute_unprepared("DROP FUNCTION IF EXISTS silkport_claim_jobs(text, bigint, int);").await?;
        db.execute_unprepared("DROP POLICY IF EXISTS own_memberships ON memberships;").await?;
        for table in TENANT_TABLES {
            db.execute_unprepared(&format!(
                "DROP POLICY IF EXISTS tenant_isolation ON {table};
                 ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;"
            ))
            .await?;
        }
        Ok(())
    }
}
