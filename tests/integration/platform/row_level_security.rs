//! PostgreSQL's second wall, for every tenant table the database has (every
//! table with a `tenant_id` column, read from the catalogue, so a new table
//! is covered the day it is made): the application role sees none of its
//! rows without `app.tenant_id`, only its tenant's with it, can neither
//! move a row into another tenant nor write one there, nor touch another
//! tenant's rows; and it can neither rewrite nor delete the audit log.

use domain::platform::jobs::schedule::{Schedule, Zone};
use domain::platform::jobs::scheduler;
use sea_orm::sqlx::{AssertSqlSafe, Connection, Executor, PgConnection, Postgres, Row, Transaction};
use serde_json::json;
use silkport_tests::{TestApp, services};

use crate::isolation::seed_tenant;

/// SQLSTATE `insufficient_privilege`: what PostgreSQL answers both for a
/// missing grant and for a row that a row-level security policy refuses.
const INSUFFICIENT_PRIVILEGE: &str = "42501";

/// Asserts that `result` failed with `insufficient_privilege` and a message
/// containing `reason`.
fn refused<T: std::fmt::Debug>(result: Result<T, sea_orm::sqlx::Error>, reason: &str, what: &str) {
    match result {
        Err(sea_orm::sqlx::Error::Database(error)) => {
            assert_eq!(error.code().as_deref(), Some(INSUFFICIENT_PRIVILEGE), "{what}: {error}");
            assert!(error.message().contains(reason), "{what}: expected `{reason}`, got: {error}");
        }
        other => panic!("{what}: expected the permission error `{reason}`, got {other:?}"),
    }
}

async fn count(conn: impl Executor<'_, Database = Postgres>, sql: String) -> i64 {
    conn.fetch_one(AssertSqlSafe(sql)).await.expect("count").get(0)
}

/// A transaction of the app role scoped to `tenant`, as the app opens them.
async fn scoped<'c>(conn: &'c mut PgConnection, tenant: &str) -> Transaction<'c, Postgres> {
    let mut tx = conn.begin().await.expect("tx");
    sea_orm::sqlx::query("SELECT set_config('app.tenant_id', $1, true)")
        .bind(tenant)
        .execute(&mut *tx)
        .await
        .expect("set app.tenant_id");
    tx
}

/// Tables with a `tenant_id` column that are global by design, with why.
/// Every other such table must be fenced.
const GLOBAL: &[(&str, &str)] = &[
    (
        "refresh_tokens",
        "a session spans tenants (refresh may switch tenant) and is found by its token's hash before any tenant is known",
    ),
    (
        "signup_confirmations",
        "a sign-up link is found by its token's hash before any tenant is known; the tenant is the one it opens",
    ),
];

/// Every table with a `tenant_id` column.
async fn tenant_id_tables(owner: &mut PgConnection) -> Vec<String> {
    let rows = owner
        .fetch_all(
            "SELECT c.relname::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
               JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE a.attname = 'tenant_id' AND NOT a.attisdropped AND c.relkind IN ('r', 'p')
                AND n.nspname = current_schema()
              ORDER BY 1",
        )
        .await
        .expect("catalogue");
    rows.iter().map(|r| r.get(0)).collect()
}

#[tokio::test]
async fn pg_the_app_role_is_fenced_by_row_level_security() {
    services::postgres();
    let app = TestApp::spawn().await;
    let mut tenants = Vec::new();
    for slug in ["alpha", "beta"] {
        let (owner, _) = seed_tenant(&app, slug).await;
        let keyed = app
            .gql(
                Some(&owner.access_token),
                "mutation { merchantCreate(input: {code: \"KEYED\", name: \"Keyed\", defaultCurrency: \"USD\", idempotencyKey: \"rls-1\"}) { userErrors { code } } }",
                json!({}),
            )
            .await;
        assert_eq!(keyed["data"]["merchantCreate"]["userErrors"], json!([]), "{keyed}");
        tenants.push(owner.tenant_id.rsplit('/').next().expect("uuid").to_owned());
    }
    let schedule = Schedule::each_tenant("test.rls", "0 0 3 * * *", Zone::Tenant);
    scheduler::ensure(&app.state.db, &[schedule]).await.expect("schedule rows of both tenants");
    let (a, b) = (&tenants[0], &tenants[1]);

    let mut owner = PgConnection::connect(&app.db.owner_url).await.expect("owner");
    let with_tenant_id = tenant_id_tables(&mut owner).await;
    for (global, _) in GLOBAL {
        assert!(with_tenant_id.iter().any(|t| t == global), "{global} is no longer a table: update GLOBAL");
    }
    let tables: Vec<&String> = with_tenant_id.iter().filter(|t| !GLOBAL.iter().any(|(g, _)| g == t)).collect();
    for known in [
        "memberships",
        "audit_log",
        "jobs",
        "merchants",
        "idempotency_keys",
        "job_schedules",
        "products",
        "skus",
        "sku_barcodes",
        "warehouses",
        "locations",
    ] {
        assert!(tables.iter().any(|t| *t == known), "the catalogue names {known}: {tables:?}");
    }
    for table in &tables {
        let sql = format!("SELECT count(DISTINCT tenant_id) FROM {table} WHERE tenant_id IN ('{a}', '{b}')");
        assert_eq!(count(&mut owner, sql).await, 2, "{table}: this test needs rows of both tenants in it");
    }

    let mut app_role = PgConnection::connect(&app.db.app_url).await.expect("app role");
    for table in tables.iter().copied() {
        let unscoped = count(&mut app_role, format!("SELECT count(*) FROM {table}")).await;
        assert_eq!(unscoped, 0, "{table} is invisible without app.tenant_id");

        let mut tx = scoped(&mut app_role, a).await;
        let own = count(&mut *tx, format!("SELECT count(*) FROM {table}")).await;
        let others = count(&mut *tx, format!("SELECT count(*) FROM {table} WHERE tenant_id <> '{a}'")).await;
        assert!(own > 0 && others == 0, "{table}: {own} own rows, {others} of others");
        let touched = tx
            .execute(AssertSqlSafe(format!("DELETE FROM {table} WHERE tenant_id = '{b}'")))
            .await
            .map(|done| done.rows_affected());
        // The audit log and the stock ledger are append-only for the app role.
        if table == "audit_log" || table == "stock_movements" {
            refused(touched, &format!("permission denied for table {table}"), &format!("deleting from {table}"));
            tx.rollback().await.expect("rollback");
            continue;
        }
        assert_eq!(touched.expect("delete"), 0, "{table}: another tenant's rows cannot be deleted");
        let moved = tx.execute(AssertSqlSafe(format!("UPDATE {table} SET tenant_id = '{b}'"))).await;
        refused(
            moved,
            "new row violates row-level security policy",
            &format!("{table}: moving rows to another tenant"),
        );
        tx.rollback().await.expect("rollback");

        let mut tx = scoped(&mut app_role, a).await;
        let forged = tx
            .execute(AssertSqlSafe(format!(
                "INSERT INTO {table} SELECT (jsonb_populate_record(NULL::{table},
                        to_jsonb(r) || jsonb_build_object('tenant_id', '{b}', 'id', gen_random_uuid()))).*
                   FROM {table} r LIMIT 1"
            )))
            .await;
        refused(forged, "new row violates row-level security policy", &format!("{table}: writing into another tenant"));
        tx.rollback().await.expect("rollback");
    }

    // The audit log is insert-only for the app, its own tenant's rows included.
    let mut tx = scoped(&mut app_role, a).await;
    let rewrite = tx.execute("UPDATE audit_log SET action = 'rewritten'").await;
    refused(rewrite, "permission denied for table audit_log", "rewriting the audit log");
    tx.rollback().await.expect("rollback");
    let mut tx = scoped(&mut app_role, a).await;
    let erase = tx.execute("DELETE FROM audit_log").await;
    refused(erase, "permission denied for table audit_log", "deleting the audit log");
    tx.rollback().await.expect("rollback");
}
