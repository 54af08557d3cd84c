//! Fulfilment: getting orders to their recipients (issue 7). Allocated
//! orders of one warehouse are picked together in waves ([`waves`]),
//! confirmed by scanning location then item ([`picking`]), packed into
//! weighed and measured packages ([`packing`]), shipped through a carrier
//! adapter ([`carriers`], [`shipping`]) and tracked until delivered
//! ([`tracking`]). Each step moves the order along its status and writes
//! its timeline; every stock change is a ledger posting.
//!
//! Waves and their pick lists are the warehouse's work (`fulfilment:read`,
//! `fulfilment:write`, warehouse staff only); packages and shipments are
//! the order's merchant's, read through the order (`orders:read`).

pub mod carriers;
mod entities;
mod messages;
pub mod packing;
pub mod picking;
pub mod shipping;
pub mod tracking;
pub mod waves;

use crate::platform::ids::NodeType;

pub const WAVE: NodeType = NodeType("Wave");
pub const PICK_TASK: NodeType = NodeType("PickTask");
pub const PACKAGE: NodeType = NodeType("Package");
pub const SHIPMENT: NodeType = NodeType("Shipment");
