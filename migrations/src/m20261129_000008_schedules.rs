//! Schedules: `job_schedules` holds each tenant's next and last run of each
//! tenant schedule, `platform_schedules` those of platform-wide ones.
//!
//! On PostgreSQL the scheduler's two cross-tenant reads (due runs, tenants
//! lacking a row) are `SECURITY DEFINER` functions owned by the owner role,
//! like the job claim; everything else runs in a tenant's scope.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

use crate::app_role;
use crate::columns::{index, tenant_table, text, text_null, time, time_null, uuid_null};
use crate::rls;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261129_000008_schedules"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            tenant_table("job_schedules")
                .col(text("name"))
                .col(text("cron"))
                .col(text("zone"))
                .col(time("next_run_at"))
                .col(time_null("last_run_at"))
                .col(uuid_null("last_job_id"))
                .col(time("created_at"))
                .take(),
        )
        .await?;
        m.create_index(index("job_schedules", "job_schedules_name", &["tenant_id", "name"]).unique().take()).await?;
        m.create_index(index("job_schedules", "job_schedules_due", &["next_run_at"])).await?;
        m.create_table(
            Table::create()
                .table("platform_schedules")
                .col(text("name").primary_key())
                .col(text("cron"))
                .col(time("next_run_at"))
                .col(time_null("last_run_at"))
                .col(time_null("last_finished_at"))
                .col(text_null("last_error"))
                .take(),
        )
        .await?;
        rls::tenant_isolation(m, "job_schedules").await?;
        let db = m.get_connection();
        if db.get_database_backend() != DbBackend::Postgres {
            return Ok(());
        }
        db.execute_unprepared(
            "CREATE FUNCTION silkport_due_schedules(p_names text[], p_now timestamptz, p_limit int)
             RETURNS TABLE(tenant_id uuid, name text, next_run_at timestamptz, timezone text)
             LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
               SELECT s.tenant_id, s.name, s.next_run_at, t.timezone
                 FROM job_schedules s JOIN tenants t ON t.id = s.tenant_id
                WHERE s.next_run_at <= p_now AND s.name = ANY(p_names)
                ORDER BY s.next_run_at LIMIT p_limit
             $$;
             CREATE FUNCTION silkport_unscheduled(p_names text[])
             RETURNS TABLE(tenant_id uuid, timezone text, name text)
             LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
               SELECT t.id, t.timezone, n.name FROM tenants t CROSS JOIN unnest(p_names) AS n(name)
                WHERE NOT EXISTS (SELECT 1 FROM job_schedules s WHERE s.tenant_id = t.id AND s.name = n.name)
             $$;
             REVOKE ALL ON FUNCTION silkport_due_schedules(text[], timestamptz, int) FROM PUBLIC;
             REVOKE ALL ON FUNCTION silkport_unscheduled(text[]) FROM PUBLIC;",
        )
        .await?;
        let app = app_role()?;
        db.execute_unprepared(&format!(
            "DO $$ BEGIN
               IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{app}') THEN
                 RAISE EXCEPTION 'the application role {app} does not exist: create it before migrating (README: PostgreSQL roles), or name yours in SILKPORT_APP_ROLE';
               ELSE
                 GRANT EXECUTE ON FUNCTION silkport_due_schedules(text[], timestamptz, int) TO {app};
                 GRANT EXECUTE ON FUNCTION silkport_unscheduled(text[]) TO {app};
               END IF;
             END $$;"
        ))
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(
                "DROP FUNCTION IF EXISTS silkport_due_schedules(text[], timestamptz, int);
                 DROP FUNCTION IF EXISTS silkport_unscheduled(text[]);",
            )
            .await?;
        }
        rls::drop_policies(m, "job_schedules").await?;
        m.drop_table(Table::drop().table("platform_schedules").take()).await?;
        m.drop_table(Table::drop().table("job_schedules").take()).await
    }
}
