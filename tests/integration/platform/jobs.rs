//! The job queue: transactional enqueue, lease recovery after a real
//! process kill, retries with backoff into the dead-letter state, and retry
//! from the API.

use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use domain::platform::jobs::queue::ClaimedJob;
use domain::platform::jobs::{JobState, NewJob, enqueue, queue};
use domain::{Db, TenantCtx};
use serde_json::{Value, json};
use silkport_tests::app::silkport_bin;
use silkport_tests::audit::user;
use silkport_tests::{Session, TestApp};
use tokio::sync::watch;
use uuid::Uuid;
use workers::wake::Wake;
use workers::{JobError, JobHandler, Mailer, Registry, Runner, RunnerConfig, WakeSources};

#[derive(Default)]
struct Recorder(Mutex<Vec<Uuid>>);

#[async_trait]
impl JobHandler for Recorder {
    async fn run(&self, _: &Db, job: &ClaimedJob) -> Result<(), JobError> {
        self.0.lock().expect("lock").push(job.id);
        Ok(())
    }
}

fn fast(worker: &str) -> RunnerConfig {
    RunnerConfig {
        worker_id: worker.into(),
        poll_interval: Duration::from_millis(100),
        backoff_base: Duration::from_millis(20),
        backoff_cap: Duration::from_millis(200),
        lease: Duration::from_secs(2),
        shutdown_grace: Duration::from_secs(5),
        concurrency: 2,
        ..RunnerConfig::default()
    }
}

async fn tenant_uuid(session: &Session) -> Uuid {
    Uuid::try_parse(session.tenant_id.rsplit('/').next().expect("uuid")).expect("tenant uuid")
}

async fn until<F: std::future::Future<Output = bool>>(what: &str, timeout: Duration, mut check: impl FnMut() -> F) {
    let deadline = tokio::time::Instant::now() + timeout;
    while !check().await {
        assert!(tokio::time::Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn a_job_whose_transaction_rolls_back_never_runs() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    empty_queue(&app).await;
    let ctx = TenantCtx::system(tenant_uuid(&owner).await);
    let db = &app.state.db;
    let recorder = Arc::new(Recorder::default());
    let mut registry =
        Registry::new(Mailer::outbox(app.dir.join("outbox"), "Silkport <no-reply@silkport.test>").expect("outbox"));
    registry.handle("test.record", recorder.clone());
    let runner = Runner::new(db.clone(), fast("w1"), Wake::new(db), registry);
    let (stop, stopped) = watch::channel(false);
    let running = tokio::spawn(runner.run(stopped));

    let mut rolled_back = db.begin(&ctx).await.expect("tx");
    let lost = enqueue(&mut rolled_back, NewJob::new("test.record", json!({}))).await.expect("enqueue");
    drop(rolled_back);
    let mut committed = db.begin(&ctx).await.expect("tx");
    let kept = enqueue(&mut committed, NewJob::new("test.record", json!({}))).await.expect("enqueue");
    committed.commit().await.expect("commit");

    until("the committed job", Duration::from_secs(10), || async { recorder.0.lock().expect("lock").contains(&kept) })
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!recorder.0.lock().expect("lock").contains(&lost), "a rolled-back job ran");
    assert_eq!(queue::state_of(db, ctx.tenant_id, lost).await.expect("state"), None, "and left no row");
    assert_eq!(queue::state_of(db, ctx.tenant_id, kept).await.expect("state"), Some(JobState::Succeeded));
    stop.send(true).expect("stop");
    running.await.expect("runner stops");
}

const JOBS: &str = "{ jobs(first: 10) { nodes { id kind state attempts lastError } } }";

async fn email_job(app: &TestApp, owner: &Session) -> Value {
    let jobs = app.gql(Some(&owner.access_token), JOBS, json!({})).await;
    jobs["data"]["jobs"]["nodes"]
        .as_array()
        .and_then(|n| n.iter().find(|j| j["kind"] == "email.send"))
        .cloned()
        .unwrap_or(Value::Null)
}

async fn invite(app: &TestApp, owner: &Session, email: &str) {
    let response = app
        .gql(
            Some(&owner.access_token),
            "mutation($e: String!) { memberInvite(input: {email: $e, role: VIEWER}) { userErrors { message } } }",
            json!({"e": email}),
        )
        .await;
    assert_eq!(response["data"]["memberInvite"]["userErrors"], json!([]), "{response}");
}

/// An SMTP server that accepts connections and never answers: mail jobs hang.
fn stalling_smtp() -> (u16, tokio::task::JoinHandle<()>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    listener.set_nonblocking(true).expect("nonblocking");
    let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
    let hold = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    (port, hold)
}

/// A real `silkport work` process on the test's database.
fn worker_process(app: &TestApp, smtp_port: u16) -> tokio::process::Child {
    tokio::process::Command::new(silkport_bin())
        .arg("work")
        .env("DATABASE_URL", &app.db.app_url)
        .env("SILKPORT_DATA_DIR", app.dir.join("worker-a"))
        .env("SILKPORT_SIGNING_KEYS_DIR", app.dir.join("keys"))
        .env("SILKPORT_BIND", "127.0.0.1:0")
        .env("SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}"))
        .env("SILKPORT_JOB_LEASE_MS", "1500")
        .env("SILKPORT_JOB_POLL_MS", "100")
        .env("SILKPORT_SHUTDOWN_GRACE_MS", "500")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("start worker process")
}

#[tokio::test]
async fn sigterm_releases_a_job_that_does_not_finish_in_the_grace_period() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    empty_queue(&app).await;
    let (stall_port, hold) = stalling_smtp();
    let mut worker = worker_process(&app, stall_port);
    invite(&app, &owner, "slow@alpha.example.com").await;
    until("the worker to take the job", Duration::from_secs(20), || async {
        email_job(&app, &owner).await["state"] == "RUNNING"
    })
    .await;
    let pid = worker.id().expect("pid").to_string();
    let term = std::process::Command::new("kill").args(["-TERM", &pid]).status().expect("kill -TERM");
    assert!(term.success());
    let exit =
        tokio::time::timeout(Duration::from_secs(15), worker.wait()).await.expect("the worker exits").expect("status");
    assert!(exit.success(), "a clean exit after SIGTERM: {exit:?}");
    hold.abort();
    let job = email_job(&app, &owner).await;
    assert_eq!(
        (job["state"].as_str(), job["attempts"].as_i64()),
        (Some("QUEUED"), Some(0)),
        "released untouched: {job}"
    );
}

#[tokio::test]
async fn a_worker_killed_mid_job_leaves_the_job_to_another_worker() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    empty_queue(&app).await;
    let (stall_port, hold) = stalling_smtp();
    let mut worker = worker_process(&app, stall_port);
    invite(&app, &owner, "late@alpha.example.com").await;
    until("the worker to take the job", Duration::from_secs(20), || async {
        email_job(&app, &owner).await["state"] == "RUNNING"
    })
    .await;
    worker.kill().await.expect("kill -9 the worker");
    hold.abort();

    let outbox = app.dir.join("outbox-b");
    let mailer = Mailer::outbox(outbox.clone(), "Silkport <no-reply@silkport.test>").expect("outbox");
    let runner =
        workers::standard_runner(&app.state.db, fast("worker-b"), mailer, WakeSources { postgres: false, redis: None });
    let (stop, stopped) = watch::channel(false);
    let running = tokio::spawn(runner.run(stopped));
    until("another worker to finish the job", Duration::from_secs(20), || async {
        email_job(&app, &owner).await["state"] == "SUCCEEDED"
    })
    .await;
    let job = email_job(&app, &owner).await;
    assert_eq!(job["attempts"], 2, "the killed attempt counts: {job}");
    let mails = std::fs::read_dir(&outbox).expect("outbox").count();
    assert!(mails >= 1, "the mail was sent by the second worker");
    stop.send(true).expect("stop");
    running.await.expect("runner stops");
}

#[tokio::test]
async fn a_failing_job_is_retried_dead_lettered_and_retried_from_the_api() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    empty_queue(&app).await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let closed_port = closed.local_addr().expect("addr").port();
    drop(closed);
    let broken =
        Mailer::smtp(&format!("smtp://127.0.0.1:{closed_port}"), "Silkport <no-reply@silkport.test>").expect("mailer");
    let runner =
        workers::standard_runner(&app.state.db, fast("w-broken"), broken, WakeSources { postgres: false, redis: None });
    let (stop, stopped) = watch::channel(false);
    let running = tokio::spawn(runner.run(stopped));
    invite(&app, &owner, "unlucky@alpha.example.com").await;
    until("the job to be dead-lettered", Duration::from_secs(30), || async {
        email_job(&app, &owner).await["state"] == "DEAD"
    })
    .await;
    stop.send(true).expect("stop");
    running.await.expect("runner stops");
    let job = email_job(&app, &owner).await;
    assert_eq!(job["attempts"], 5, "{job}");
    assert!(job["lastError"].as_str().is_some_and(|e| !e.is_empty()), "{job}");
    let dead = app.gql(Some(&owner.access_token), "{ jobs(first: 10, state: DEAD) { nodes { id } } }", json!({})).await;
    assert_eq!(dead["data"]["jobs"]["nodes"][0]["id"], job["id"]);

    let retried = app
        .gql_traced(
            Some(&owner.access_token),
            Some("retry-the-dead-letter"),
            "mutation($id: ID!) { jobRetry(input: {id: $id}) { job { state attempts } userErrors { code } } }",
            json!({"id": job["id"]}),
        )
        .await;
    assert_eq!(retried["data"]["jobRetry"]["job"]["state"], "QUEUED", "{retried}");
    let again = app
        .gql(
            Some(&owner.access_token),
            "mutation($id: ID!) { jobRetry(input: {id: $id}) { job { state } userErrors { code } } }",
            json!({"id": job["id"]}),
        )
        .await;
    assert_eq!(again["data"]["jobRetry"]["userErrors"][0]["code"], "NOT_RETRYABLE", "only dead jobs are retried");

    let outbox = app.dir.join("outbox");
    let mailer = Mailer::outbox(outbox.clone(), "Silkport <no-reply@silkport.test>").expect("outbox");
    let runner =
        workers::standard_runner(&app.state.db, fast("w-fixed"), mailer, WakeSources { postgres: false, redis: None });
    let (stop, stopped) = watch::channel(false);
    let running = tokio::spawn(runner.run(stopped));
    until("the retried job to succeed", Duration::from_secs(20), || async {
        email_job(&app, &owner).await["state"] == "SUCCEEDED"
    })
    .await;
    stop.send(true).expect("stop");
    running.await.expect("runner stops");
    let me = app.gql(Some(&owner.access_token), "{ viewer { user { id } } }", json!({})).await;
    let me = me["data"]["viewer"]["user"]["id"].as_str().expect("owner's id").to_owned();
    app.assert_latest_audit(
        &owner.access_token,
        json!({"action": "job.retry", "actor": user(&me, &owner.email), "subjectId": job["id"],
               "before": {"state": "dead", "attempts": 5}, "after": {"state": "queued", "attempts": 0},
               "requestId": "retry-the-dead-letter"}),
    )
    .await;
}

/// A job's row as the owner reads it: state, attempts, who holds it, last error.
async fn row(app: &TestApp, id: Uuid) -> (String, i32, Option<String>, Option<String>) {
    use sea_orm::{ConnectionTrait, Statement};
    let conn = sea_orm::Database::connect(app.db.owner_url.as_str()).await.expect("owner");
    let backend = conn.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => "SELECT state, attempts, locked_by, last_error FROM jobs WHERE id = $1",
        _ => "SELECT state, attempts, locked_by, last_error FROM jobs WHERE id = ?",
    };
    let found = conn
        .query_one_raw(Statement::from_sql_and_values(backend, sql, [id.into()]))
        .await
        .expect("read job")
        .expect("the job exists");
    conn.close().await.ok();
    (
        found.try_get("", "state").expect("state"),
        found.try_get("", "attempts").expect("attempts"),
        found.try_get("", "locked_by").expect("locked_by"),
        found.try_get("", "last_error").expect("last_error"),
    )
}

async fn enqueue_jobs(app: &TestApp, ctx: &TenantCtx, count: usize, max_attempts: i32) -> Vec<Uuid> {
    let mut tx = app.state.db.begin(ctx).await.expect("tx");
    let mut ids = Vec::new();
    for n in 0..count {
        let job = NewJob { max_attempts, ..NewJob::new("test.orphan", json!({"n": n})) };
        ids.push(enqueue(&mut tx, job).await.expect("enqueue"));
    }
    tx.commit().await.expect("commit");
    ids
}

/// Deletes every queued job (the owner's sign-up confirmation mail), so a
/// test's claims see only the jobs it made.
async fn empty_queue(app: &TestApp) {
    use sea_orm::ConnectionTrait;
    let conn = sea_orm::Database::connect(app.db.owner_url.as_str()).await.expect("owner");
    conn.execute_unprepared("DELETE FROM jobs").await.expect("empty the queue");
    conn.close().await.ok();
}

/// Lets every lease run out now, as if the workers holding them had died
/// a lease ago.
async fn expire_leases(app: &TestApp) {
    use sea_orm::{ConnectionTrait, Statement};
    let conn = sea_orm::Database::connect(app.db.owner_url.as_str()).await.expect("owner");
    let backend = conn.get_database_backend();
    let sql = match backend {
        sea_orm::DbBackend::Postgres => "UPDATE jobs SET locked_until = $1 WHERE state = 'running'",
        _ => "UPDATE jobs SET locked_until = ? WHERE state = 'running'",
    };
    let past = chrono::Utc::now() - chrono::Duration::minutes(5);
    conn.execute_raw(Statement::from_sql_and_values(backend, sql, [past.into()])).await.expect("expire leases");
    conn.close().await.ok();
}

/// Workers that die after every claim, racing for the same jobs: in each
/// round every claimer claims at once, then all leases run out. A job is
/// taken by one claimer per round, exactly `max_attempts` times in all, and
/// then dead-lettered, never claimed again (on PostgreSQL a real race
/// through `FOR UPDATE SKIP LOCKED`).
#[tokio::test]
async fn orphaned_jobs_are_claimed_at_most_max_attempts_times_then_dead_lettered() {
    const JOBS: usize = 24;
    const CLAIMERS: usize = 12;
    const MAX_ATTEMPTS: i32 = 3;
    let lease = Duration::from_secs(60);
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    empty_queue(&app).await;
    let ctx = TenantCtx::system(tenant_uuid(&owner).await);
    let ids = enqueue_jobs(&app, &ctx, JOBS, MAX_ATTEMPTS).await;

    let mut claims: std::collections::HashMap<Uuid, Vec<i32>> = std::collections::HashMap::new();
    for round in 0..MAX_ATTEMPTS + 2 {
        let start = Arc::new(tokio::sync::Barrier::new(CLAIMERS));
        let burst = (0..CLAIMERS).map(|claimer| {
            let (db, start) = (app.state.db.clone(), start.clone());
            tokio::spawn(async move {
                start.wait().await;
                queue::claim(&db, &format!("dying-{claimer}"), lease, JOBS as u32).await.expect("claim")
            })
        });
        let mut this_round = std::collections::HashSet::new();
        for claimed in futures_util::future::join_all(burst).await {
            for job in claimed.expect("claimer") {
                claims.entry(job.id).or_default().push(job.attempts);
                assert!(
                    this_round.insert(job.id),
                    "round {round}: job {} claimed twice at once: {:?}",
                    job.id,
                    claims[&job.id]
                );
            }
        }
        expire_leases(&app).await;
    }
    for id in &ids {
        let attempts = claims.get(id).cloned().unwrap_or_default();
        assert_eq!(attempts, (1..=MAX_ATTEMPTS).collect::<Vec<_>>(), "job {id} was claimed as attempts {attempts:?}");
        let (state, attempts, locked_by, last_error) = row(&app, *id).await;
        assert_eq!((state.as_str(), attempts, locked_by), ("dead", MAX_ATTEMPTS, None), "job {id}");
        assert_eq!(last_error.as_deref(), Some(queue::ORPHANED_LAST_ATTEMPT), "job {id}");
    }
    let dead =
        app.gql(Some(&owner.access_token), "{ jobs(first: 50, state: DEAD) { nodes { kind } } }", json!({})).await;
    let orphans =
        dead["data"]["jobs"]["nodes"].as_array().map(|n| n.iter().filter(|j| j["kind"] == "test.orphan").count());
    assert_eq!(orphans, Some(JOBS), "the dead letters show them: {dead}");
}

/// A worker whose lease ran out and whose job was claimed again — by
/// another worker, or by another task of its own process — can neither
/// complete, fail, extend nor release it; the new owner's result stands.
#[tokio::test]
async fn a_worker_that_lost_its_lease_cannot_overwrite_the_new_owners_result() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    empty_queue(&app).await;
    let ctx = TenantCtx::system(tenant_uuid(&owner).await);
    let db = &app.state.db;
    let short = Duration::from_millis(150);
    let long = Duration::from_secs(60);
    for (stale_worker, new_worker) in [("worker-a", "worker-a"), ("worker-a", "worker-b")] {
        let id = enqueue_jobs(&app, &ctx, 1, 5).await[0];
        let stale = queue::claim(db, stale_worker, short, 1).await.expect("claim").pop().expect("the job");
        tokio::time::sleep(short * 3).await;
        let fresh = queue::claim(db, new_worker, long, 1).await.expect("claim").pop().expect("the job again");
        assert_eq!((fresh.id, fresh.attempts), (id, 2));

        assert!(!queue::complete(db, &stale, stale_worker).await.expect("complete"), "{new_worker}: stale completion");
        let failed = queue::fail(db, &stale, stale_worker, "stale failure", Duration::ZERO).await.expect("fail");
        assert_eq!(failed, None, "{new_worker}: stale failure");
        assert!(!queue::extend(db, &stale, stale_worker, long).await.expect("extend"), "{new_worker}: stale extension");
        assert!(!queue::release(db, &stale, stale_worker).await.expect("release"), "{new_worker}: stale release");
        assert_eq!(row(&app, id).await, ("running".into(), 2, Some(new_worker.into()), None), "{new_worker}");

        let failed = queue::fail(db, &fresh, new_worker, "the new owner's error", long).await.expect("fail");
        assert_eq!(failed, Some(JobState::Queued));
        assert!(!queue::complete(db, &stale, stale_worker).await.expect("complete"), "{new_worker}: stale completion");
        assert_eq!(row(&app, id).await, ("queued".into(), 2, None, Some("the new owner's error".into())));
    }
}
