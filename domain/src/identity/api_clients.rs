//! Partner API clients: credentials with scopes, optionally bound to a
//! merchant. The secret is shown once at creation; only its hash is kept.
//!
//! The client id names its tenant (`sp_<tenant>_<client>`) so the token
//! endpoint authenticates with a tenant-scoped lookup. A client bound to a
//! merchant is owned by it: merchant-bound contexts see only their own.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, IntoActiveModel, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::entities::api_client;
use super::{API_CLIENT, authority, messages};
use crate::catalog::merchants;
use crate::platform::access::{Permission, Reach, format_scopes, parse_scopes};
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::db::Db;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::idempotency::{self, IdempotencyKey};
use crate::platform::ids::{hash_secret, new_id, new_secret, secret_hash_eq};
use crate::platform::paging::{self, Order, Page, PageRequest};
use crate::platform::tenancy::{Actor, TenantCtx, TenantTx};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiClient {
    pub id: Uuid,
    pub name: String,
    pub client_id: String,
    pub scopes: Vec<Permission>,
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

#[derive(Debug, Clone, Serialize)]
pub struct NewApiClient {
    pub name: String,
    pub scopes: Vec<Permission>,
    /// Binds the client to one merchant; a merchant-bound creator's clients
    /// are bound to its own merchant whatever is given.
    pub merchant_id: Option<Uuid>,
}

/// Creates a client; returns it with its secret, which is never shown again
/// (except to a retry with the same idempotency key, for 24 hours).
pub async fn create(
    tx: &mut TenantTx,
    input: NewApiClient,
    key: Option<&IdempotencyKey>,
) -> DomainResult<(ApiClient, String)> {
    let request = input.clone();
    idempotency::once(tx, key, "apiClientCreate", &request, async |tx| create_now(tx, input).await).await
}

async fn create_now(tx: &mut TenantTx, input: NewApiClient) -> DomainResult<(ApiClient, String)> {
    let ctx = tx.ctx();
    ctx.require(Permission::ApiClientsWrite)?;
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(DomainError::user("name", UserErrorCode::Invalid, messages::name_length(120)));
    }
    if input.scopes.is_empty() {
        return Err(DomainError::user("scopes", UserErrorCode::Invalid, messages::scopes_empty()));
    }
    // A client can never hold more than its creator may do.
    if let Some(missing) = input.scopes.iter().find(|s| !ctx.can(**s)) {
        return Err(DomainError::user("scopes", UserErrorCode::Forbidden, messages::scope_not_yours(missing.as_str())));
    }
    let bound = ctx.merchant_id.is_some() || input.merchant_id.is_some();
    if let Some(wide) = input.scopes.iter().find(|s| bound && s.reach() == Reach::Tenant) {
        return Err(DomainError::user("scopes", UserErrorCode::Invalid, messages::scope_tenant_wide(wide.as_str())));
    }
    let merchant_id = match (ctx.merchant_id, input.merchant_id) {
        (Some(own), Some(asked)) if own != asked => {
            return Err(DomainError::user("merchantId", UserErrorCode::Forbidden, messages::merchant_own_only()));
        }
        (Some(own), _) => Some(own),
        (None, Some(asked)) if !merchants::exists(tx, asked).await? => {
            return Err(DomainError::not_found("merchantId"));
        }
        (None, asked) => asked,
    };
    let id = new_id();
    let tenant_id = tx.tenant_id();
    let client_id = format!("sp_{}_{}", tenant_id.simple(), id.simple());
    let secret = format!("sps_{}", new_secret());
    let created_by = tx.ctx().actor.id().unwrap_or_default();
    let saved: ApiClient = tx
        .insert(api_client::ActiveModel {
            tenant_id: Set(tenant_id),
            id: Set(id),
            name: Set(name.to_owned()),
            client_id: Set(client_id),
            secret_hash: Set(hash_secret(&secret)),
            scopes: Set(format_scopes(&input.scopes)),
            merchant_id: Set(merchant_id),
            created_by: Set(created_by),
            created_at: Set(clock::now()),
            revoked_at: Set(None),
        })
        .await?
        .into();
    audit::record(tx, Change::of("api_client.create", API_CLIENT, id).after(saved.audit_view())).await?;
    Ok((saved, secret))
}

pub async fn list(tx: &TenantTx, request: &PageRequest) -> DomainResult<(Page<ApiClient>, u64)> {
    tx.ctx().require(Permission::ApiClientsRead)?;
    let page = paging::fetch(tx, tx.find::<api_client::Entity>(), Order::NewestFirst, request).await?;
    let total = tx.find::<api_client::Entity>().count(tx.conn()).await?;
    Ok((page.map(ApiClient::from), total))
}

/// A client of this tenant; a client may always read itself.
pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<ApiClient>> {
    if tx.ctx().actor != (Actor::ApiClient { id }) {
        tx.ctx().require(Permission::ApiClientsRead)?;
    }
    Ok(tx.find_by_id::<api_client::Entity>(id).one(tx.conn()).await?.map(ApiClient::from))
}

pub async fn revoke(tx: &mut TenantTx, id: Uuid) -> DomainResult<ApiClient> {
    tx.ctx().require(Permission::ApiClientsWrite)?;
    let Some(row) = tx.find_by_id::<api_client::Entity>(id).one(tx.conn()).await? else {
        return Err(DomainError::not_found("id"));
    };
    let before = ApiClient::from(row.clone());
    let mut active = row.into_active_model();
    if before.revoked_at.is_none() {
        active.revoked_at = Set(Some(clock::now()));
    }
    let after: ApiClient = tx.update(active).await?.into();
    authority::changed(tx, id)?;
    let change = Change::of("api_client.revoke", API_CLIENT, id).before(before.audit_view()).after(after.audit_view());
    audit::record(tx, change).await?;
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
    pub scopes: Vec<Permission>,
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
    let system = TenantCtx::system(tenant_id);
    let lookup = db.read(&system, async |tx| {
        Ok(tx.find::<api_client::Entity>().filter(api_client::Column::ClientId.eq(client_id)).one(tx.conn()).await?)
    });
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
