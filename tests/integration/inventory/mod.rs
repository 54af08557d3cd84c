//! The inventory context: warehouses, locations and their labels. Its
//! operations and seeds for the isolation sweeps.

mod generate;
mod labels;
mod ledger_property;
mod locations;
mod stock;
mod transfers_counts;
mod warehouses;

use domain::platform::access::Permission::*;
use serde_json::json;
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
        "node",
        All(&[InventoryRead]),
        "query($movement: ID!) { node(id: $movement) { id ... on StockMovement { delta kind quantityAfter } } }",
    ),
    (
        "stockLevels",
        All(&[InventoryRead]),
        "query { stockLevels(first: 50) { totalCount nodes { onHand available } } }",
    ),
    ("binStocks", All(&[InventoryRead]), "query { binStocks(first: 50) { nodes { onHand lot receivedOn ageDays } } }"),
    ("stockMovements", All(&[InventoryRead]), "query { stockMovements(first: 50) { nodes { id delta kind actor } } }"),
    (
        "inventoryCheck",
        All(&[InventoryRead]),
        "query { inventoryCheck { ok levelsChecked movementsChecked mismatches { recorded } } }",
    ),
    (
        "inventoryAdjust",
        All(&[InventoryWrite]),
        "mutation($sku: ID!, $location: ID!) { inventoryAdjust(input: {skuId: $sku, locationId: $location, delta: 5, reason: FOUND}) { stockLevel { onHand } userErrors { code } } }",
    ),
    (
        "inventorySetOnHand",
        All(&[InventoryWrite]),
        "mutation($sku: ID!, $location: ID!) { inventorySetOnHand(input: {skuId: $sku, locationId: $location, quantity: 0, compareQuantity: 37, reason: LOST}) { stockLevel { onHand } userErrors { code } } }",
    ),
    (
        "inventoryMove",
        All(&[InventoryWrite]),
        "mutation($sku: ID!, $location: ID!, $location2: ID!) { inventoryMove(input: {skuId: $sku, fromLocationId: $location, toLocationId: $location2, quantity: 5}) { stockLevel { onHand } userErrors { code } } }",
    ),
    (
        "inventorySetSafetyStock",
        All(&[InventoryWrite]),
        "mutation($sku: ID!, $warehouse: ID!) { inventorySetSafetyStock(input: {skuId: $sku, warehouseId: $warehouse, quantity: 30, compareQuantity: 0}) { stockLevel { safetyStock } userErrors { code } } }",
    ),
    (
        "node",
        All(&[InventoryRead]),
        "query($transfer: ID!) { node(id: $transfer) { id ... on StockTransfer { reference status lines { quantity } } } }",
    ),
    (
        "stockTransfers",
        All(&[InventoryRead]),
        "query($warehouse2: ID!) { stockTransfers(first: 10, status: IN_TRANSIT, toWarehouseId: $warehouse2, query: \"a\") { totalCount nodes { id reference lines { quantity } } } }",
    ),
    ("stockTransfers", All(&[InventoryRead]), "query { stockTransfers(first: 10) { totalCount nodes { id reference status note } } }"),
    ("node", All(&[InventoryWrite]), "query($count: ID!) { node(id: $count) { id ... on CountTask { status blind } } }"),
    ("countTasks", All(&[InventoryWrite]), "query { countTasks { id status lines { counted } } }"),
    (
        "stockTransferCreate",
        All(&[InventoryWrite]),
        "mutation($sku: ID!, $location: ID!, $warehouse2: ID!) { stockTransferCreate(input: {reference: \"SWEEP\", toWarehouseId: $warehouse2,
            lines: [{skuId: $sku, fromLocationId: $location, quantity: 1}]}) { stockTransfer { id } userErrors { code } } }",
    ),
    (
        "stockTransferReceive",
        All(&[InventoryWrite]),
        "mutation($transfer: ID!, $location: ID!) { stockTransferReceive(input: {id: $transfer, toLocationId: $location}) { stockTransfer { status } userErrors { code } } }",
    ),
    (
        "stockTransferCancel",
        All(&[InventoryWrite]),
        "mutation($transfer: ID!) { stockTransferCancel(input: {id: $transfer}) { stockTransfer { status } userErrors { code } } }",
    ),
    (
        "cycleCountCreate",
        All(&[InventoryWrite]),
        "mutation($location: ID!) { cycleCountCreate(input: {locationId: $location}) { countTask { id } userErrors { code } } }",
    ),
    (
        "cycleCountSubmit",
        All(&[InventoryWrite]),
        "mutation($count: ID!, $sku: ID!, $location: ID!) { cycleCountSubmit(input: {id: $count, lines: [{skuId: $sku, locationId: $location, counted: 0}]}) { countTask { status } userErrors { code } } }",
    ),
    (
        "cycleCountDecide",
        All(&[CountsApprove]),
        "mutation($count: ID!) { cycleCountDecide(input: {id: $count, approve: true}) { countTask { status } userErrors { code } } }",
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
    locations(first: 50) { totalCount nodes { id code type active } }
    stockLevels(first: 10) { nodes { onHand available safetyStock } }
    binStocks(first: 10) { nodes { onHand } }
    stockTransfers(first: 10) { totalCount nodes { reference status lines { quantity } } }
    countTasks { id status lines { counted } }";

/// What one merchant owns of inventory (its SKU's stock, a movement of it,
/// its transfer), as the tenant's owner reads it.
pub const OWNED_SNAPSHOT: &str =
    "ownStock: node(id: $sku) { ... on Sku { stock { onHand reserved available incoming } } }
    movement: node(id: $movement) { ... on StockMovement { kind delta quantityAfter } }
    transfer: node(id: $transfer) { ... on StockTransfer { reference status lines { quantity } } }";

pub const OWNED_VARIABLES: &str = "$movement: ID!, $transfer: ID!";

/// A warehouse with two locations in `owner`'s tenant and 37 units of
/// `sku` in the first; the codes and the warehouse's street are secrets.
pub async fn seed(app: &TestApp, owner: &Session, sku: &str) -> Seeded {
    let slug = owner.email.split('@').nth(1).and_then(|d| d.split('.').next()).expect("slug in the owner's email");
    let code = format!("{}-WH", slug.to_uppercase());
    let mut seeded = Seeded::default();
    let warehouse = app.warehouse(owner, &code).await;
    seeded.id("warehouse", &warehouse);
    let location = app.location(owner, &warehouse, &["A", "01", "01", "1", "A"]).await;
    seeded.id("location", &location);
    seeded.id("location2", &app.location(owner, &warehouse, &["A", "01", "01", "1", "B"]).await);
    let added = app.adjust(&owner.access_token, sku, &location, 37).await;
    let movement = added["movements"][0]["id"].as_str().unwrap_or_else(|| panic!("stock not added: {added}"));
    seeded.owned_id("movement", movement);
    let elsewhere = app.warehouse(owner, &format!("{code}2")).await;
    seeded.id("warehouse2", &elsewhere);
    seeded.secret(&format!("{code}2"));
    let sent = app
        .gql(
            Some(&owner.access_token),
            "mutation($sku: ID!, $from: ID!, $to: ID!, $r: String!) { stockTransferCreate(input: {reference: $r, toWarehouseId: $to,
                lines: [{skuId: $sku, fromLocationId: $from, quantity: 2}]}) { stockTransfer { id } userErrors { code } } }",
            json!({"sku": sku, "from": location, "to": elsewhere, "r": format!("{code}-TR")}),
        )
        .await;
    let transfer = sent["data"]["stockTransferCreate"]["stockTransfer"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no transfer: {sent}"));
    seeded.owned_id("transfer", transfer);
    seeded.owned_secret(&format!("{code}-TR"));
    let counted = app
        .gql(
            Some(&owner.access_token),
            "mutation($l: ID!) { cycleCountCreate(input: {locationId: $l}) { countTask { id } userErrors { code } } }",
            json!({"l": location}),
        )
        .await;
    let count = counted["data"]["cycleCountCreate"]["countTask"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no count: {counted}"));
    seeded.id("count", count);
    seeded.secret(&code);
    seeded.secret(&format!("{code} Logistics Way"));
    seeded
}
