//! Invitations: an admin invites an email with a role; the invitee gets a
//! link by email and accepts it (signing up, or with their existing
//! password), becoming a member.
//!
//! The token names its tenant and invitation (`<tenant>.<invitation>.<secret>`)
//! so accepting is a tenant-scoped lookup; only the secret's hash is stored.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, IntoActiveModel, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::entities::{invitation, membership};
use super::grants::{self, SessionGrant, parse_role};
use super::members::merchant_binding;
use super::messages;
use super::password::NewPassword;
use super::password_gate;
use super::{INVITATION, Locale, MEMBER, invitation_caps, mail, tenants, users};
use crate::platform::access::{Permission, Role};
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::email::Email;
use crate::platform::errors::{DomainError, DomainResult, UserError, UserErrorCode};
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::{hash_secret, new_id, new_secret, secret_hash_eq};
use crate::platform::paging::{self, Order, Page, PageRequest};
use crate::platform::tenancy::{Actor, TenantCtx, TenantTx};
use crate::platform::text_enum::string_enum;

pub const INVITATION_TTL: Duration = Duration::days(7);

string_enum!(
    /// Where an invitation stands: open and usable, open but past its
    /// expiry, accepted, or revoked (withdrawn, or void once its person
    /// joined another way).
    InvitationStatus {
        Pending = "pending",
        Expired = "expired",
        Accepted = "accepted",
        Revoked = "revoked",
    }
);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub id: Uuid,
    pub email: String,
    pub role: Role,
    /// The merchant a merchant-role invitee will act for.
    pub merchant_id: Option<Uuid>,
    pub locale: Locale,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

impl Invitation {
    /// Its status at `now`.
    pub fn status(&self, now: DateTime<Utc>) -> InvitationStatus {
        if self.accepted_at.is_some() {
            InvitationStatus::Accepted
        } else if self.revoked_at.is_some() {
            InvitationStatus::Revoked
        } else if self.expires_at <= now {
            InvitationStatus::Expired
        } else {
            InvitationStatus::Pending
        }
    }
}

impl TryFrom<invitation::Model> for Invitation {
    type Error = DomainError;
    fn try_from(m: invitation::Model) -> DomainResult<Self> {
        Ok(Self {
            id: m.id,
            role: parse_role(&m.role)?,
            merchant_id: m.merchant_id,
            locale: Locale::parse(&m.locale).unwrap_or(Locale::En),
            email: m.email,
            expires_at: m.expires_at,
            accepted_at: m.accepted_at,
            revoked_at: m.revoked_at,
            created_at: m.created_at,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct InviteInput {
    pub email: String,
    pub role: Role,
    /// Required for the merchant role: the merchant the invitee acts for.
    pub merchant_id: Option<Uuid>,
    /// Language of the mail; the tenant's default language when not given.
    pub locale: Option<Locale>,
}

/// Invites `input.email`; the mail goes out through the job queue, written
/// in the same transaction. `public_url` is where the portal is reached.
/// A retry with the same idempotency key returns the first invitation.
pub async fn invite(
    tx: &mut TenantTx,
    input: InviteInput,
    public_url: &str,
    key: Option<&IdempotencyKey>,
) -> DomainResult<Invitation> {
    let request = input.clone();
    idempotency::once(tx, key, "memberInvite", &request, async |tx| invite_now(tx, input, public_url).await).await
}

async fn invite_now(tx: &mut TenantTx, input: InviteInput, public_url: &str) -> DomainResult<Invitation> {
    tx.ctx().require(Permission::MembersWrite)?;
    let email = Email::parse("email", &input.email)?;
    if input.role == Role::Owner && tx.ctx().role != Some(Role::Owner) {
        return Err(DomainError::user("role", UserErrorCode::Forbidden, messages::owner_invite_needs_owner()));
    }
    let merchant_id = merchant_binding(tx, input.role, input.merchant_id).await?;
    let inviter = inviter(tx).await?;
    if let Some(existing) = users::find_by_email(tx.conn(), &email).await? {
        let member =
            tx.find::<membership::Entity>().filter(membership::Column::UserId.eq(existing.id)).count(tx.conn()).await?;
        if member > 0 {
            return Err(DomainError::user("email", UserErrorCode::AlreadyMember, messages::already_member()));
        }
    }
    let replaced = void_expired_or_refuse(tx, &email).await?;
    invitation_caps::check(tx, &email).await?;
    let tenant =
        tenants::find(tx.conn(), tx.tenant_id()).await?.ok_or_else(|| DomainError::Internal("tenant gone".into()))?;
    let locale = input.locale.unwrap_or(tenant.default_locale);
    let id = new_id();
    let secret = new_secret();
    let now = clock::now();
    let saved = invitation::Model {
        tenant_id: tx.tenant_id(),
        id,
        email: email.as_str().to_owned(),
        role: input.role.as_str().to_owned(),
        merchant_id,
        locale: locale.as_str().to_owned(),
        token_hash: hash_secret(&secret),
        invited_by: tx.ctx().actor.id().unwrap_or_default(),
        expires_at: now + INVITATION_TTL,
        accepted_at: None,
        revoked_at: None,
        created_at: now,
    };
    insert_open(tx, &saved).await?;
    send_link(tx, &saved, &secret, inviter, public_url).await?;
    let mut after = json!({"email": email.as_str(), "role": input.role.as_str(), "merchantId": merchant_id, "locale": locale.as_str()});
    if let Some(expired) = replaced {
        after["replaces"] = json!(INVITATION.gid(expired));
    }
    audit::record(tx, Change::of("member.invite", INVITATION, id).after(after)).await?;
    saved.try_into()
}

/// The person inviting, if a person is, read in the transaction: a second
/// connection from the pool could wait forever on SQLite, whose one write
/// transaction this one holds while other writers hold the rest.
async fn inviter(tx: &TenantTx) -> DomainResult<Option<users::User>> {
    match tx.ctx().user_id() {
        Some(id) => Ok(users::get_many(tx.conn(), vec![id]).await?.pop()),
        None => Ok(None),
    }
}

/// Only open invitations (neither accepted nor revoked); one per email,
/// which a partial unique index keeps under concurrency.
fn open() -> Condition {
    Condition::all().add(invitation::Column::AcceptedAt.is_null()).add(invitation::Column::RevokedAt.is_null())
}

/// The open invitation to `email` (a parsed, lower-case address), if any.
async fn open_for(tx: &TenantTx, email: &str) -> DomainResult<Option<invitation::Model>> {
    Ok(tx
        .find::<invitation::Entity>()
        .filter(open())
        .filter(invitation::Column::Email.eq(email))
        .one(tx.conn())
        .await?)
}

fn already_invited(id: Option<Uuid>) -> DomainError {
    let error = UserError::new("email", UserErrorCode::AlreadyInvited, messages::already_invited());
    DomainError::User(vec![match id {
        Some(id) => error.about(INVITATION.gid(id)),
        None => error,
    }])
}

/// Refuses to invite `email` again while an invitation to it is open and
/// unexpired (naming that invitation, to resend it instead); an expired
/// one is voided to make way for the new one, and its id returned.
async fn void_expired_or_refuse(tx: &TenantTx, email: &Email) -> DomainResult<Option<Uuid>> {
    let Some(open) = open_for(tx, email.as_str()).await? else { return Ok(None) };
    if open.expires_at > clock::now() {
        return Err(already_invited(Some(open.id)));
    }
    let id = open.id;
    let mut active = open.into_active_model();
    active.revoked_at = Set(Some(clock::now()));
    tx.update(active).await?;
    Ok(Some(id))
}

/// Inserts an open invitation unless a concurrent request opened one for
/// the same email first (on PostgreSQL the insert waits for it to commit).
async fn insert_open(tx: &TenantTx, row: &invitation::Model) -> DomainResult<()> {
    let predicate =
        Expr::col(invitation::Column::AcceptedAt).is_null().and(Expr::col(invitation::Column::RevokedAt).is_null());
    let unique = [invitation::Column::TenantId, invitation::Column::Email];
    if tx.insert_unless_exists_where(row.clone().into_active_model(), unique, Some(predicate)).await? {
        return Ok(());
    }
    Err(already_invited(open_for(tx, &row.email).await?.map(|o| o.id)))
}

/// Mails the accept link of `row` with its `secret`, in the invitation's
/// language, from `inviter` (the tenant when no person is acting). The
/// one place invitation mail is sent, first time or again.
async fn send_link(
    tx: &mut TenantTx,
    row: &invitation::Model,
    secret: &str,
    inviter: Option<users::User>,
    public_url: &str,
) -> DomainResult<()> {
    let tenant_id = tx.tenant_id();
    let tenant =
        tenants::find(tx.conn(), tenant_id).await?.ok_or_else(|| DomainError::Internal("tenant gone".into()))?;
    let token = format!("{}.{}.{}", tenant_id.simple(), row.id.simple(), secret);
    let accept_url = format!("{}/accept-invite?token={token}", public_url.trim_end_matches('/'));
    let inviter_name = inviter.map(|u| u.name).unwrap_or_else(|| tenant.name.clone());
    let message = mail::Invitation {
        tenant_name: &tenant.name,
        timezone: &tenant.timezone,
        inviter: &inviter_name,
        role: parse_role(&row.role)?,
        accept_url: &accept_url,
        expires_at: row.expires_at,
    };
    let locale = Locale::parse(&row.locale).unwrap_or(Locale::En);
    crate::platform::mail::send(tx, message.render(&row.email, locale)?).await
}

/// Sends a pending (or expired) invitation again: a new link with a new
/// expiry, from the person resending it; the old link stops working.
pub async fn resend(tx: &mut TenantTx, id: Uuid, public_url: &str) -> DomainResult<Invitation> {
    tx.ctx().require(Permission::MembersWrite)?;
    let Some(row) = tx.find_by_id::<invitation::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    if row.accepted_at.is_some() {
        return Err(DomainError::user("id", UserErrorCode::Invalid, messages::resend_accepted()));
    }
    if row.revoked_at.is_some() {
        return Err(DomainError::user("id", UserErrorCode::Invalid, messages::resend_revoked()));
    }
    if row.role == Role::Owner.as_str() && tx.ctx().role != Some(Role::Owner) {
        return Err(DomainError::user("id", UserErrorCode::Forbidden, messages::resend_owner_needs_owner()));
    }
    let inviter = inviter(tx).await?;
    invitation_caps::check(tx, &Email::parse("email", &row.email)?).await?;
    let before = json!({"email": row.email, "expiresAt": row.expires_at});
    let secret = new_secret();
    let mut active = row.into_active_model();
    active.token_hash = Set(hash_secret(&secret));
    active.expires_at = Set(clock::now() + INVITATION_TTL);
    let saved = tx.update(active).await?;
    send_link(tx, &saved, &secret, inviter, public_url).await?;
    let after = json!({"email": saved.email, "expiresAt": saved.expires_at});
    audit::record(tx, Change::of("invitation.resend", INVITATION, id).before(before).after(after)).await?;
    saved.try_into()
}

pub async fn list(tx: &TenantTx, request: &PageRequest) -> DomainResult<(Page<Invitation>, u64)> {
    tx.ctx().require(Permission::MembersRead)?;
    let pending = || tx.find::<invitation::Entity>().filter(open());
    let page = paging::fetch(tx, pending(), Order::NewestFirst, request).await?;
    let total = pending().count(tx.conn()).await?;
    let items = page.items.into_iter().map(|(id, m)| Ok((id, m.try_into()?))).collect::<DomainResult<_>>()?;
    Ok((Page { items, has_next_page: page.has_next_page, has_previous_page: page.has_previous_page }, total))
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<Invitation>> {
    tx.ctx().require(Permission::MembersRead)?;
    tx.find_by_id::<invitation::Entity>(id).one(tx.conn()).await?.map(Invitation::try_from).transpose()
}

/// Withdraws a pending invitation: its link stops working.
pub async fn revoke(tx: &mut TenantTx, id: Uuid) -> DomainResult<Invitation> {
    tx.ctx().require(Permission::MembersWrite)?;
    let Some(row) = tx.find_by_id::<invitation::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    if row.accepted_at.is_some() {
        return Err(DomainError::user("id", UserErrorCode::Invalid, messages::invitation_accepted()));
    }
    let email = row.email.clone();
    let was_revoked = row.revoked_at.is_some();
    let mut active = row.into_active_model();
    if !was_revoked {
        active.revoked_at = Set(Some(clock::now()));
    }
    let saved = tx.update(active).await?;
    let change = Change::of("invitation.revoke", INVITATION, id)
        .before(json!({"email": email, "revoked": was_revoked}))
        .after(json!({"email": email, "revoked": true}));
    audit::record(tx, change).await?;
    saved.try_into()
}

fn invalid_token() -> DomainError {
    DomainError::user("token", UserErrorCode::InvalidCredentials, messages::invitation_invalid())
}

fn already_used() -> DomainError {
    DomainError::user("token", UserErrorCode::LinkUsed, messages::invitation_used())
}

fn parse_token(token: &str) -> Option<(Uuid, Uuid, &str)> {
    let mut parts = token.trim().splitn(3, '.');
    let tenant = Uuid::try_parse(parts.next()?).ok()?;
    let id = Uuid::try_parse(parts.next()?).ok()?;
    Some((tenant, id, parts.next()?))
}

/// Accepts an invitation. A new person signs up with `name` and `password`;
/// someone who already has an account confirms with their password.
pub async fn accept(
    db: &Db,
    token: &str,
    name: &str,
    password: &str,
    request_id: Option<String>,
) -> DomainResult<SessionGrant> {
    let (tenant_id, id, secret) = parse_token(token).ok_or_else(invalid_token)?;
    let found = {
        let tx = db.begin_read(&TenantCtx::system(tenant_id)).await?;
        let found = tx.find_by_id::<invitation::Entity>(id).one(tx.conn()).await?;
        tx.commit().await?;
        found
    };
    let Some(found) = found.filter(|i| secret_hash_eq(&i.token_hash, &hash_secret(secret))) else {
        return Err(invalid_token());
    };
    if found.revoked_at.is_some() {
        return Err(DomainError::user("token", UserErrorCode::LinkUsed, messages::invitation_withdrawn()));
    }
    if found.accepted_at.is_some() {
        return Err(already_used());
    }
    if found.expires_at <= clock::now() {
        return Err(DomainError::user("token", UserErrorCode::Expired, messages::invitation_expired()));
    }
    let email = Email::parse("email", &found.email)?;
    let role = parse_role(&found.role)?;
    let locale = Locale::parse(&found.locale).unwrap_or(Locale::En);
    // Passwords are checked and hashed with no transaction open: the gate
    // writes its own, and hashing must not hold the database.
    let existing = users::find_by_email(db.connection(), &email).await?;
    let new_account = match &existing {
        Some(user) => {
            if !password_gate::check(db, "password", &email, password, Some(user), request_id.clone()).await? {
                return Err(DomainError::user(
                    "password",
                    UserErrorCode::InvalidCredentials,
                    messages::invitation_needs_password(),
                ));
            }
            None
        }
        None => {
            let display = name.trim();
            if display.is_empty() || display.chars().count() > 120 {
                return Err(DomainError::user("name", UserErrorCode::Invalid, messages::name_length(120)));
            }
            Some((display.to_owned(), NewPassword::parse("password", password, Some(email.as_str()))?.hash().await?))
        }
    };
    let mut tx = db.begin(&TenantCtx::system(tenant_id)).await?;
    // Spent atomically: of two concurrent acceptances exactly one joins.
    let spent = tx
        .update_many::<invitation::Entity>()
        .col_expr(invitation::Column::AcceptedAt, Expr::value(clock::now()))
        .filter(invitation::Column::Id.eq(id))
        .filter(invitation::Column::AcceptedAt.is_null())
        .filter(invitation::Column::RevokedAt.is_null())
        .exec(tx.conn())
        .await?
        .rows_affected;
    if spent != 1 {
        return Err(already_used());
    }
    let user = match (users::find_by_email(tx.conn(), &email).await?, new_account) {
        // They followed the link mailed to the address: it is verified.
        (Some(user), _) if user.email_verified_at.is_none() => {
            users::mark_verified(tx.conn(), user, clock::now()).await?
        }
        (Some(user), _) => user,
        (None, Some((display, hash))) => users::insert(tx.conn(), &email, &display, hash, locale, true).await?,
        (None, None) => return Err(DomainError::Internal("account vanished during acceptance".into())),
    };
    let already =
        tx.find::<membership::Entity>().filter(membership::Column::UserId.eq(user.id)).count(tx.conn()).await?;
    if already > 0 {
        return Err(DomainError::user("token", UserErrorCode::AlreadyMember, messages::invitation_already_joined()));
    }
    let member_id = new_id();
    let merchant_id = found.merchant_id;
    tx.insert(membership::ActiveModel {
        tenant_id: Set(tenant_id),
        id: Set(member_id),
        user_id: Set(user.id),
        role: Set(role.as_str().to_owned()),
        merchant_id: Set(merchant_id),
        created_at: Set(clock::now()),
    })
    .await?;
    let grant = grants::issue(tx.conn(), user.id, tenant_id, role, merchant_id, None).await?;
    // The new member is the actor of their own joining.
    tx.act_as(Actor::User { id: user.id }, request_id);
    let after = json!({"user": email.as_str(), "role": role.as_str(), "merchantId": merchant_id, "invitation": INVITATION.gid(id)});
    audit::record(&mut tx, Change::of("member.join", MEMBER, member_id).after(after)).await?;
    tx.commit().await?;
    Ok(grant)
}
