//! The demo a newcomer sees: `silkport serve` on the embedded default
//! seeds a living warehouse — two merchants whose catalogues came in as
//! Shopify exports, two warehouses with locations and stock, inbound
//! shipments and orders in several states, from allocated to shipped —
//! whose ledger adds up, and seeding again changes nothing.

use serde_json::{Value, json};
use silkport_tests::app::silkport_bin;
use silkport_tests::served::Served;

const LOOK: &str = "{ merchants(first: 10) { totalCount } skus(first: 1) { totalCount }
    warehouses(first: 10) { nodes { code } } locations(first: 1) { totalCount }
    stockLevels(first: 1) { totalCount } orders(first: 50) { nodes { reference status } }
    inboundShipments(first: 10) { nodes { reference status } }
    inventoryCheck { ok movementsChecked } }";

async fn gql(served: &Served, token: Option<&str>, query: &str) -> Value {
    let mut request = reqwest::Client::new().post(format!("{}/graphql", served.url)).json(&json!({"query": query}));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("request").json().await.expect("json")
}

#[tokio::test]
async fn the_embedded_default_seeds_a_living_warehouse_once() {
    let served = Served::start(&[]).await;
    let signed_in = gql(&served, None, "mutation { sessionCreate(input: {email: \"owner@demo.silkport.test\", password: \"silkport-demo\", tenantSlug: \"demo\"}) { accessToken } }").await;
    let token = signed_in["data"]["sessionCreate"]["accessToken"].as_str().expect("demo owner signs in").to_owned();
    let first = gql(&served, Some(&token), LOOK).await;
    let data = &first["data"];
    assert_eq!(data["merchants"]["totalCount"], 2, "{first}");
    assert_eq!(data["skus"]["totalCount"], 14, "both Shopify exports imported: {first}");
    assert_eq!(data["warehouses"]["nodes"], json!([{"code": "LAX1"}, {"code": "FRA1"}]));
    assert_eq!(data["locations"]["totalCount"], 86, "a dock, a damaged area, a quarantine and 40 pick faces each");
    let statuses: Vec<&str> =
        data["orders"]["nodes"].as_array().into_iter().flatten().filter_map(|o| o["status"].as_str()).collect();
    for status in ["ALLOCATED", "BACKORDERED", "CANCELLED", "PICKING", "PACKED", "SHIPPED", "DELIVERED"] {
        assert!(statuses.contains(&status), "an order {status}: {first}");
    }
    let inbound: Vec<&str> = data["inboundShipments"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["status"].as_str())
        .collect();
    for status in ["IN_TRANSIT", "RECEIVING", "RECEIVED"] {
        assert!(inbound.contains(&status), "an inbound shipment {status}: {first}");
    }
    assert_eq!(data["inventoryCheck"]["ok"], true, "{first}");

    let again = tokio::process::Command::new(silkport_bin())
        .args(["seed", "demo"])
        .current_dir(&served.folder)
        .env_remove("DATABASE_URL")
        .env_remove("DATABASE_MIGRATION_URL")
        .output()
        .await
        .expect("run silkport seed demo");
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    let second = gql(&served, Some(&token), LOOK).await;
    assert_eq!(second, first, "seeding again changes nothing");
}
