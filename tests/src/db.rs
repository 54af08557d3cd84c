//! A fresh database per test. PostgreSQL databases are cloned from a
//! template migrated once (under an advisory lock, since nextest runs tests
//! as parallel processes), and the app connects as `silkport_app`, which
//! is subject to row-level security.

use std::path::Path;

use migrations::{APP_ROLE, Migrator, MigratorTrait};
use sea_orm::Database;
use sea_orm::sqlx::{AssertSqlSafe, Connection, Executor, PgConnection};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn backend() -> Backend {
    match std::env::var("SILKPORT_TEST_DB").as_deref() {
        Ok("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

pub struct TestDb {
    /// What the application connects with.
    pub app_url: String,
    /// The owner, for migrations and for assertions that bypass the app.
    pub owner_url: String,
}

fn pg_base() -> String {
    std::env::var("SILKPORT_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
}

const LOCK_KEY: i64 = 7_242_424;

/// The template's name carries the migration list, so checkouts with
/// different migrations (worktrees, branches) never share a stale template.
fn template() -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for migration in Migrator::migrations() {
        migration.name().hash(&mut hasher);
    }
    format!("silkport_template_{:016x}", hasher.finish())
}

pub async fn fresh(dir: &Path) -> TestDb {
    match backend() {
        Backend::Sqlite => {
            let url = format!("sqlite://{}?mode=rwc", dir.join("silkport.db").display());
            let conn = Database::connect(url.as_str()).await.expect("open sqlite");
            Migrator::up(&conn, None).await.expect("migrate sqlite");
            conn.close().await.ok();
            TestDb { app_url: url.clone(), owner_url: url }
        }
        Backend::Postgres => {
            let base = pg_base();
            let template = template();
            let mut admin = PgConnection::connect(&format!("{base}/postgres")).await.expect("connect to PostgreSQL");
            admin.execute(AssertSqlSafe(format!("SELECT pg_advisory_lock({LOCK_KEY})"))).await.expect("lock");
            let exists: Option<(i32,)> = sea_orm::sqlx::query_as("SELECT 1 FROM pg_database WHERE datname = $1")
                .bind(&template)
                .fetch_optional(&mut admin)
                .await
                .expect("look up template");
            if exists.is_none() {
                admin
                    .execute(AssertSqlSafe(format!(
                        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}')
                             THEN CREATE ROLE {APP_ROLE} LOGIN; END IF; END $$"
                    )))
                    .await
                    .expect("create app role");
                admin.execute(AssertSqlSafe(format!("CREATE DATABASE {template}"))).await.expect("create template");
                let conn = Database::connect(format!("{base}/{template}")).await.expect("connect template");
                Migrator::up(&conn, None).await.expect("migrate template");
                conn.close().await.ok();
            }
            let name = format!("silkport_test_{}", uuid::Uuid::now_v7().simple());
            admin
                .execute(AssertSqlSafe(format!("CREATE DATABASE {name} TEMPLATE {template}")))
                .await
                .expect("clone template");
            admin.execute(AssertSqlSafe(format!("SELECT pg_advisory_unlock({LOCK_KEY})"))).await.expect("unlock");
            admin.close().await.ok();
            let app_base = base.replacen("postgres@", &format!("{APP_ROLE}@"), 1);
            TestDb { app_url: format!("{app_base}/{name}"), owner_url: format!("{base}/{name}") }
        }
    }
}
