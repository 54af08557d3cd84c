//! Tenants: opening one with its owner (sign-up is [`super::signup`]),
//! settings and enabled modules.
//! `tenants` is the registry of tenants itself, so it is a global table.
#![expect(clippy::disallowed_methods, reason = "tenants is the global registry of tenants")]

use std::str::FromStr;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect, SqlErr,
};
use serde_json::json;
use uuid::Uuid;

use super::entities::{membership, tenant};
use super::{Locale, MEMBER, Module, TENANT, TenantChanged, format_modules, lookups, parse_modules};
use super::{messages, names};
use crate::platform::access::{Permission, Role};
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode, UserErrors};
use crate::platform::ids::new_id;
use crate::platform::tenancy::{TenantCtx, TenantTx};

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

pub(crate) fn parse_slug(raw: &str, errors: &mut UserErrors) -> String {
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
pub(crate) fn parse_timezone(field: &str, raw: &str, errors: &mut UserErrors) -> String {
    let name = raw.trim();
    if chrono_tz::Tz::from_str(name).is_err() {
        errors.push(field, UserErrorCode::Invalid, messages::timezone_invalid(name));
    }
    name.to_owned()
}

/// What a new tenant starts with.
pub(crate) struct Opening<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub modules: &'a [Module],
    pub default_locale: Locale,
    pub timezone: &'a str,
}

pub(crate) fn slug_taken() -> DomainError {
    DomainError::user("tenantSlug", UserErrorCode::Taken, messages::slug_taken())
}

/// Opens a tenant with `owner_id` as its owner, audited as `tenant.create`,
/// in `tx`; returns the tenant and the transaction scoped to it, acting as
/// that owner. A slug taken meanwhile (the unique key) is `TAKEN` on
/// `tenantSlug`.
pub(crate) async fn open(
    db: &Db,
    tx: DatabaseTransaction,
    opening: Opening<'_>,
    owner_id: Uuid,
    request_id: Option<String>,
) -> DomainResult<(Tenant, TenantTx)> {
    if tenant::Entity::find().filter(tenant::Column::Slug.eq(opening.slug)).one(&tx).await?.is_some() {
        return Err(slug_taken());
    }
    let row = tenant::ActiveModel {
        id: Set(new_id()),
        name: Set(opening.name.to_owned()),
        slug: Set(opening.slug.to_owned()),
        modules: Set(format_modules(opening.modules)),
        default_locale: Set(opening.default_locale.as_str().to_owned()),
        timezone: Set(opening.timezone.to_owned()),
        created_at: Set(clock::now()),
    };
    let tenant: Tenant = match sea_orm::ActiveModelTrait::insert(row, &tx).await {
        Ok(row) => row.into(),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => return Err(slug_taken()),
        Err(e) => return Err(e.into()),
    };
    let ctx = TenantCtx::user(tenant.id, owner_id, Role::Owner, None, request_id);
    let mut scoped = TenantTx::scope(db, tx, ctx).await?;
    let membership = scoped
        .insert(membership::ActiveModel {
            tenant_id: Set(tenant.id),
            id: Set(new_id()),
            user_id: Set(owner_id),
            role: Set(Role::Owner.as_str().to_owned()),
            merchant_id: Set(None),
            created_at: Set(clock::now()),
        })
        .await?;
    let after = json!({"tenant": tenant.audit_view(), "owner": MEMBER.gid(membership.id)});
    audit::record(&mut scoped, Change::of("tenant.create", TENANT, tenant.id).after(after)).await?;
    Ok((tenant, scoped))
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
    let name = change.name.as_deref().map(|n| names::parse("name", n, &mut errors));
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
