//! Roles, scopes and permissions, checked in one place: [`TenantCtx::require`].

use crate::context::{Actor, TenantCtx};
use crate::error::DomainError;
use crate::text_enum::string_enum;

string_enum!(
    /// A member's role in one tenant.
    Role {
        Owner = "owner",
        Admin = "admin",
        Operator = "operator",
        Merchant = "merchant",
        Seller = "seller",
        StoreStaff = "store_staff",
        Trainer = "trainer",
        Trainee = "trainee",
        Viewer = "viewer",
    }
);

string_enum!(
    /// What a partner API client may do; granted when the client is created.
    Scope {
        TenantRead = "tenant:read",
        TenantWrite = "tenant:write",
        MembersRead = "members:read",
        MembersWrite = "members:write",
        ApiClientsRead = "api_clients:read",
        ApiClientsWrite = "api_clients:write",
        AuditRead = "audit:read",
        JobsRead = "jobs:read",
        JobsWrite = "jobs:write",
    }
);

/// One thing a request may want to do. Each has exactly one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    TenantRead,
    TenantWrite,
    MembersRead,
    MembersWrite,
    ApiClientsRead,
    ApiClientsWrite,
    AuditRead,
    JobsRead,
    JobsWrite,
}

impl Permission {
    pub const ALL: [Permission; 9] = [
        Permission::TenantRead,
        Permission::TenantWrite,
        Permission::MembersRead,
        Permission::MembersWrite,
        Permission::ApiClientsRead,
        Permission::ApiClientsWrite,
        Permission::AuditRead,
        Permission::JobsRead,
        Permission::JobsWrite,
    ];

    pub fn scope(self) -> Scope {
        match self {
            Permission::TenantRead => Scope::TenantRead,
            Permission::TenantWrite => Scope::TenantWrite,
            Permission::MembersRead => Scope::MembersRead,
            Permission::MembersWrite => Scope::MembersWrite,
            Permission::ApiClientsRead => Scope::ApiClientsRead,
            Permission::ApiClientsWrite => Scope::ApiClientsWrite,
            Permission::AuditRead => Scope::AuditRead,
            Permission::JobsRead => Scope::JobsRead,
            Permission::JobsWrite => Scope::JobsWrite,
        }
    }

    fn granted_to(self, role: Role) -> bool {
        match role {
            Role::Owner | Role::Admin => true,
            Role::Operator => matches!(self, Permission::TenantRead | Permission::MembersRead | Permission::JobsRead),
            Role::Merchant | Role::Seller | Role::StoreStaff | Role::Trainer | Role::Trainee | Role::Viewer => {
                self == Permission::TenantRead
            }
        }
    }
}

impl TenantCtx {
    /// The one place where roles and scopes are checked.
    pub fn require(&self, permission: Permission) -> Result<(), DomainError> {
        let allowed = match (&self.actor, self.role) {
            (Actor::System, _) => true,
            (Actor::User { .. }, Some(role)) => permission.granted_to(role),
            (Actor::User { .. }, None) => false,
            (Actor::ApiClient { .. }, _) => self.scopes.contains(&permission.scope()),
        };
        if allowed { Ok(()) } else { Err(DomainError::Forbidden(permission.scope().as_str())) }
    }

    pub fn can(&self, permission: Permission) -> bool {
        self.require(permission).is_ok()
    }

    /// What this context may do, as scopes (a user's role expressed the
    /// way a partner client's grant is), so clients can shape their UI.
    pub fn effective_scopes(&self) -> Vec<Scope> {
        Permission::ALL.iter().filter(|p| self.can(**p)).map(|p| p.scope()).collect()
    }
}

/// Parses a space-separated scope list (the OAuth `scope` form).
pub fn parse_scopes(text: &str) -> Result<Vec<Scope>, String> {
    text.split_whitespace().map(|s| Scope::parse(s).ok_or_else(|| format!("unknown scope `{s}`"))).collect()
}

pub fn format_scopes(scopes: &[Scope]) -> String {
    scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    #[test]
    fn viewer_reads_but_cannot_manage_members() {
        let ctx = TenantCtx::user(Uuid::nil(), Uuid::nil(), Role::Viewer, None);
        assert!(ctx.can(Permission::TenantRead));
        assert!(!ctx.can(Permission::MembersWrite));
        assert!(!ctx.can(Permission::AuditRead));
    }

    #[test]
    fn api_client_is_limited_to_its_scopes() {
        let ctx = TenantCtx::api_client(Uuid::nil(), Uuid::nil(), None, vec![Scope::AuditRead], None);
        assert!(ctx.can(Permission::AuditRead));
        assert!(!ctx.can(Permission::TenantRead));
    }

    #[test]
    fn scopes_round_trip_and_reject_unknown() {
        let scopes = parse_scopes("tenant:read jobs:write").expect("known scopes");
        assert_eq!(format_scopes(&scopes), "tenant:read jobs:write");
        assert!(parse_scopes("tenant:read root").is_err());
    }
}
