//! Inbound shipments end to end: announcing raises `incoming`, scanning
//! units in (one scan a unit, or a quantity; damaged; over) counts each
//! line, putaway follows the suggested location, closing settles SHORT,
//! OVER and DAMAGED and withdraws what never came, and the ledger stays
//! whole. Bad input is refused, naming what is wrong, and changes nothing;
//! a merchant sees its own shipments only and cannot receive.

use serde_json::{Value, json};
use silkport_tests::{Session, TestApp};

use super::announce;

const RECEIVE: &str = "mutation($input: InboundReceiveInput!) { inboundReceive(input: $input) {
    inboundShipment { status receivedUnits progress }
    line { id expected received damaged putAway discrepancy }
    userErrors { field code message } } }";

const PUTAWAY: &str = "mutation($input: InboundPutawayInput!) { inboundPutaway(input: $input) {
    line { received damaged putAway awaitingPutaway } userErrors { field code message } } }";

const SHIPMENT: &str = "query($id: ID!) { node(id: $id) { ... on InboundShipment { reference status expectedUnits
    receivedUnits damagedUnits putAwayUnits progress hasDiscrepancies
    lines { id sku { code } expected received damaged putAway awaitingPutaway shortUnits overUnits discrepancy
            suggestedPutawayLocation { code } } } } }";

const LEVELS: &str = "{ stockLevels(first: 20) { nodes { sku { code } onHand damaged incoming available } } }";

fn errors(payload: &Value) -> Vec<(String, String)> {
    payload["userErrors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| (e["field"][1].as_str().unwrap_or("").to_owned(), e["code"].as_str().unwrap_or("").to_owned()))
        .collect()
}

/// `{code: [onHand, damaged, incoming, available]}` of every level.
async fn levels(app: &TestApp, token: &str) -> Value {
    let read = app.gql(Some(token), LEVELS, json!({})).await;
    let mut by_code = serde_json::Map::new();
    for level in read["data"]["stockLevels"]["nodes"].as_array().into_iter().flatten() {
        let code = level["sku"]["code"].as_str().unwrap_or_default().to_owned();
        by_code.insert(code, json!([level["onHand"], level["damaged"], level["incoming"], level["available"]]));
    }
    Value::Object(by_code)
}

async fn receive(app: &TestApp, token: &str, input: Value) -> Value {
    app.gql(Some(token), RECEIVE, json!({"input": input})).await["data"]["inboundReceive"].clone()
}

async fn shipment(app: &TestApp, token: &str, id: &str) -> Value {
    app.gql(Some(token), SHIPMENT, json!({"id": id})).await["data"]["node"].clone()
}

/// A SKU `code` of `product` with barcodes `barcodes` (`[barcode, kind]`).
async fn sku(app: &TestApp, owner: &Session, product: &str, code: &str, barcodes: &[(&str, &str)]) -> String {
    let barcodes: Vec<Value> = barcodes.iter().map(|(b, k)| json!({"barcode": b, "kind": k})).collect();
    app.sku(&owner.access_token, product, code, json!({"barcodes": barcodes})).await
}

#[tokio::test]
async fn receiving_by_scan_counts_each_line_and_closing_settles_short_over_and_damaged() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    let product = app.product(token, &site.merchant, "acme-more").await;
    let gtin = sku(&app, &owner, &product, "ACME-2", &[("4006381333931", "GTIN_13")]).await;
    let internal = sku(&app, &owner, &product, "ACME-3", &[("ACME-3-BC", "INTERNAL")]).await;

    let made = announce(
        &app,
        token,
        json!({"merchantId": site.merchant, "warehouseId": site.warehouse, "reference": "PO-2026-001", "mode": "RAIL",
               "containerNumber": "tghu1234567", "carrierName": "China Railway Express", "eta": "2026-12-24", "cartons": 12,
               "lines": [{"skuId": site.sku, "expected": 3}, {"skuId": gtin, "expected": 5}, {"skuId": internal, "expected": 4}]}),
    )
    .await;
    assert_eq!(made["userErrors"], json!([]), "{made}");
    let asn = made["inboundShipment"]["id"].as_str().expect("an ASN").to_owned();
    assert_eq!(made["inboundShipment"]["status"], "IN_TRANSIT");
    assert_eq!(made["inboundShipment"]["expectedUnits"], 12);
    assert_eq!(
        levels(&app, token).await,
        json!({"ACME-1": [0, 0, 3, 0], "ACME-2": [0, 0, 5, 0], "ACME-3": [0, 0, 4, 0]}),
        "announcing raises incoming"
    );

    // ACME-1 by its code, one scan per unit; the third unit is damaged.
    for _ in 0..2 {
        let scanned = receive(&app, token, json!({"shipmentId": asn, "barcode": "ACME-1"})).await;
        assert_eq!(scanned["userErrors"], json!([]), "{scanned}");
    }
    let damaged = receive(&app, token, json!({"shipmentId": asn, "barcode": "ACME-1", "damaged": true})).await;
    assert_eq!(damaged["line"]["received"], 3, "{damaged}");
    assert_eq!(damaged["line"]["damaged"], 1, "{damaged}");
    assert_eq!(damaged["inboundShipment"]["status"], "RECEIVING");
    // ACME-2 by its GTIN with leading zeros, four of five.
    let gtin_scan = receive(&app, token, json!({"shipmentId": asn, "barcode": "04006381333931", "quantity": 4})).await;
    assert_eq!(gtin_scan["line"]["received"], 4, "{gtin_scan}");
    // ACME-3: six of four, an over-receipt, into a named receiving location.
    let over = receive(
        &app,
        token,
        json!({"shipmentId": asn, "barcode": "ACME-3-BC", "quantity": 6, "locationId": site.receiving}),
    )
    .await;
    assert_eq!(over["userErrors"], json!([]), "{over}");
    assert_eq!(over["line"]["discrepancy"], "OVER");
    assert_eq!(over["inboundShipment"]["receivedUnits"], 13);
    assert_eq!(
        levels(&app, token).await,
        json!({"ACME-1": [3, 1, 0, 2], "ACME-2": [4, 0, 1, 4], "ACME-3": [6, 0, 0, 6]}),
        "received units are on hand, damaged ones apart; only expected ones leave incoming"
    );

    let read = shipment(&app, token, &asn).await;
    let lines = read["lines"].as_array().cloned().unwrap_or_default();
    // Nothing is stored yet: the first empty PICK location by code.
    assert_eq!(lines[1]["suggestedPutawayLocation"], json!({"code": "A"}), "{read}");
    let line2 = lines[1]["id"].as_str().expect("line id").to_owned();
    let put = app
        .gql(
            Some(token),
            PUTAWAY,
            json!({"input": {"shipmentId": asn, "lineId": line2, "quantity": 4, "toLocationId": site.pick}}),
        )
        .await;
    assert_eq!(
        put["data"]["inboundPutaway"],
        json!({"line": {"received": 4, "damaged": 0, "putAway": 4, "awaitingPutaway": 0}, "userErrors": []}),
        "{put}"
    );
    let read = shipment(&app, token, &asn).await;
    assert_eq!(read["lines"][2]["suggestedPutawayLocation"], json!({"code": "B"}), "A holds another SKU now: {read}");
    let put = app
        .gql(
            Some(token),
            PUTAWAY,
            json!({"input": {"shipmentId": asn, "skuId": internal, "quantity": 6, "toLocationId": site.pick2}}),
        )
        .await;
    assert_eq!(put["data"]["inboundPutaway"]["userErrors"], json!([]), "{put}");
    let read = shipment(&app, token, &asn).await;
    assert_eq!(read["lines"][2]["suggestedPutawayLocation"], json!({"code": "B"}), "where the SKU is: {read}");

    let closed = app
        .gql(
            Some(token),
            "mutation($id: ID!) { inboundClose(input: {id: $id}) { inboundShipment { status closedAt lines { discrepancy } } userErrors { code } } }",
            json!({"id": asn}),
        )
        .await;
    let closed = &closed["data"]["inboundClose"];
    assert_eq!(closed["userErrors"], json!([]), "{closed}");
    assert_eq!(closed["inboundShipment"]["status"], "RECEIVED");
    assert!(closed["inboundShipment"]["closedAt"].is_string(), "{closed}");
    let read = shipment(&app, token, &asn).await;
    let summary: Vec<Value> = read["lines"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| {
            json!([l["sku"]["code"], l["discrepancy"], l["shortUnits"], l["overUnits"], l["damaged"], l["putAway"]])
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            json!(["ACME-1", "DAMAGED", 0, 0, 1, 0]),
            json!(["ACME-2", "SHORT", 1, 0, 0, 4]),
            json!(["ACME-3", "OVER", 0, 2, 0, 6])
        ],
        "{read}"
    );
    assert_eq!(read["hasDiscrepancies"], true);
    assert_eq!(read["progress"], json!(13.0 / 12.0));
    assert_eq!(
        levels(&app, token).await,
        json!({"ACME-1": [3, 1, 0, 2], "ACME-2": [4, 0, 0, 4], "ACME-3": [6, 0, 0, 6]}),
        "closing withdraws what never came"
    );

    let uuid = asn.rsplit('/').next().expect("uuid");
    let ledger = app
        .gql(
            Some(token),
            "query($id: String!) { stockMovements(first: 50, referenceType: \"InboundShipment\", referenceId: $id) { nodes { kind quantityName delta } } }",
            json!({"id": uuid}),
        )
        .await;
    let kinds: Vec<String> = ledger["data"]["stockMovements"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            format!("{} {} {}", m["kind"].as_str().unwrap_or(""), m["quantityName"].as_str().unwrap_or(""), m["delta"])
        })
        .collect();
    assert!(kinds.contains(&"EXPECTED INCOMING 5".to_owned()), "{kinds:?}");
    assert!(kinds.contains(&"RECEIPT ON_HAND 6".to_owned()), "{kinds:?}");
    assert!(kinds.contains(&"PUTAWAY ON_HAND 4".to_owned()), "{kinds:?}");
    assert!(kinds.contains(&"EXPECTED INCOMING -1".to_owned()), "the short unit withdrawn: {kinds:?}");

    let check =
        app.gql(Some(token), "{ inventoryCheck { ok mismatches { invariant quantityName } } }", json!({})).await;
    assert_eq!(check["data"]["inventoryCheck"], json!({"ok": true, "mismatches": []}), "{check}");
}

/// What must not move when input is refused.
async fn state(app: &TestApp, token: &str, asn: &str) -> Value {
    let movements = app.gql(Some(token), "{ stockMovements(first: 100) { nodes { id } } }", json!({})).await;
    json!({"shipment": shipment(app, token, asn).await, "levels": levels(app, token).await,
           "movements": movements["data"]["stockMovements"]["nodes"].as_array().map(Vec::len)})
}

#[tokio::test]
async fn bad_input_is_refused_by_name_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    let other = app.stock_site(&owner, "OTHER").await;
    let other_product = app.product(token, &other.merchant, "other-more").await;
    let foreign = sku(&app, &owner, &other_product, "OTHER-2", &[("96385074", "GTIN_8")]).await;
    let base = json!({"merchantId": site.merchant, "warehouseId": site.warehouse, "reference": "PO-1", "mode": "SEA",
                      "lines": [{"skuId": site.sku, "expected": 2}]});

    let mut foreign_line = base.clone();
    foreign_line["lines"] = json!([{"skuId": foreign, "expected": 1}, {"skuId": site.sku, "expected": 0}]);
    let refused = announce(&app, token, foreign_line).await;
    let fields: Vec<Value> =
        refused["userErrors"].as_array().into_iter().flatten().map(|e| e["field"].clone()).collect();
    assert_eq!(
        fields,
        vec![json!(["input", "lines", "0", "skuId"]), json!(["input", "lines", "1", "expected"])],
        "{refused}"
    );
    assert_eq!(refused["inboundShipment"], Value::Null);

    let key = "9f1c1f4e-6a43-4c6c-8d7a-2f1f0b6f3c11";
    let mut keyed = base.clone();
    keyed["idempotencyKey"] = json!(key);
    let made = announce(&app, token, keyed.clone()).await;
    let asn = made["inboundShipment"]["id"].as_str().unwrap_or_else(|| panic!("{made}")).to_owned();
    let again = announce(&app, token, keyed).await;
    assert_eq!(again["inboundShipment"]["id"], json!(asn), "a retry returns the first: {again}");
    let taken = announce(&app, token, base.clone()).await;
    assert_eq!(errors(&taken), [("reference".to_owned(), "TAKEN".to_owned())], "{taken}");

    let before = state(&app, token, &asn).await;
    let refusals = [
        (json!({"shipmentId": asn, "barcode": "NOT-ON-IT"}), "barcode", "NOT_FOUND"),
        (json!({"shipmentId": asn, "barcode": "96385074"}), "barcode", "NOT_FOUND"),
        (json!({"shipmentId": asn, "skuId": foreign}), "skuId", "NOT_FOUND"),
        (json!({"shipmentId": asn, "barcode": "ACME-1", "quantity": 0}), "quantity", "INVALID"),
        (json!({"shipmentId": asn, "barcode": "ACME-1", "quantity": -3}), "quantity", "INVALID"),
        (json!({"shipmentId": asn}), "barcode", "INVALID"),
        (json!({"shipmentId": asn, "barcode": "ACME-1", "locationId": site.pick}), "locationId", "INVALID"),
        (json!({"shipmentId": asn, "barcode": "ACME-1", "locationId": other.receiving}), "locationId", "INVALID"),
    ];
    for (input, field, code) in refusals {
        let answer = receive(&app, token, input.clone()).await;
        assert_eq!(errors(&answer), [(field.to_owned(), code.to_owned())], "{input}: {answer}");
    }
    let named = receive(&app, token, json!({"shipmentId": asn, "barcode": "NOT-ON-IT"})).await;
    assert!(named["userErrors"][0]["message"].as_str().is_some_and(|m| m.contains("NOT-ON-IT")), "{named}");
    let too_many = app
        .gql(
            Some(token),
            PUTAWAY,
            json!({"input": {"shipmentId": asn, "skuId": site.sku, "quantity": 1, "toLocationId": site.pick}}),
        )
        .await;
    assert_eq!(
        errors(&too_many["data"]["inboundPutaway"]),
        [("quantity".to_owned(), "INVALID".to_owned())],
        "{too_many}"
    );
    assert_eq!(state(&app, token, &asn).await, before, "refused input changed something");

    let cancel = "mutation($id: ID!) { inboundCancel(input: {id: $id}) { inboundShipment { status } userErrors { field code message } } }";
    let cancelled = app.gql(Some(token), cancel, json!({"id": asn})).await;
    assert_eq!(cancelled["data"]["inboundCancel"]["inboundShipment"]["status"], "CANCELLED", "{cancelled}");
    assert_eq!(levels(&app, token).await["ACME-1"], json!([0, 0, 0, 0]), "cancelling withdraws incoming");
    let late = receive(&app, token, json!({"shipmentId": asn, "barcode": "ACME-1"})).await;
    assert_eq!(errors(&late), [("shipmentId".to_owned(), "INVALID".to_owned())], "{late}");

    let mut second = base.clone();
    second["reference"] = json!("PO-2");
    let made = announce(&app, token, second).await;
    let asn2 = made["inboundShipment"]["id"].as_str().expect("second ASN").to_owned();
    let one = receive(&app, token, json!({"shipmentId": asn2, "barcode": "ACME-1"})).await;
    assert_eq!(one["userErrors"], json!([]), "{one}");
    let not_now = app.gql(Some(token), cancel, json!({"id": asn2})).await;
    assert_eq!(errors(&not_now["data"]["inboundCancel"]), [("id".to_owned(), "INVALID".to_owned())], "{not_now}");
    let close = "mutation($id: ID!) { inboundClose(input: {id: $id}) { userErrors { field code } } }";
    app.gql(Some(token), close, json!({"id": asn2})).await;
    let before = state(&app, token, &asn2).await;
    let late = receive(&app, token, json!({"shipmentId": asn2, "barcode": "ACME-1"})).await;
    assert_eq!(errors(&late), [("shipmentId".to_owned(), "INVALID".to_owned())], "{late}");
    let twice = app.gql(Some(token), close, json!({"id": asn2})).await;
    assert_eq!(errors(&twice["data"]["inboundClose"]), [("id".to_owned(), "INVALID".to_owned())], "{twice}");
    let too_many = app
        .gql(
            Some(token),
            PUTAWAY,
            json!({"input": {"shipmentId": asn2, "skuId": site.sku, "quantity": 2, "toLocationId": site.pick}}),
        )
        .await;
    assert_eq!(
        errors(&too_many["data"]["inboundPutaway"]),
        [("quantity".to_owned(), "INVALID".to_owned())],
        "{too_many}"
    );
    assert_eq!(state(&app, token, &asn2).await, before, "refused input changed something");
}

#[tokio::test]
async fn a_merchant_announces_and_follows_its_own_shipments_and_cannot_receive() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    let other = app.stock_site(&owner, "OTHER").await;
    let theirs = announce(
        &app,
        token,
        json!({"merchantId": other.merchant, "warehouseId": other.warehouse, "reference": "THEIRS", "mode": "AIR",
               "lines": [{"skuId": other.sku, "expected": 1}]}),
    )
    .await;
    let theirs = theirs["inboundShipment"]["id"].as_str().expect("other merchant's ASN").to_owned();

    let member = app.merchant_member(&owner, "seller@alpha.example.com", &site.merchant).await;
    let mine = announce(
        &app,
        &member.access_token,
        json!({"warehouseId": site.warehouse, "reference": "MINE", "mode": "EXPRESS", "waybillNumber": "1Z999AA10123456784",
               "lines": [{"skuId": site.sku, "expected": 4}]}),
    )
    .await;
    assert_eq!(mine["userErrors"], json!([]), "a merchant announces its own: {mine}");
    let mine = mine["inboundShipment"]["id"].as_str().expect("own ASN").to_owned();
    let foreign = announce(
        &app,
        &member.access_token,
        json!({"merchantId": other.merchant, "warehouseId": site.warehouse, "reference": "NOT-MINE", "mode": "SEA",
               "lines": [{"skuId": site.sku, "expected": 4}]}),
    )
    .await;
    assert_eq!(errors(&foreign), [("merchantId".to_owned(), "NOT_FOUND".to_owned())], "{foreign}");

    receive(&app, token, json!({"shipmentId": mine, "barcode": "ACME-1"})).await;
    let listed = app
        .gql(
            Some(&member.access_token),
            "{ inboundShipments(first: 10) { totalCount nodes { reference status progress lines { expected received discrepancy } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        listed["data"]["inboundShipments"],
        json!({"totalCount": 1, "nodes": [{"reference": "MINE", "status": "RECEIVING", "progress": 0.25,
                "lines": [{"expected": 4, "received": 1, "discrepancy": "SHORT"}]}]}),
        "{listed}"
    );
    let peek =
        app.gql(Some(&member.access_token), "query($id: ID!) { node(id: $id) { id } }", json!({"id": theirs})).await;
    assert_eq!(peek["data"]["node"], Value::Null, "{peek}");

    let scan =
        app.gql(Some(&member.access_token), RECEIVE, json!({"input": {"shipmentId": mine, "barcode": "ACME-1"}})).await;
    assert_eq!(scan["errors"][0]["extensions"]["code"], "FORBIDDEN", "{scan}");
    let own = shipment(&app, token, &mine).await;
    assert_eq!(own["receivedUnits"], 1, "the refused scan counted nothing");
}
