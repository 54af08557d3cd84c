//! Partner API clients: credentials with scopes, optionally bound to a
//! merchant. The secret is shown once at creation; only its hash is kept.
//!
//! The client id names its tenant (`sp_<tenant>_<client>`) so the token
//! endpoint authenticates with a tenant-scoped lookup.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, IntoActiveModel, PaginatorTrait, QueryFilter};
use serde_json::json;
use uuid::Uuid;

use crate::access::{Permission, Scope, format_scopes, parse_scopes};
use crate::audit::{self, Change};
use crate::context::TenantCtx;
use crate::db::Db;
use crate::entities::api_client;
use crate::error::{DomainError, DomainResult, UserErrorCode};
use crate::ids::{hash_secret, new_id, new_secret, secret_hash_eq};
use crate::page::{self, Order, Page, PageRequest};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiClient {
    pub id: Uuid,
    pub name: String,
    pub client_id: String,
    pub scopes: Vec<Scope>,
    pub merchant_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<api_client::Model> for ApiClient {
    fn from(m: api_client::Model) -> Self {
        Self {
            id: m.id,
            scopes: parse_scopes(&m.scopes).unwrap_or_default(),
            name: m.name,
            client_id: m.client_id,
            merchant_id: m.merchant_id,
            created_at: m.created_at,
            revoked_at: m.revoked_at,
        }
    }
}

impl ApiClient {
    fn audit_view(&self) -> serde_json::Value {
        json!({
            "name": self.name,
            "clientId": self.client_id,
            "scopes": format_scopes(&self.scopes),
            "merchantId": self.merchant_id.map(|m| m.to_string()),
            "revoked": self.revoked_at.is_some(),
        })
    }
}

#[derive(Debug, Clone)]
pub struct NewApiClient {
    pub name: String,
    pub scopes: Vec<Scope>,
    pub merchant_id: Option<Uuid>,
}

/// Creates a client; returns it with its secret, which is never shown again.
pub async fn create(db: &Db, ctx: &TenantCtx, input: NewApiClient) -> DomainResult<(ApiClient, String)> {
    ctx.require(Permission::ApiClientsWrite)?;
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(DomainError::user("name", UserErrorCode::Invalid, "Name must be 1 to 120 characters."));
    }
    if input.scopes.is_empty() {
        return Err(DomainError::user("scopes", UserErrorCode::Invalid, "Grant at least one scope."));
    }
    // A client can never hold more than its creator may do.
    if let Some(missing) = input.scopes.iter().find(|s| !ctx.scopes.contains(s) && ctx.role.is_none()) {
        return Err(DomainError::user("scopes", UserErrorCode::Forbidden, format!("You cannot grant `{missing}`.")));
    }
    let id = new_id();
    let client_id = format!("sp_{}_{}", ctx.tenant_id.simple(), id.simple());
    let secret = format!("sps_{}", new_secret());
    let mut tx = db.tenant_tx(ctx).await?;
    let saved: ApiClient = tx
        .insert(api_client::ActiveModel {
            tenant_id: Set(ctx.tenant_id),
            id: Set(id),
            name: Set(name.to_owned()),
            client_id: Set(client_id),
            secret_hash: Set(hash_secret(&secret)),
            scopes: Set(format_scopes(&input.scopes)),
            merchant_id: Set(input.merchant_id),
            created_by: Set(ctx.actor.id().unwrap_or_default()),
            created_at: Set(Utc::now()),
            revoked_at: Set(None),
        })
        .await?
        .into();
    audit::record(
        &mut tx,
        ctx,
        Change {
            action: "api_client.create",
            subject: Some(audit::subject("ApiClient", id)),
            before: None,
            after: Some(saved.audit_view()),
        },
    )
    .await?;
    tx.commit().await?;
    Ok((saved, secret))
}

pub async fn list(db: &Db, ctx: &TenantCtx, request: &PageRequest) -> DomainResult<(Page<ApiClient>, u64)> {
    ctx.require(Permission::ApiClientsRead)?;
    let tx = db.tenant_read(ctx).await?;
    let page = page::fetch(
        tx.conn(),
        tx.find::<api_client::Entity>(),
        api_client::Column::Id,
        |m| m.id,
        Order::NewestFirst,
        request,
    )
    .await?;
    let total = tx.find::<api_client::Entity>().count(tx.conn()).await?;
    tx.commit().await?;
    Ok((page.map(ApiClient::from), total))
}

pub async fn get(db: &Db, ctx: &TenantCtx, id: Uuid) -> DomainResult<Option<ApiClient>> {
    let own = matches!(ctx.actor, crate::Actor::ApiClient { id: own, .. } if own == id);
    if !own {
        ctx.require(Permission::ApiClientsRead)?;
    }
    let tx = db.tenant_read(ctx).await?;
    let found = tx.find_by_id::<api_client::Entity>(id).one(tx.conn()).await?;
    tx.commit().await?;
    Ok(found.map(ApiClient::from))
}

pub async fn revoke(db: &Db, ctx: &TenantCtx, id: Uuid) -> DomainResult<ApiClient> {
    ctx.require(Permission::ApiClientsWrite)?;
    let mut tx = db.tenant_tx(ctx).await?;
    let Some(row) = tx.find_by_id::<api_client::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    let before = ApiClient::from(row.clone());
    let mut active = row.into_active_model();
    if before.revoked_at.is_none() {
        active.revoked_at = Set(Some(Utc::now()));
    }
    let after: ApiClient = tx.update(active).await?.into();
    audit::record(
        &mut tx,
        ctx,
        Change {
            action: "api_client.revoke",
            subject: Some(audit::subject("ApiClient", id)),
            before: Some(before.audit_view()),
            after: Some(after.audit_view()),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Why client authentication failed, in OAuth terms (RFC 6749 §5.2).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientAuthError {
    #[error("client authentication failed")]
    InvalidClient,
    #[error("{0}")]
    InvalidScope(String),
}

/// A partner client that proved its secret, and the scopes its token gets.
#[derive(Debug, Clone)]
pub struct ClientGrant {
    pub tenant_id: Uuid,
    pub client: ApiClient,
    pub scopes: Vec<Scope>,
}

/// The client-credentials check of the token endpoint. `requested` narrows
/// the granted scopes (space-separated); it cannot widen them.
pub async fn authenticate(
    db: &Db,
    client_id: &str,
    secret: &str,
    requested: Option<&str>,
) -> Result<ClientGrant, ClientAuthError> {
    let tenant_id = client_id
        .strip_prefix("sp_")
        .and_then(|rest| rest.split('_').next())
        .and_then(|t| Uuid::try_parse(t).ok())
        .ok_or(ClientAuthError::InvalidClient)?;
    let lookup = async {
        let tx = db.tenant_tx_for(tenant_id).await?;
        let found =
            tx.find::<api_client::Entity>().filter(api_client::Column::ClientId.eq(client_id)).one(tx.conn()).await?;
        tx.commit().await?;
        Ok::<_, DomainError>(found)
    };
    let found = lookup.await.map_err(|e| {
        tracing::error!(error = %e, "api client lookup failed");
        ClientAuthError::InvalidClient
    })?;
    let Some(found) = found.filter(|c| c.revoked_at.is_none() && secret_hash_eq(&c.secret_hash, &hash_secret(secret)))
    else {
        return Err(ClientAuthError::InvalidClient);
    };
    let client = ApiClient::from(found);
    let scopes = match requested.map(str::trim).filter(|s| !s.is_empty()) {
        None => client.scopes.clone(),
        Some(text) => {
            let asked = parse_scopes(text).map_err(ClientAuthError::InvalidScope)?;
            if let Some(extra) = asked.iter().find(|s| !client.scopes.contains(s)) {
                return Err(ClientAuthError::InvalidScope(format!("scope `{extra}` is not granted to this client")));
            }
            asked
        }
    };
    Ok(ClientGrant { tenant_id, client, scopes })
}
