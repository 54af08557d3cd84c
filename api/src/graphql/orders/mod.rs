//! The orders context's GraphQL: outbound orders with their lines,
//! allocations and timeline; `orderCreate` and `orderCancel`.

mod outbound;

use async_graphql::MergedObject;

pub use self::outbound::{Order, order_node};

#[derive(MergedObject, Default)]
pub struct OrdersQuery(outbound::OrderQuery);

#[derive(MergedObject, Default)]
pub struct OrdersMutation(outbound::OrderMutations);
