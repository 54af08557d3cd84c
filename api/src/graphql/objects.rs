//! Object types. Each wraps a domain view; fields that need more data
//! fetch it through a domain service with the request's context.

use async_graphql::{Context, ID, Interface, Json, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use domain::identity::{api_clients, invitations, members, sessions, tenants, users};
use domain::{audit, jobs};

use super::context::{db, request_id};
use super::enums::{ActorKind, JobState, Locale, Module, Role, Scope};
use super::errors::gql_error;
use super::ids;
use crate::auth::Principal;

/// An object with a global id.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID"))]
pub enum Node {
    Tenant(Tenant),
    User(User),
    Member(Member),
    Invitation(Invitation),
    ApiClient(ApiClient),
    AuditEntry(AuditEntry),
    Job(Job),
}

pub struct Tenant(pub tenants::Tenant);

#[Object]
impl Tenant {
    async fn id(&self) -> ID {
        ids::encode("Tenant", self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn slug(&self) -> &str {
        &self.0.slug
    }
    /// Lines of business switched on; the portal shows only these.
    async fn modules(&self) -> Vec<Module> {
        self.0.modules.iter().map(|m| (*m).into()).collect()
    }
    async fn default_locale(&self) -> Locale {
        self.0.default_locale.into()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub struct User(pub users::User);

#[Object]
impl User {
    async fn id(&self) -> ID {
        ids::encode("User", self.0.id)
    }
    async fn email(&self) -> &str {
        &self.0.email
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn locale(&self) -> Locale {
        self.0.locale.into()
    }
}

pub struct Member(pub members::Member);

#[Object]
impl Member {
    async fn id(&self) -> ID {
        ids::encode("Member", self.0.id)
    }
    async fn user(&self) -> User {
        User(self.0.user.clone())
    }
    async fn role(&self) -> Role {
        self.0.role.into()
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub struct Invitation(pub invitations::Invitation);

#[Object]
impl Invitation {
    async fn id(&self) -> ID {
        ids::encode("Invitation", self.0.id)
    }
    async fn email(&self) -> &str {
        &self.0.email
    }
    async fn role(&self) -> Role {
        self.0.role.into()
    }
    async fn locale(&self) -> Locale {
        self.0.locale.into()
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
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub struct ApiClient(pub api_clients::ApiClient);

#[Object]
impl ApiClient {
    async fn id(&self) -> ID {
        ids::encode("ApiClient", self.0.id)
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The OAuth `client_id` for the token endpoint.
    async fn client_id(&self) -> &str {
        &self.0.client_id
    }
    async fn scopes(&self) -> Vec<Scope> {
        self.0.scopes.iter().map(|s| (*s).into()).collect()
    }
    /// The merchant whose goods alone this client sees, if bound to one.
    async fn merchant_id(&self) -> Option<ID> {
        self.0.merchant_id.map(|m| ids::encode("Merchant", m))
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
}

#[derive(SimpleObject)]
pub struct AuditActor {
    pub kind: ActorKind,
    pub id: Option<ID>,
    /// Email of a user, name of an API client, or `system`.
    pub label: String,
}

pub struct AuditEntry(pub audit::AuditEntry);

#[Object]
impl AuditEntry {
    async fn id(&self) -> ID {
        ids::encode("AuditEntry", self.0.id)
    }
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
    async fn actor(&self) -> AuditActor {
        let kind = ActorKind::parse(&self.0.actor_kind);
        let type_name = match kind {
            ActorKind::User => "User",
            ActorKind::ApiClient => "ApiClient",
            ActorKind::System => "System",
        };
        AuditActor { kind, id: self.0.actor_id.map(|id| ids::encode(type_name, id)), label: self.0.actor_label.clone() }
    }
    /// What was done, as `<object>.<verb>`, e.g. `member.invite`.
    async fn action(&self) -> &str {
        &self.0.action
    }
    /// Global id of the object changed.
    async fn subject_id(&self) -> Option<ID> {
        self.0.subject_id.clone().map(ID)
    }
    async fn before(&self) -> Option<Json<serde_json::Value>> {
        self.0.before.clone().map(Json)
    }
    async fn after(&self) -> Option<Json<serde_json::Value>> {
        self.0.after.clone().map(Json)
    }
    async fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }
}

pub struct Job(pub jobs::Job);

#[Object]
impl Job {
    async fn id(&self) -> ID {
        ids::encode("Job", self.0.id)
    }
    async fn kind(&self) -> &str {
        &self.0.kind
    }
    async fn state(&self) -> JobState {
        self.0.state.into()
    }
    async fn attempts(&self) -> i32 {
        self.0.attempts
    }
    async fn max_attempts(&self) -> i32 {
        self.0.max_attempts
    }
    async fn last_error(&self) -> Option<&str> {
        self.0.last_error.as_deref()
    }
    async fn run_at(&self) -> DateTime<Utc> {
        self.0.run_at
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn finished_at(&self) -> Option<DateTime<Utc>> {
        self.0.finished_at
    }
}

/// A tenant the viewer belongs to, for the tenant switcher.
#[derive(SimpleObject)]
pub struct TenantMembership {
    pub tenant: Tenant,
    pub role: Role,
}

/// Whoever the access token speaks for.
pub struct Viewer(pub Principal);

#[Object]
impl Viewer {
    /// The signed-in person; null for partner API client tokens.
    async fn user(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        match &self.0 {
            Principal::User { user_id, .. } => Ok(users::get(db(ctx), *user_id).await.map_err(gql_error)?.map(User)),
            Principal::Client { .. } => Ok(None),
        }
    }

    /// The partner client; null for people.
    async fn api_client(&self, ctx: &Context<'_>) -> Result<Option<ApiClient>> {
        match &self.0 {
            Principal::Client { client_id, .. } => {
                let tctx = self.0.tenant_ctx(request_id(ctx));
                Ok(api_clients::get(db(ctx), &tctx, *client_id).await.map_err(gql_error)?.map(ApiClient))
            }
            Principal::User { .. } => Ok(None),
        }
    }

    async fn tenant(&self, ctx: &Context<'_>) -> Result<Tenant> {
        let tenant = tenants::current(db(ctx), &self.0.tenant_ctx(request_id(ctx))).await.map_err(gql_error)?;
        Ok(Tenant(tenant))
    }

    async fn role(&self) -> Option<Role> {
        match &self.0 {
            Principal::User { role, .. } => Some((*role).into()),
            Principal::Client { .. } => None,
        }
    }

    /// What the viewer may do here, as scopes (for people: their role's).
    async fn scopes(&self) -> Vec<Scope> {
        self.0.tenant_ctx(None).effective_scopes().into_iter().map(Scope::from).collect()
    }

    /// Every tenant the user belongs to; empty for partner clients.
    async fn memberships(&self, ctx: &Context<'_>) -> Result<Vec<TenantMembership>> {
        match &self.0 {
            Principal::User { user_id, .. } => {
                let found = sessions::tenants_of(db(ctx), *user_id).await.map_err(gql_error)?;
                Ok(found
                    .into_iter()
                    .map(|m| TenantMembership { tenant: Tenant(m.tenant), role: m.role.into() })
                    .collect())
            }
            Principal::Client { .. } => Ok(Vec::new()),
        }
    }
}
