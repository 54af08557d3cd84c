//! Sign-up confirmed by mail: a sign-up for a new address makes the account
//! (unverified) and its tenant, and mails a single-use link; the owner can
//! sign in only once the link is followed. Global, like `password_resets`:
//! the link is found by its token before any tenant is known.

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
        m.create_index(index("signup_confirmations", "signup_confirmations_by_user", &["user_id", "created_at"])).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("signup_confirmations").take()).await
    }
}
