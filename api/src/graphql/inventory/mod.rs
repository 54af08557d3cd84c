//! The inventory context's GraphQL: warehouses and their locations, stock
//! and its ledger. Labels to print are served over HTTP
//! (`crate::http::labels`).

mod counts;
mod locations;
mod stock;
mod stock_changes;
mod transfers;
mod warehouses;

use async_graphql::MergedObject;

pub use self::counts::{CountTask, count_node};
pub use self::locations::{Location, location_node};
pub use self::stock::{StockLevel, StockMovement, movement_node};
pub use self::transfers::{StockTransfer, transfer_node};
pub use self::warehouses::{Warehouse, warehouse_node};

#[derive(MergedObject, Default)]
pub struct InventoryQuery(
    warehouses::WarehousesQuery,
    locations::LocationsQuery,
    stock::StockQuery,
    counts::CountQuery,
    transfers::TransferQuery,
);

#[derive(MergedObject, Default)]
pub struct InventoryMutation(
    warehouses::WarehouseMutations,
    locations::LocationMutations,
    stock_changes::StockMutations,
    transfers::TransferMutations,
    counts::CountMutations,
);
