//! The inventory context: warehouses, locations and their labels. Its
//! operations and seeds for the isolation sweeps.

mod generate;
mod labels;
mod locations;
mod warehouses;

use domain::platform::access::Permission::*;
use silkport_tests::sweep::Needs::All;
use silkport_tests::sweep::{Operations, Seeded};
use silkport_tests::{Session, TestApp};

pub const OPERATIONS: Operations = &[
    (
        "node",
        All(&[WarehousesRead]),
        "query($warehouse: ID!) { node(id: $warehouse) { id ... on Warehouse { code name address { line1 city } } } }",
    ),
    (
        "node",
        All(&[WarehousesRead]),
        "query($location: ID!) { node(id: $location) { id ... on Location { code warehouse { code name } } } }",
    ),
    (
        "warehouses",
        All(&[WarehousesRead]),
        "query { warehouses(first: 50) { totalCount nodes { id code name address { line1 city } } } }",
    ),
    (
        "locations",
        All(&[WarehousesRead]),
        "query { locations(first: 50) { totalCount nodes { id code warehouse { id code name } } } }",
    ),
    (
        "locations",
        All(&[WarehousesRead]),
        "query($warehouse: ID!) { locations(first: 50, warehouseId: $warehouse, type: PICK, query: \"a\") { totalCount nodes { id code } } }",
    ),
    (
        "warehouseCreate",
        All(&[WarehousesWrite]),
        "mutation { warehouseCreate(input: {code: \"SWEEP\", name: \"Sweep\", countryCode: \"US\", timezone: \"UTC\", address: {line1: \"1 Sweep St\", city: \"Reno\"}}) { warehouse { id } userErrors { code } } }",
    ),
    (
        "warehouseUpdate",
        All(&[WarehousesWrite]),
        "mutation($warehouse: ID!) { warehouseUpdate(input: {id: $warehouse, name: \"Taken over\", active: false}) { warehouse { id name } userErrors { code } } }",
    ),
    (
        "locationCreate",
        All(&[WarehousesWrite]),
        "mutation($warehouse: ID!) { locationCreate(input: {warehouseId: $warehouse, zone: \"Z\", aisle: \"99\", type: BULK}) { location { id code warehouse { name } } userErrors { code } } }",
    ),
    (
        "locationUpdate",
        All(&[WarehousesWrite]),
        "mutation($location: ID!) { locationUpdate(input: {id: $location, type: DAMAGED, active: false}) { location { id code } userErrors { code } } }",
    ),
    (
        "locationsGenerate",
        All(&[WarehousesWrite]),
        "mutation($warehouse: ID!) { locationsGenerate(input: {warehouseId: $warehouse, zone: {from: \"Y\", to: \"Y\"}, aisle: {from: \"1\", to: \"3\"}, type: PICK}) { warehouse { id name } createdCount userErrors { code } } }",
    ),
];

/// The victim's inventory state, as its owner reads it.
pub const SNAPSHOT: &str =
    "warehouses(first: 50) { totalCount nodes { id code name active timezone address { line1 } } }
    locations(first: 50) { totalCount nodes { id code type active } }";

/// A warehouse with a location in `owner`'s tenant; their codes and the
/// warehouse's street are secrets.
pub async fn seed(app: &TestApp, owner: &Session) -> Seeded {
    let slug = owner.email.split('@').nth(1).and_then(|d| d.split('.').next()).expect("slug in the owner's email");
    let code = format!("{}-WH", slug.to_uppercase());
    let mut seeded = Seeded::default();
    let warehouse = app.warehouse(owner, &code).await;
    seeded.id("warehouse", &warehouse);
    seeded.id("location", &app.location(owner, &warehouse, &["A", "01", "01", "1", "A"]).await);
    seeded.secret(&code);
    seeded.secret(&format!("{code} Logistics Way"));
    seeded
}
