//! Sessions: password login through the password gate, and refresh tokens
//! ([`super::grants`]) rotated on every use, with reuse detection that
//! revokes the whole family; sign-out.
#![expect(clippy::disallowed_methods, reason = "refresh tokens are looked up by their hash across tenants")]

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::entities::refresh_token;
use super::grants::{self, SessionGrant, parse_role};
use super::memberships::memberships_of_user;
use super::{USER, messages, password_gate, signup_links, tenants, users};
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::db::{Db, scope_to_user};
use crate::platform::email::Email;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::ids::hash_secret;
use crate::platform::tenancy::{TenantCtx, TenantTx};

fn bad_credentials() -> DomainError {
    DomainError::user("email", UserErrorCode::InvalidCredentials, messages::bad_credentials())
}

/// Email + password login into `tenant_slug` (or the user's first tenant),
/// through the password gate (lockout, hashing slots; see
/// [`super::password_gate`]). An unverified account, with the right
/// password, gets `EMAIL_UNCONFIRMED` and a fresh confirmation link.
pub async fn login(
    db: &Db,
    email: &str,
    password: &str,
    tenant_slug: Option<&str>,
    public_url: &str,
    request_id: Option<String>,
) -> DomainResult<SessionGrant> {
    let email = Email::parse("email", email)?;
    let user = users::find_by_email(db.connection(), &email).await?;
    let verified = password_gate::check(db, "email", &email, password, user.as_ref(), request_id.clone()).await?;
    let (true, Some(user)) = (verified, user) else { return Err(bad_credentials()) };
    // Told only to whoever knows the password, so it reveals nothing.
    if user.email_verified_at.is_none() {
        signup_links::resend(db, &user, public_url, request_id).await?;
        return Err(DomainError::user("email", UserErrorCode::EmailUnconfirmed, messages::email_unconfirmed()));
    }
    let tx = db.global_tx().await?;
    scope_to_user(&tx, user.id).await?;
    let memberships = memberships_of_user(&tx, user.id).await?;
    let chosen = match tenant_slug.map(str::trim).filter(|s| !s.is_empty()) {
        Some(slug) => {
            let tenant = tenants::find_by_slug(&tx, slug).await?;
            tenant.and_then(|t| memberships.iter().find(|m| m.tenant_id == t.id).cloned())
        }
        None => memberships.first().cloned(),
    };
    // Told only to whoever knows the password: no tenant of theirs by that
    // slug (or none at all, once removed from the last one).
    let Some(membership) = chosen else {
        return Err(DomainError::user("tenantSlug", UserErrorCode::NotFound, messages::not_a_member()));
    };
    let role = parse_role(&membership.role)?;
    let grant = grants::issue(&tx, user.id, membership.tenant_id, role, membership.merchant_id, None).await?;
    let ctx = TenantCtx::user(membership.tenant_id, user.id, role, membership.merchant_id, request_id);
    let mut scoped = TenantTx::scope(db, tx, ctx).await?;
    audit::record(&mut scoped, Change::action("session.create")).await?;
    scoped.commit().await?;
    Ok(grant)
}

fn invalid_refresh() -> DomainError {
    DomainError::user("refreshToken", UserErrorCode::InvalidCredentials, messages::refresh_invalid())
}

/// Exchanges a refresh token for a new one (and a new access token), for the
/// same tenant or, with `tenant_id`, another tenant the user belongs to.
pub async fn refresh(
    db: &Db,
    token: &str,
    tenant_id: Option<Uuid>,
    request_id: Option<String>,
) -> DomainResult<SessionGrant> {
    let tx = db.global_tx().await?;
    let found =
        refresh_token::Entity::find().filter(refresh_token::Column::TokenHash.eq(hash_secret(token))).one(&tx).await?;
    let Some(found) = found else { return Err(invalid_refresh()) };
    // Signed out, reset or removed: refused, but no one replayed it.
    if found.revoked_at.is_some() && found.used_at.is_none() {
        return Err(invalid_refresh());
    }
    let now = clock::now();
    // Guarded so that of two concurrent uses exactly one wins.
    let claimed = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::Id.eq(found.id))
        .filter(refresh_token::Column::UsedAt.is_null())
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(&tx)
        .await?
        .rows_affected
        == 1;
    if !claimed {
        revoke_family(&tx, found.family_id, now).await?;
        let mut scoped = TenantTx::scope(db, tx, TenantCtx::system(found.tenant_id)).await?;
        let change = Change::of("session.reuse_detected", USER, found.user_id)
            .after(json!({"family": found.family_id.to_string()}));
        audit::record(&mut scoped, change).await?;
        scoped.commit().await?;
        tracing::warn!(session.family = %found.family_id, "refresh token reused; family revoked");
        return Err(invalid_refresh());
    }
    if found.expires_at <= now {
        tx.commit().await?;
        return Err(invalid_refresh());
    }
    let target = tenant_id.unwrap_or(found.tenant_id);
    scope_to_user(&tx, found.user_id).await?;
    let membership = memberships_of_user(&tx, found.user_id).await?.into_iter().find(|m| m.tenant_id == target);
    let Some(membership) = membership else {
        return Err(DomainError::user("tenantId", UserErrorCode::Forbidden, messages::not_a_member()));
    };
    let role = parse_role(&membership.role)?;
    let grant = grants::issue(&tx, found.user_id, target, role, membership.merchant_id, Some(found.family_id)).await?;
    let ctx = TenantCtx::user(target, found.user_id, role, membership.merchant_id, request_id);
    let mut scoped = TenantTx::scope(db, tx, ctx).await?;
    let action = if target == found.tenant_id { "session.refresh" } else { "session.switch_tenant" };
    audit::record(&mut scoped, Change::action(action)).await?;
    scoped.commit().await?;
    Ok(grant)
}

/// Logout: revokes the token's whole family.
pub async fn revoke(db: &Db, token: &str, request_id: Option<String>) -> DomainResult<()> {
    let tx = db.global_tx().await?;
    let found =
        refresh_token::Entity::find().filter(refresh_token::Column::TokenHash.eq(hash_secret(token))).one(&tx).await?;
    let Some(found) = found else { return Err(invalid_refresh()) };
    revoke_family(&tx, found.family_id, clock::now()).await?;
    let ctx = TenantCtx::account(found.tenant_id, found.user_id, request_id);
    let mut scoped = TenantTx::scope(db, tx, ctx).await?;
    audit::record(&mut scoped, Change::action("session.revoke")).await?;
    scoped.commit().await?;
    Ok(())
}

async fn revoke_family(conn: &impl ConnectionTrait, family: Uuid, now: DateTime<Utc>) -> DomainResult<()> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(now))
        .filter(refresh_token::Column::FamilyId.eq(family))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// Revokes every refresh token of `user_id` (in `tenant_id` only, if given).
pub(crate) async fn revoke_user(
    conn: &impl ConnectionTrait,
    user_id: Uuid,
    tenant_id: Option<Uuid>,
) -> DomainResult<()> {
    let mut update = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(clock::now()))
        .filter(refresh_token::Column::UserId.eq(user_id))
        .filter(refresh_token::Column::RevokedAt.is_null());
    if let Some(tenant_id) = tenant_id {
        update = update.filter(refresh_token::Column::TenantId.eq(tenant_id));
    }
    update.exec(conn).await?;
    Ok(())
}
