//! The inbound context's GraphQL: inbound shipments (ASNs) with their
//! lines and progress, announcing and cancelling them, and receiving by
//! scan, putaway and closing at the warehouse.

mod changes;
mod shipments;

use async_graphql::MergedObject;

pub use self::shipments::{InboundLine, InboundShipment, line_node, shipment_node};

#[derive(MergedObject, Default)]
pub struct InboundQuery(shipments::InboundShipmentsQuery);

#[derive(MergedObject, Default)]
pub struct InboundMutation(changes::InboundMutations);
