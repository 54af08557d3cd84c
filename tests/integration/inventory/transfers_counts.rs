//! Transfers between warehouses (in transit as `incoming`, received or
//! cancelled) and cycle counts (blind, counted by one person, approved by
//! another before the ledger changes).

use serde_json::{Value, json};
use silkport_tests::TestApp;

const SEND: &str = "mutation($input: StockTransferCreateInput!) { stockTransferCreate(input: $input) {
    stockTransfer { id status lines { quantity fromLocation { code } } } userErrors { field code message } } }";
const LEVELS: &str =
    "query($s: ID!) { stockLevels(first: 5, skuId: $s) { nodes { warehouse { code } onHand incoming available } } }";
const CHECK: &str = "{ inventoryCheck { ok } }";

fn levels(answer: &Value) -> Vec<(String, i64, i64)> {
    let mut found: Vec<(String, i64, i64)> = answer["data"]["stockLevels"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| {
            (
                l["warehouse"]["code"].as_str().unwrap_or("").to_owned(),
                l["onHand"].as_i64().unwrap_or(-1),
                l["incoming"].as_i64().unwrap_or(-1),
            )
        })
        .collect();
    found.sort();
    found
}

fn error_of(payload: &Value) -> (String, String) {
    let e = &payload["userErrors"][0];
    (
        e["field"]
            .as_array()
            .map(|f| f.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("."))
            .unwrap_or_default(),
        e["code"].as_str().unwrap_or("").to_owned(),
    )
}

#[tokio::test]
async fn a_transfer_is_incoming_at_its_destination_until_received_or_cancelled() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    let other = app.stock_site(&owner, "BETA").await;
    let (fra, fra_pick) = app.warehouse_in(&owner, "FRA1", "DE").await;
    let fra_dock = app.location_of(&owner, &fra, "RCV", "RECEIVING").await;
    app.adjust(token, &site.sku, &site.pick, 10).await;
    app.adjust(token, &other.sku, &other.pick, 3).await;

    let input = |reference: &str, quantity: i64| {
        json!({"input": {"reference": reference, "toWarehouseId": fra,
        "lines": [{"skuId": site.sku, "fromLocationId": site.pick, "quantity": quantity}]}})
    };
    let sent = app.gql(Some(token), SEND, input("TR-1", 4)).await;
    let transfer = sent["data"]["stockTransferCreate"]["stockTransfer"].clone();
    assert_eq!(transfer["status"], "IN_TRANSIT", "{sent}");
    assert_eq!(
        levels(&app.gql(Some(token), LEVELS, json!({"s": site.sku})).await),
        [("ACME-W".into(), 6, 0), ("FRA1".into(), 0, 4)]
    );

    let wrong = app
        .gql(Some(token), "mutation($id: ID!, $l: ID!) { stockTransferReceive(input: {id: $id, toLocationId: $l}) { userErrors { field code } } }",
             json!({"id": transfer["id"], "l": fra_pick}))
        .await;
    assert_eq!(
        error_of(&wrong["data"]["stockTransferReceive"]),
        ("input.toLocationId".into(), "INVALID".into()),
        "{wrong}"
    );
    let received = app
        .gql(Some(token), "mutation($id: ID!, $l: ID!) { stockTransferReceive(input: {id: $id, toLocationId: $l}) { stockTransfer { status lines { toLocation { code } } } userErrors { code } } }",
             json!({"id": transfer["id"], "l": fra_dock}))
        .await;
    assert_eq!(
        received["data"]["stockTransferReceive"]["stockTransfer"],
        json!({"status": "RECEIVED", "lines": [{"toLocation": {"code": "RCV"}}]}),
        "{received}"
    );
    assert_eq!(
        levels(&app.gql(Some(token), LEVELS, json!({"s": site.sku})).await),
        [("ACME-W".into(), 6, 0), ("FRA1".into(), 4, 0)]
    );
    let twice = app
        .gql(Some(token), "mutation($id: ID!, $l: ID!) { stockTransferReceive(input: {id: $id, toLocationId: $l}) { userErrors { field code } } }",
             json!({"id": transfer["id"], "l": fra_dock}))
        .await;
    assert_eq!(error_of(&twice["data"]["stockTransferReceive"]), ("input.id".into(), "INVALID".into()));

    let second = app.gql(Some(token), SEND, input("TR-2", 5)).await;
    let cancelled = app
        .gql(Some(token), "mutation($id: ID!) { stockTransferCancel(input: {id: $id}) { stockTransfer { status } userErrors { code } } }",
             json!({"id": second["data"]["stockTransferCreate"]["stockTransfer"]["id"]}))
        .await;
    assert_eq!(cancelled["data"]["stockTransferCancel"]["stockTransfer"]["status"], "CANCELLED", "{cancelled}");
    assert_eq!(
        levels(&app.gql(Some(token), LEVELS, json!({"s": site.sku})).await),
        [("ACME-W".into(), 6, 0), ("FRA1".into(), 4, 0)]
    );

    let too_many = app.gql(Some(token), SEND, input("TR-3", 7)).await;
    assert_eq!(error_of(&too_many["data"]["stockTransferCreate"]).1, "INSUFFICIENT_STOCK", "{too_many}");
    let taken = app.gql(Some(token), SEND, input("TR-1", 1)).await;
    assert_eq!(error_of(&taken["data"]["stockTransferCreate"]), ("input.reference".into(), "TAKEN".into()));
    let mixed = app
        .gql(Some(token), SEND, json!({"input": {"reference": "TR-4", "toWarehouseId": fra, "lines": [
            {"skuId": site.sku, "fromLocationId": site.pick, "quantity": 1}, {"skuId": other.sku, "fromLocationId": site.pick, "quantity": 1}]}}))
        .await;
    assert_eq!(
        error_of(&mixed["data"]["stockTransferCreate"]),
        ("input.lines.1.skuId".into(), "INVALID".into()),
        "{mixed}"
    );
    let home = app
        .gql(Some(token), SEND, json!({"input": {"reference": "TR-5", "toWarehouseId": site.warehouse, "lines": [{"skuId": site.sku, "fromLocationId": site.pick, "quantity": 1}]}}))
        .await;
    assert_eq!(error_of(&home["data"]["stockTransferCreate"]), ("input.toWarehouseId".into(), "INVALID".into()));
    assert_eq!(
        levels(&app.gql(Some(token), LEVELS, json!({"s": site.sku})).await),
        [("ACME-W".into(), 6, 0), ("FRA1".into(), 4, 0)],
        "refusals changed nothing"
    );
    assert_eq!(app.gql(Some(token), CHECK, json!({})).await["data"]["inventoryCheck"]["ok"], true);
}

const LIST: &str = "query($status: TransferStatus, $merchant: ID, $from: ID, $to: ID, $q: String) {
    stockTransfers(first: 10, status: $status, merchantId: $merchant, fromWarehouseId: $from, toWarehouseId: $to, query: $q) {
    totalCount nodes { reference status merchant { code } lines { quantity } } } }";

/// The references a `stockTransfers` answer lists, in its order, and its total.
fn listed(answer: &Value) -> (Vec<String>, i64) {
    let list = &answer["data"]["stockTransfers"];
    let references = list["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| n["reference"].as_str().unwrap_or("").to_owned())
        .collect();
    (references, list["totalCount"].as_i64().unwrap_or(-1))
}

#[tokio::test]
async fn transfers_are_listed_newest_first_filtered_and_a_merchant_sees_its_own_only() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    let other = app.stock_site(&owner, "BETA").await;
    let (fra, _) = app.warehouse_in(&owner, "FRA1", "DE").await;
    let fra_dock = app.location_of(&owner, &fra, "RCV", "RECEIVING").await;
    app.adjust(token, &site.sku, &site.pick, 10).await;
    app.adjust(token, &other.sku, &other.pick, 10).await;
    let send = |reference: &str, sku: &str, from: &str| {
        json!({"input": {"reference": reference, "toWarehouseId": fra,
        "lines": [{"skuId": sku, "fromLocationId": from, "quantity": 2}]}})
    };
    let first = app.gql(Some(token), SEND, send("TR-1", &site.sku, &site.pick)).await;
    app.gql(Some(token), SEND, send("tr-2", &site.sku, &site.pick)).await;
    app.gql(Some(token), SEND, send("BETA-9", &other.sku, &other.pick)).await;
    let received = app
        .gql(Some(token), "mutation($id: ID!, $l: ID!) { stockTransferReceive(input: {id: $id, toLocationId: $l}) { userErrors { code } } }",
             json!({"id": first["data"]["stockTransferCreate"]["stockTransfer"]["id"], "l": fra_dock}))
        .await;
    assert_eq!(received["data"]["stockTransferReceive"]["userErrors"], json!([]), "{received}");

    let all = app.gql(Some(token), LIST, json!({})).await;
    assert_eq!(listed(&all), (vec!["BETA-9".into(), "tr-2".into(), "TR-1".into()], 3), "{all}");
    assert_eq!(all["data"]["stockTransfers"]["nodes"][2]["status"], "RECEIVED");
    let in_transit = app.gql(Some(token), LIST, json!({"status": "IN_TRANSIT", "to": fra})).await;
    assert_eq!(listed(&in_transit), (vec!["BETA-9".into(), "tr-2".into()], 2), "{in_transit}");
    let by_reference = app.gql(Some(token), LIST, json!({"q": " Tr"})).await;
    assert_eq!(listed(&by_reference), (vec!["tr-2".into(), "TR-1".into()], 2), "a prefix, without regard to case");
    let literal = app.gql(Some(token), LIST, json!({"q": "TR_"})).await;
    assert_eq!(listed(&literal), (vec![], 0), "`_` is taken literally: {literal}");
    let from_beta = app.gql(Some(token), LIST, json!({"from": other.warehouse, "merchant": other.merchant})).await;
    assert_eq!(listed(&from_beta), (vec!["BETA-9".into()], 1));
    let nowhere = app.gql(Some(token), LIST, json!({"from": fra})).await;
    assert_eq!(listed(&nowhere), (vec![], 0));

    let seller = app.merchant_member(&owner, "seller@alpha.example.com", &other.merchant).await;
    let own = app.gql(Some(&seller.access_token), LIST, json!({})).await;
    assert_eq!(listed(&own), (vec!["BETA-9".into()], 1), "a merchant sees its own transfers only: {own}");
    let asked = app.gql(Some(&seller.access_token), LIST, json!({"merchant": site.merchant})).await;
    assert_eq!(listed(&asked), (vec![], 0), "naming another merchant shows nothing of it: {asked}");
    let wrong = app.gql(Some(token), LIST, json!({"from": site.merchant})).await;
    assert!(wrong["errors"][0]["message"].as_str().is_some_and(|m| m.contains("Warehouse")), "{wrong}");
}

const CREATE_COUNT: &str = "mutation($l: ID!) { cycleCountCreate(input: {locationId: $l}) {
    countTask { id status blind lines { expected counted sku { id code } location { id } } } userErrors { field code } } }";
const SUBMIT: &str =
    "mutation($id: ID!, $lines: [CycleCountLineInput!]!) { cycleCountSubmit(input: {id: $id, lines: $lines}) {
    countTask { status lines { expected counted variance } } userErrors { field code } } }";
const DECIDE: &str = "mutation($id: ID!, $a: Boolean!) { cycleCountDecide(input: {id: $id, approve: $a}) {
    countTask { status countedBy decidedBy } userErrors { field code message } } }";

#[tokio::test]
async fn a_blind_count_changes_the_ledger_only_once_someone_else_approves_it() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let site = app.stock_site(&owner, "ACME").await;
    app.adjust(&owner.access_token, &site.sku, &site.pick, 10).await;
    let counter = app.member(&owner, "counter@alpha.example.com", "OPERATOR").await;
    let made = app.gql(Some(&counter.access_token), CREATE_COUNT, json!({"l": site.pick})).await;
    let task = made["data"]["cycleCountCreate"]["countTask"].clone();
    assert_eq!((&task["status"], &task["blind"]), (&json!("OPEN"), &json!(true)), "{made}");
    assert_eq!(task["lines"][0]["expected"], Value::Null, "a blind count hides what is expected: {made}");

    let incomplete = app.gql(Some(&counter.access_token), SUBMIT, json!({"id": task["id"], "lines": []})).await;
    assert_eq!(error_of(&incomplete["data"]["cycleCountSubmit"]), ("input.lines".into(), "INVALID".into()));
    let found = json!([{"skuId": site.sku, "locationId": site.pick, "counted": 8}]);
    let submitted = app.gql(Some(&counter.access_token), SUBMIT, json!({"id": task["id"], "lines": found})).await;
    assert_eq!(
        submitted["data"]["cycleCountSubmit"]["countTask"],
        json!({"status": "COUNTED", "lines": [{"expected": 10, "counted": 8, "variance": -2}]}),
        "{submitted}"
    );
    let level = app.gql(Some(&owner.access_token), LEVELS, json!({"s": site.sku})).await;
    assert_eq!(levels(&level), [("ACME-W".into(), 10, 0)], "nothing changes before approval");

    let by_counter = app.gql(Some(&counter.access_token), DECIDE, json!({"id": task["id"], "a": true})).await;
    assert_eq!(
        by_counter["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "operators count, owners and admins approve: {by_counter}"
    );
    let approved = app.gql(Some(&owner.access_token), DECIDE, json!({"id": task["id"], "a": true})).await;
    let decided = &approved["data"]["cycleCountDecide"]["countTask"];
    assert_eq!(decided["status"], "APPROVED", "{approved}");
    assert_ne!(decided["countedBy"], decided["decidedBy"]);
    let level = app.gql(Some(&owner.access_token), LEVELS, json!({"s": site.sku})).await;
    assert_eq!(levels(&level), [("ACME-W".into(), 8, 0)]);
    let movements = app
        .gql(
            Some(&owner.access_token),
            "query($s: ID!) { stockMovements(first: 1, skuId: $s) { nodes { kind delta reason referenceType } } }",
            json!({"s": site.sku}),
        )
        .await;
    assert_eq!(
        movements["data"]["stockMovements"]["nodes"][0],
        json!({"kind": "COUNT", "delta": -2, "reason": "cycle_count", "referenceType": "CountTask"})
    );

    // The owner counts and cannot approve their own count; a rejection opens it again.
    let own = app.gql(Some(&owner.access_token), CREATE_COUNT, json!({"l": site.pick})).await;
    let own_id = own["data"]["cycleCountCreate"]["countTask"]["id"].clone();
    let found = json!([{"skuId": site.sku, "locationId": site.pick, "counted": 8}]);
    app.gql(Some(&owner.access_token), SUBMIT, json!({"id": own_id, "lines": found})).await;
    let self_approved = app.gql(Some(&owner.access_token), DECIDE, json!({"id": own_id, "a": true})).await;
    assert_eq!(
        error_of(&self_approved["data"]["cycleCountDecide"]),
        ("input.id".into(), "INVALID".into()),
        "{self_approved}"
    );
    let admin = app.member(&owner, "admin@alpha.example.com", "ADMIN").await;
    let rejected = app.gql(Some(&admin.access_token), DECIDE, json!({"id": own_id, "a": false})).await;
    assert_eq!(rejected["data"]["cycleCountDecide"]["countTask"]["status"], "OPEN", "{rejected}");
    assert_eq!(app.gql(Some(&owner.access_token), CHECK, json!({})).await["data"]["inventoryCheck"]["ok"], true);
}
