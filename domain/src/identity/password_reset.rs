//! Password reset by email. Asking never tells whether the email exists;
//! the link is single-use, expires in an hour, and using it signs the user
//! out everywhere.
#![expect(clippy::disallowed_methods, reason = "password_resets is a global table")]

use chrono::{Duration, Utc};
use sea_orm::{ActiveValue::Set, EntityTrait, IntoActiveModel};
use serde_json::json;
use uuid::Uuid;

use super::email::Email;
use super::password::NewPassword;
use super::sessions::{memberships_of_user, revoke_user};
use super::{Locale, users};
use crate::audit::{self, Change};
use crate::context::{Actor, TenantCtx};
use crate::db::{Db, TenantTx, set_local};
use crate::entities::password_reset;
use crate::error::{DomainError, DomainResult, UserErrorCode};
use crate::ids::{hash_secret, new_id, new_secret, secret_hash_eq};
use crate::jobs::mail::{self, EmailMessage, OutgoingEmail};

pub const RESET_TTL: Duration = Duration::hours(1);

fn user_ctx(tenant_id: Uuid, user_id: Uuid, request_id: Option<String>) -> TenantCtx {
    TenantCtx { tenant_id, actor: Actor::User { id: user_id }, role: None, scopes: Vec::new(), request_id }
}

/// Sends a reset link if the email belongs to a user; silent otherwise.
pub async fn request(
    db: &Db,
    email: &str,
    locale: Option<Locale>,
    public_url: &str,
    request_id: Option<String>,
) -> DomainResult<()> {
    let email = Email::parse("email", email)?;
    let tx = db.global_tx().await?;
    let Some(user) = users::find_by_email(&tx, &email).await? else {
        tracing::info!(user.email = %email.redacted(), "password reset for unknown email");
        return Ok(());
    };
    set_local(&tx, "app.user_id", user.id).await?;
    // The mail job and its audit entry live in the user's first tenant.
    let Some(home) = memberships_of_user(&tx, user.id).await?.into_iter().next() else {
        return Ok(());
    };
    let id = new_id();
    let secret = new_secret();
    let now = Utc::now();
    let row = password_reset::ActiveModel {
        id: Set(id),
        user_id: Set(user.id),
        token_hash: Set(hash_secret(&secret)),
        created_at: Set(now),
        expires_at: Set(now + RESET_TTL),
        used_at: Set(None),
    };
    sea_orm::ActiveModelTrait::insert(row, &tx).await?;
    let locale = locale.unwrap_or_else(|| Locale::parse(&user.locale).unwrap_or(Locale::En));
    let reset_url = format!("{}/reset-password?token={}.{secret}", public_url.trim_end_matches('/'), id.simple());
    let mut scoped = TenantTx::scope(db, tx, home.tenant_id).await?;
    let message = EmailMessage::PasswordReset { reset_url, expires_at: now + RESET_TTL };
    mail::send(&mut scoped, OutgoingEmail::new(email.as_str(), locale, message)).await?;
    let ctx = user_ctx(home.tenant_id, user.id, request_id);
    let change = Change {
        action: "user.password_reset_request",
        subject: Some(audit::subject("User", user.id)),
        before: None,
        after: None,
    };
    audit::record(&mut scoped, &ctx, change).await?;
    scoped.commit().await?;
    Ok(())
}

fn invalid_token() -> DomainError {
    DomainError::user("token", UserErrorCode::InvalidCredentials, "This reset link is not valid; ask for a new one.")
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
    if found.used_at.is_some() || found.expires_at <= Utc::now() {
        return Err(DomainError::user(
            "token",
            UserErrorCode::Expired,
            "This reset link has expired; ask for a new one.",
        ));
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
    used.used_at = Set(Some(Utc::now()));
    sea_orm::ActiveModelTrait::update(used, &tx).await?;
    revoke_user(&tx, user_id, None).await?;
    set_local(&tx, "app.user_id", user_id).await?;
    let tenants: Vec<Uuid> = memberships_of_user(&tx, user_id).await?.into_iter().map(|m| m.tenant_id).collect();
    tx.commit().await?;
    // Every tenant the user belongs to sees that their password changed.
    for tenant_id in tenants {
        let mut scoped = db.tenant_tx_for(tenant_id).await?;
        let ctx = user_ctx(tenant_id, user_id, request_id.clone());
        let change = Change {
            action: "user.password_reset",
            subject: Some(audit::subject("User", user_id)),
            before: None,
            after: Some(json!({"sessionsRevoked": true})),
        };
        audit::record(&mut scoped, &ctx, change).await?;
        scoped.commit().await?;
    }
    Ok(())
}
