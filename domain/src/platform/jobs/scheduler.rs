//! The scheduler's side of schedules: make the state rows, find due runs,
//! and claim each run exactly once however many workers ask.
//!
//! A run is claimed by moving its row's `next_run_at` from the fire time to
//! the next one with a compare-and-set UPDATE; only the worker whose UPDATE
//! changed the row runs it, and for a tenant schedule the job is written in
//! the same transaction. A fire time missed while no worker ran is run
//! once, late, and the schedule goes on from now.
//!
//! Finding due tenant runs and tenants without a row are the two
//! cross-tenant queries here: on PostgreSQL they are the `SECURITY DEFINER`
//! functions `silkport_due_schedules` and `silkport_unscheduled`.
#![expect(clippy::disallowed_methods, reason = "platform_schedules is a global table")]

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, Statement, Value,
};
use uuid::Uuid;

use super::schedule::{Schedule, Scope};
use super::schedule_entity::{platform, tenant};
use super::{NewJob, enqueue};
use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::errors::{DomainError, DomainResult};
use crate::platform::ids::new_id;
use crate::platform::tenancy::{TenantCtx, TenantTx, tenant_entity};

tenant_entity!(tenant);

/// A run whose time has come.
#[derive(Debug, Clone)]
pub struct DueRun {
    /// `None` for a platform schedule.
    pub tenant_id: Option<Uuid>,
    pub name: String,
    pub fire_at: DateTime<Utc>,
    /// The tenant's IANA zone (UTC for platform runs).
    pub timezone: String,
}

/// Creates the state rows that are missing: one per platform schedule, and
/// one per tenant and tenant schedule (new tenants, new schedules). Their
/// first run is the first fire time from now.
pub async fn ensure(db: &Db, schedules: &[Schedule]) -> DomainResult<()> {
    let now = clock::now();
    for schedule in schedules.iter().filter(|s| s.scope == Scope::Platform) {
        let row = platform::ActiveModel {
            name: Set(schedule.name.to_owned()),
            cron: Set(schedule.cron.to_owned()),
            next_run_at: Set(schedule.next_after(now, "UTC")?),
            last_run_at: Set(None),
            last_finished_at: Set(None),
            last_error: Set(None),
        };
        platform::Entity::insert(row)
            .on_conflict_do_nothing_on([platform::Column::Name])
            .exec_without_returning(db.connection())
            .await?;
    }
    let names: Vec<&str> = schedules.iter().filter(|s| s.scope == Scope::EachTenant).map(|s| s.name).collect();
    if names.is_empty() {
        return Ok(());
    }
    for (tenant_id, timezone, name) in unscheduled(db, &names).await? {
        let Some(schedule) = schedules.iter().find(|s| s.name == name) else { continue };
        let tx = db.begin(&TenantCtx::system(tenant_id)).await?;
        let row = tenant::ActiveModel {
            tenant_id: Set(tenant_id),
            id: Set(new_id()),
            name: Set(name),
            cron: Set(schedule.cron.to_owned()),
            zone: Set(schedule.zone.as_str().to_owned()),
            next_run_at: Set(schedule.next_after(now, &timezone)?),
            last_run_at: Set(None),
            last_job_id: Set(None),
            created_at: Set(now),
        };
        tx.insert_unless_exists(row, [tenant::Column::TenantId, tenant::Column::Name]).await?;
        tx.commit().await?;
    }
    Ok(())
}

/// `(tenant, timezone, schedule name)` for every tenant lacking a row of a
/// schedule in `names`.
async fn unscheduled(db: &Db, names: &[&str]) -> DomainResult<Vec<(Uuid, String, String)>> {
    let conn = db.connection();
    let stmt = match db.backend() {
        DbBackend::Postgres => Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT tenant_id, timezone, name FROM silkport_unscheduled($1)",
            [Value::from(names.iter().map(|n| (*n).to_owned()).collect::<Vec<String>>())],
        ),
        backend => {
            let values = vec!["(?)"; names.len()].join(", ");
            Statement::from_sql_and_values(
                backend,
                format!(
                    "WITH names(name) AS (VALUES {values})
                     SELECT t.id AS tenant_id, t.timezone AS timezone, n.name AS name FROM tenants t CROSS JOIN names n
                      WHERE NOT EXISTS (SELECT 1 FROM job_schedules s WHERE s.tenant_id = t.id AND s.name = n.name)"
                ),
                names.iter().map(|n| Value::from(*n)),
            )
        }
    };
    let rows = conn.query_all_raw(stmt).await?;
    rows.iter()
        .map(|r| Ok((r.try_get("", "tenant_id")?, r.try_get("", "timezone")?, r.try_get("", "name")?)))
        .collect::<Result<_, sea_orm::DbErr>>()
        .map_err(DomainError::from)
}

/// Up to `limit` tenant runs of `schedules` due at `now`, oldest first,
/// and every due platform run of them. Rows of schedules this process does
/// not know (removed, or newer than it) are left alone.
pub async fn due(db: &Db, schedules: &[Schedule], now: DateTime<Utc>, limit: u32) -> DomainResult<Vec<DueRun>> {
    let conn = db.connection();
    let names: Vec<String> = schedules.iter().map(|s| s.name.to_owned()).collect();
    let stmt = match db.backend() {
        DbBackend::Postgres => Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT tenant_id, name, next_run_at, timezone FROM silkport_due_schedules($1, $2, $3)",
            [Value::from(names.clone()), Value::from(now), Value::from(limit as i32)],
        ),
        backend => {
            let list = vec!["?"; names.len().max(1)].join(", ");
            let mut values: Vec<Value> = names.iter().map(|n| Value::from(n.as_str())).collect();
            if values.is_empty() {
                values.push(Value::from(""));
            }
            values.extend([Value::from(now), Value::from(limit as i32)]);
            Statement::from_sql_and_values(
                backend,
                format!(
                    "SELECT s.tenant_id AS tenant_id, s.name AS name, s.next_run_at AS next_run_at, t.timezone AS timezone
                       FROM job_schedules s JOIN tenants t ON t.id = s.tenant_id
                      WHERE s.name IN ({list}) AND s.next_run_at <= ? ORDER BY s.next_run_at LIMIT ?"
                ),
                values,
            )
        }
    };
    let mut runs = conn
        .query_all_raw(stmt)
        .await?
        .iter()
        .map(|r| {
            Ok(DueRun {
                tenant_id: Some(r.try_get("", "tenant_id")?),
                name: r.try_get("", "name")?,
                fire_at: r.try_get("", "next_run_at")?,
                timezone: r.try_get("", "timezone")?,
            })
        })
        .collect::<Result<Vec<_>, sea_orm::DbErr>>()?;
    let platform_due = platform::Entity::find()
        .filter(platform::Column::Name.is_in(names))
        .filter(platform::Column::NextRunAt.lte(now))
        .order_by_asc(platform::Column::NextRunAt)
        .all(conn)
        .await?;
    runs.extend(platform_due.into_iter().map(|p| DueRun {
        tenant_id: None,
        name: p.name,
        fire_at: p.next_run_at,
        timezone: "UTC".to_owned(),
    }));
    Ok(runs)
}

/// Claims a tenant run and writes its job in the same transaction; the
/// job's id when this caller won the run, `None` when another did.
pub async fn claim_tenant_run(db: &Db, schedule: &Schedule, run: &DueRun) -> DomainResult<Option<Uuid>> {
    let tenant_id = run.tenant_id.ok_or_else(|| DomainError::Internal("a tenant run without a tenant".into()))?;
    let next = schedule.next_after(clock::now().max(run.fire_at), &run.timezone)?;
    let mut tx = db.begin(&TenantCtx::system(tenant_id)).await?;
    if !advance(&tx, schedule.name, run.fire_at, next).await? {
        return Ok(None);
    }
    let mut job = NewJob::new(schedule.name, serde_json::json!({"firedAt": run.fire_at}));
    job.dedupe_key = Some(format!("schedule:{}:{}", schedule.name, run.fire_at.to_rfc3339()));
    let job_id = enqueue(&mut tx, job).await?;
    tx.update_many::<tenant::Entity>()
        .col_expr(tenant::Column::LastJobId, Expr::value(job_id))
        .filter(tenant::Column::Name.eq(schedule.name))
        .exec(tx.conn())
        .await?;
    tx.commit().await?;
    Ok(Some(job_id))
}

/// Moves the row of `name` from `fire_at` to `next`; false if it had moved.
async fn advance(tx: &TenantTx, name: &str, fire_at: DateTime<Utc>, next: DateTime<Utc>) -> DomainResult<bool> {
    let moved = tx
        .update_many::<tenant::Entity>()
        .col_expr(tenant::Column::NextRunAt, Expr::value(next))
        .col_expr(tenant::Column::LastRunAt, Expr::value(fire_at))
        .filter(tenant::Column::Name.eq(name))
        .filter(tenant::Column::NextRunAt.eq(fire_at))
        .exec(tx.conn())
        .await?;
    Ok(moved.rows_affected == 1)
}

/// Claims a platform run; true when this caller won it and should run it.
pub async fn claim_platform_run(db: &Db, schedule: &Schedule, run: &DueRun) -> DomainResult<bool> {
    let next = schedule.next_after(clock::now().max(run.fire_at), "UTC")?;
    let moved = platform::Entity::update_many()
        .col_expr(platform::Column::NextRunAt, Expr::value(next))
        .col_expr(platform::Column::LastRunAt, Expr::value(run.fire_at))
        .filter(platform::Column::Name.eq(schedule.name))
        .filter(platform::Column::NextRunAt.eq(run.fire_at))
        .exec(db.connection())
        .await?;
    Ok(moved.rows_affected == 1)
}

/// Records how a platform run ended.
pub async fn finish_platform_run(db: &Db, name: &str, error: Option<String>) -> DomainResult<()> {
    platform::Entity::update_many()
        .col_expr(platform::Column::LastFinishedAt, Expr::value(clock::now()))
        .col_expr(platform::Column::LastError, Expr::value(error))
        .filter(platform::Column::Name.eq(name))
        .exec(db.connection())
        .await?;
    Ok(())
}

/// A schedule as the jobs page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleState {
    pub name: String,
    pub cron: String,
    /// `utc` or `tenant`.
    pub zone: String,
    pub platform: bool,
    pub next_run_at: DateTime<Utc>,
    pub last_run_at: Option<DateTime<Utc>>,
    /// The job of the last run (tenant schedules).
    pub last_job_id: Option<Uuid>,
    /// When the last run ended, and its error (platform schedules).
    pub last_finished_at: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
}

/// The tenant's schedules, then the platform's, by name.
pub async fn list(tx: &TenantTx) -> DomainResult<Vec<ScheduleState>> {
    tx.ctx().require(crate::platform::access::Permission::JobsRead)?;
    let own = tx.find::<tenant::Entity>().order_by_asc(tenant::Column::Name).all(tx.conn()).await?;
    let shared = platform::Entity::find().order_by_asc(platform::Column::Name).all(tx.conn()).await?;
    let own = own.into_iter().map(|s| ScheduleState {
        name: s.name,
        cron: s.cron,
        zone: s.zone,
        platform: false,
        next_run_at: s.next_run_at,
        last_run_at: s.last_run_at,
        last_job_id: s.last_job_id,
        last_finished_at: None,
        last_error: None,
    });
    let shared = shared.into_iter().map(|s| ScheduleState {
        name: s.name,
        cron: s.cron,
        zone: "utc".to_owned(),
        platform: true,
        next_run_at: s.next_run_at,
        last_run_at: s.last_run_at,
        last_job_id: None,
        last_finished_at: s.last_finished_at,
        last_error: s.last_error,
    });
    Ok(own.chain(shared).collect())
}
