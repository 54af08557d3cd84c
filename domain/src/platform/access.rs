//! Roles, permissions and the scopes partner clients are granted, defined
//! once in [`permissions!`] and checked in one place: [`TenantCtx::require`].
//!
//! A permission *is* a scope: a person holds it through their role, a
//! partner client through its grant. A context that adds operations adds
//! its lines to the table below.
//!
//! Each line also says who may hold it: `tenant` permissions concern the
//! whole tenant (its members, audit log, jobs) and are never held by a
//! merchant-bound context (a merchant user, a merchant-bound client);
//! `merchant` permissions act on rows a merchant owns, which owner scoping
//! then limits to the merchant's own.

use super::errors::DomainError;
use super::tenancy::{Actor, TenantCtx};
use super::text_enum::string_enum;

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

/// Who may hold a permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Concerns the whole tenant: never held by a merchant-bound context.
    Tenant,
    /// Acts on rows a merchant owns: merchant-bound contexts hold it for their own.
    Merchant,
}

macro_rules! permissions {
    ($($variant:ident = $scope:literal, $reach:ident => [$($role:ident),* $(,)?]),* $(,)?) => {
        string_enum!(
            /// What a request may do: a person holds it through their role, a
            /// partner client as an OAuth scope, written in lower case with a
            /// colon (`MERCHANTS_READ` is the scope `merchants:read`).
            Permission as "Scope" { $($variant = $scope),* }
        );

        impl Permission {
            /// The roles that hold this permission.
            pub fn roles(self) -> &'static [Role] {
                match self { $(Permission::$variant => &[$(Role::$role),*]),* }
            }

            pub fn reach(self) -> Reach {
                match self { $(Permission::$variant => Reach::$reach),* }
            }
        }
    };
}

permissions! {
    TenantRead = "tenant:read", Merchant => [Owner, Admin, Operator, Merchant, Seller, StoreStaff, Trainer, Trainee, Viewer],
    TenantWrite = "tenant:write", Tenant => [Owner, Admin],
    MembersRead = "members:read", Tenant => [Owner, Admin, Operator],
    MembersWrite = "members:write", Tenant => [Owner, Admin],
    ApiClientsRead = "api_clients:read", Merchant => [Owner, Admin],
    ApiClientsWrite = "api_clients:write", Merchant => [Owner, Admin],
    AuditRead = "audit:read", Tenant => [Owner, Admin],
    JobsRead = "jobs:read", Tenant => [Owner, Admin, Operator],
    JobsWrite = "jobs:write", Tenant => [Owner, Admin],
    MerchantsRead = "merchants:read", Merchant => [Owner, Admin, Operator, Merchant],
    MerchantsWrite = "merchants:write", Merchant => [Owner, Admin],
    CatalogRead = "catalog:read", Merchant => [Owner, Admin, Operator, Merchant, Viewer],
    CatalogWrite = "catalog:write", Merchant => [Owner, Admin, Operator, Merchant],
    WarehousesRead = "warehouses:read", Merchant => [Owner, Admin, Operator, Merchant, Viewer],
    WarehousesWrite = "warehouses:write", Tenant => [Owner, Admin],
    InventoryRead = "inventory:read", Merchant => [Owner, Admin, Operator, Merchant, Viewer],
    InventoryWrite = "inventory:write", Tenant => [Owner, Admin, Operator],
    CountsApprove = "counts:approve", Tenant => [Owner, Admin],
    OrdersRead = "orders:read", Merchant => [Owner, Admin, Operator, Merchant, Viewer],
    OrdersWrite = "orders:write", Merchant => [Owner, Admin, Operator, Merchant],
    ReturnsRead = "returns:read", Merchant => [Owner, Admin, Operator, Merchant, Viewer],
    ReturnsWrite = "returns:write", Merchant => [Owner, Admin, Operator, Merchant],
    InboundRead = "inbound:read", Merchant => [Owner, Admin, Operator, Merchant, Viewer],
    InboundWrite = "inbound:write", Merchant => [Owner, Admin, Operator, Merchant],
    FulfilmentRead = "fulfilment:read", Tenant => [Owner, Admin, Operator, Viewer],
    FulfilmentWrite = "fulfilment:write", Tenant => [Owner, Admin, Operator],
}

impl TenantCtx {
    /// The one place where roles and scopes are checked.
    pub fn require(&self, permission: Permission) -> Result<(), DomainError> {
        let within_reach = self.merchant_id.is_none() || permission.reach() == Reach::Merchant;
        let allowed = within_reach
            && match (&self.actor, self.role) {
                (Actor::System, _) => true,
                (Actor::User { .. }, Some(role)) => permission.roles().contains(&role),
                (Actor::User { .. }, None) => false,
                (Actor::ApiClient { .. }, _) => self.scopes.contains(&permission),
            };
        if allowed { Ok(()) } else { Err(DomainError::Forbidden(permission.as_str())) }
    }

    pub fn can(&self, permission: Permission) -> bool {
        self.require(permission).is_ok()
    }

    /// What this context may do, as scopes (a user's role expressed the
    /// way a partner client's grant is), so clients can shape their UI.
    pub fn effective_scopes(&self) -> Vec<Permission> {
        Permission::ALL.iter().copied().filter(|p| self.can(*p)).collect()
    }
}

/// Parses a space-separated scope list (the OAuth `scope` form).
pub fn parse_scopes(text: &str) -> Result<Vec<Permission>, String> {
    text.split_whitespace().map(|s| Permission::parse(s).ok_or_else(|| format!("unknown scope `{s}`"))).collect()
}

pub fn format_scopes(scopes: &[Permission]) -> String {
    scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use uuid::Uuid;

    use super::*;

    #[test]
    fn viewer_reads_but_cannot_manage_members() {
        let ctx = TenantCtx::user(Uuid::nil(), Uuid::nil(), Role::Viewer, None, None);
        assert!(ctx.can(Permission::TenantRead));
        assert!(!ctx.can(Permission::MembersWrite));
        assert!(!ctx.can(Permission::AuditRead));
    }

    #[test]
    fn api_client_is_limited_to_its_scopes() {
        let ctx = TenantCtx::api_client(Uuid::nil(), Uuid::nil(), None, vec![Permission::AuditRead], None);
        assert!(ctx.can(Permission::AuditRead));
        assert!(!ctx.can(Permission::TenantRead));
    }

    #[test]
    fn scopes_round_trip_and_reject_unknown() {
        let scopes = parse_scopes("tenant:read jobs:write").expect("known scopes");
        assert_eq!(format_scopes(&scopes), "tenant:read jobs:write");
        assert!(parse_scopes("tenant:read root").is_err());
    }

    #[test]
    fn a_merchant_bound_client_never_holds_tenant_wide_permissions() {
        let all = Permission::ALL.to_vec();
        let bound = TenantCtx::api_client(Uuid::nil(), Uuid::nil(), Some(Uuid::now_v7()), all, None);
        assert!(bound.can(Permission::MerchantsRead));
        assert!(bound.can(Permission::ApiClientsWrite));
        assert!(!bound.can(Permission::MembersRead));
        assert!(!bound.can(Permission::AuditRead));
        assert!(!bound.can(Permission::JobsRead));
    }

    #[test]
    fn owners_hold_every_permission() {
        assert!(Permission::ALL.iter().all(|p| p.roles().contains(&Role::Owner)));
    }
}
