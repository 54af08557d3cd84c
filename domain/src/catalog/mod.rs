//! Catalog: the merchants (货主) whose goods a warehouse tenant keeps, and
//! later their products and SKUs. A merchant owns its rows: a merchant
//! user or merchant-bound client sees only its own merchant.

mod entities;
pub mod merchants;
mod messages;

use crate::platform::ids::NodeType;

pub const MERCHANT: NodeType = NodeType("Merchant");
