//! How long spent credentials are kept: invitations a week past their
//! expiry, refresh tokens until they expire, password-reset links a day
//! past expiry or use, failed sign-in counts a day after the last attempt.
//! A sign-up nobody confirmed within its link's lifetime gives its slug back
//! (the tenant is renamed `lapsed-<id>`; the audit log is append-only, so
//! the tenant itself stays), and slug holds end when they run out.

#![expect(clippy::disallowed_methods, reason = "sessions, links and tenants are global tables")]

use chrono::Duration;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::ActiveValue::Set;
use uuid::Uuid;

use super::entities::{invitation, password_reset, refresh_token, signup_confirmation, tenant, user};
use super::signup_links::CONFIRMATION_TTL;
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
    /// Unconfirmed sign-ups whose slug was given back.
    pub lapsed_signups: u64,
    pub slug_holds: u64,
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
    let lapsed_signups = lapse_unconfirmed(db).await?;
    let slug_holds = super::slug_holds::purge_expired(db.connection()).await?;
    Ok(PurgedSessions { refresh_tokens, password_resets, sign_in_attempts, lapsed_signups, slug_holds })
}

/// Renames the tenants of sign-ups whose owner never confirmed and whose
/// newest link has run out, so their slugs are free again.
async fn lapse_unconfirmed(db: &Db) -> DomainResult<u64> {
    let conn = db.connection();
    let unverified: BTreeSet<Uuid> = user::Entity::find()
        .filter(user::Column::EmailVerifiedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .map(|u| u.id)
        .collect();
    if unverified.is_empty() {
        return Ok(0);
    }
    let links = signup_confirmation::Entity::find()
        .filter(signup_confirmation::Column::UserId.is_in(unverified.iter().copied()))
        .all(conn)
        .await?;
    let mut newest: BTreeMap<Uuid, chrono::DateTime<chrono::Utc>> = BTreeMap::new();
    for link in links {
        let at = newest.entry(link.tenant_id).or_insert(link.created_at);
        *at = (*at).max(link.created_at);
    }
    let cutoff = clock::now() - CONFIRMATION_TTL;
    let mut lapsed = 0;
    for (tenant_id, sent) in newest {
        if sent >= cutoff {
            continue;
        }
        let Some(row) = tenant::Entity::find_by_id(tenant_id).one(conn).await? else { continue };
        if row.slug.starts_with(LAPSED) {
            continue;
        }
        let mut active: tenant::ActiveModel = row.into();
        active.slug = Set(format!("{LAPSED}{}", tenant_id.simple()));
        tenant::Entity::update(active).exec(conn).await?;
        lapsed += 1;
    }
    Ok(lapsed)
}

/// Prefix of the slug of a lapsed sign-up's tenant.
const LAPSED: &str = "lapsed-";
