//! The fulfilment context's GraphQL: waves and their pick lists
//! (`waves`, `waveCreate`), picking by scan (`pickConfirm`), packing
//! (`packageCreate`), shipping (`orderShip`), and an order's packages and
//! shipments with their tracking (fields of `Order`).

mod changes;
mod shipments;
mod waves;

use async_graphql::MergedObject;

pub use self::shipments::{Package, Shipment, package_node, packages_of, shipment_node, shipments_of};
pub use self::waves::{PickTask, Wave, task_node, wave_node};

#[derive(MergedObject, Default)]
pub struct FulfilmentQuery(waves::WavesQuery);

#[derive(MergedObject, Default)]
pub struct FulfilmentMutation(changes::FulfilmentMutations);
