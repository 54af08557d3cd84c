//! Orders: what merchants, channels and stores ask a warehouse to ship,
//! and where to. An order is taken whole ([`intake`]), its ship-to address
//! checked against the destination country's rules ([`addresses`]), and
//! its units reserved in the warehouses that serve it best
//! ([`allocation`]); what cannot be served yet waits as a backorder and is
//! allocated, oldest first, when stock arrives ([`backorders`]). Orders
//! also come in by file, a Shopify orders export among them ([`import`]).
//! An order is its merchant's: a merchant user sees only its own.

pub mod addresses;
pub mod allocation;
pub mod backorders;
pub mod distance;
pub(crate) mod entities;
pub mod import;
pub mod intake;
mod messages;
pub mod read;
pub mod status;

use crate::platform::ids::NodeType;

pub const ORDER: NodeType = NodeType("Order");
pub const ORDER_IMPORT: NodeType = NodeType("OrderImport");
