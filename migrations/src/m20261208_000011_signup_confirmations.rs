//! Sign-up confirmed by mail: a sign-up for a new address makes the account
//! (unverified) and its tenant, and mails a single-use link; the owner can
//! sign in only once the link is followed. Global, like `password_resets`:
//! the link is found by its token before any tenant is known.
//!
//! `users.sessions_revoked_at`: access tokens issued before it are refused
//! (a password reset ends every session at once, not when tokens expire).
//!
//! `slug_holds`: a sign-up that opened no tenant (the address had an
//! account) holds its slug as long as a new address's unconfirmed tenant
//! would, so that whether a slug is free tells nothing about the address.

use sea_orm_migration::prelude::*;

use crate::columns::{index, text, time, time_null, uuid};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261208_000011_signup_confirmations"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("signup_confirmations")
                .col(uuid("id").primary_key())
                .col(uuid("user_id"))
                .col(uuid("tenant_id"))
                .col(text("token_hash"))
                .col(time("created_at"))
                .col(time("expires_at"))
                .col(time_null("used_at"))
                .foreign_key(
                    ForeignKey::create()
                        .from("signup_confirmations", "user_id")
                        .to("users", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from("signup_confirmations", "tenant_id")
                        .to("tenants", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .take(),
        )
        .await?;
        m.create_index(index("signup_confirmations", "signup_confirmations_by_user", &["user_id", "created_at"]))
            .await?;
        m.create_table(
            Table::create()
                .table("slug_holds")
                .col(text("slug").primary_key())
                .col(text("email_key"))
                .col(time("expires_at"))
                .take(),
        )
        .await?;
        m.alter_table(Table::alter().table("users").add_column(time_null("sessions_revoked_at")).take()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("users").drop_column("sessions_revoked_at").take()).await?;
        m.drop_table(Table::drop().table("slug_holds").take()).await?;
        m.drop_table(Table::drop().table("signup_confirmations").take()).await
    }
}
