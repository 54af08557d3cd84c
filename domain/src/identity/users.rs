//! Users: a global table (a person may belong to many tenants). A person
//! changes their own name and language ([`update_own`]); the language is
//! the one their mail is written in.
#![expect(clippy::disallowed_methods, reason = "users is a global table, not tenant-owned")]

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use serde_json::json;
use uuid::Uuid;

use super::entities::user;
use super::{Locale, USER, lookups};
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::email::Email;
use crate::platform::errors::{DomainError, DomainResult, UserErrors};
use crate::platform::ids::new_id;
use crate::platform::tenancy::{Actor, TenantTx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub locale: Locale,
    pub created_at: DateTime<Utc>,
}

impl From<user::Model> for User {
    fn from(m: user::Model) -> Self {
        Self {
            id: m.id,
            locale: Locale::parse(&m.locale).unwrap_or(Locale::En),
            email: m.email,
            name: m.name,
            created_at: m.created_at,
        }
    }
}

/// A user by id (cached for a moment: every `viewer` asks).
pub async fn get(db: &Db, id: Uuid) -> DomainResult<Option<User>> {
    let load = async { Ok::<_, DomainError>(user::Entity::find_by_id(id).one(db.connection()).await?.map(User::from)) };
    lookups::of(db)?.users.try_get_with(id, load).await.map_err(lookups::shared_error)
}

/// Many users by id in one query (for listings: no query per row).
pub(crate) async fn get_many(conn: &impl ConnectionTrait, ids: Vec<Uuid>) -> DomainResult<Vec<User>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = user::Entity::find().filter(user::Column::Id.is_in(ids)).all(conn).await?;
    Ok(rows.into_iter().map(User::from).collect())
}

pub(crate) async fn find_by_email(conn: &impl ConnectionTrait, email: &Email) -> DomainResult<Option<user::Model>> {
    Ok(user::Entity::find().filter(user::Column::Email.eq(email.as_str())).one(conn).await?)
}

/// The user of `email`, its row locked until the transaction ends (for a
/// count-then-write on PostgreSQL; SQLite's write transactions exclude
/// each other already).
pub(crate) async fn find_by_email_for_update(
    conn: &impl ConnectionTrait,
    email: &Email,
) -> DomainResult<Option<user::Model>> {
    Ok(user::Entity::find().filter(user::Column::Email.eq(email.as_str())).lock_exclusive().one(conn).await?)
}

pub(crate) async fn find(conn: &impl ConnectionTrait, id: Uuid) -> DomainResult<Option<user::Model>> {
    Ok(user::Entity::find_by_id(id).one(conn).await?)
}

pub(crate) async fn insert(
    conn: &impl ConnectionTrait,
    email: &Email,
    name: &str,
    password_hash: String,
    locale: Locale,
    email_verified: bool,
) -> DomainResult<user::Model> {
    let row = user::ActiveModel {
        id: Set(new_id()),
        email: Set(email.as_str().to_owned()),
        name: Set(name.to_owned()),
        password_hash: Set(password_hash),
        locale: Set(locale.as_str().to_owned()),
        email_verified_at: Set(email_verified.then(clock::now)),
        sessions_revoked_at: Set(None),
        created_at: Set(clock::now()),
    };
    Ok(sea_orm::ActiveModelTrait::insert(row, conn).await?)
}

pub(crate) async fn update(conn: &impl ConnectionTrait, row: user::ActiveModel) -> DomainResult<user::Model> {
    Ok(sea_orm::ActiveModelTrait::update(row, conn).await?)
}

/// Marks `user`'s address verified at `at`: a link mailed to it was followed.
pub(crate) async fn mark_verified(
    conn: &impl ConnectionTrait,
    user: user::Model,
    at: DateTime<Utc>,
) -> DomainResult<user::Model> {
    let mut active = sea_orm::IntoActiveModel::into_active_model(user);
    active.email_verified_at = Set(Some(at));
    update(conn, active).await
}

/// What a person may change of their own account.
#[derive(Debug, Clone, Default)]
pub struct AccountUpdate {
    /// 1 to 120 characters.
    pub name: Option<String>,
    /// The language of the portal and of every mail to them.
    pub locale: Option<Locale>,
}

/// Changes the signed-in person's own name or language, audited as
/// `user.update` in the tenant they are signed in to. A partner client has
/// no account: `FORBIDDEN`. Errors: `INVALID` on `name`.
pub async fn update_own(tx: &mut TenantTx, change: AccountUpdate) -> DomainResult<User> {
    let Actor::User { id } = tx.ctx().actor else { return Err(DomainError::Forbidden("account:own")) };
    let mut errors = UserErrors::default();
    let name = change.name.as_deref().map(|n| super::names::parse("name", n, &mut errors));
    errors.finish()?;
    let row = find(tx.conn(), id).await?.ok_or_else(|| DomainError::internal("user of a valid token is gone"))?;
    let before = User::from(row.clone());
    let mut active = sea_orm::IntoActiveModel::into_active_model(row);
    if let Some(name) = name {
        active.name = Set(name);
    }
    if let Some(locale) = change.locale {
        active.locale = Set(locale.as_str().to_owned());
    }
    let after = User::from(update(tx.conn(), active).await?);
    let view = |u: &User| json!({"name": u.name, "locale": u.locale.as_str()});
    audit::record(tx, Change::of("user.update", USER, id).before(view(&before)).after(view(&after))).await?;
    let lookups = lookups::of(tx.db())?;
    tx.after_commit(async move { lookups.users.invalidate(&id).await });
    Ok(after)
}
