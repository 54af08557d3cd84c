//! Tenants: self-serve creation with an owner, settings and enabled modules.
//! `tenants` is the registry of tenants itself, so it is a global table.
#![expect(clippy::disallowed_methods, reason = "tenants is the global registry of tenants")]

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use super::email::Email;
use super::password::{self, NewPassword};
use super::sessions::{self, SessionGrant};
use super::{Locale, Module, format_modules, parse_modules, users};
use crate::access::{Permission, Role};
use crate::audit::{self, Change};
use crate::context::TenantCtx;
use crate::db::{Db, TenantTx};
use crate::entities::{membership, tenant};
use crate::error::{DomainError, DomainResult, UserError, UserErrorCode};
use crate::events::{Event, EventKind};
use crate::ids::new_id;
use crate::lookups;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant {
    pub id: Uuid,
    pub name: String,
    pub slug: String,
    pub modules: Vec<Module>,
    pub default_locale: Locale,
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
}

fn parse_name(field: &str, raw: &str, errors: &mut Vec<UserError>) -> String {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 120 {
        errors.push(UserError::new(field, UserErrorCode::Invalid, "Name must be 1 to 120 characters."));
    }
    name.to_owned()
}

fn parse_slug(raw: &str, errors: &mut Vec<UserError>) -> String {
    let slug = raw.trim().to_lowercase();
    let ok = (3..=40).contains(&slug.len())
        && slug.starts_with(|c: char| c.is_ascii_lowercase())
        && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.ends_with('-');
    if !ok {
        errors.push(UserError::new(
            "tenantSlug",
            UserErrorCode::Invalid,
            "Slug must be 3 to 40 lower-case letters, digits or dashes, starting with a letter.",
        ));
    }
    slug
}

pub async fn create(db: &Db, input: NewTenant, request_id: Option<String>) -> DomainResult<SessionGrant> {
    let mut errors = Vec::new();
    let tenant_name = parse_name("tenantName", &input.tenant_name, &mut errors);
    let owner_name = parse_name("name", &input.owner_name, &mut errors);
    let slug = parse_slug(&input.tenant_slug, &mut errors);
    let email = Email::parse("email", &input.email).map_err(|e| push_all(&mut errors, e)).ok();
    let password = NewPassword::parse("password", &input.password, email.as_ref().map(Email::as_str))
        .map_err(|e| push_all(&mut errors, e))
        .ok();
    let (Some(email), Some(password), true) = (email, password, errors.is_empty()) else {
        return Err(DomainError::User(errors));
    };
    let locale = input.locale.unwrap_or(Locale::ZhCn);
    let modules = input.modules.unwrap_or_else(|| Module::ALL.to_vec());

    let existing = users::find_by_email(db.connection(), &email).await?;
    // An existing account may open another tenant, but only with its own password.
    if let Some(user) = &existing
        && !password::verify(&input.password, Some(&user.password_hash)).await
    {
        return Err(DomainError::user(
            "email",
            UserErrorCode::Taken,
            "An account with this email exists; use its password to open another tenant.",
        ));
    }
    let new_hash = match existing {
        Some(_) => None,
        None => Some(password.hash().await?),
    };

    let tx = db.global_tx().await?;
    if tenant::Entity::find().filter(tenant::Column::Slug.eq(&slug)).one(&tx).await?.is_some() {
        return Err(DomainError::user("tenantSlug", UserErrorCode::Taken, "This slug is taken."));
    }
    let user = match (users::find_by_email(&tx, &email).await?, new_hash) {
        (Some(user), _) => user,
        (None, Some(hash)) => users::insert(&tx, &email, &owner_name, hash, locale).await?,
        (None, None) => return Err(DomainError::Internal("account vanished during sign-up".into())),
    };
    let tenant_row = tenant::ActiveModel {
        id: Set(new_id()),
        name: Set(tenant_name),
        slug: Set(slug),
        modules: Set(format_modules(&modules)),
        default_locale: Set(locale.as_str().to_owned()),
        created_at: Set(Utc::now()),
    };
    let tenant: Tenant = sea_orm::ActiveModelTrait::insert(tenant_row, &tx).await?.into();
    let mut scoped = TenantTx::scope(db, tx, tenant.id).await?;
    let membership = scoped
        .insert(membership::ActiveModel {
            tenant_id: Set(tenant.id),
            id: Set(new_id()),
            user_id: Set(user.id),
            role: Set(Role::Owner.as_str().to_owned()),
            created_at: Set(Utc::now()),
        })
        .await?;
    let ctx = TenantCtx::user(tenant.id, user.id, Role::Owner, request_id);
    let grant = sessions::issue(scoped.conn(), user.id, tenant.id, Role::Owner, None).await?;
    audit::record(
        &mut scoped,
        &ctx,
        Change {
            action: "tenant.create",
            subject: Some(audit::subject("Tenant", tenant.id)),
            before: None,
            after: Some(json!({"tenant": tenant.audit_view(), "owner": audit::subject("Member", membership.id)})),
        },
    )
    .await?;
    scoped.commit().await?;
    Ok(grant)
}

fn push_all(errors: &mut Vec<UserError>, error: DomainError) {
    if let DomainError::User(found) = error {
        errors.extend(found);
    }
}

pub(crate) async fn find(conn: &impl ConnectionTrait, id: Uuid) -> DomainResult<Option<Tenant>> {
    Ok(tenant::Entity::find_by_id(id).one(conn).await?.map(Tenant::from))
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
    db.lookups().tenants.try_get_with(ctx.tenant_id, load).await.map_err(lookups::shared_error)
}

#[derive(Debug, Clone, Default)]
pub struct TenantUpdate {
    pub name: Option<String>,
    pub modules: Option<Vec<Module>>,
    pub default_locale: Option<Locale>,
}

pub async fn update(db: &Db, ctx: &TenantCtx, change: TenantUpdate) -> DomainResult<Tenant> {
    ctx.require(Permission::TenantWrite)?;
    let mut errors = Vec::new();
    let name = change.name.as_deref().map(|n| parse_name("name", n, &mut errors));
    if !errors.is_empty() {
        return Err(DomainError::User(errors));
    }
    let mut tx = db.tenant_tx(ctx).await?;
    let row = tenant::Entity::find_by_id(ctx.tenant_id)
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
    let after: Tenant = sea_orm::ActiveModelTrait::update(active, tx.conn()).await?.into();
    audit::record(
        &mut tx,
        ctx,
        Change {
            action: "tenant.update",
            subject: Some(audit::subject("Tenant", after.id)),
            before: Some(before.audit_view()),
            after: Some(after.audit_view()),
        },
    )
    .await?;
    tx.emit(Event { tenant_id: ctx.tenant_id, kind: EventKind::TenantChanged });
    tx.commit().await?;
    db.lookups().tenants.invalidate(&ctx.tenant_id).await;
    Ok(after)
}
