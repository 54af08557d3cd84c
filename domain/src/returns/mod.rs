//! Returns (RMA): units of shipped orders coming back, received into
//! quarantine and inspected unit by unit (restock, damaged, dispose), each
//! a ledger movement. A return is its order's merchant's.

mod entities;
mod messages;
pub mod rmas;

use crate::platform::ids::NodeType;

pub const RETURN: NodeType = NodeType("Return");
