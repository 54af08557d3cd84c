//! Password reset by email. Asking never tells whether the email exists
//! (same answer, same time); mails are capped per address and per tenant;
//! the link is single-use, expires in an hour, and using it voids the
//! user's other links and signs them out everywhere.
#![expect(clippy::disallowed_methods, reason = "password_resets is a global table")]

use chrono::Duration;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::entities::password_reset;
use super::memberships::memberships_of_user;
use super::messages;
use super::password::NewPassword;
use super::sessions::revoke_user;
use super::{Locale, USER, authority, mail, password_gate, tenants, users};
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::db::{Db, scope_to_user};
use crate::platform::email::Email;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::ids::{hash_secret, new_id, new_secret, secret_hash_eq};
use crate::platform::tenancy::{TenantCtx, TenantTx};

pub const RESET_TTL: Duration = Duration::hours(1);
/// Reset mails one address gets per [`MAIL_WINDOW`]; further requests are
/// answered the same and send nothing.
pub const MAILS_PER_ADDRESS: u64 = 3;
/// Reset mails the users of one tenant (their first tenant) get per
/// [`MAIL_WINDOW`].
pub const MAILS_PER_TENANT: u64 = 100;
pub const MAIL_WINDOW: Duration = Duration::hours(1);
/// The least time a reset request takes, whether or not the address has an
/// account and whether or not a mail went out, so its timing tells nothing.
const ANSWER_FLOOR: std::time::Duration = std::time::Duration::from_millis(250);

/// Sends a reset link, in the user's language, if the email belongs to a
/// user and its caps allow; answers the same, in the same time, otherwise.
pub async fn request(db: &Db, email: &str, public_url: &str, request_id: Option<String>) -> DomainResult<()> {
    let started = tokio::time::Instant::now();
    let email = Email::parse("email", email)?;
    let sent = send_link(db, &email, public_url, request_id).await;
    tokio::time::sleep_until(started + ANSWER_FLOOR).await;
    sent
}

async fn send_link(db: &Db, email: &Email, public_url: &str, request_id: Option<String>) -> DomainResult<()> {
    let tx = db.global_tx().await?;
    // Locked for the count-then-insert below (no-op on SQLite, whose write
    // transactions already exclude each other).
    let Some(user) = users::find_by_email_for_update(&tx, email).await? else {
        tracing::info!(user.email = %email.redacted(), "password reset for unknown email");
        return Ok(());
    };
    scope_to_user(&tx, user.id).await?;
    // The mail job and its audit entry live in the user's first tenant.
    let Some(home) = memberships_of_user(&tx, user.id).await?.into_iter().next() else {
        return Ok(());
    };
    let now = clock::now();
    let recent = password_reset::Entity::find()
        .filter(password_reset::Column::UserId.eq(user.id))
        .filter(password_reset::Column::CreatedAt.gt(now - MAIL_WINDOW))
        .count(&tx)
        .await?;
    if recent >= MAILS_PER_ADDRESS {
        tracing::info!(user.email = %email.redacted(), "password reset mail capped for this address");
        return Ok(());
    }
    let ctx = TenantCtx::account(home.tenant_id, user.id, request_id);
    let mut scoped = TenantTx::scope(db, tx, ctx).await?;
    if audit::count_since(&scoped, &["user.password_reset_request"], now - MAIL_WINDOW, None).await? >= MAILS_PER_TENANT
    {
        tracing::warn!(tenant.id = %home.tenant_id, "password reset mails capped for this tenant");
        return Ok(());
    }
    let id = new_id();
    let secret = new_secret();
    let row = password_reset::ActiveModel {
        id: Set(id),
        user_id: Set(user.id),
        token_hash: Set(hash_secret(&secret)),
        created_at: Set(now),
        expires_at: Set(now + RESET_TTL),
        used_at: Set(None),
    };
    sea_orm::ActiveModelTrait::insert(row, scoped.conn()).await?;
    let reset_url = format!("{}/reset-password?token={}.{secret}", public_url.trim_end_matches('/'), id.simple());
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

fn used_link() -> DomainError {
    DomainError::user("token", UserErrorCode::LinkUsed, messages::reset_link_used())
}

/// Sets a new password with a reset link's token. The link is spent at
/// once and atomically (of two concurrent uses one wins); every other
/// outstanding link of the user is voided, every session of the user ends,
/// and the address's failed sign-in attempts are forgotten.
///
/// Errors on `token`: `INVALID_CREDENTIALS` (no such link), `LINK_USED`
/// (spent or replaced), `EXPIRED` (older than [`RESET_TTL`]); on
/// `password`: `WEAK_PASSWORD`.
pub async fn reset(db: &Db, token: &str, password: &str, request_id: Option<String>) -> DomainResult<()> {
    let (id, secret) = token.trim().split_once('.').ok_or_else(invalid_token)?;
    let id = Uuid::try_parse(id).map_err(|_| invalid_token())?;
    let found = password_reset::Entity::find_by_id(id).one(db.connection()).await?;
    let Some(found) = found.filter(|r| secret_hash_eq(&r.token_hash, &hash_secret(secret))) else {
        return Err(invalid_token());
    };
    if found.used_at.is_some() {
        return Err(used_link());
    }
    if found.expires_at <= clock::now() {
        return Err(DomainError::user("token", UserErrorCode::Expired, messages::reset_link_expired()));
    }
    let user = users::find(db.connection(), found.user_id).await?.ok_or_else(invalid_token)?;
    let hash = NewPassword::parse("password", password, Some(&user.email))?.hash().await?;
    let user_id = user.id;
    let verified = user.email_verified_at.is_some();
    let tx = db.global_tx().await?;
    let now = clock::now();
    let spent = password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(now))
        .filter(password_reset::Column::Id.eq(id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&tx)
        .await?
        .rows_affected;
    if spent != 1 {
        return Err(used_link());
    }
    password_reset::Entity::update_many()
        .col_expr(password_reset::Column::UsedAt, Expr::value(now))
        .filter(password_reset::Column::UserId.eq(user_id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&tx)
        .await?;
    password_gate::clear(&tx, &Email::parse("email", &user.email)?).await?;
    let mut active = user.into_active_model();
    active.password_hash = Set(hash);
    // Access tokens already issued stop too (see `authority`).
    active.sessions_revoked_at = Set(Some(now));
    // The link reached the address: it is verified now.
    if !verified {
        active.email_verified_at = Set(Some(now));
    }
    users::update(&tx, active).await?;
    revoke_user(&tx, user_id, None).await?;
    super::signup_links::void_links(&tx, user_id, now).await?;
    scope_to_user(&tx, user_id).await?;
    let tenants: Vec<Uuid> = memberships_of_user(&tx, user_id).await?.into_iter().map(|m| m.tenant_id).collect();
    tx.commit().await?;
    // Every tenant the user belongs to sees that their password changed.
    for tenant_id in tenants {
        let ctx = TenantCtx::account(tenant_id, user_id, request_id.clone());
        let change = Change::of("user.password_reset", USER, user_id)
            .after(json!({"sessionsRevoked": true, "otherLinksVoided": true}));
        db.write(&ctx, async |tx| {
            authority::changed(tx, user_id)?;
            audit::record(tx, change).await
        })
        .await?;
    }
    Ok(())
}
