//! Allocation: the nearest warehouse with the stock, reasons kept per
//! line, no unit sold twice under any concurrency, and backorders served
//! oldest first when stock arrives.

use std::time::Duration;

use serde_json::{Value, json};
use silkport_tests::TestApp;
use tokio::sync::watch;
use workers::{Mailer, RunnerConfig, WakeSources};

use super::intake::{CREATE, de_address, us_address};

fn allocations(answer: &Value) -> Vec<(String, i64, Option<i64>)> {
    answer["data"]["orderCreate"]["order"]["lines"][0]["allocations"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| {
            (
                a["warehouse"]["code"].as_str().unwrap_or("").to_owned(),
                a["quantity"].as_i64().unwrap_or(0),
                a["distanceKm"].as_i64(),
            )
        })
        .collect()
}

#[tokio::test]
async fn units_come_from_the_nearest_warehouse_that_has_them() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    let (_, fra_pick) = app.warehouse_in(&owner, "FRA1", "DE").await;
    app.adjust(token, &site.sku, &site.pick, 10).await;
    app.adjust(token, &site.sku, &fra_pick, 10).await;
    let order = |reference: &str, ship_to: Value, quantity: i64| json!({"input": {"merchantId": site.merchant, "reference": reference, "shipTo": ship_to, "lines": [{"skuId": site.sku, "quantity": quantity}]}});
    let to_berlin = app.gql(Some(token), CREATE, order("EU-1", de_address(), 4)).await;
    assert_eq!(allocations(&to_berlin), [("FRA1".to_owned(), 4, Some(0))], "{to_berlin}");
    let to_la = app.gql(Some(token), CREATE, order("US-1", us_address(), 4)).await;
    assert_eq!(allocations(&to_la), [("ACME-W".to_owned(), 4, Some(0))], "{to_la}");
    // FRA1 and ACME-W have 6 each now.
    let near = app.gql(Some(token), CREATE, order("EU-2", de_address(), 5)).await;
    assert_eq!(allocations(&near), [("FRA1".to_owned(), 5, Some(0))], "{near}");
    // FRA1 has 1: stock comes first, so the whole line goes to the US warehouse, far as it is.
    let far = app.gql(Some(token), CREATE, order("EU-3", de_address(), 3)).await;
    let chosen = allocations(&far);
    assert_eq!(chosen.iter().map(|(w, q, _)| (w.as_str(), *q)).collect::<Vec<_>>(), [("ACME-W", 3)], "{far}");
    assert!(chosen[0].2.is_some_and(|km| km > 5_000), "the reason says how far: {far}");
    assert_eq!(far["data"]["orderCreate"]["order"]["lines"][0]["allocations"][0]["rule"], "IN_STOCK_NEAREST");
    // Nobody has 20: split nearest first, the rest backordered.
    let split = app.gql(Some(token), CREATE, order("EU-4", de_address(), 20)).await;
    let order = &split["data"]["orderCreate"]["order"];
    assert_eq!(order["status"], "BACKORDERED", "{split}");
    let chosen = allocations(&split);
    assert_eq!(
        chosen.iter().map(|(w, q, _)| (w.as_str(), *q)).collect::<Vec<_>>(),
        [("FRA1", 1), ("ACME-W", 3)],
        "{split}"
    );
    assert_eq!(order["lines"][0]["allocations"][0]["rule"], "SPLIT");
    assert_eq!(
        (order["lines"][0]["allocated"].as_i64(), order["lines"][0]["backordered"].as_i64()),
        (Some(4), Some(16))
    );
}

#[tokio::test]
async fn two_hundred_orders_for_the_last_fifty_units_allocate_exactly_fifty() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.clone();
    let site = app.stock_site(&owner, "ACME").await;
    app.adjust(&token, &site.sku, &site.pick, 50).await;
    let orders = (0..200).map(|i| {
        let (app, token, site) = (&app, &token, &site);
        async move {
            let input = json!({"merchantId": site.merchant, "reference": format!("RUSH-{i}"), "shipTo": us_address(),
                               "lines": [{"skuId": site.sku, "quantity": 1}]});
            app.gql_patiently(Some(token), CREATE, json!({"input": input})).await
        }
    });
    let answers = futures_util::future::join_all(orders).await;
    let status = |s: &str| answers.iter().filter(|a| a["data"]["orderCreate"]["order"]["status"] == s).count();
    assert_eq!(
        (status("ALLOCATED"), status("BACKORDERED")),
        (50, 150),
        "{:?}",
        answers.iter().find(|a| a["data"]["orderCreate"]["order"].is_null())
    );
    let level = app
        .gql(
            Some(&token),
            "query($s: ID!) { stockLevels(first: 1, skuId: $s) { nodes { onHand reserved available } } }",
            json!({"s": site.sku}),
        )
        .await;
    assert_eq!(
        level["data"]["stockLevels"]["nodes"][0],
        json!({"onHand": 50, "reserved": 50, "available": 0}),
        "{level}"
    );
    let check = app.gql(Some(&token), "{ inventoryCheck { ok mismatches { quantityName } } }", json!({})).await;
    assert_eq!(check["data"]["inventoryCheck"]["ok"], true, "{check}");
}

#[tokio::test]
async fn backorders_are_served_oldest_first_when_stock_arrives() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    for reference in ["OLD", "MID", "NEW"] {
        let input = json!({"merchantId": site.merchant, "reference": reference, "shipTo": us_address(), "lines": [{"skuId": site.sku, "quantity": 2}]});
        let made = app.gql(Some(token), CREATE, json!({"input": input})).await;
        assert_eq!(made["data"]["orderCreate"]["order"]["status"], "BACKORDERED", "{made}");
    }
    let mailer = Mailer::outbox(app.dir.join("outbox"), "Silkport <no-reply@silkport.test>").expect("outbox");
    let config = RunnerConfig { poll_interval: Duration::from_millis(100), ..RunnerConfig::default() };
    let runner = workers::standard_runner(&app.state.db, config, mailer, WakeSources { postgres: false, redis: None });
    let (stop, stopped) = watch::channel(false);
    let running = tokio::spawn(runner.run(stopped));

    app.adjust(token, &site.sku, &site.pick, 3).await;
    let read = "{ orders(first: 5) { nodes { reference status lines { allocated } } } }";
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let settled = loop {
        let now = app.gql(Some(token), read, json!({})).await;
        let nodes = now["data"]["orders"]["nodes"].clone();
        let allocated: i64 =
            nodes.as_array().into_iter().flatten().map(|o| o["lines"][0]["allocated"].as_i64().unwrap_or(0)).sum();
        if allocated == 3 || tokio::time::Instant::now() > deadline {
            break nodes;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    stop.send(true).ok();
    running.await.ok();
    assert_eq!(
        settled,
        json!([{"reference": "NEW", "status": "BACKORDERED", "lines": [{"allocated": 0}]},
               {"reference": "MID", "status": "BACKORDERED", "lines": [{"allocated": 1}]},
               {"reference": "OLD", "status": "ALLOCATED", "lines": [{"allocated": 2}]}]),
        "newest first in the list; the oldest order filled first"
    );
}
