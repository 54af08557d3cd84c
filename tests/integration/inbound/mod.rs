//! The inbound context: ASNs, receiving by scan, putaway and closing. Its
//! operations and seed for the isolation sweeps and the permission matrix.

mod receiving;

use domain::platform::access::Permission::*;
use serde_json::{Value, json};
use silkport_tests::sweep::Needs::All;
use silkport_tests::sweep::{Operations, Seeded};
use silkport_tests::{Session, TestApp};

pub const OPERATIONS: Operations = &[
    (
        "node",
        All(&[InboundRead]),
        "query($shipment: ID!) { node(id: $shipment) { id ... on InboundShipment { reference containerNumber status progress lines { expected received } } } }",
    ),
    (
        "node",
        All(&[InboundRead]),
        "query($inboundLine: ID!) { node(id: $inboundLine) { id ... on InboundLine { expected received discrepancy } } }",
    ),
    (
        "inboundShipments",
        All(&[InboundRead]),
        "query { inboundShipments(first: 50) { totalCount nodes { id reference containerNumber receivedUnits lines { received } } } }",
    ),
    (
        "inboundShipments",
        All(&[InboundRead]),
        "query($merchant: ID!, $warehouse: ID!) { inboundShipments(first: 50, merchantId: $merchant, warehouseId: $warehouse, status: RECEIVING, query: \"A\") { totalCount nodes { id reference } } }",
    ),
    (
        "inboundCreate",
        All(&[InboundWrite]),
        "mutation($merchant: ID!, $warehouse: ID!, $sku: ID!) { inboundCreate(input: {merchantId: $merchant, warehouseId: $warehouse, reference: \"SWEEP-ASN\", mode: RAIL, lines: [{skuId: $sku, expected: 3}]}) { inboundShipment { id reference } userErrors { code } } }",
    ),
    (
        "inboundReceive",
        All(&[InventoryWrite]),
        "mutation($shipment: ID!) { inboundReceive(input: {shipmentId: $shipment, barcode: \"4006381333931\"}) { line { received } userErrors { code } } }",
    ),
    (
        "inboundPutaway",
        All(&[InventoryWrite]),
        "mutation($shipment: ID!, $inboundLine: ID!, $location: ID!) { inboundPutaway(input: {shipmentId: $shipment, lineId: $inboundLine, quantity: 1, toLocationId: $location}) { line { putAway } userErrors { code } } }",
    ),
    (
        "inboundClose",
        All(&[InventoryWrite]),
        "mutation($shipment: ID!) { inboundClose(input: {id: $shipment}) { inboundShipment { status } userErrors { code } } }",
    ),
    (
        "inboundCancel",
        All(&[InboundWrite]),
        "mutation($shipment: ID!) { inboundCancel(input: {id: $shipment}) { inboundShipment { status } userErrors { code } } }",
    ),
];

/// The victim's inbound state, as its owner reads it.
pub const SNAPSHOT: &str =
    "inboundShipments(first: 50) { totalCount nodes { reference status receivedUnits putAwayUnits
    lines { received damaged putAway } } }";

/// One merchant's ASN, as the tenant's owner reads it.
pub const OWNED_SNAPSHOT: &str =
    "asn: node(id: $shipment) { ... on InboundShipment { reference status receivedUnits putAwayUnits
    lines { received damaged putAway } } }";

pub const OWNED_VARIABLES: &str = "$shipment: ID!";

pub const ANNOUNCE: &str = "mutation($input: InboundCreateInput!) { inboundCreate(input: $input) {
    inboundShipment { id reference status expectedUnits receivedUnits progress
      lines { id expected received damaged putAway discrepancy } }
    userErrors { field code message } } }";

/// Announces `input` as `token`; returns the payload.
pub async fn announce(app: &TestApp, token: &str, input: Value) -> Value {
    app.gql(Some(token), ANNOUNCE, json!({"input": input})).await["data"]["inboundCreate"].clone()
}

/// A receiving and a damaged location in the seeded warehouse, and an ASN
/// of the seeded SKU with one unit scanned in; its reference and container
/// number are secrets.
pub async fn seed(app: &TestApp, owner: &Session, ids: &Seeded) -> Seeded {
    let id = |name: &str| ids.ids[name].as_str().unwrap_or_default().to_owned();
    let warehouse = id("warehouse");
    let mut seeded = Seeded::default();
    seeded.id("receiving", &app.location_of(owner, &warehouse, "RCV", "RECEIVING").await);
    app.location_of(owner, &warehouse, "DMG", "DAMAGED").await;
    let input = json!({"merchantId": id("merchant"), "warehouseId": warehouse, "reference": "ALPHA-ASN-7", "mode": "SEA",
                       "containerNumber": "MSCU7654321", "lines": [{"skuId": id("sku"), "expected": 10}]});
    let made = announce(app, &owner.access_token, input).await;
    let shipment = made["inboundShipment"]["id"].as_str().unwrap_or_else(|| panic!("ASN not made: {made}")).to_owned();
    seeded.owned_id("inboundLine", made["inboundShipment"]["lines"][0]["id"].as_str().unwrap_or_default());
    let scanned = app
        .gql(
            Some(&owner.access_token),
            "mutation($s: ID!) { inboundReceive(input: {shipmentId: $s, barcode: \"4006381333931\"}) { userErrors { message } } }",
            json!({"s": shipment}),
        )
        .await;
    assert_eq!(scanned["data"]["inboundReceive"]["userErrors"], json!([]), "{scanned}");
    seeded.owned_id("shipment", &shipment);
    seeded.owned_secret("ALPHA-ASN-7");
    seeded.owned_secret("MSCU7654321");
    seeded
}
