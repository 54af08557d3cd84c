//! A job is never claimed more often than its `max_attempts`: a job whose
//! worker stopped during its last attempt (its lease ran out) goes to the
//! dead letters instead of being claimed again, and the database refuses
//! `attempts > max_attempts` outright.
//!
//! The claim of [`crate::m20261126_000004_row_level_security`] took any job
//! whose lease had expired, so a job whose worker kept dying was claimed
//! forever and stayed `running`. Jobs it claimed past their maximum are
//! dead-lettered here, with how often they were claimed in `last_error`,
//! before the bound is added.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_000009_job_attempts_bound"
    }
}

/// Same text as `queue::ORPHANED_LAST_ATTEMPT` in the domain (SQLite claims there).
const CLAIM: &str = "CREATE OR REPLACE FUNCTION silkport_claim_jobs(p_worker text, p_lease_ms bigint, p_limit int)
     RETURNS SETOF jobs LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
       UPDATE jobs SET state = 'dead', locked_by = NULL, locked_until = NULL, finished_at = now(),
              last_error = 'the worker stopped during the last attempt (its lease ran out)'
        WHERE (tenant_id, id) IN (
              SELECT tenant_id, id FROM jobs
               WHERE state = 'running' AND locked_until < now() AND attempts >= max_attempts
               FOR UPDATE SKIP LOCKED);
       UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = p_worker,
              locked_until = now() + p_lease_ms * interval '1 millisecond'
        WHERE (tenant_id, id) IN (
              SELECT tenant_id, id FROM jobs
               WHERE ((state = 'queued' AND run_at <= now()) OR (state = 'running' AND locked_until < now()))
                 AND attempts < max_attempts
               ORDER BY run_at LIMIT p_limit
               FOR UPDATE SKIP LOCKED)
       RETURNING *
     $$;";

/// The claim as it was, for `down`.
const OLD_CLAIM: &str = "CREATE OR REPLACE FUNCTION silkport_claim_jobs(p_worker text, p_lease_ms bigint, p_limit int)
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
     $$;";

/// Jobs claimed past their maximum end when their last lease ran out.
const OVER_CLAIMED: &str = "UPDATE jobs SET state = 'dead', locked_by = NULL, locked_until = NULL,
       last_error = 'claimed ' || attempts || ' times with at most ' || max_attempts || ' attempts (orphaned leases)',
       attempts = max_attempts, finished_at = COALESCE(locked_until, run_at)
 WHERE attempts > max_attempts";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        db.execute_unprepared(OVER_CLAIMED).await?;
        match db.get_database_backend() {
            DbBackend::Postgres => {
                // CREATE OR REPLACE keeps the function's owner and grants.
                db.execute_unprepared(&format!(
                    "ALTER TABLE jobs ADD CONSTRAINT jobs_attempts_bound CHECK (attempts <= max_attempts);
                     {CLAIM}"
                ))
                .await?;
            }
            _ => {
                // SQLite cannot add a CHECK to a table; triggers refuse the same rows.
                for event in ["INSERT", "UPDATE"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER jobs_attempts_bound_{} BEFORE {event} ON jobs
                           WHEN NEW.attempts > NEW.max_attempts
                         BEGIN SELECT RAISE(ABORT, 'jobs_attempts_bound: attempts exceed max_attempts'); END;",
                        event.to_lowercase()
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match db.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(&format!(
                    "ALTER TABLE jobs DROP CONSTRAINT IF EXISTS jobs_attempts_bound;
                     {OLD_CLAIM}"
                ))
                .await?;
            }
            _ => {
                db.execute_unprepared(
                    "DROP TRIGGER IF EXISTS jobs_attempts_bound_insert;
                     DROP TRIGGER IF EXISTS jobs_attempts_bound_update;",
                )
                .await?;
            }
        }
        Ok(())
    }
}
