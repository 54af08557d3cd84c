//! Object types of the identity context. Each wraps a domain view; fields
//! that need more data fetch it through a domain service with the
//! request's context, or through a dataloader when a listing nests them.

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use domain::catalog::merchants;
use domain::identity::{self, Locale, Module, api_clients, invitations, members, memberships, tenants, users};
use domain::platform::access::{Permission, Role};
use uuid::Uuid;

use crate::auth::Principal;
use crate::graphql::catalog::Merchant;
use crate::graphql::kit::context::{db, request_id};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::OrGql;

pub struct Tenant(pub tenants::Tenant);

#[Object]
impl Tenant {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(identity::TENANT, self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Lines of business switched on; the portal shows only these.
    async fn modules(&self) -> Vec<Enum<Module>> {
        self.0.modules.iter().copied().map(Enum).collect()
    }
    async fn default_locale(&self) -> Enum<Locale> {
        Enum(self.0.default_locale)
    }
    /// IANA time zone of the tenant's schedules, e.g. `Asia/Shanghai`.
    async fn timezone(&self) -> &str {
        &self.0.timezone
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub struct User(pub users::User);

#[Object]
impl User {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(identity::USER, self.0.id)
    }
    async fn email(&self) -> &str {
        &self.0.email
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn locale(&self) -> Enum<Locale> {
        Enum(self.0.locale)
    }
}

/// The merchant of a member, invitation or client, through the request's loader.
async fn merchant(ctx: &Context<'_>, id: Option<Uuid>) -> Result<Option<Merchant>> {
    match id {
        Some(id) => Merchant::load(ctx, id).await,
        None => Ok(None),
    }
}

pub struct Member(pub members::Member);

#[Object]
impl Member {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(identity::MEMBER, self.0.id)
    }
    async fn user(&self) -> User {
        User(self.0.user.clone())
    }
    async fn role(&self) -> Enum<Role> {
        Enum(self.0.role)
    }
    /// The merchant a merchant-role member acts for.
    async fn merchant(&self, ctx: &Context<'_>) -> Result<Option<Merchant>> {
        merchant(ctx, self.0.merchant_id).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub struct Invitation(pub invitations::Invitation);

#[Object]
impl Invitation {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(identity::INVITATION, self.0.id)
    }
    async fn email(&self) -> &str {
        &self.0.email
    }
    async fn role(&self) -> Enum<Role> {
        Enum(self.0.role)
    }
    /// The merchant a merchant-role invitee will act for.
    async fn merchant(&self, ctx: &Context<'_>) -> Result<Option<Merchant>> {
        merchant(ctx, self.0.merchant_id).await
    }
    async fn locale(&self) -> Enum<Locale> {
        Enum(self.0.locale)
    }
    async fn expires_at(&self) -> DateTime<Utc> {
        self.0.expires_at
    }
    async fn accepted_at(&self) -> Option<DateTime<Utc>> {
        self.0.accepted_at
    }
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
    /// Where it stands now: pending, expired, accepted or revoked.
    async fn status(&self) -> Enum<invitations::InvitationStatus> {
        Enum(self.0.status(domain::platform::clock::now()))
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub struct ApiClient(pub api_clients::ApiClient);

#[Object]
impl ApiClient {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(identity::API_CLIENT, self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The OAuth `client_id` for the token endpoint.
    async fn client_id(&self) -> &str {
        &self.0.client_id
    }
    async fn scopes(&self) -> Vec<Enum<Permission>> {
        self.0.scopes.iter().copied().map(Enum).collect()
    }
    /// The merchant whose goods alone this client sees, if bound to one.
    async fn merchant_id(&self) -> Option<ID> {
        self.0.merchant_id.map(|m| ids::encode(domain::catalog::MERCHANT, m))
    }
    /// The merchant whose goods alone this client sees, if bound to one.
    async fn merchant(&self, ctx: &Context<'_>) -> Result<Option<Merchant>> {
        merchant(ctx, self.0.merchant_id).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
}

/// A tenant the viewer belongs to, for the tenant switcher.
#[derive(SimpleObject)]
pub struct TenantMembership {
    pub tenant: Tenant,
    pub role: Enum<Role>,
}

/// Whoever the access token speaks for.
pub struct Viewer(pub Principal);

#[Object]
impl Viewer {
    /// The signed-in person; null for partner API client tokens.
    async fn user(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        match &self.0 {
            Principal::User { user_id, .. } => Ok(users::get(db(ctx), *user_id).await.or_gql()?.map(User)),
            Principal::Client { .. } => Ok(None),
        }
    }

    /// The partner client; null for people.
    async fn api_client(&self, ctx: &Context<'_>) -> Result<Option<ApiClient>> {
        match &self.0 {
            Principal::Client { client_id, .. } => {
                let tctx = self.0.tenant_ctx(request_id(ctx));
                let found = db(ctx).read(&tctx, async |tx| api_clients::get(tx, *client_id).await).await.or_gql()?;
                Ok(found.map(ApiClient))
            }
            Principal::User { .. } => Ok(None),
        }
    }

    async fn tenant(&self, ctx: &Context<'_>) -> Result<Tenant> {
        let tenant = tenants::current(db(ctx), &self.0.tenant_ctx(request_id(ctx))).await.or_gql()?;
        Ok(Tenant(tenant))
    }

    async fn role(&self) -> Option<Enum<Role>> {
        match &self.0 {
            Principal::User { role, .. } => Some(Enum(*role)),
            Principal::Client { .. } => None,
        }
    }

    /// The merchant whose goods alone the viewer sees (merchant members and
    /// merchant-bound clients); null when the viewer sees every merchant.
    async fn merchant(&self, ctx: &Context<'_>) -> Result<Option<Merchant>> {
        let Some(id) = self.0.merchant_id() else { return Ok(None) };
        // The viewer's own scope, not the request's: a sign-in has no token yet.
        let tctx = self.0.tenant_ctx(request_id(ctx));
        let found = db(ctx).read(&tctx, async |tx| merchants::get(tx, id).await).await.or_gql()?;
        Ok(found.map(Merchant))
    }

    /// What the viewer may do here, as scopes (for people: their role's).
    async fn scopes(&self) -> Vec<Enum<Permission>> {
        self.0.tenant_ctx(None).effective_scopes().into_iter().map(Enum).collect()
    }

    /// Every tenant the user belongs to; empty for partner clients.
    async fn memberships(&self, ctx: &Context<'_>) -> Result<Vec<TenantMembership>> {
        match &self.0 {
            Principal::User { user_id, .. } => {
                let found = memberships::tenants_of(db(ctx), *user_id).await.or_gql()?;
                Ok(found
                    .into_iter()
                    .map(|m| TenantMembership { tenant: Tenant(m.tenant), role: Enum(m.role) })
                    .collect())
            }
            Principal::Client { .. } => Ok(Vec::new()),
        }
    }
}
