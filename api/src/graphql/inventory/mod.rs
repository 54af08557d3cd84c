//! The inventory context's GraphQL: warehouses and their locations (later
//! stock). Labels to print are served over HTTP (`crate::http::labels`).

mod locations;
mod warehouses;

use async_graphql::MergedObject;

pub use self::locations::{Location, location_node};
pub use self::warehouses::{Warehouse, warehouse_node};

#[derive(MergedObject, Default)]
pub struct InventoryQuery(warehouses::WarehousesQuery, locations::LocationsQuery);

#[derive(MergedObject, Default)]
pub struct InventoryMutation(warehouses::WarehouseMutations, locations::LocationMutations);
