//! Returns of shipped orders: announced by the merchant or the warehouse,
//! received by scan into quarantine (quality control, not sellable),
//! inspected unit by unit into restock, damaged or dispose — each a
//! ledger movement — and refused when they make no sense.

use serde_json::{Value, json};
use silkport_tests::TestApp;

use crate::fulfilment::ship;
use crate::orders::intake::{CREATE as ORDER, us_address};

pub const CREATE: &str = "mutation($input: ReturnCreateInput!) { returnCreate(input: $input) {
    return { id reference status lines { expected received } } userErrors { field code message } } }";
const RECEIVE: &str =
    "mutation($r: ID!, $b: String!, $q: Int) { returnReceive(input: {returnId: $r, barcode: $b, quantity: $q}) {
    return { status lines { received awaitingInspection } } userErrors { field code message } } }";
const INSPECT: &str = "mutation($r: ID!, $b: String!, $q: Int, $o: ReturnInspection!, $l: ID) {
    returnInspect(input: {returnId: $r, barcode: $b, quantity: $q, outcome: $o, toLocationId: $l}) {
    return { status lines { received restocked damaged disposed awaitingInspection } } userErrors { field code message } } }";
const LEVEL: &str = "query($s: ID!) { stockLevels(first: 1, skuId: $s) { nodes { onHand reserved damaged qualityControl available } } }";

fn error(payload: &Value) -> (String, String) {
    let e = &payload["userErrors"][0];
    let field = e["field"]
        .as_array()
        .map(|f| f.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("."))
        .unwrap_or_default();
    (field, e["code"].as_str().unwrap_or("").to_owned())
}

#[tokio::test]
async fn returned_units_wait_in_quarantine_and_inspection_sends_each_where_it_belongs() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    app.location_of(&owner, &site.warehouse, "QC", "QUARANTINE").await;
    app.adjust(token, &site.sku, &site.pick, 10).await;
    let placed = app
        .gql(Some(token), ORDER, json!({"input": {"merchantId": site.merchant, "reference": "R-1", "shipTo": us_address(), "lines": [{"skuId": site.sku, "quantity": 4}]}}))
        .await;
    let order = placed["data"]["orderCreate"]["order"]["id"].as_str().expect("order").to_owned();

    let early = app
        .gql(Some(token), CREATE, json!({"input": {"orderId": order, "lines": [{"skuId": site.sku, "quantity": 1}]}}))
        .await;
    assert_eq!(
        error(&early["data"]["returnCreate"]),
        ("input.orderId".into(), "INVALID".into()),
        "an unshipped order: {early}"
    );
    ship(&app, token, &site.warehouse, &order, "ACME-1").await;
    let too_many = app
        .gql(Some(token), CREATE, json!({"input": {"orderId": order, "lines": [{"skuId": site.sku, "quantity": 5}]}}))
        .await;
    assert_eq!(error(&too_many["data"]["returnCreate"]), ("input.lines.0.quantity".into(), "INVALID".into()));
    let made = app
        .gql(
            Some(token),
            CREATE,
            json!({"input": {"orderId": order, "reason": "wrong size", "lines": [{"skuId": site.sku, "quantity": 3}]}}),
        )
        .await;
    let rma = made["data"]["returnCreate"]["return"].clone();
    assert_eq!(
        (&rma["status"], &rma["lines"]),
        (&json!("REQUESTED"), &json!([{"expected": 3, "received": 0}])),
        "{made}"
    );
    assert!(rma["reference"].as_str().is_some_and(|r| r.starts_with("RMA-")));

    let wrong = app.gql(Some(token), RECEIVE, json!({"r": rma["id"], "b": "NOT-ON-IT"})).await;
    assert_eq!(error(&wrong["data"]["returnReceive"]), ("input.barcode".into(), "NOT_FOUND".into()));
    assert!(
        wrong["data"]["returnReceive"]["userErrors"][0]["message"].as_str().is_some_and(|m| m.contains("NOT-ON-IT"))
    );
    let too_many = app.gql(Some(token), RECEIVE, json!({"r": rma["id"], "b": "ACME-1", "q": 4})).await;
    assert_eq!(error(&too_many["data"]["returnReceive"]), ("input.quantity".into(), "INVALID".into()), "{too_many}");
    for _ in 0..3 {
        let scanned = app.gql(Some(token), RECEIVE, json!({"r": rma["id"], "b": "ACME-1"})).await;
        assert_eq!(scanned["data"]["returnReceive"]["userErrors"], json!([]), "{scanned}");
    }
    // 10 on hand, 4 shipped, 3 back in quarantine.
    let level = app.gql(Some(token), LEVEL, json!({"s": site.sku})).await;
    assert_eq!(
        level["data"]["stockLevels"]["nodes"][0]["qualityControl"], 3,
        "returned units are not sellable yet: {level}"
    );

    let restock =
        app.gql(Some(token), INSPECT, json!({"r": rma["id"], "b": "ACME-1", "o": "RESTOCK", "l": site.pick2})).await;
    assert_eq!(restock["data"]["returnInspect"]["userErrors"], json!([]), "{restock}");
    let damaged = app.gql(Some(token), INSPECT, json!({"r": rma["id"], "b": "ACME-1", "o": "DAMAGED"})).await;
    assert_eq!(damaged["data"]["returnInspect"]["userErrors"], json!([]), "{damaged}");
    let restock_wrong =
        app.gql(Some(token), INSPECT, json!({"r": rma["id"], "b": "ACME-1", "o": "RESTOCK", "l": site.damaged})).await;
    assert_eq!(error(&restock_wrong["data"]["returnInspect"]), ("input.toLocationId".into(), "INVALID".into()));
    let too_much = app.gql(Some(token), INSPECT, json!({"r": rma["id"], "b": "ACME-1", "q": 2, "o": "DISPOSE"})).await;
    assert_eq!(error(&too_much["data"]["returnInspect"]), ("input.quantity".into(), "INVALID".into()));
    let disposed = app.gql(Some(token), INSPECT, json!({"r": rma["id"], "b": "ACME-1", "o": "DISPOSE"})).await;
    assert_eq!(
        disposed["data"]["returnInspect"]["return"],
        json!({"status": "COMPLETED", "lines": [{"received": 3, "restocked": 1, "damaged": 1, "disposed": 1, "awaitingInspection": 0}]}),
        "{disposed}"
    );
    let level = app.gql(Some(token), LEVEL, json!({"s": site.sku})).await;
    assert_eq!(
        level["data"]["stockLevels"]["nodes"][0],
        json!({"onHand": 8, "reserved": 0, "damaged": 1, "qualityControl": 0, "available": 7}),
        "one restocked, one damaged, one gone: {level}"
    );
    let kinds = app
        .gql(Some(token), "query($r: String!) { stockMovements(first: 10, referenceType: \"Return\", referenceId: $r) { nodes { kind reason } } }",
             json!({"r": rma["id"].as_str().and_then(|g| g.rsplit('/').next())}))
        .await;
    assert_eq!(kinds["data"]["stockMovements"]["nodes"].as_array().map(Vec::len), Some(3 + 2 + 2 + 1), "{kinds}");
    let closed = app.gql(Some(token), RECEIVE, json!({"r": rma["id"], "b": "ACME-1"})).await;
    assert_eq!(error(&closed["data"]["returnReceive"]), ("input.returnId".into(), "INVALID".into()));
    let check = app.gql(Some(token), "{ inventoryCheck { ok } }", json!({})).await;
    assert_eq!(check["data"]["inventoryCheck"]["ok"], true, "{check}");
}

#[tokio::test]
async fn a_merchant_returns_its_own_orders_and_cannot_receive() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    app.adjust(token, &site.sku, &site.pick, 5).await;
    let placed = app
        .gql(Some(token), ORDER, json!({"input": {"merchantId": site.merchant, "reference": "R-2", "shipTo": us_address(), "lines": [{"skuId": site.sku, "quantity": 1}]}}))
        .await;
    let order = placed["data"]["orderCreate"]["order"]["id"].as_str().expect("order").to_owned();
    ship(&app, token, &site.warehouse, &order, "ACME-1").await;
    let merchant = app.merchant_member(&owner, "ops@acme.example.com", &site.merchant).await;
    let made = app
        .gql(
            Some(&merchant.access_token),
            CREATE,
            json!({"input": {"orderId": order, "lines": [{"skuId": site.sku, "quantity": 1}]}}),
        )
        .await;
    let rma = made["data"]["returnCreate"]["return"]["id"].clone();
    assert!(rma.is_string(), "{made}");
    let receive = app.gql(Some(&merchant.access_token), RECEIVE, json!({"r": rma, "b": "ACME-1"})).await;
    assert_eq!(receive["errors"][0]["extensions"]["code"], "FORBIDDEN", "the warehouse receives: {receive}");
    let listed = app.gql(Some(&merchant.access_token), "{ returns(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(listed["data"]["returns"]["totalCount"], 1);
}
