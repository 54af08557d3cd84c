//! The GraphQL API: the schema's roots merged from each context's roots,
//! the conventions in [`kit`] (global ids, Relay connections, payloads with
//! `userErrors`, cost limits), and one folder per business context.
//! Resolvers are thin: parse, call a domain service, map the result.
//!
//! A new context adds a folder and one entry in each root below (and its
//! types in [`nodes`]).

pub mod catalog;
pub mod fulfilment;
pub mod identity;
pub mod inbound;
pub mod inventory;
pub mod kit;
mod nodes;
pub mod orders;
pub mod platform;
pub mod returns;

use async_graphql::{MergedObject, MergedSubscription, Schema};

pub use kit::context::RequestInfo;
pub use kit::cost::CostLimit;
pub use kit::loaders::Loaders;
pub use kit::locale::Localise;
pub use kit::request_errors::{Execution, RequestChecks};

use crate::state::AppState;

#[derive(MergedObject, Default)]
pub struct QueryRoot(
    nodes::NodeQuery,
    identity::IdentityQuery,
    platform::PlatformQuery,
    catalog::CatalogQuery,
    inventory::InventoryQuery,
    orders::OrdersQuery,
    returns::ReturnsQuery,
    inbound::InboundQuery,
    fulfilment::FulfilmentQuery,
);

#[derive(MergedObject, Default)]
pub struct MutationRoot(
    identity::IdentityMutation,
    platform::PlatformMutation,
    catalog::CatalogMutation,
    inventory::InventoryMutation,
    orders::OrdersMutation,
    returns::ReturnsMutation,
    inbound::InboundMutation,
    fulfilment::FulfilmentMutation,
);

#[derive(MergedSubscription, Default)]
pub struct SubscriptionRoot(platform::PlatformSubscription);

pub type AppSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

fn builder() -> async_graphql::SchemaBuilder<QueryRoot, MutationRoot, SubscriptionRoot> {
    Schema::build(QueryRoot::default(), MutationRoot::default(), SubscriptionRoot::default())
}

/// The schema with the request limits: the cost limit and partner
/// throttling ([`CostLimit`]), the document limits and request error codes
/// ([`RequestChecks`], whose depth limit replaces async-graphql's so that
/// introspection has a rule of its own), and async-graphql's recursion
/// limit, which keeps its own walks off the end of the stack.
pub fn build_schema(state: AppState) -> AppSchema {
    let max_depth = state.config.max_query_depth;
    let cost = state.config.max_query_cost;
    builder()
        .limit_complexity(cost)
        .limit_recursive_depth(32)
        .extension(RequestChecks { max_depth })
        .extension(CostLimit)
        .extension(Localise)
        .data(state)
        .finish()
}

/// The schema in SDL, as exported to `api/schema.graphql`.
pub fn sdl() -> String {
    builder().finish().sdl()
}
