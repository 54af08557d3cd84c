//! The migration that allows one open invitation per email brings existing
//! data in line first: an open invitation of someone who already joined is
//! void from the day they joined, and of several open ones for one email
//! only the newest stays open.

use chrono::{DateTime, Duration, Utc};
use migrations::{APP_ROLE, Migrator, MigratorTrait};
use sea_orm::sea_query::{Expr, ExprTrait, Query, SimpleExpr};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use silkport_tests::db::{Backend, backend};
use uuid::Uuid;

/// An empty database (not migrated) of the backend under test.
async fn blank() -> DatabaseConnection {
    let url = match backend() {
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(format!("silkport-migration-{}", Uuid::now_v7().simple()));
            std::fs::create_dir_all(&dir).expect("temp dir");
            format!("sqlite://{}?mode=rwc", dir.join("silkport.db").display())
        }
        Backend::Postgres => {
            let base =
                std::env::var("SILKPORT_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into());
            let name = format!("silkport_test_{}", Uuid::now_v7().simple());
            let admin = Database::connect(format!("{base}/postgres")).await.expect("connect to PostgreSQL");
            // The migrations grant to the application role, as they do for the test template.
            admin
                .execute_unprepared(&format!(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}')
                         THEN CREATE ROLE {APP_ROLE} LOGIN; END IF; END $$"
                ))
                .await
                .expect("create app role");
            admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create database");
            admin.close().await.ok();
            format!("{base}/{name}")
        }
    };
    Database::connect(url.as_str()).await.expect("open database")
}

async fn insert(conn: &DatabaseConnection, table: &str, columns: &[&str], values: Vec<SimpleExpr>) {
    let statement = Query::insert()
        .into_table(table.to_owned())
        .columns(columns.iter().map(|c| (*c).to_owned()))
        .values_panic(values)
        .to_owned();
    conn.execute(&statement).await.unwrap_or_else(|e| panic!("insert into {table}: {e}"));
}

async fn invitation(
    conn: &DatabaseConnection,
    tenant: Uuid,
    email: &str,
    created: DateTime<Utc>,
    accepted: bool,
) -> Uuid {
    let id = Uuid::now_v7();
    let accepted_at = accepted.then_some(created + Duration::hours(1));
    insert(
        conn,
        "invitations",
        &[
            "tenant_id",
            "id",
            "email",
            "role",
            "locale",
            "token_hash",
            "invited_by",
            "expires_at",
            "accepted_at",
            "revoked_at",
            "created_at",
        ],
        vec![
            tenant.into(),
            id.into(),
            email.into(),
            "viewer".into(),
            "en".into(),
            "hash".into(),
            Uuid::nil().into(),
            (created + Duration::days(7)).into(),
            accepted_at.into(),
            Option::<DateTime<Utc>>::None.into(),
            created.into(),
        ],
    )
    .await;
    id
}

async fn revoked_at(conn: &DatabaseConnection, id: Uuid) -> Option<DateTime<Utc>> {
    let select = Query::select().column("revoked_at").from("invitations").and_where(Expr::col("id").eq(id)).to_owned();
    let row = conn.query_one(&select).await.expect("select").expect("the invitation");
    row.try_get::<Option<DateTime<Utc>>>("", "revoked_at").expect("revoked_at")
}

#[tokio::test]
async fn existing_duplicates_and_invitations_of_members_are_voided_before_the_index() {
    let conn = blank().await;
    let index = Migrator::migrations()
        .iter()
        .position(|m| m.name() == "m20261130_000009_one_open_invitation_per_email")
        .expect("the migration is listed");
    Migrator::up(&conn, Some(index as u32)).await.expect("migrate up to the one before");

    let day = |n: i64| DateTime::parse_from_rfc3339("2026-11-01T08:00:00Z").expect("time").to_utc() + Duration::days(n);
    let (tenant, user, member) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    insert(
        &conn,
        "tenants",
        &["id", "name", "slug", "modules", "default_locale", "created_at"],
        vec![tenant.into(), "Alpha".into(), "alpha".into(), "".into(), "en".into(), day(0).into()],
    )
    .await;
    insert(
        &conn,
        "users",
        &["id", "email", "name", "password_hash", "locale", "created_at"],
        vec![user.into(), "joined@example.com".into(), "Joined".into(), "x".into(), "en".into(), day(0).into()],
    )
    .await;
    let joined_old = invitation(&conn, tenant, "joined@example.com", day(1), false).await;
    insert(
        &conn,
        "memberships",
        &["tenant_id", "id", "user_id", "role", "created_at"],
        vec![tenant.into(), member.into(), user.into(), "viewer".into(), day(3).into()],
    )
    .await;
    let older = invitation(&conn, tenant, "twice@example.com", day(2), false).await;
    let newer = invitation(&conn, tenant, "twice@example.com", day(4), false).await;
    let accepted = invitation(&conn, tenant, "done@example.com", day(2), true).await;
    let single = invitation(&conn, tenant, "single@example.com", day(2), false).await;

    Migrator::up(&conn, None).await.expect("migrate the rest");

    assert_eq!(revoked_at(&conn, joined_old).await, Some(day(3)), "void from the day they joined");
    assert_eq!(revoked_at(&conn, older).await, Some(day(4)), "void from the day the newer one was made");
    assert_eq!(revoked_at(&conn, newer).await, None, "the newest stays open");
    assert_eq!(revoked_at(&conn, accepted).await, None, "an accepted one is left alone");
    assert_eq!(revoked_at(&conn, single).await, None);

    let reopen = Query::update()
        .table("invitations")
        .value("revoked_at", Option::<DateTime<Utc>>::None)
        .and_where(Expr::col("id").eq(older))
        .to_owned();
    let refused = conn.execute(&reopen).await;
    assert!(refused.is_err(), "a second open invitation for one email breaks the unique index");
}
