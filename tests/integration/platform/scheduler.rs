//! Scheduled jobs: two workers on one database run every fire time of a
//! tenant schedule once per tenant and of a platform schedule once in all;
//! the jobs page shows each schedule's last and next run; the retention
//! purges remove only what is old enough.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use domain::identity::retention as identity_retention;
use domain::platform::idempotency;
use domain::platform::jobs::queue::ClaimedJob;
use domain::platform::jobs::retention;
use domain::platform::jobs::schedule::{Schedule, Zone};
use domain::{Db, TenantCtx};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement, Value as SqlValue};
use serde_json::json;
use silkport_tests::{Session, TestApp};
use tokio::sync::watch;
use uuid::Uuid;
use workers::wake::Wake;
use workers::{JobError, JobHandler, Mailer, PlatformTask, Registry, Runner, RunnerConfig};

const EACH_SECOND: Schedule = Schedule::each_tenant("test.tick", "* * * * * *", Zone::Tenant);
const EACH_SECOND_PLATFORM: Schedule = Schedule::platform("test.platform_tick", "* * * * * *");

/// Runs per (tenant, fire time).
#[derive(Default)]
struct TenantRuns(Mutex<HashMap<(Uuid, String), usize>>);

#[async_trait]
impl JobHandler for TenantRuns {
    async fn run(&self, _: &Db, job: &ClaimedJob) -> Result<(), JobError> {
        let fired = job.payload["firedAt"].as_str().unwrap_or_default().to_owned();
        *self.0.lock().expect("lock").entry((job.tenant_id, fired)).or_default() += 1;
        Ok(())
    }
}

/// Runs per fire time.
#[derive(Default)]
struct PlatformRuns(Mutex<HashMap<DateTime<Utc>, usize>>);

#[async_trait]
impl PlatformTask for PlatformRuns {
    async fn run(&self, _: &Db, fire_at: DateTime<Utc>) -> Result<(), JobError> {
        *self.0.lock().expect("lock").entry(fire_at).or_default() += 1;
        Ok(())
    }
}

fn worker(app: &TestApp, name: &str, tenant_runs: &Arc<TenantRuns>, platform_runs: &Arc<PlatformRuns>) -> Runner {
    let mailer =
        Mailer::outbox(app.dir.join(format!("outbox-{name}")), "Silkport <no-reply@silkport.test>").expect("outbox");
    let mut registry = Registry::new(mailer);
    registry.schedule_job(EACH_SECOND, tenant_runs.clone()).schedule_task(EACH_SECOND_PLATFORM, platform_runs.clone());
    let config = RunnerConfig {
        worker_id: name.into(),
        poll_interval: Duration::from_millis(50),
        scheduler_tick: Duration::from_millis(50),
        scheduler_refresh: Duration::from_millis(200),
        ..RunnerConfig::default()
    };
    let db = &app.state.db;
    Runner::new(db.clone(), config, Wake::new(db), registry)
}

fn uuid_of(session: &Session) -> Uuid {
    Uuid::try_parse(session.tenant_id.rsplit('/').next().expect("uuid")).expect("tenant uuid")
}

#[tokio::test]
async fn two_workers_run_each_scheduled_run_exactly_once() {
    let app = TestApp::spawn().await;
    let alpha = app.signup("alpha").await;
    let beta = app.signup("beta").await;
    let tenant_runs = Arc::new(TenantRuns::default());
    let platform_runs = Arc::new(PlatformRuns::default());
    let (stop, stopped) = watch::channel(false);
    let first = tokio::spawn(worker(&app, "w1", &tenant_runs, &platform_runs).run(stopped.clone()));
    let second = tokio::spawn(worker(&app, "w2", &tenant_runs, &platform_runs).run(stopped));
    tokio::time::sleep(Duration::from_millis(4500)).await;
    stop.send(true).expect("stop");
    first.await.expect("first worker stops");
    second.await.expect("second worker stops");

    let tenant_runs = tenant_runs.0.lock().expect("lock").clone();
    for tenant in [uuid_of(&alpha), uuid_of(&beta)] {
        let fires = tenant_runs.iter().filter(|((t, _), _)| *t == tenant).count();
        assert!(fires >= 2, "every tenant's schedule fired again and again: {fires} fire times");
    }
    let twice: Vec<_> = tenant_runs.iter().filter(|(_, runs)| **runs != 1).collect();
    assert!(twice.is_empty(), "tenant runs done more than once: {twice:?}");
    let platform_runs = platform_runs.0.lock().expect("lock").clone();
    assert!(platform_runs.len() >= 2, "the platform schedule fired again and again: {platform_runs:?}");
    assert!(platform_runs.values().all(|runs| *runs == 1), "platform runs done more than once: {platform_runs:?}");

    let shown = app
        .gql(
            Some(&alpha.access_token),
            "{ jobSchedules { name cron timezone platform lastRunAt nextRunAt lastJob { kind state } } }",
            json!({}),
        )
        .await;
    let schedules = shown["data"]["jobSchedules"].as_array().cloned().unwrap_or_default();
    let tick = schedules.iter().find(|s| s["name"] == "test.tick").unwrap_or_else(|| panic!("{shown}"));
    assert_eq!(
        (tick["cron"].as_str(), tick["timezone"].as_str(), tick["platform"].as_bool()),
        (Some("* * * * * *"), Some("UTC"), Some(false))
    );
    assert_eq!(tick["lastJob"]["kind"], "test.tick", "{tick}");
    assert!(tick["lastRunAt"].as_str() < tick["nextRunAt"].as_str(), "{tick}");
    let platform = schedules.iter().find(|s| s["name"] == "test.platform_tick").unwrap_or_else(|| panic!("{shown}"));
    assert_eq!(platform["platform"], true);
    assert!(platform["lastRunAt"].is_string(), "{platform}");
}

/// Runs `sql` (with `?` placeholders) on the owner's connection.
async fn exec(conn: &DatabaseConnection, sql: &str, values: Vec<SqlValue>) {
    let backend = conn.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            let mut n = 0;
            sql.chars()
                .map(|c| {
                    if c == '?' {
                        n += 1;
                        format!("${n}")
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        }
        _ => sql.to_owned(),
    };
    conn.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await.expect("sql");
}

async fn count(conn: &DatabaseConnection, sql: &str) -> i64 {
    let row = conn
        .query_one_raw(Statement::from_string(conn.get_database_backend(), sql.to_owned()))
        .await
        .expect("count")
        .expect("a row");
    row.try_get_by_index(0).expect("a number")
}

fn days_ago(days: i64) -> SqlValue {
    SqlValue::from(Utc::now() - chrono::Duration::days(days))
}

#[tokio::test]
async fn purges_remove_only_what_is_old_enough() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    for email in ["old@alpha.example.com", "recent@alpha.example.com"] {
        let invited = app
            .gql(
                token,
                "mutation($e: String!) { memberInvite(input: {email: $e, role: VIEWER}) { userErrors { code } } }",
                json!({"e": email}),
            )
            .await;
        assert_eq!(invited["data"]["memberInvite"]["userErrors"], json!([]));
    }
    app.gql(
        None,
        "mutation { passwordResetRequest(input: {email: \"owner@alpha.example.com\"}) { userErrors { code } } }",
        json!({}),
    )
    .await;
    app.gql(token, "mutation { apiClientCreate(input: {name: \"A\", scopes: [TENANT_READ], idempotencyKey: \"k-old\"}) { userErrors { code } } }", json!({})).await;
    app.gql(token, "mutation { apiClientCreate(input: {name: \"B\", scopes: [TENANT_READ], idempotencyKey: \"k-new\"}) { userErrors { code } } }", json!({})).await;
    let second_login = app.login(&owner.email, silkport_tests::PASSWORD, None).await;
    assert!(second_login["data"]["sessionCreate"]["refreshToken"].is_string());

    let conn = sea_orm::Database::connect(app.db.owner_url.as_str()).await.expect("owner");
    // Of each kind, one just past the line and one just inside it.
    exec(
        &conn,
        "UPDATE jobs SET state = 'succeeded', finished_at = ? WHERE CAST(payload AS TEXT) LIKE '%old@alpha%'",
        vec![days_ago(8)],
    )
    .await;
    exec(
        &conn,
        "UPDATE jobs SET state = 'dead', finished_at = ? WHERE CAST(payload AS TEXT) LIKE '%recent@alpha%'",
        vec![days_ago(6)],
    )
    .await;
    exec(&conn, "UPDATE invitations SET expires_at = ? WHERE email = 'old@alpha.example.com'", vec![days_ago(8)]).await;
    exec(&conn, "UPDATE invitations SET expires_at = ? WHERE email = 'recent@alpha.example.com'", vec![days_ago(6)])
        .await;
    exec(&conn, "UPDATE idempotency_keys SET expires_at = ? WHERE key = 'k-old'", vec![days_ago(2)]).await;
    exec(
        &conn,
        "UPDATE idempotency_keys SET expires_at = ? WHERE key = 'k-new'",
        vec![SqlValue::from(Utc::now() - chrono::Duration::hours(12))],
    )
    .await;
    exec(&conn, "UPDATE password_resets SET expires_at = ?", vec![days_ago(2)]).await;
    let first_family = "(SELECT family_id FROM refresh_tokens ORDER BY created_at LIMIT 1)";
    exec(
        &conn,
        &format!("UPDATE refresh_tokens SET expires_at = ? WHERE family_id = {first_family}"),
        vec![days_ago(1)],
    )
    .await;
    let tokens_before = count(&conn, "SELECT count(*) FROM refresh_tokens").await;

    let db = &app.state.db;
    let ctx = TenantCtx::system(uuid_of(&owner));
    let jobs = db.write(&ctx, async |tx| retention::purge_finished(tx).await).await.expect("purge jobs");
    let invitations =
        db.write(&ctx, async |tx| identity_retention::purge_invitations(tx).await).await.expect("purge invitations");
    let keys = db.write(&ctx, async |tx| idempotency::purge_expired(tx).await).await.expect("purge keys");
    let sessions = identity_retention::purge_sessions(db).await.expect("purge sessions");
    assert_eq!((jobs, invitations, keys), (1, 1, 1));
    assert_eq!((sessions.refresh_tokens, sessions.password_resets), (1, 1));

    assert_eq!(count(&conn, "SELECT count(*) FROM jobs WHERE CAST(payload AS TEXT) LIKE '%recent@alpha%'").await, 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM jobs WHERE CAST(payload AS TEXT) LIKE '%old@alpha%'").await, 0);
    assert_eq!(count(&conn, "SELECT count(*) FROM invitations WHERE email = 'recent@alpha.example.com'").await, 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM idempotency_keys WHERE key = 'k-new'").await, 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM refresh_tokens").await, tokens_before - 1);
    let still_signed_in = app.gql(token, "{ viewer { role } }", json!({})).await;
    assert_eq!(still_signed_in["data"]["viewer"]["role"], "OWNER");
}
