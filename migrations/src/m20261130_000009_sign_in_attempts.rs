//! Sign-in attempts: the lockout counter moves from `users` to a table keyed
//! by the email, so an address without an account is counted and locked
//! exactly like one with an account (the answer must not tell them apart),
//! and users get `email_verified_at`.

use sea_orm_migration::prelude::*;

use crate::columns::{int, text, time, time_null};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261130_000009_sign_in_attempts"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("sign_in_attempts")
                .col(text("email_key").primary_key())
                .col(int("failures", 0))
                .col(time_null("locked_until"))
                .col(time("updated_at"))
                .take(),
        )
        .await?;
        m.alter_table(Table::alter().table("users").drop_column("failed_logins").take()).await?;
        m.alter_table(Table::alter().table("users").drop_column("locked_until").take()).await?;
        m.alter_table(Table::alter().table("users").add_column(time_null("email_verified_at")).take()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("users").drop_column("email_verified_at").take()).await?;
        m.alter_table(Table::alter().table("users").add_column(int("failed_logins", 0)).take()).await?;
        m.alter_table(Table::alter().table("users").add_column(time_null("locked_until")).take()).await?;
        m.drop_table(Table::drop().table("sign_in_attempts").take()).await
    }
}
