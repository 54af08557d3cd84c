//! Tenants: self-serve creation with an owner, settings and enabled modules.
//! `tenants` is the registry of tenants itself, so it is a global table.
#![expect(clippy::disallowed_methods, reason = "tenants is the global registry of tenants")]

use std::str::FromStr;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect, SqlErr,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::entities::{membership, tenant};
use super::messages;
use super::password::NewPassword;
use super::password_gate;
use super::sessions::{self, SessionGrant};
use super::{Locale, MEMBER, Module, TENANT, TenantChanged, format_modules, lookups, parse_modules, users};
use crate::platform::access::{Permission, Role};
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::email::Email;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::idempotency::{self, IdempotencyKey, SIGNUP};
use crate::platform::ids::new_id;
use crate::platform::tenancy::{Actor, TenantCtx, TenantTx};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    pub id: Uuid,
    pub name: String,
    pub slug: String,
    pub modules: Vec<Module>,
    pub default_locale: Locale,
    /// IANA time zone (`Asia/Shanghai`) of the tenant's schedules and reports.
    pub timezone: String,
    pub created_at: DateTime<Utc>,
}

impl From<tenant::Model> for Tenant {
    fn from(m: tenant::Model) -> Self {
        Self {
            id: m.id,
            modules: parse_modules(&m.modules),
            default_locale: Locale::parse(&m.default_locale).unwrap_or(Locale::En),
            name: m.name,
            slug: m.slug,
            timezone: m.timezone,
            created_at: m.created_at,
        }
    }
}

impl Tenant {
    fn audit_view(&self) -> serde_json::Value {
        json!({
            "name": self.name,
            "slug": self.slug,
            "modules": self.modules.iter().map(|m| m.as_str()).collect::<Vec<_>>(),
            "defaultLocale": self.default_locale.as_str(),
            "timezone": self.timezone,
        })
    }
}

/// Self-serve sign-up: a new tenant and its owner.
#[derive(Debug, Clone)]
pub struct NewTenant {
    pub tenant_name: String,
    pub tenant_slug: String,
    pub owner_name: String,
    pub email: String,
    pub password: String,
    pub locale: Option<Locale>,
    pub modules: Option<Vec<Module>>,
    /// IANA time zone; `Asia/Shanghai` for a Chinese-speaking tenant, else `UTC`.
    pub timezone: Option<String>,
}

fn parse_name(field: &str, raw: &str, errors: &mut UserErrors) -> String {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 120 {
        errors.push(field, UserErrorCode::Invalid, messages::name_length(120));
    }
    name.to_owned()
}

fn parse_slug(raw: &str, errors: &mut UserErrors) -> String {
    let slug = raw.trim().to_lowercase();
    let ok = (3..=40).contains(&slug.len())
        && slug.starts_with(|c: char| c.is_ascii_lowercase())
        && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.ends_with('-');
    if !ok {
        errors.push("tenantSlug", UserErrorCode::Invalid, messages::slug_format());
    }
    slug
}

/// An IANA time zone name, as the tz database spells it.
fn parse_timezone(field: &str, raw: &str, errors: &mut UserErrors) -> String {
    let name = raw.trim();
    if chrono_tz::Tz::from_str(name).is_err() {
        errors.push(field, UserErrorCode::Invalid, messages::timezone_invalid(name));
    }
    name.to_owned()
}

/// What a sign-up's idempotency key remembers: who signed up where, not
/// their tokens (a replay signs the owner in afresh).
#[derive(Serialize, Deserialize)]
struct SignedUp {
    tenant_id: Uuid,
    user_id: Uuid,
}

/// The part of a sign-up that makes it "the same request": everything but
/// the password, which a replay checks against the account instead.
#[derive(Serialize)]
struct SignupRequest<'a> {
    tenant_name: &'a str,
    tenant_slug: &'a str,
    owner_name: &'a str,
    email: &'a str,
    locale: Locale,
    modules: &'a [Module],
    timezone: &'a str,
}

const OPERATION: &str = "tenantCreate";

/// Signs up a new tenant and its owner. With an idempotency key, a retry
/// (even a concurrent one) returns a session in the tenant the first
/// attempt created, once the password is checked again.
pub async fn create(
    db: &Db,
    input: NewTenant,
    key: Option<&IdempotencyKey>,
    request_id: Option<String>,
) -> DomainResult<SessionGrant> {
    let mut errors = UserErrors::default();
    let tenant_name = parse_name("tenantName", &input.tenant_name, &mut errors);
    let owner_name = parse_name("name", &input.owner_name, &mut errors);
    let slug = parse_slug(&input.tenant_slug, &mut errors);
    let locale = input.locale.unwrap_or(Locale::ZhCn);
    let timezone = match &input.timezone {
        Some(raw) => parse_timezone("timezone", raw, &mut errors),
        None if locale == Locale::ZhCn => "Asia/Shanghai".to_owned(),
        None => "UTC".to_owned(),
    };
    let email = errors.check(Email::parse("email", &input.email))?;
    let password = errors.check(NewPassword::parse("password", &input.password, email.as_ref().map(Email::as_str)))?;
    errors.finish()?;
    let (Some(email), Some(password)) = (email, password) else {
        return Err(DomainError::Internal("validated sign-up lost a field".into()));
    };
    let modules = input.modules.clone().unwrap_or_else(|| Module::ALL.to_vec());
    let request = SignupRequest {
        tenant_name: &tenant_name,
        tenant_slug: &slug,
        owner_name: &owner_name,
        email: email.as_str(),
        locale,
        modules: &modules,
        timezone: &timezone,
    };
    let remembered = match key {
        Some(key) => Some((key, idempotency::fingerprint(OPERATION, &request)?)),
        None => None,
    };
    if let Some((key, fingerprint)) = &remembered
        && let Some(grant) = replay(db, &slug, &input.password, key, fingerprint, request_id.clone()).await?
    {
        return Ok(grant);
    }

    let existing = users::find_by_email(db.connection(), &email).await?;
    // An existing account may open another tenant, but only with its own
    // password, checked through the gate like a sign-in.
    if let Some(user) = &existing
        && !password_gate::check(db, "password", &email, &input.password, Some(user), request_id.clone()).await?
    {
        return Err(DomainError::user("email", UserErrorCode::Taken, messages::email_taken()));
    }
    let new_hash = match existing {
        Some(_) => None,
        None => Some(password.hash().await?),
    };

    let made = async {
        let tx = db.global_tx().await?;
        if tenant::Entity::find().filter(tenant::Column::Slug.eq(&slug)).one(&tx).await?.is_some() {
            return Err(slug_taken());
        }
        let user = match (users::find_by_email(&tx, &email).await?, new_hash) {
            (Some(user), _) => user,
            (None, Some(hash)) => users::insert(&tx, &email, &owner_name, hash, locale, false).await?,
            (None, None) => return Err(DomainError::Internal("account vanished during sign-up".into())),
        };
        let tenant_row = tenant::ActiveModel {
            id: Set(new_id()),
            name: Set(tenant_name),
            slug: Set(slug.clone()),
            modules: Set(format_modules(&modules)),
            default_locale: Set(locale.as_str().to_owned()),
            timezone: Set(timezone),
            created_at: Set(clock::now()),
        };
        let tenant: Tenant = sea_orm::ActiveModelTrait::insert(tenant_row, &tx).await?.into();
        let ctx = TenantCtx::user(tenant.id, user.id, Role::Owner, None, request_id.clone());
        let mut scoped = TenantTx::scope(db, tx, ctx).await?;
        let membership = scoped
            .insert(membership::ActiveModel {
                tenant_id: Set(tenant.id),
                id: Set(new_id()),
                user_id: Set(user.id),
                role: Set(Role::Owner.as_str().to_owned()),
                merchant_id: Set(None),
                created_at: Set(clock::now()),
            })
            .await?;
        let grant = sessions::issue(scoped.conn(), user.id, tenant.id, Role::Owner, None, None).await?;
        let after = json!({"tenant": tenant.audit_view(), "owner": MEMBER.gid(membership.id)});
        audit::record(&mut scoped, Change::of("tenant.create", TENANT, tenant.id).after(after)).await?;
        if let Some((key, fingerprint)) = &remembered {
            let first = SignedUp { tenant_id: tenant.id, user_id: user.id };
            idempotency::remember(&scoped, SIGNUP, key, OPERATION, fingerprint, &first).await?;
        }
        scoped.commit().await?;
        Ok(grant)
    };
    match made.await {
        // A concurrent retry made the tenant (or the account) first: answer as a retry.
        Err(e) if is_taken(&e) => match &remembered {
            Some((key, fingerprint)) => match replay(db, &slug, &input.password, key, fingerprint, request_id).await? {
                Some(grant) => Ok(grant),
                None => Err(slug_taken()),
            },
            None => Err(slug_taken()),
        },
        other => other,
    }
}

fn slug_taken() -> DomainError {
    DomainError::user("tenantSlug", UserErrorCode::Taken, messages::slug_taken())
}

/// The slug was taken, or a unique row of the sign-up appeared meanwhile.
fn is_taken(error: &DomainError) -> bool {
    match error {
        DomainError::User(errors) => errors.iter().any(|e| e.code == UserErrorCode::Taken),
        DomainError::Database(e) => matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))),
        _ => false,
    }
}

/// The answer to a retried sign-up: a new session for the owner in the
/// tenant the first attempt made, if `key` names one. The key alone is not
/// enough; the password must match the account again.
async fn replay(
    db: &Db,
    slug: &str,
    password: &str,
    key: &IdempotencyKey,
    fingerprint: &str,
    request_id: Option<String>,
) -> DomainResult<Option<SessionGrant>> {
    let Some(tenant) = find_by_slug(db.connection(), slug).await? else { return Ok(None) };
    let (first, user, membership) = {
        let tx = db.begin_read(&TenantCtx::system(tenant.id)).await?;
        let Some(first) = idempotency::recall::<SignedUp>(&tx, SIGNUP, key, OPERATION, fingerprint).await? else {
            return Ok(None);
        };
        let user = users::find(tx.conn(), first.user_id).await?;
        let membership =
            tx.find::<membership::Entity>().filter(membership::Column::UserId.eq(first.user_id)).one(tx.conn()).await?;
        tx.commit().await?;
        (first, user, membership)
    };
    // Checked with no transaction open: the gate writes its own.
    let verified = match &user {
        Some(user) => {
            let email = Email::parse("email", &user.email)?;
            password_gate::check(db, "password", &email, password, Some(user), request_id.clone()).await?
        }
        None => false,
    };
    let (true, Some(membership)) = (verified, membership) else {
        return Err(DomainError::user("password", UserErrorCode::InvalidCredentials, messages::bad_credentials()));
    };
    let role = sessions::parse_role(&membership.role)?;
    let mut tx = db.begin(&TenantCtx::system(tenant.id)).await?;
    let grant = sessions::issue(tx.conn(), first.user_id, tenant.id, role, membership.merchant_id, None).await?;
    tx.act_as(Actor::User { id: first.user_id }, request_id);
    audit::record(&mut tx, Change::action("session.create")).await?;
    tx.commit().await?;
    Ok(Some(grant))
}

pub(crate) async fn find(conn: &impl ConnectionTrait, id: Uuid) -> DomainResult<Option<Tenant>> {
    Ok(tenant::Entity::find_by_id(id).one(conn).await?.map(Tenant::from))
}

/// Locks the tenant's row until the transaction ends: serialises a
/// tenant's count-then-write checks (`FOR UPDATE` on PostgreSQL; SQLite's
/// write transactions exclude each other already).
pub(crate) async fn lock(conn: &impl ConnectionTrait, id: Uuid) -> DomainResult<()> {
    tenant::Entity::find_by_id(id).lock_exclusive().one(conn).await?;
    Ok(())
}

pub(crate) async fn find_by_slug(conn: &impl ConnectionTrait, slug: &str) -> DomainResult<Option<Tenant>> {
    let slug = slug.trim().to_lowercase();
    Ok(tenant::Entity::find().filter(tenant::Column::Slug.eq(slug)).one(conn).await?.map(Tenant::from))
}

pub(crate) async fn find_many(conn: &impl ConnectionTrait, ids: Vec<Uuid>) -> DomainResult<Vec<Tenant>> {
    let rows = tenant::Entity::find().filter(tenant::Column::Id.is_in(ids)).all(conn).await?;
    Ok(rows.into_iter().map(Tenant::from).collect())
}

/// The context's own tenant (cached for a moment: nearly every request asks).
pub async fn current(db: &Db, ctx: &TenantCtx) -> DomainResult<Tenant> {
    ctx.require(Permission::TenantRead)?;
    let load = async {
        find(db.connection(), ctx.tenant_id)
            .await?
            .ok_or_else(|| DomainError::Internal("tenant of a valid token is gone".into()))
    };
    lookups::of(db)?.tenants.try_get_with(ctx.tenant_id, load).await.map_err(lookups::shared_error)
}

#[derive(Debug, Clone, Default)]
pub struct TenantUpdate {
    pub name: Option<String>,
    pub modules: Option<Vec<Module>>,
    pub default_locale: Option<Locale>,
    pub timezone: Option<String>,
}

pub async fn update(tx: &mut TenantTx, change: TenantUpdate) -> DomainResult<Tenant> {
    tx.ctx().require(Permission::TenantWrite)?;
    let mut errors = UserErrors::default();
    let name = change.name.as_deref().map(|n| parse_name("name", n, &mut errors));
    let timezone = change.timezone.as_deref().map(|t| parse_timezone("timezone", t, &mut errors));
    errors.finish()?;
    let tenant_id = tx.tenant_id();
    let row = tenant::Entity::find_by_id(tenant_id)
        .one(tx.conn())
        .await?
        .ok_or_else(|| DomainError::Internal("tenant of a valid token is gone".into()))?;
    let before = Tenant::from(row.clone());
    let mut active = row.into_active_model();
    if let Some(name) = name {
        active.name = Set(name);
    }
    if let Some(modules) = &change.modules {
        active.modules = Set(format_modules(modules));
    }
    if let Some(locale) = change.default_locale {
        active.default_locale = Set(locale.as_str().to_owned());
    }
    if let Some(timezone) = timezone {
        active.timezone = Set(timezone);
    }
    let after: Tenant = sea_orm::ActiveModelTrait::update(active, tx.conn()).await?.into();
    let change = Change::of("tenant.update", TENANT, after.id).before(before.audit_view()).after(after.audit_view());
    audit::record(tx, change).await?;
    tx.emit::<TenantChanged>(&())?;
    let lookups = lookups::of(tx.db())?;
    tx.after_commit(async move { lookups.tenants.invalidate(&tenant_id).await });
    Ok(after)
}
