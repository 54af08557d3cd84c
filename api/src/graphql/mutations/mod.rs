//! Mutation root: one input, a payload with the changed objects and
//! `userErrors`. Every mutation is audited by the domain service it calls.

mod api_clients;
mod jobs;
mod members;
mod session;
mod tenant;

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct MutationRoot(
    session::SessionMutations,
    tenant::TenantMutations,
    members::MemberMutations,
    api_clients::ApiClientMutations,
    jobs::JobMutations,
);
