//! PostgreSQL's second wall: the application role sees no tenant rows
//! without `app.tenant_id`, only its tenant's rows with it, cannot write
//! rows of another tenant, and cannot rewrite the audit log.

use sea_orm::sqlx::{AssertSqlSafe, Connection, Executor, PgConnection, Row};
use serde_json::json;
use silkport_tests::{TestApp, services};

async fn count(conn: &mut PgConnection, table: &str) -> i64 {
    conn.fetch_one(AssertSqlSafe(format!("SELECT count(*) FROM {table}"))).await.expect("count").get(0)
}

#[tokio::test]
async fn pg_the_app_role_is_fenced_by_row_level_security() {
    services::postgres();
    let app = TestApp::spawn().await;
    let a = app.signup("alpha").await;
    app.signup("beta").await;
    app.gql(
        Some(&a.access_token),
        "mutation { memberInvite(input: {email: \"x@alpha.example.com\", role: VIEWER}) { userErrors { code } } }",
        json!({}),
    )
    .await;
    let a_id = a.tenant_id.rsplit('/').next().expect("uuid").to_owned();

    let mut owner = PgConnection::connect(&app.db.owner_url).await.expect("owner");
    assert_eq!(count(&mut owner, "memberships").await, 2, "the owner sees both tenants");
    let mut conn = PgConnection::connect(&app.db.app_url).await.expect("app role");
    for table in ["memberships", "invitations", "audit_log", "jobs"] {
        assert_eq!(count(&mut conn, table).await, 0, "{table} is invisible without app.tenant_id");
    }
    let mut tx = conn.begin().await.expect("tx");
    sea_orm::sqlx::query("SELECT set_config('app.tenant_id', $1, true)")
        .bind(&a_id)
        .execute(&mut *tx)
        .await
        .expect("set");
    let visible: i64 = tx.fetch_one("SELECT count(*) FROM memberships").await.expect("count").get(0);
    let others: i64 = tx
        .fetch_one(AssertSqlSafe(format!("SELECT count(*) FROM memberships WHERE tenant_id <> '{a_id}'")))
        .await
        .expect("count")
        .get(0);
    assert_eq!((visible, others), (1, 0));
    let foreign = tx
        .execute("INSERT INTO audit_log (tenant_id, id, at, actor_kind, actor_label, action) SELECT id, gen_random_uuid(), now(), 'user', 'x', 'forged' FROM tenants WHERE slug = 'beta'")
        .await;
    assert!(foreign.is_err(), "a row of another tenant cannot be written");
    tx.rollback().await.expect("rollback");

    let mut tx = conn.begin().await.expect("tx");
    sea_orm::sqlx::query("SELECT set_config('app.tenant_id', $1, true)")
        .bind(&a_id)
        .execute(&mut *tx)
        .await
        .expect("set");
    let rewrite = tx.execute("UPDATE audit_log SET action = 'rewritten'").await;
    assert!(rewrite.is_err(), "the audit log is append-only for the app");
}
