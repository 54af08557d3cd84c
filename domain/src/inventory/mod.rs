//! Inventory: the warehouses of a tenant and the locations (bins) in them,
//! with labels to print for the racks; stock and its ledger come next. A
//! warehouse and its locations are the tenant's, not a merchant's: every
//! reader of the tenant sees them, merchants included, since their goods
//! are stored there.

mod entities;
pub mod labels;
pub mod location_codes;
pub mod locations;
mod messages;
pub mod warehouses;

use crate::platform::ids::NodeType;

pub const WAREHOUSE: NodeType = NodeType("Warehouse");
pub const LOCATION: NodeType = NodeType("Location");
