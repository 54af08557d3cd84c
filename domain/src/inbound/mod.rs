//! Inbound (头程): advance shipping notices (ASNs) of a merchant's goods on
//! their way to a warehouse, by sea, air, rail (China–Europe trains),
//! truck or express, and their receiving and putaway. An ASN announces
//! units as `incoming` stock; receiving turns them into units on hand at
//! a receiving location (damaged ones into a damaged location), counting
//! what was short, over or damaged per line; putaway moves them on to
//! storage. Every step is a posting to the stock ledger
//! ([`crate::inventory::ledger`]) referring to the shipment.
//!
//! A shipment is its merchant's: a merchant user or merchant-bound client
//! announces, cancels and follows its own; warehouse staff receive, put
//! away and close (`inventory:write`).

mod entities;
mod messages;
pub mod receiving;
pub mod shipments;

use crate::platform::ids::NodeType;

pub const INBOUND_SHIPMENT: NodeType = NodeType("InboundShipment");
pub const INBOUND_LINE: NodeType = NodeType("InboundLine");
