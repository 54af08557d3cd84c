//! Inventory: the warehouses of a tenant and the locations (bins) in them,
//! with labels to print for the racks, and the stock in them with its
//! ledger. A warehouse and its locations are the tenant's, not a
//! merchant's: every reader of the tenant sees them, merchants included,
//! since their goods are stored there. Stock is its merchant's: a merchant
//! sees only its own.

pub mod adjustments;
pub mod check;
pub mod counts;
mod entities;
pub mod export;
pub mod labels;
pub mod ledger;
pub mod location_codes;
pub mod locations;
mod messages;
pub mod opening;
pub(crate) mod placement;
pub mod quantities;
pub mod stock;
pub mod transfers;
pub mod warehouses;

use crate::platform::ids::NodeType;

pub const WAREHOUSE: NodeType = NodeType("Warehouse");
pub const LOCATION: NodeType = NodeType("Location");
pub const STOCK_MOVEMENT: NodeType = NodeType("StockMovement");
pub const STOCK_TRANSFER: NodeType = NodeType("StockTransfer");
pub const COUNT_TASK: NodeType = NodeType("CountTask");
