//! Session grants: the refresh token a sign-in, a confirmed sign-up or an
//! accepted invitation starts, stored hashed (the opaque token is shown
//! once). The API edge mints the access token from the [`SessionGrant`].

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait};
use uuid::Uuid;

use super::entities::refresh_token;
use crate::platform::access::Role;
use crate::platform::clock;
use crate::platform::errors::{DomainError, DomainResult};
use crate::platform::ids::{hash_secret, new_id, new_secret};

/// How long a refresh token lives if unused.
pub const REFRESH_TTL: Duration = Duration::days(30);

/// What the edge needs to mint an access token, plus the new refresh token.
#[derive(Debug, Clone)]
pub struct SessionGrant {
    pub user_id: Uuid,
    pub tenant_id: Uuid,
    pub role: Role,
    /// The merchant a merchant-role member acts for.
    pub merchant_id: Option<Uuid>,
    pub refresh_token: String,
    pub refresh_expires_at: DateTime<Utc>,
}

/// Creates a refresh token (a new family unless `family` is given).
pub(crate) async fn issue(
    conn: &impl ConnectionTrait,
    user_id: Uuid,
    tenant_id: Uuid,
    role: Role,
    merchant_id: Option<Uuid>,
    family: Option<Uuid>,
) -> DomainResult<SessionGrant> {
    let token = new_secret();
    let now = clock::now();
    let row = refresh_token::ActiveModel {
        id: Set(new_id()),
        family_id: Set(family.unwrap_or_else(new_id)),
        user_id: Set(user_id),
        tenant_id: Set(tenant_id),
        token_hash: Set(hash_secret(&token)),
        created_at: Set(now),
        expires_at: Set(now + REFRESH_TTL),
        used_at: Set(None),
        revoked_at: Set(None),
    };
    sea_orm::ActiveModelTrait::insert(row, conn).await?;
    Ok(SessionGrant {
        user_id,
        tenant_id,
        role,
        merchant_id,
        refresh_token: token,
        refresh_expires_at: now + REFRESH_TTL,
    })
}

/// A role as stored; an unknown one is an internal error.
pub(crate) fn parse_role(text: &str) -> DomainResult<Role> {
    Role::parse(text).ok_or_else(|| DomainError::Internal(format!("unknown role `{text}` stored")))
}
