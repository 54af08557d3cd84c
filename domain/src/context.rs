//! Who is asking, for which tenant. A [`TenantCtx`] is made only at the edge
//! from a verified token (or by a worker for a claimed job's tenant), and
//! every tenant-scoped service takes one.

use uuid::Uuid;

use crate::access::{Role, Scope};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    User { id: Uuid },
    ApiClient { id: Uuid, merchant_id: Option<Uuid> },
    System,
}

impl Actor {
    pub fn id(&self) -> Option<Uuid> {
        match self {
            Actor::User { id } | Actor::ApiClient { id, .. } => Some(*id),
            Actor::System => None,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Actor::User { .. } => "user",
            Actor::ApiClient { .. } => "api_client",
            Actor::System => "system",
        }
    }
}

#[derive(Debug, Clone)]
pub struct TenantCtx {
    pub tenant_id: Uuid,
    pub actor: Actor,
    /// Set for users; partner clients act through scopes only.
    pub role: Option<Role>,
    pub scopes: Vec<Scope>,
    /// Correlates the audit entry with the request log.
    pub request_id: Option<String>,
}

impl TenantCtx {
    pub fn user(tenant_id: Uuid, user_id: Uuid, role: Role, request_id: Option<String>) -> Self {
        Self { tenant_id, actor: Actor::User { id: user_id }, role: Some(role), scopes: Vec::new(), request_id }
    }

    pub fn api_client(
        tenant_id: Uuid,
        client_id: Uuid,
        merchant_id: Option<Uuid>,
        scopes: Vec<Scope>,
        request_id: Option<String>,
    ) -> Self {
        Self { tenant_id, actor: Actor::ApiClient { id: client_id, merchant_id }, role: None, scopes, request_id }
    }

    /// For workers acting on a job of this tenant.
    pub fn system(tenant_id: Uuid) -> Self {
        Self { tenant_id, actor: Actor::System, role: None, scopes: Vec::new(), request_id: None }
    }

    pub fn user_id(&self) -> Option<Uuid> {
        match self.actor {
            Actor::User { id } => Some(id),
            _ => None,
        }
    }
}
