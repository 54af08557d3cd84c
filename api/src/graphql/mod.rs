//! The GraphQL API: schema, request context, conventions (global ids, Relay
//! connections, payloads with `userErrors`, cost limits) and resolvers.
//! Resolvers are thin: parse, call a domain service, map the result.

mod connection;
pub mod context;
mod cost;
mod enums;
mod errors;
pub mod ids;
mod mutations;
mod objects;
mod query;
mod subscription;

use async_graphql::Schema;

pub use context::RequestInfo;
pub use cost::CostLimit;
pub use mutations::MutationRoot;
pub use query::QueryRoot;
pub use subscription::SubscriptionRoot;

use crate::state::AppState;

pub type AppSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

pub fn build_schema(state: AppState) -> AppSchema {
    let depth = state.config.max_query_depth;
    let cost = state.config.max_query_cost;
    Schema::build(QueryRoot, MutationRoot::default(), SubscriptionRoot)
        .limit_depth(depth)
        .limit_complexity(cost)
        .limit_recursive_depth(32)
        .extension(CostLimit)
        .data(state)
        .finish()
}

/// The schema in SDL, as exported to `api/schema.graphql`.
pub fn sdl() -> String {
    Schema::build(QueryRoot, MutationRoot::default(), SubscriptionRoot).finish().sdl()
}
