//! The returns context's GraphQL: returns (RMA) of shipped orders,
//! received by scan into quarantine and inspected unit by unit.

mod rmas;

use async_graphql::MergedObject;

pub use self::rmas::{Return, return_node};

#[derive(MergedObject, Default)]
pub struct ReturnsQuery(rmas::ReturnQuery);

#[derive(MergedObject, Default)]
pub struct ReturnsMutation(rmas::ReturnMutations);
