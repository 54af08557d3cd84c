//! The identity context's GraphQL: tenants, people, sessions and partner
//! clients. Its roots are merged into the schema's.

mod account;
mod api_clients;
mod members;
mod nodes;
mod query;
mod session;
mod tenant;
mod types;

use async_graphql::MergedObject;

pub use self::nodes::{api_client_node, invitation_node, member_node, tenant_node, user_node};
pub use self::types::{ApiClient, Invitation, Member, Tenant, User, Viewer};

pub use self::query::IdentityQuery;

#[derive(MergedObject, Default)]
pub struct IdentityMutation(
    session::SessionMutations,
    tenant::TenantMutations,
    members::MemberMutations,
    api_clients::ApiClientMutations,
    account::AccountMutations,
);
