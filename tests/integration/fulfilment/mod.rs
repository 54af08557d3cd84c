//! The fulfilment context: waves, picking by scan, packing, shipping and
//! tracking. Its operations and seed for the isolation sweeps and the
//! permission matrix.

mod flow;
mod manual_tracking;

use domain::platform::access::Permission::*;
use serde_json::{Value, json};
use silkport_tests::sweep::Needs::All;
use silkport_tests::sweep::{Operations, Seeded};
use silkport_tests::{Session, TestApp};

pub const OPERATIONS: Operations = &[
    (
        "node",
        All(&[FulfilmentRead]),
        "query($wave: ID!) { node(id: $wave) { id ... on Wave { status orderCount tasks { orderReference locationCode quantity } } } }",
    ),
    (
        "node",
        All(&[FulfilmentRead]),
        "query($pickTask: ID!) { node(id: $pickTask) { id ... on PickTask { orderReference skuCode locationCode quantity picked } } }",
    ),
    (
        "node",
        All(&[OrdersRead]),
        "query($carrierShipment: ID!) { node(id: $carrierShipment) { id ... on Shipment { carrier trackingNumber labelUrl events { status } } } }",
    ),
    (
        "node",
        All(&[OrdersRead]),
        "query($package: ID!) { node(id: $package) { id ... on Package { number weightGrams items { quantity } } } }",
    ),
    (
        "waves",
        All(&[FulfilmentRead]),
        "query { waves(first: 50) { totalCount nodes { id orderCount totalUnits tasks { orderReference locationCode } } } }",
    ),
    (
        "waves",
        All(&[FulfilmentRead]),
        "query($warehouse: ID!) { waves(first: 50, warehouseId: $warehouse, status: PICKING) { totalCount nodes { id nextTask { orderReference } } } }",
    ),
    (
        "orders",
        All(&[OrdersRead]),
        "query { orders(first: 50, status: SHIPPED) { nodes { reference packages { number weightGrams } shipments { trackingNumber labelUrl status events { status description } } } } }",
    ),
    (
        "waveCreate",
        All(&[FulfilmentWrite]),
        "mutation($warehouse: ID!) { waveCreate(input: {warehouseId: $warehouse, singleLineOnly: true, maxOrders: 5}) { wave { id } userErrors { code } } }",
    ),
    (
        "pickConfirm",
        All(&[FulfilmentWrite]),
        // A wrong location: refused for what it is by whoever may pick, changing nothing.
        "mutation($pickTask: ID!) { pickConfirm(input: {taskId: $pickTask, locationCode: \"Z-99\", barcode: \"4006381333931\"}) { task { picked } userErrors { code } } }",
    ),
    (
        "packageCreate",
        All(&[FulfilmentWrite]),
        "mutation($order: ID!) { packageCreate(input: {orderId: $order, items: [{barcode: \"4006381333931\", quantity: 1}], weightGrams: 300,
            dimensionsMm: {length: 200, width: 150, height: 50}}) { package { id } userErrors { code } } }",
    ),
    (
        "orderShip",
        All(&[FulfilmentWrite]),
        "mutation($order: ID!) { orderShip(input: {orderId: $order, carrier: MANUAL, trackingNumber: \"SWEEP-TRACK-1\"}) { userErrors { code } } }",
    ),
    (
        "shipmentTrackingReport",
        All(&[FulfilmentWrite]),
        "mutation($carrierShipment: ID!) { shipmentTrackingReport(input: {shipmentId: $carrierShipment, status: DELIVERED}) { order { status } userErrors { code } } }",
    ),
];

/// The victim's fulfilment, as its owner reads it.
pub const SNAPSHOT: &str = "waves(first: 5) { totalCount nodes { status orderCount pickedUnits } }
    shipped: orders(first: 5, status: SHIPPED) { nodes { reference status shipments { trackingNumber status } } }";

/// One merchant's shipped order, its package and shipment, as the tenant's owner reads them.
pub const OWNED_SNAPSHOT: &str =
    "shippedOrder: node(id: $shippedOrder) { ... on Order { status packages { id weightGrams }
    shipments { trackingNumber status } } }";

pub const OWNED_VARIABLES: &str = "$shippedOrder: ID!";

pub const CREATE_WAVE: &str = "mutation($input: WaveCreateInput!) { waveCreate(input: $input) {
    wave { id status orderCount totalUnits pickedUnits
      tasks { id orderId orderReference skuCode locationCode quantity picked done }
      nextTask { id orderReference skuCode locationCode quantity } }
    userErrors { field code message } } }";

pub const PICK: &str = "mutation($input: PickConfirmInput!) { pickConfirm(input: $input) {
    task { id picked done } wave { id status pickedUnits nextTask { id orderReference skuCode locationCode quantity } }
    userErrors { field code message } } }";

pub const PACK: &str = "mutation($input: PackageCreateInput!) { packageCreate(input: $input) {
    package { id number weightGrams dimensionsMm { length width height } items { sku { code } quantity } }
    order { id status }
    userErrors { field code message } } }";

pub const SHIP: &str = "mutation($input: OrderShipInput!) { orderShip(input: $input) {
    order { id status timeline { kind status detail }
      shipments { id carrier trackingNumber serviceLevel labelFormat labelUrl status events { status description occurredAt } } }
    userErrors { field code message } } }";

/// Runs `document` with `{input}` as `token`; returns the payload of `field`.
pub async fn call(app: &TestApp, token: &str, document: &str, field: &str, input: Value) -> Value {
    let response = app.gql(Some(token), document, json!({"input": input})).await;
    assert!(response["errors"].is_null(), "{response}");
    response["data"][field].clone()
}

/// Ships order `order` (allocated wholly in `warehouse`) through the
/// fulfilment API as the warehouse does ([`pack`]), with the simulated carrier.
pub async fn ship(app: &TestApp, token: &str, warehouse: &str, order: &str, barcode: &str) {
    pack(app, token, warehouse, order, barcode).await;
    let shipped = call(app, token, SHIP, "orderShip", json!({"orderId": order, "carrier": "SIMULATED"})).await;
    assert_eq!(shipped["order"]["status"], "SHIPPED", "{shipped}");
}

/// Packs order `order` (allocated wholly in `warehouse`) as the warehouse
/// does: a wave of it alone... or with whatever else waits there, every
/// task of it picked by scanning its location and `barcode`, one package.
pub async fn pack(app: &TestApp, token: &str, warehouse: &str, order: &str, barcode: &str) {
    let wave = call(app, token, CREATE_WAVE, "waveCreate", json!({"warehouseId": warehouse})).await;
    let tasks: Vec<Value> = wave["wave"]["tasks"].as_array().cloned().unwrap_or_default();
    let mut units = 0;
    for task in tasks.iter().filter(|t| t["orderId"] == order) {
        let quantity = task["quantity"].as_i64().unwrap_or(0);
        let picked = call(
            app,
            token,
            PICK,
            "pickConfirm",
            json!({"taskId": task["id"], "locationCode": task["locationCode"], "barcode": barcode, "quantity": quantity}),
        )
        .await;
        assert_eq!(picked["userErrors"], json!([]), "{picked}");
        units += quantity;
    }
    assert!(units > 0, "order {order} was not in the wave: {wave}");
    let packed = call(
        app,
        token,
        PACK,
        "packageCreate",
        json!({"orderId": order, "items": [{"barcode": barcode, "quantity": units}], "weightGrams": 400,
               "dimensionsMm": {"length": 250, "width": 200, "height": 40}}),
    )
    .await;
    assert_eq!(packed["order"]["status"], "PACKED", "{packed}");
}

/// In the seeded warehouse: an order FUL-1 of one unit, waved with the
/// orders seed's order, picked, packed and shipped with the simulated
/// carrier; the other order's task stays open. FUL-1's reference,
/// recipient and tracking number are secrets.
pub async fn seed(app: &TestApp, owner: &Session, ids: &Seeded) -> Seeded {
    let id = |name: &str| ids.ids[name].as_str().unwrap_or_default().to_owned();
    let token = owner.access_token.as_str();
    let slug = owner.email.split('@').nth(1).and_then(|d| d.split('.').next()).expect("slug in the owner's email");
    let reference = format!("{}-FUL-1", slug.to_uppercase());
    let recipient = format!("{slug} fulfilment recipient");
    let input = json!({"merchantId": id("merchant"), "reference": reference, "lines": [{"skuId": id("sku"), "quantity": 1}],
                       "shipTo": {"name": recipient, "line1": "200 Main St", "city": "Los Angeles", "region": "CA", "postalCode": "90001", "countryCode": "US"}});
    let made = app.gql(Some(token), crate::orders::intake::CREATE, json!({"input": input})).await;
    let order = made["data"]["orderCreate"]["order"]["id"].as_str().unwrap_or_else(|| panic!("order not made: {made}"));
    let wave = call(app, token, CREATE_WAVE, "waveCreate", json!({"warehouseId": id("warehouse")})).await;
    let tasks = wave["wave"]["tasks"].as_array().unwrap_or_else(|| panic!("no wave: {wave}")).clone();
    let (mine, open): (Vec<&Value>, Vec<&Value>) = tasks.iter().partition(|t| t["orderId"] == order);
    let task = mine[0];
    let picked = call(
        app,
        token,
        PICK,
        "pickConfirm",
        json!({"taskId": task["id"], "locationCode": task["locationCode"], "barcode": "4006381333931"}),
    )
    .await;
    assert_eq!(picked["userErrors"], json!([]), "{picked}");
    let packed = call(
        app,
        token,
        PACK,
        "packageCreate",
        json!({"orderId": order, "items": [{"barcode": "4006381333931", "quantity": 1}], "weightGrams": 400,
               "dimensionsMm": {"length": 250, "width": 200, "height": 40}}),
    )
    .await;
    assert_eq!(packed["order"]["status"], "PACKED", "{packed}");
    let shipped = call(app, token, SHIP, "orderShip", json!({"orderId": order, "carrier": "SIMULATED"})).await;
    let shipment = &shipped["order"]["shipments"][0];
    let mut seeded = Seeded::default();
    seeded.owned_id("shippedOrder", order);
    seeded.id("wave", wave["wave"]["id"].as_str().unwrap_or_default());
    seeded
        .id("pickTask", open.first().and_then(|t| t["id"].as_str()).unwrap_or_else(|| panic!("an open task: {wave}")));
    seeded.owned_id("package", packed["package"]["id"].as_str().unwrap_or_default());
    seeded.owned_id("carrierShipment", shipment["id"].as_str().unwrap_or_else(|| panic!("not shipped: {shipped}")));
    seeded.owned_secret(&reference);
    seeded.owned_secret(&recipient);
    seeded.owned_secret(shipment["trackingNumber"].as_str().unwrap_or_default());
    seeded
}
