//! Tenants, users, memberships, invitations, API clients, refresh tokens and
//! password resets.
//!
//! `tenants`, `users`, `refresh_tokens` and `password_resets` are global
//! (a user and their sessions span tenants); the rest are tenant-owned.

use sea_orm_migration::prelude::*;

use crate::columns::{index, int, tenant_table, text, time, time_null, uuid, uuid_null};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261126_000001_identity"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("tenants")
                .col(uuid("id").primary_key())
                .col(text("name"))
                .col(text("slug").unique_key())
                .col(text("modules"))
                .col(text("default_locale"))
                .col(time("created_at"))
                .take(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("users")
                .col(uuid("id").primary_key())
                .col(text("email").unique_key())
                .col(text("name"))
                .col(text("password_hash"))
                .col(text("locale"))
                .col(int("failed_logins", 0))
                .col(time_null("locked_until"))
                .col(time("created_at"))
                .take(),
        )
        .await?;
        m.create_table(
            tenant_table("memberships")
                .col(uuid("user_id"))
                .col(text("role"))
                .col(time("created_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("memberships", "user_id")
                        .to("users", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .take(),
        )
        .await?;
        m.create_index(index("memberships", "memberships_tenant_user", &["tenant_id", "user_id"]).unique().take())
            .await?;
        m.create_index(index("memberships", "memberships_user", &["user_id"])).await?;
        m.create_table(
            tenant_table("invitations")
                .col(text("email"))
                .col(text("role"))
                .col(text("locale"))
                .col(text("token_hash"))
                .col(uuid("invited_by"))
                .col(time("expires_at"))
                .col(time_null("accepted_at"))
                .col(time_null("revoked_at"))
                .col(time("created_at"))
                .take(),
        )
        .await?;
        m.create_table(
            tenant_table("api_clients")
                .col(text("name"))
                .col(text("client_id").unique_key())
                .col(text("secret_hash"))
                .col(text("scopes"))
                .col(uuid_null("merchant_id"))
                .col(uuid("created_by"))
                .col(time("created_at"))
                .col(time_null("revoked_at"))
                .take(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("refresh_tokens")
                .col(uuid("id").primary_key())
                .col(uuid("family_id"))
                .col(uuid("user_id"))
                .col(uuid("tenant_id"))
                .col(text("token_hash").unique_key())
                .col(time("created_at"))
                .col(time("expires_at"))
                .col(time_null("used_at"))
                .col(time_null("revoked_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("refresh_tokens", "user_id")
                        .to("users", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from("refresh_tokens", "tenant_id")
                        .to("tenants", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .take(),
        )
        .await?;
        m.create_index(index("refresh_tokens", "refresh_tokens_family", &["family_id"])).await?;
        m.create_table(
            Table::create()
                .table("password_resets")
                .col(uuid("id").primary_key())
                .col(uuid("user_id"))
                .col(text("token_hash"))
                .col(time("created_at"))
                .col(time("expires_at"))
                .col(time_null("used_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("password_resets", "user_id")
                        .to("users", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .take(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in
            ["password_resets", "refresh_tokens", "api_clients", "invitations", "memberships", "users", "tenants"]
        {
            m.drop_table(Table::drop().table(table).take()).await?;
        }
        Ok(())
    }
}
