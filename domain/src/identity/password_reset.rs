//! Password reset by email. Asking never tells whether the email exists;
//! the link is single-use, expires in an hour, and using it signs the user
//! out everywhere.
#![expect(clippy::disallowed_methods, reason = "password_resets is a global table")]

use chrono::Duration;
use sea_orm::{ActiveValue::Set, EntityTrait, IntoActiveModel};
use serde_json::json;
use uuid::Uuid;

use super::entities::password_reset;
use super::messages;
use super::password::NewPassword;
use super::sessions::{memberships_of_user, revoke_user};
use super::{Locale, USER, mail, tenants, users};
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::db::{Db, scope_to_user};
use crate::platform::email::Email;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::ids::{hash_secret, new_id, new_secret, secret_hash_eq};
use crate::platform::tenancy::{TenantCtx, TenantTx};

pub const RESET_TTL: Duration = Duration::hours(1);

/// Sends a reset link if the email belongs to a user, in their language;
/// silent otherwise.
pub async fn request(db: &Db, email: &str, public_url: &str, request_id: Option<String>) -> DomainResult<()> {
    let email = Email::parse("email", email)?;
    let tx = db.global_tx().await?;
    let Some(user) = users::find_by_email(&tx, &email).await? else {
        tracing::info!(user.email = %email.redacted(), "password reset for unknown email");
        return Ok(());
    };
    scope_to_user(&tx, user.id).await?;
    // The mail job and its audit entry live in the user's first tenant.
    let Some(home) = memberships_of_user(&tx, user.id).await?.into_iter().next() else {
        return Ok(());
    };
    let id = new_id();
    let secret = new_secret();
    let now = clock::now();
    let row = password_reset::ActiveModel {
        id: Set(id),
        user_id: Set(user.id),
        token_hash: Set(hash_secret(&secret)),
        created_at: Set(now),
        expires_at: Set(now + RESET_TTL),
        used_at: Set(None),
    };
    sea_orm::ActiveModelTrait::insert(row, &tx).await?;
    let reset_url = format!("{}/reset-password?token={}.{secret}", public_url.trim_end_matches('/'), id.simple());
    let ctx = TenantCtx::account(home.tenant_id, user.id, request_id);
    let mut scoped = TenantTx::scope(db, tx, ctx).await?;
    // In the user's language, with the expiry in their home tenant's zone.
    let tenant =
        tenants::find(scoped.conn(), home.tenant_id).await?.ok_or_else(|| DomainError::internal("tenant gone"))?;
    let message =
        mail::PasswordReset { reset_url: &reset_url, timezone: &tenant.timezone, expires_at: now + RESET_TTL };
    let locale = Locale::parse(&user.locale).unwrap_or_default();
    crate::platform::mail::send(&mut scoped, message.render(email.as_str(), locale)?).await?;
    audit::record(&mut scoped, Change::of("user.password_reset_request", USER, user.id)).await?;
    scoped.commit().await?;
    Ok(())
}

fn invalid_token() -> DomainError {
    DomainError::user("token", UserErrorCode::InvalidCredentials, messages::reset_link_invalid())
}

/// Sets a new password with a reset token.
pub async fn reset(db: &Db, token: &str, password: &str, request_id: Option<String>) -> DomainResult<()> {
    let (id, secret) = token.trim().split_once('.').ok_or_else(invalid_token)?;
    let id = Uuid::try_parse(id).map_err(|_| invalid_token())?;
    let tx = db.global_tx().await?;
    let found = password_reset::Entity::find_by_id(id).one(&tx).await?;
    let Some(found) = found.filter(|r| secret_hash_eq(&r.token_hash, &hash_secret(secret))) else {
        return Err(invalid_token());
    };
    if found.used_at.is_some() || found.expires_at <= clock::now() {
        return Err(DomainError::user("token", UserErrorCode::Expired, messages::reset_link_expired()));
    }
    let user = users::find(&tx, found.user_id).await?.ok_or_else(invalid_token)?;
    let hash = NewPassword::parse("password", password, Some(&user.email))?.hash().await?;
    let user_id = user.id;
    let mut active = user.into_active_model();
    active.password_hash = Set(hash);
    active.failed_logins = Set(0);
    active.locked_until = Set(None);
    users::update(&tx, active).await?;
    let mut used = found.into_active_model();
    used.used_at = Set(Some(clock::now()));
    sea_orm::ActiveModelTrait::update(used, &tx).await?;
    revoke_user(&tx, user_id, None).await?;
    scope_to_user(&tx, user_id).await?;
    let tenants: Vec<Uuid> = memberships_of_user(&tx, user_id).await?.into_iter().map(|m| m.tenant_id).collect();
    tx.commit().await?;
    // Every tenant the user belongs to sees that their password changed.
    for tenant_id in tenants {
        let ctx = TenantCtx::account(tenant_id, user_id, request_id.clone());
        let change = Change::of("user.password_reset", USER, user_id).after(json!({"sessionsRevoked": true}));
        db.write(&ctx, async |tx| audit::record(tx, change).await).await?;
    }
    Ok(())
}
