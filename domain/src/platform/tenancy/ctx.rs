//! Who is asking, for which tenant, and for which merchant's goods. A
//! [`TenantCtx`] is made only at the edge from a verified token (or by a
//! worker for a claimed job's tenant) and travels inside the
//! [`super::TenantTx`] it opens.

use uuid::Uuid;

use crate::platform::access::{Permission, Role};
use crate::platform::text_enum::string_enum;

string_enum!(
    /// Who made a change: a person, a partner API client or the system.
    ActorKind {
        User = "user",
        ApiClient = "api_client",
        System = "system",
    }
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    User { id: Uuid },
    ApiClient { id: Uuid },
    System,
}

impl Actor {
    pub fn id(&self) -> Option<Uuid> {
        match self {
            Actor::User { id } | Actor::ApiClient { id } => Some(*id),
            Actor::System => None,
        }
    }

    pub fn kind(&self) -> ActorKind {
        match self {
            Actor::User { .. } => ActorKind::User,
            Actor::ApiClient { .. } => ActorKind::ApiClient,
            Actor::System => ActorKind::System,
        }
    }

    /// How records that keep their actor name it: `user:<id>`,
    /// `client:<id>` or `system`.
    pub fn label(&self) -> String {
        match self {
            Actor::User { id } => format!("user:{id}"),
            Actor::ApiClient { id } => format!("client:{id}"),
            Actor::System => "system".to_owned(),
        }
    }

    /// A stable key for per-principal records (idempotency keys, limits).
    pub fn key(&self) -> String {
        match self {
            Actor::User { id } => format!("u:{id}"),
            Actor::ApiClient { id } => format!("c:{id}"),
            Actor::System => "system".to_owned(),
        }
    }

    /// The actor a [`Actor::key`] names (a job acting for whoever queued
    /// it); `System` for anything else.
    pub fn from_key(key: &str) -> Actor {
        let id = |text: &str| Uuid::try_parse(text).ok();
        match key.split_once(':') {
            Some(("u", text)) => id(text).map_or(Actor::System, |id| Actor::User { id }),
            Some(("c", text)) => id(text).map_or(Actor::System, |id| Actor::ApiClient { id }),
            _ => Actor::System,
        }
    }
}

#[derive(Debug, Clone)]
pub struct TenantCtx {
    pub tenant_id: Uuid,
    pub actor: Actor,
    /// Set for users; partner clients act through scopes only.
    pub role: Option<Role>,
    pub scopes: Vec<Permission>,
    /// The merchant whose goods alone this context may read or write
    /// (merchant users and merchant-bound partner clients); `None` sees
    /// every merchant of the tenant.
    pub merchant_id: Option<Uuid>,
    /// Correlates the audit entry with the request log.
    pub request_id: Option<String>,
}

impl TenantCtx {
    /// A member acting in their tenant. A merchant-role member with no
    /// merchant bound sees no merchant's goods at all, never all of them.
    pub fn user(
        tenant_id: Uuid,
        user_id: Uuid,
        role: Role,
        merchant_id: Option<Uuid>,
        request_id: Option<String>,
    ) -> Self {
        let merchant_id = match (role, merchant_id) {
            (Role::Merchant, None) => Some(Uuid::nil()),
            (_, bound) => bound,
        };
        Self {
            tenant_id,
            actor: Actor::User { id: user_id },
            role: Some(role),
            scopes: Vec::new(),
            merchant_id,
            request_id,
        }
    }

    pub fn api_client(
        tenant_id: Uuid,
        client_id: Uuid,
        merchant_id: Option<Uuid>,
        scopes: Vec<Permission>,
        request_id: Option<String>,
    ) -> Self {
        Self { tenant_id, actor: Actor::ApiClient { id: client_id }, role: None, scopes, merchant_id, request_id }
    }

    /// For workers and the platform acting on this tenant's behalf.
    pub fn system(tenant_id: Uuid) -> Self {
        Self { tenant_id, actor: Actor::System, role: None, scopes: Vec::new(), merchant_id: None, request_id: None }
    }

    /// A person acting on their own account in a tenant where no role
    /// applies (signing out, resetting a password): enough to audit it.
    pub fn account(tenant_id: Uuid, user_id: Uuid, request_id: Option<String>) -> Self {
        Self {
            tenant_id,
            actor: Actor::User { id: user_id },
            role: None,
            scopes: Vec::new(),
            merchant_id: None,
            request_id,
        }
    }

    pub fn user_id(&self) -> Option<Uuid> {
        match self.actor {
            Actor::User { id } => Some(id),
            _ => None,
        }
    }
}
