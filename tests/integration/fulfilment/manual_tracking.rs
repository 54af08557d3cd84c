//! Tracking of manual shipments, reported by the warehouse: collected, in
//! transit, an exception (the order goes EXCEPTION, its timeline says what
//! went wrong, it can no longer be cancelled), delivered at last (the
//! order DELIVERED); bad reports refused with nothing changed; a burst of
//! the same report recorded once.

use chrono::{Duration, Utc};
use serde_json::{Value, json};
use silkport_tests::TestApp;

use super::flow::{RED, order, order_view, refused, site, state};
use super::{SHIP, call, pack, ship};

const REPORT: &str = "mutation($input: ShipmentTrackingReportInput!) { shipmentTrackingReport(input: $input) {
    order { status timeline { kind status detail } shipments { status deliveredAt events { status description } } }
    userErrors { field code message } } }";

/// Ships `order` packed with the manual carrier; answers its shipment's id.
async fn ship_manually(app: &TestApp, token: &str, order: &str, tracking_number: &str) -> String {
    let input = json!({"orderId": order, "carrier": "MANUAL", "trackingNumber": tracking_number});
    let shipped = call(app, token, SHIP, "orderShip", input).await;
    assert_eq!(shipped["order"]["status"], "SHIPPED", "{shipped}");
    shipped["order"]["shipments"][0]["id"].as_str().expect("a shipment").to_owned()
}

async fn report(app: &TestApp, token: &str, input: Value) -> Value {
    call(app, token, REPORT, "shipmentTrackingReport", input).await
}

fn kinds(payload: &Value) -> Vec<String> {
    let timeline = payload["order"]["timeline"].as_array().cloned().unwrap_or_default();
    timeline.iter().map(|e| e["kind"].as_str().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn a_manual_shipment_is_reported_through_an_exception_to_its_delivery() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = site(&app, &owner).await;
    let manual = order(&app, token, &site, "SO-M1", json!([{"skuId": site.red, "quantity": 1}])).await;
    pack(&app, token, &site.warehouse, &manual, RED).await;
    let shipment = ship_manually(&app, token, &manual, "1Z999AA10123456784").await;
    let simulated = order(&app, token, &site, "SO-S1", json!([{"skuId": site.red, "quantity": 1}])).await;
    ship(&app, token, &site.warehouse, &simulated, RED).await;

    // Refused, each changing nothing.
    let before = (state(&app, token).await, order_view(&app, token, &manual).await);
    let tomorrow = (Utc::now() + Duration::days(1)).to_rfc3339();
    let last_week = (Utc::now() - Duration::days(7)).to_rfc3339();
    let sim_shipment = app
        .gql(
            Some(token),
            "query($o: ID!) { node(id: $o) { ... on Order { shipments { id } } } }",
            json!({"o": simulated}),
        )
        .await["data"]["node"]["shipments"][0]["id"]
        .clone();
    let cases = [
        (json!({"shipmentId": sim_shipment, "status": "DELIVERED"}), "shipmentId", "reports its own tracking"),
        (json!({"shipmentId": shipment, "status": "LABEL_CREATED"}), "status", "when shipping"),
        (json!({"shipmentId": shipment, "status": "EXCEPTION"}), "note", "what went wrong"),
        (json!({"shipmentId": shipment, "status": "EXCEPTION", "note": "  "}), "note", "what went wrong"),
        (json!({"shipmentId": shipment, "status": "IN_TRANSIT", "note": "x".repeat(501)}), "note", "500"),
        (json!({"shipmentId": shipment, "status": "DELIVERED", "occurredAt": tomorrow}), "occurredAt", "future"),
        (json!({"shipmentId": shipment, "status": "PICKED_UP", "occurredAt": last_week}), "occurredAt", "before"),
    ];
    for (input, field, says) in cases {
        let answer = report(&app, token, input.clone()).await;
        assert!(refused(&answer, field).contains(says), "{input} → {answer}");
        assert_eq!(answer["order"], Value::Null, "{answer}");
    }
    let after = (state(&app, token).await, order_view(&app, token, &manual).await);
    assert_eq!(after, before, "a refused report changed something");

    let moving = report(&app, token, json!({"shipmentId": shipment, "status": "IN_TRANSIT"})).await;
    assert_eq!(moving["userErrors"], json!([]), "{moving}");
    assert_eq!(moving["order"]["status"], "SHIPPED", "{moving}");
    assert_eq!(moving["order"]["shipments"][0]["status"], "IN_TRANSIT", "{moving}");

    let note = "Address not found: the driver is calling the recipient";
    let stuck = report(&app, token, json!({"shipmentId": shipment, "status": "EXCEPTION", "note": note})).await;
    assert_eq!(stuck["order"]["status"], "EXCEPTION", "{stuck}");
    let last = stuck["order"]["timeline"].as_array().and_then(|t| t.last()).cloned().unwrap_or_default();
    assert_eq!(last["kind"], "EXCEPTION", "{stuck}");
    assert_eq!(last["detail"], format!("1Z999AA10123456784: {note}"), "{stuck}");
    let events = &stuck["order"]["shipments"][0]["events"];
    assert!(events.as_array().is_some_and(|e| e.iter().any(|e| e["status"] == "EXCEPTION")), "{stuck}");

    // The units have left: an order in exception cannot be cancelled.
    let cancel = app
        .gql(
            Some(token),
            "mutation($id: ID!) { orderCancel(input: {id: $id}) { order { status } userErrors { field code } } }",
            json!({"id": manual}),
        )
        .await;
    assert_eq!(cancel["data"]["orderCancel"]["userErrors"][0]["field"], json!(["input", "id"]), "{cancel}");

    // The same exception again records nothing more.
    let again = report(&app, token, json!({"shipmentId": shipment, "status": "EXCEPTION", "note": note})).await;
    assert_eq!(kinds(&again), kinds(&stuck), "{again}");

    let delivered = report(&app, token, json!({"shipmentId": shipment, "status": "DELIVERED"})).await;
    assert_eq!(delivered["order"]["status"], "DELIVERED", "{delivered}");
    assert!(delivered["order"]["shipments"][0]["deliveredAt"].is_string(), "{delivered}");
    assert_eq!(kinds(&delivered).last().map(String::as_str), Some("DELIVERED"), "{delivered}");
    let late = report(&app, token, json!({"shipmentId": shipment, "status": "IN_TRANSIT"})).await;
    assert!(refused(&late, "shipmentId").contains("delivered already"), "{late}");

    // A merchant's user reads the outcome but cannot report.
    let member = app.merchant_member(&owner, "seller@alpha.example.com", &site.merchant).await;
    let forbidden = app
        .gql(Some(&member.access_token), REPORT, json!({"input": {"shipmentId": shipment, "status": "DELIVERED"}}))
        .await;
    assert_eq!(forbidden["errors"][0]["extensions"]["code"], "FORBIDDEN", "{forbidden}");
}

#[tokio::test]
async fn a_burst_of_the_same_report_is_recorded_once() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = site(&app, &owner).await;
    let manual = order(&app, token, &site, "SO-B1", json!([{"skuId": site.red, "quantity": 1}])).await;
    pack(&app, token, &site.warehouse, &manual, RED).await;
    let shipment = ship_manually(&app, token, &manual, "1Z999AA10123456785").await;

    let burst = (0..10).map(|_| report(&app, token, json!({"shipmentId": shipment, "status": "DELIVERED"})));
    let answers = futures_util::future::join_all(burst).await;
    // Each answer is the delivered order or "delivered already"; never an error.
    for answer in &answers {
        let errors = answer["userErrors"].as_array().cloned().unwrap_or_default();
        assert!(answer["order"]["status"] == "DELIVERED" || errors.len() == 1, "{answer}");
    }
    let view = app
        .gql(
            Some(token),
            "query($o: ID!) { node(id: $o) { ... on Order { status timeline { kind } shipments { events { status } } } } }",
            json!({"o": manual}),
        )
        .await;
    let order = &view["data"]["node"];
    assert_eq!(order["status"], "DELIVERED", "{view}");
    let timeline = order["timeline"].as_array().cloned().unwrap_or_default();
    assert_eq!(timeline.iter().filter(|e| e["kind"] == "DELIVERED").count(), 1, "{view}");
    let events = order["shipments"][0]["events"].as_array().cloned().unwrap_or_default();
    assert_eq!(events.iter().filter(|e| e["status"] == "DELIVERED").count(), 1, "{view}");
    let audit = app.gql(Some(token), "{ auditLog(first: 50) { edges { node { action } } } }", json!({})).await;
    let reports = audit["data"]["auditLog"]["edges"]
        .as_array()
        .map(|edges| edges.iter().filter(|e| e["node"]["action"] == "shipment.report").count());
    assert_eq!(reports, Some(1), "{audit}");
}
