//! The orders context's GraphQL: outbound orders with their lines,
//! allocations and timeline; `orderCreate` and `orderCancel`; imports of
//! orders from files.

mod imports;
mod outbound;

use async_graphql::MergedObject;

pub use self::imports::{OrderImport, order_import_node};
pub use self::outbound::{Order, order_node};

#[derive(MergedObject, Default)]
pub struct OrdersQuery(outbound::OrderQuery, imports::OrderImportQuery);

#[derive(MergedObject, Default)]
pub struct OrdersMutation(outbound::OrderMutations, imports::OrderImportMutation);
