//! Sign-up confirmation links: sent when a sign-up opens a tenant for an
//! unconfirmed address (or again at sign-in), capped per address, followed
//! once (confirming the address and signing in), and all spent together
//! once the address is proven (a followed link or a password reset).
#![expect(clippy::disallowed_methods, reason = "signup_confirmations and users are global tables")]

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::entities::{membership, signup_confirmation, user};
use super::grants::{self, SessionGrant};
use super::tenants::{self, Tenant};
use super::{Locale, USER, mail, memberships, messages, password_gate, users};
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::db::{Db, scope_to_user};
use crate::platform::email::Email;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::ids::{hash_secret, new_id, new_secret, secret_hash_eq};
use crate::platform::tenancy::{Actor, TenantCtx, TenantTx};

/// How long a confirmation link works.
pub const CONFIRMATION_TTL: Duration = Duration::hours(24);
/// Sign-up mails (links and notes) one address gets per [`MAIL_WINDOW`];
/// further sign-ups are answered the same and send nothing.
pub const MAILS_PER_ADDRESS: u64 = 3;
pub const MAIL_WINDOW: Duration = Duration::hours(1);

/// Links mailed to `user_id` within the last [`MAIL_WINDOW`].
pub(crate) async fn links_sent_recently(conn: &impl ConnectionTrait, user_id: Uuid) -> DomainResult<u64> {
    Ok(signup_confirmation::Entity::find()
        .filter(signup_confirmation::Column::UserId.eq(user_id))
        .filter(signup_confirmation::Column::CreatedAt.gt(clock::now() - MAIL_WINDOW))
        .count(conn)
        .await?)
}

/// Records a confirmation link for `user` into `tenant` and queues its
/// mail (the link is its own record: the mutation's audit entry is the
/// tenant's opening), in the user's language with the expiry in the tenant's zone.
pub(crate) async fn send_link(
    scoped: &mut TenantTx,
    user: &user::Model,
    tenant: &Tenant,
    public_url: &str,
) -> DomainResult<()> {
    let now = clock::now();
    let id = new_id();
    let secret = new_secret();
    let row = signup_confirmation::ActiveModel {
        id: Set(id),
        user_id: Set(user.id),
        tenant_id: Set(tenant.id),
        token_hash: Set(hash_secret(&secret)),
        created_at: Set(now),
        expires_at: Set(now + CONFIRMATION_TTL),
        used_at: Set(None),
    };
    sea_orm::ActiveModelTrait::insert(row, scoped.conn()).await?;
    let confirm_url = format!("{}/confirm-signup?token={}.{secret}", public_url.trim_end_matches('/'), id.simple());
    let message = mail::SignupConfirm {
        tenant_name: &tenant.name,
        confirm_url: &confirm_url,
        timezone: &tenant.timezone,
        expires_at: now + CONFIRMATION_TTL,
    };
    let locale = Locale::parse(&user.locale).unwrap_or_default();
    crate::platform::mail::send(scoped, message.render(&user.email, locale)?).await
}

/// Mails `user` (unverified, who just gave their password at sign-in) a
/// fresh confirmation link for the tenant of their newest link (else their
/// first tenant), within the address's cap.
pub(crate) async fn resend(
    db: &Db,
    user: &user::Model,
    public_url: &str,
    request_id: Option<String>,
) -> DomainResult<()> {
    let tx = db.global_tx().await?;
    let Some(user) = users::find(&tx, user.id).await?.filter(|u| u.email_verified_at.is_none()) else {
        return Ok(());
    };
    if links_sent_recently(&tx, user.id).await? >= MAILS_PER_ADDRESS {
        return Ok(());
    }
    let newest = signup_confirmation::Entity::find()
        .filter(signup_confirmation::Column::UserId.eq(user.id))
        .order_by_desc(signup_confirmation::Column::CreatedAt)
        .one(&tx)
        .await?;
    scope_to_user(&tx, user.id).await?;
    let tenant_id = match newest {
        Some(link) => link.tenant_id,
        None => match memberships::memberships_of_user(&tx, user.id).await?.into_iter().next() {
            Some(home) => home.tenant_id,
            None => return Ok(()),
        },
    };
    let tenant = tenants::find(&tx, tenant_id).await?.ok_or_else(|| DomainError::internal("tenant gone"))?;
    let ctx = TenantCtx::account(tenant_id, user.id, request_id);
    let mut scoped = TenantTx::scope(db, tx, ctx).await?;
    send_link(&mut scoped, &user, &tenant, public_url).await?;
    Ok(scoped.commit().await?)
}

/// Spends every unused confirmation link of `user_id` (after a
/// confirmation, or a password reset).
pub(crate) async fn void_links(conn: &impl ConnectionTrait, user_id: Uuid, now: DateTime<Utc>) -> DomainResult<()> {
    signup_confirmation::Entity::update_many()
        .col_expr(signup_confirmation::Column::UsedAt, Expr::value(now))
        .filter(signup_confirmation::Column::UserId.eq(user_id))
        .filter(signup_confirmation::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

fn invalid_link() -> DomainError {
    DomainError::user("token", UserErrorCode::InvalidCredentials, messages::signup_link_invalid())
}

fn used_link() -> DomainError {
    DomainError::user("token", UserErrorCode::LinkUsed, messages::signup_link_used())
}

/// Follows a confirmation link: the address is verified and its owner
/// signed in to the tenant the sign-up opened. The link is spent at once
/// and atomically (of two concurrent uses one wins).
///
/// Errors on `token`: `INVALID_CREDENTIALS` (no such link), `LINK_USED`,
/// `EXPIRED` (older than [`CONFIRMATION_TTL`]).
pub async fn confirm(db: &Db, token: &str, request_id: Option<String>) -> DomainResult<SessionGrant> {
    let (id, secret) = token.trim().split_once('.').ok_or_else(invalid_link)?;
    let id = Uuid::try_parse(id).map_err(|_| invalid_link())?;
    let found = signup_confirmation::Entity::find_by_id(id).one(db.connection()).await?;
    let Some(found) = found.filter(|r| secret_hash_eq(&r.token_hash, &hash_secret(secret))) else {
        return Err(invalid_link());
    };
    if found.used_at.is_some() {
        return Err(used_link());
    }
    let now = clock::now();
    if found.expires_at <= now {
        return Err(DomainError::user("token", UserErrorCode::Expired, messages::signup_link_expired()));
    }
    let tx = db.global_tx().await?;
    let spent = signup_confirmation::Entity::update_many()
        .col_expr(signup_confirmation::Column::UsedAt, Expr::value(now))
        .filter(signup_confirmation::Column::Id.eq(id))
        .filter(signup_confirmation::Column::UsedAt.is_null())
        .exec(&tx)
        .await?
        .rows_affected;
    if spent != 1 {
        return Err(used_link());
    }
    let user = users::find(&tx, found.user_id).await?.ok_or_else(invalid_link)?;
    let first_confirmation = user.email_verified_at.is_none();
    // The address is proven: the user's other links (resent, or of other
    // sign-ups) are spent too, and its failed attempts forgiven.
    void_links(&tx, found.user_id, now).await?;
    password_gate::clear(&tx, &Email::parse("email", &user.email)?).await?;
    if first_confirmation {
        users::mark_verified(&tx, user, now).await?;
    }
    let ctx = TenantCtx::system(found.tenant_id);
    let mut scoped = TenantTx::scope(db, tx, ctx).await?;
    let membership = scoped
        .find::<membership::Entity>()
        .filter(membership::Column::UserId.eq(found.user_id))
        .one(scoped.conn())
        .await?
        .ok_or_else(invalid_link)?;
    let role = grants::parse_role(&membership.role)?;
    let grant =
        grants::issue(scoped.conn(), found.user_id, found.tenant_id, role, membership.merchant_id, None).await?;
    scoped.act_as(Actor::User { id: found.user_id }, request_id);
    let change = Change::of("user.email_confirm", USER, found.user_id)
        .after(serde_json::json!({"emailVerified": true, "firstConfirmation": first_confirmation}));
    audit::record(&mut scoped, change).await?;
    scoped.commit().await?;
    Ok(grant)
}
