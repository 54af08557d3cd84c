//! The whole of fulfilment over HTTP: stock, allocated orders, a wave of
//! single-line orders, picking by scan in path order, packing, shipping
//! with the simulated carrier (a PDF label that parses and carries the
//! tracking number) and the manual one, the tracking worker delivering
//! the simulated shipment; and every bad scan or step refused, naming
//! what was wrong, with nothing changed. Cancelling after pick puts the
//! units back into their bins.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};
use silkport_tests::{Session, TestApp};
use tokio::sync::watch;
use workers::{Mailer, RunnerConfig, WakeSources};

use super::{CREATE_WAVE, PACK, PICK, SHIP, call};
use crate::orders::intake::{CREATE, us_address};

pub(super) const RED: &str = "4006381333931";
const BLUE: &str = "5901234123457";

pub(super) struct Site {
    pub merchant: String,
    pub red: String,
    pub blue: String,
    pub warehouse: String,
}

/// Merchant ACME's two SKUs (barcoded), warehouse LAX1 with pick faces
/// A-01 and C-01: 6 red units split between them, 4 blue at A-01.
pub(super) async fn site(app: &TestApp, owner: &Session) -> Site {
    let token = owner.access_token.as_str();
    let merchant = app.merchant(owner, "ACME").await;
    let product = app.product(token, &merchant, "acme-tee").await;
    let barcode = |code: &str| json!({"barcodes": [{"barcode": code, "kind": "GTIN_13"}]});
    let red = app.sku(token, &product, "TEE-RED", barcode(RED)).await;
    let blue = app.sku(token, &product, "TEE-BLUE", barcode(BLUE)).await;
    let warehouse = app.warehouse(owner, "LAX1").await;
    let c01 = app.location(owner, &warehouse, &["C", "01"]).await;
    let a01 = app.location(owner, &warehouse, &["A", "01"]).await;
    for (sku, location, units) in [(&red, &c01, 3), (&red, &a01, 3), (&blue, &a01, 4)] {
        let added = app.adjust(token, sku, location, units).await;
        assert_eq!(added["userErrors"], json!([]), "{added}");
    }
    Site { merchant, red, blue, warehouse }
}

pub(super) async fn order(app: &TestApp, token: &str, site: &Site, reference: &str, lines: Value) -> String {
    let input = json!({"merchantId": site.merchant, "reference": reference, "shipTo": us_address(), "lines": lines});
    let made = app.gql(Some(token), CREATE, json!({"input": input})).await;
    assert_eq!(made["data"]["orderCreate"]["order"]["status"], "ALLOCATED", "{made}");
    made["data"]["orderCreate"]["order"]["id"].as_str().expect("an order").to_owned()
}

pub(super) fn refused(payload: &Value, field: &str) -> String {
    let errors = payload["userErrors"].as_array().cloned().unwrap_or_default();
    assert_eq!(errors.len(), 1, "one user error: {payload}");
    assert_eq!(errors[0]["field"].as_array().and_then(|f| f.last()).cloned(), Some(json!(field)), "{payload}");
    errors[0]["message"].as_str().unwrap_or_default().to_owned()
}

/// Everything that must not move when a step is refused.
pub(super) async fn state(app: &TestApp, token: &str) -> Value {
    let read = "{ stockLevels(first: 10) { nodes { sku { code } onHand reserved available } }
                  waves(first: 10) { nodes { pickedUnits tasks { picked } } }
                  orders(first: 10) { nodes { reference status packages { number } shipments { trackingNumber } } } }";
    let answer = app.gql(Some(token), read, json!({})).await;
    assert!(answer["errors"].is_null(), "{answer}");
    answer["data"].clone()
}

pub(super) async fn order_view(app: &TestApp, token: &str, id: &str) -> Value {
    let read = "query($id: ID!) { node(id: $id) { ... on Order { reference status timeline { kind status detail }
        shipments { carrier trackingNumber status deliveredAt events { status description } } } } }";
    app.gql(Some(token), read, json!({"id": id})).await["data"]["node"].clone()
}

async fn get(app: &TestApp, token: &str, path: &str) -> (StatusCode, String, Vec<u8>) {
    let response = app.http.get(format!("{}{path}", app.url)).bearer_auth(token).send().await.expect("a label");
    let status = response.status();
    let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    (status, kind, response.bytes().await.expect("body").to_vec())
}

async fn check_ok(app: &TestApp, token: &str) {
    let check = app.gql(Some(token), "{ inventoryCheck { ok mismatches { quantityName } } }", json!({})).await;
    assert_eq!(check["data"]["inventoryCheck"]["ok"], true, "{check}");
}

#[tokio::test]
async fn orders_are_waved_picked_by_scan_packed_shipped_and_delivered() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = site(&app, &owner).await;
    let one_red = order(&app, token, &site, "SO-1", json!([{"skuId": site.red, "quantity": 4}])).await;
    let one_blue = order(&app, token, &site, "SO-2", json!([{"skuId": site.blue, "quantity": 1}])).await;
    let two_lines = order(
        &app,
        token,
        &site,
        "SO-3",
        json!([{"skuId": site.red, "quantity": 1}, {"skuId": site.blue, "quantity": 1}]),
    )
    .await;

    // A cut-off takes only orders placed before it today (warehouse time): none before midnight.
    let bad =
        call(&app, token, CREATE_WAVE, "waveCreate", json!({"warehouseId": site.warehouse, "cutoff": "4pm"})).await;
    assert!(refused(&bad, "cutoff").contains("HH:MM"), "{bad}");
    let early =
        call(&app, token, CREATE_WAVE, "waveCreate", json!({"warehouseId": site.warehouse, "cutoff": "00:00"})).await;
    refused(&early, "warehouseId");

    // A wave of the single-line orders: SO-3 stays ALLOCATED.
    let made = call(
        &app,
        token,
        CREATE_WAVE,
        "waveCreate",
        json!({"warehouseId": site.warehouse, "singleLineOnly": true, "carrier": "SIMULATED"}),
    )
    .await;
    assert_eq!(made["userErrors"], json!([]), "{made}");
    let wave = &made["wave"];
    assert_eq!((wave["orderCount"].as_i64(), wave["totalUnits"].as_i64()), (Some(2), Some(5)), "{made}");
    let path: Vec<(String, String, i64)> = wave["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| {
            (
                t["locationCode"].as_str().unwrap_or("").to_owned(),
                t["skuCode"].as_str().unwrap_or("").to_owned(),
                t["quantity"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    let codes: Vec<&str> = path.iter().map(|(code, _, _)| code.as_str()).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted, "the pick path runs by location code: {made}");
    assert_eq!(path.iter().filter(|(_, sku, _)| sku == "TEE-RED").map(|(_, _, q)| q).sum::<i64>(), 4);
    assert_eq!(path.len(), 3, "SO-1's four red units come from both faces, SO-2's blue from one: {path:?}");
    let statuses = app.gql(Some(token), "{ orders(first: 5) { nodes { reference status } } }", json!({})).await;
    assert_eq!(
        statuses["data"]["orders"]["nodes"],
        json!([{"reference": "SO-3", "status": "ALLOCATED"}, {"reference": "SO-2", "status": "PICKING"},
               {"reference": "SO-1", "status": "PICKING"}])
    );
    let first = wave["nextTask"].clone();
    assert_eq!(first["id"], wave["tasks"][0]["id"]);

    // Wrong scans are refused, naming both sides, and change nothing.
    let before = state(&app, token).await;
    let wrong_place =
        call(&app, token, PICK, "pickConfirm", json!({"taskId": first["id"], "locationCode": "Z-99", "barcode": RED}))
            .await;
    let message = refused(&wrong_place, "locationCode");
    assert!(message.contains("Z-99") && message.contains(first["locationCode"].as_str().unwrap_or("?")), "{message}");
    let other = if first["skuCode"] == "TEE-RED" { BLUE } else { RED };
    let wrong_item = call(
        &app,
        token,
        PICK,
        "pickConfirm",
        json!({"taskId": first["id"], "locationCode": first["locationCode"], "barcode": other}),
    )
    .await;
    let message = refused(&wrong_item, "barcode");
    assert!(message.contains(other) && message.contains(first["skuCode"].as_str().unwrap_or("?")), "{message}");
    let too_many = first["quantity"].as_i64().unwrap_or(0) + 1;
    let over = call(&app, token, PICK, "pickConfirm",
        json!({"taskId": first["id"], "locationCode": first["locationCode"], "barcode": first["skuCode"], "quantity": too_many})).await;
    refused(&over, "quantity");
    let early = call(
        &app,
        token,
        PACK,
        "packageCreate",
        json!({"orderId": one_red, "items": [{"barcode": RED, "quantity": 4}], "weightGrams": 900,
               "dimensionsMm": {"length": 300, "width": 200, "height": 100}}),
    )
    .await;
    assert!(refused(&early, "orderId").contains("still to pick"), "{early}");
    assert_eq!(state(&app, token).await, before, "refused steps changed something");

    // Pick in path order, a scan a unit, the next task coming up by itself.
    let mut next = first;
    let mut scans = 0;
    while next.is_object() {
        let barcode = if next["skuCode"] == "TEE-RED" { RED } else { "TEE-BLUE" };
        let location = next["locationCode"].as_str().unwrap_or_default().to_lowercase();
        let picked = call(
            &app,
            token,
            PICK,
            "pickConfirm",
            json!({"taskId": next["id"], "locationCode": location, "barcode": barcode}),
        )
        .await;
        assert_eq!(picked["userErrors"], json!([]), "{picked}");
        scans += 1;
        next = picked["wave"]["nextTask"].clone();
        if next.is_null() {
            assert_eq!(picked["wave"]["status"], "PICKED", "{picked}");
        }
    }
    assert_eq!(scans, 5, "one scan a unit");
    let levels = state(&app, token).await;
    let red = levels["stockLevels"]["nodes"]
        .as_array()
        .expect("levels")
        .iter()
        .find(|l| l["sku"]["code"] == "TEE-RED")
        .cloned()
        .expect("red");
    assert_eq!(red, json!({"sku": {"code": "TEE-RED"}, "onHand": 2, "reserved": 1, "available": 1}), "SO-3 keeps one");
    check_ok(&app, token).await;

    // Packing: what is packed must be what was picked.
    let pack = |order: &str, items: Value| {
        json!({"orderId": order, "items": items, "weightGrams": 1250,
                                                  "dimensionsMm": {"length": 300, "width": 200, "height": 100}})
    };
    let before = state(&app, token).await;
    let stranger =
        call(&app, token, PACK, "packageCreate", pack(&one_red, json!([{"barcode": BLUE, "quantity": 1}]))).await;
    assert!(refused(&stranger, "barcode").contains(BLUE), "{stranger}");
    let heaped =
        call(&app, token, PACK, "packageCreate", pack(&one_red, json!([{"barcode": RED, "quantity": 5}]))).await;
    assert!(refused(&heaped, "quantity").contains("TEE-RED"), "{heaped}");
    let unpacked_ship = call(&app, token, SHIP, "orderShip", json!({"orderId": one_red, "carrier": "SIMULATED"})).await;
    assert!(refused(&unpacked_ship, "orderId").contains("picking"), "{unpacked_ship}");
    assert_eq!(state(&app, token).await, before, "refused steps changed something");
    let part = call(&app, token, PACK, "packageCreate", pack(&one_red, json!([{"barcode": RED, "quantity": 3}]))).await;
    assert_eq!((part["package"]["number"].as_i64(), &part["order"]["status"]), (Some(1), &json!("PICKING")), "{part}");
    let rest =
        call(&app, token, PACK, "packageCreate", pack(&one_red, json!([{"skuId": site.red, "quantity": 1}]))).await;
    assert_eq!((rest["package"]["number"].as_i64(), &rest["order"]["status"]), (Some(2), &json!("PACKED")), "{rest}");
    let blue =
        call(&app, token, PACK, "packageCreate", pack(&one_blue, json!([{"barcode": "TEE-BLUE", "quantity": 1}])))
            .await;
    assert_eq!(blue["order"]["status"], "PACKED", "{blue}");

    // Shipping with the simulated carrier: a label per package. Shipped
    // "yesterday": the clock is moved back for this step only, so the
    // tracking worker later runs on the real clock, which PostgreSQL's
    // job claims compare with (this test's process alone moves its clock:
    // nextest runs each test in a process of its own).
    domain::platform::clock::advance(-chrono::Duration::hours(25));
    let shipped = call(&app, token, SHIP, "orderShip",
        json!({"orderId": one_red, "carrier": "SIMULATED", "serviceLevel": "EXPRESS", "labelFormat": "PDF", "idempotencyKey": "ship-so-1"})).await;
    // A retry within the key's day answers the first result.
    let again = call(&app, token, SHIP, "orderShip",
        json!({"orderId": one_red, "carrier": "SIMULATED", "serviceLevel": "EXPRESS", "labelFormat": "PDF", "idempotencyKey": "ship-so-1"})).await;
    domain::platform::clock::advance(chrono::Duration::hours(25));
    assert_eq!(shipped["userErrors"], json!([]), "{shipped}");
    assert_eq!(shipped["order"]["status"], "SHIPPED");
    let shipments = shipped["order"]["shipments"].as_array().cloned().expect("shipments");
    assert_eq!(shipments.len(), 2, "{shipped}");
    let number = shipments[0]["trackingNumber"].as_str().expect("a tracking number").to_owned();
    assert!(number.starts_with("SIM"), "{number}");
    let timeline = shipped["order"]["timeline"].as_array().expect("timeline");
    let kinds: Vec<&str> = timeline.iter().filter_map(|e| e["kind"].as_str()).collect();
    assert_eq!(kinds, ["RECEIVED", "ALLOCATED", "PICKING", "PICKED", "PACKED", "SHIPPED"]);
    assert!(timeline[5]["detail"].as_str().is_some_and(|d| d.contains(&number)), "{shipped}");
    assert_eq!(again["order"]["shipments"], shipped["order"]["shipments"], "a retry answers the first result");

    let url = shipments[0]["labelUrl"].as_str().expect("a label url");
    let (status, kind, pdf) = get(&app, token, url).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "application/pdf"));
    let document = lopdf::Document::load_mem(&pdf).expect("the label parses");
    let page = *document.get_pages().values().next().expect("a page");
    let content = String::from_utf8_lossy(&document.get_page_content(page)).into_owned();
    assert!(content.contains(&format!("({number}) Tj")), "{content}");
    let outsider = app.signup("beta").await;
    let (status, _, _) = get(&app, &outsider.access_token, url).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another tenant's label is not found");
    let own = app.merchant_member(&owner, "packer@acme.example.com", &site.merchant).await;
    let (status, _, _) = get(&app, &own.access_token, url).await;
    assert_eq!(status, StatusCode::OK, "the merchant fetches its own order's label");
    let rival = app.merchant(&owner, "RIVAL").await;
    let rival = app.merchant_member(&owner, "seller@rival.example.com", &rival).await;
    let (status, _, _) = get(&app, &rival.access_token, url).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another merchant's label is not found");

    // The manual carrier takes the number the operator typed; no label.
    let typed =
        json!({"orderId": one_blue, "carrier": "MANUAL", "trackingNumber": "1Z999AA10123456784", "labelFormat": "ZPL"});
    let missing = call(&app, token, SHIP, "orderShip", json!({"orderId": one_blue, "carrier": "MANUAL"})).await;
    refused(&missing, "trackingNumber");
    let manual = call(&app, token, SHIP, "orderShip", typed).await;
    assert_eq!(manual["order"]["shipments"][0]["trackingNumber"], "1Z999AA10123456784", "{manual}");
    assert_eq!(manual["order"]["shipments"][0]["labelUrl"], Value::Null);

    // A shipped order cannot be cancelled.
    let cancel =
        "mutation($id: ID!) { orderCancel(input: {id: $id}) { order { status } userErrors { field code message } } }";
    let late = app.gql(Some(token), cancel, json!({"id": one_red})).await;
    assert!(
        late["data"]["orderCancel"]["userErrors"][0]["message"].as_str().is_some_and(|m| m.contains("shipped")),
        "{late}"
    );

    // SO-3, waved, half picked, then cancelled: the picked unit goes back to its bin.
    let second = call(&app, token, CREATE_WAVE, "waveCreate", json!({"warehouseId": site.warehouse})).await;
    let tasks = second["wave"]["tasks"].as_array().cloned().expect("tasks");
    assert_eq!(tasks.len(), 2, "{second}");
    let red_task = tasks.iter().find(|t| t["skuCode"] == "TEE-RED").expect("a red task");
    let picked = call(
        &app,
        token,
        PICK,
        "pickConfirm",
        json!({"taskId": red_task["id"], "locationCode": red_task["locationCode"], "barcode": RED}),
    )
    .await;
    assert_eq!(picked["userErrors"], json!([]), "{picked}");
    let bins = "query($s: ID!) { binStocks(first: 10, skuId: $s) { nodes { location { code } onHand } } }";
    let red_bins = app.gql(Some(token), bins, json!({"s": site.red})).await;
    let cancelled = app.gql(Some(token), cancel, json!({"id": two_lines})).await;
    assert_eq!(cancelled["data"]["orderCancel"]["order"]["status"], "CANCELLED", "{cancelled}");
    let back = app.gql(Some(token), bins, json!({"s": site.red})).await;
    let units = |answer: &Value, code: &Value| -> i64 {
        answer["data"]["binStocks"]["nodes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|b| &b["location"]["code"] == code)
            .map(|b| b["onHand"].as_i64().unwrap_or(0))
            .sum()
    };
    assert_eq!(units(&back, &red_task["locationCode"]), units(&red_bins, &red_task["locationCode"]) + 1, "{back}");
    let levels = state(&app, token).await;
    for level in levels["stockLevels"]["nodes"].as_array().expect("levels") {
        assert_eq!(level["reserved"], 0, "nothing stays reserved for a cancelled order: {levels}");
    }
    let movements =
        app.gql(Some(token), "{ stockMovements(first: 5) { nodes { kind reason delta } } }", json!({})).await;
    assert!(movements.to_string().contains("cancelled after pick"), "{movements}");
    check_ok(&app, token).await;

    // The tracking worker: an express shipment shipped 25 hours ago is delivered.
    let mailer = Mailer::outbox(app.dir.join("outbox"), "Silkport <no-reply@silkport.test>").expect("outbox");
    let config = RunnerConfig { poll_interval: Duration::from_millis(100), ..RunnerConfig::default() };
    let runner = workers::standard_runner(&app.state.db, config, mailer, WakeSources { postgres: false, redis: None });
    let (stop, stopped) = watch::channel(false);
    let running = tokio::spawn(runner.run(stopped));
    // The job written at ship time runs at once; the schedule would within a minute.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
    let delivered = loop {
        let now = order_view(&app, token, &one_red).await;
        if now["status"] == "DELIVERED" || tokio::time::Instant::now() > deadline {
            break now;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    stop.send(true).ok();
    running.await.ok();
    assert_eq!(delivered["status"], "DELIVERED", "{delivered}");
    let events: Vec<&str> = delivered["shipments"][0]["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["status"].as_str())
        .collect();
    assert_eq!(events, ["LABEL_CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED"], "{delivered}");
    assert_eq!(delivered["shipments"][0]["events"][4]["description"], "Delivered.");
    assert_eq!(
        delivered["timeline"].as_array().and_then(|t| t.last()).map(|e| e["kind"].clone()),
        Some(json!("DELIVERED"))
    );
    let manual = order_view(&app, token, &one_blue).await;
    assert_eq!(manual["status"], "SHIPPED", "a manual shipment has no tracking feed");
    check_ok(&app, token).await;
}
