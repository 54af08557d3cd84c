//! How long spent credentials are kept: invitations a week past their
//! expiry, refresh tokens until they expire, password-reset links a day
//! past expiry or use, failed sign-in counts a day after the last attempt.

#![expect(clippy::disallowed_methods, reason = "refresh_tokens and password_resets are global tables")]

use chrono::Duration;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};

use super::entities::{invitation, password_reset, refresh_token};
use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::errors::DomainResult;
use crate::platform::jobs::schedule::{Schedule, Zone};
use crate::platform::tenancy::TenantTx;

/// Every night at 03:45 in the tenant's zone.
pub const PURGE_INVITATIONS: Schedule =
    Schedule::each_tenant("identity.purge_invitations", "0 45 3 * * *", Zone::Tenant);

/// Every hour, five past.
pub const PURGE_SESSIONS: Schedule = Schedule::platform("identity.purge_sessions", "0 5 * * * *");

/// Deletes the tenant's invitations that expired more than a week ago
/// (their links are long dead; the audit log keeps who was invited).
pub async fn purge_invitations(tx: &TenantTx) -> DomainResult<u64> {
    let before = clock::now() - Duration::days(7);
    let deleted =
        tx.delete_many::<invitation::Entity>().filter(invitation::Column::ExpiresAt.lt(before)).exec(tx.conn()).await?;
    Ok(deleted.rows_affected)
}

/// What a session purge removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PurgedSessions {
    pub refresh_tokens: u64,
    pub password_resets: u64,
    /// Failed sign-in counts of addresses idle for a day.
    pub sign_in_attempts: u64,
}

/// Deletes expired refresh tokens (used ones stay until they expire, so a
/// replay is still recognised) and reset links expired or used a day ago.
pub async fn purge_sessions(db: &Db) -> DomainResult<PurgedSessions> {
    let now = clock::now();
    let refresh_tokens = refresh_token::Entity::delete_many()
        .filter(refresh_token::Column::ExpiresAt.lt(now))
        .exec(db.connection())
        .await?
        .rows_affected;
    let day_ago = now - Duration::days(1);
    let password_resets = password_reset::Entity::delete_many()
        .filter(
            Condition::any()
                .add(password_reset::Column::ExpiresAt.lt(day_ago))
                .add(password_reset::Column::UsedAt.lt(day_ago)),
        )
        .exec(db.connection())
        .await?
        .rows_affected;
    let sign_in_attempts = super::password_gate::purge_idle(db.connection()).await?;
    Ok(PurgedSessions { refresh_tokens, password_resets, sign_in_attempts })
}
