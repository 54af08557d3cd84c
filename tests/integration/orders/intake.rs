//! Orders as partners and the portal create them: idempotent by the
//! merchant's reference and by key, addresses checked per country, every
//! SKU the merchant's own, cancelling gives reservations back, and bad
//! input changes nothing.

use serde_json::{Value, json};
use silkport_tests::TestApp;

pub const CREATE: &str = "mutation($input: OrderCreateInput!) { orderCreate(input: $input) {
    order { id reference status totalUnits
            shipTo { name region postalCode countryCode }
            lines { quantity allocated backordered sku { code }
                    allocations { warehouse { code } quantity rule distanceKm availableBefore } }
            timeline { kind status actor } }
    userErrors { field code message } } }";

pub fn us_address() -> Value {
    json!({"name": "Ann Lee", "line1": "100 Main St", "city": "Los Angeles", "region": "California", "postalCode": "90001", "countryCode": "US"})
}

pub fn de_address() -> Value {
    json!({"name": "Jonas Weber", "line1": "Hauptstraße 5", "city": "Berlin", "postalCode": "10115", "countryCode": "DE"})
}

fn fields(payload: &Value) -> Vec<(String, String)> {
    payload["userErrors"]
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    let path: Vec<&str> =
                        e["field"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                    (path[1..].join("."), e["code"].as_str().unwrap_or("").to_owned())
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_retried_order_returns_the_first_and_reserves_its_units_once() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    app.adjust(token, &site.sku, &site.pick, 10).await;
    let input = json!({"merchantId": site.merchant, "reference": "SHOP-1001", "shipTo": us_address(),
                       "lines": [{"skuCode": "ACME-1", "quantity": 3}]});
    let first = app.gql(Some(token), CREATE, json!({"input": input})).await;
    let order = &first["data"]["orderCreate"]["order"];
    assert_eq!(first["data"]["orderCreate"]["userErrors"], json!([]), "{first}");
    assert_eq!(order["status"], "ALLOCATED");
    assert_eq!(order["shipTo"], json!({"name": "Ann Lee", "region": "CA", "postalCode": "90001", "countryCode": "US"}));
    assert_eq!(
        order["lines"],
        json!([{"quantity": 3, "allocated": 3, "backordered": 0, "sku": {"code": "ACME-1"},
                "allocations": [{"warehouse": {"code": "ACME-W"}, "quantity": 3, "rule": "IN_STOCK_NEAREST", "distanceKm": 0, "availableBefore": 10}]}])
    );
    let kinds: Vec<&Value> = order["timeline"].as_array().into_iter().flatten().map(|e| &e["kind"]).collect();
    assert_eq!(kinds, [&json!("RECEIVED"), &json!("ALLOCATED")]);

    let retry = app.gql(Some(token), CREATE, json!({"input": input})).await;
    assert_eq!(retry["data"]["orderCreate"]["order"]["id"], order["id"], "the same reference answers the first order");
    // Other lines under that reference are not a retry: refused, not dropped without a word.
    let mut changed = input.clone();
    changed["lines"][0]["quantity"] = json!(5);
    let refused = app.gql(Some(token), CREATE, json!({"input": changed})).await;
    let errors = &refused["data"]["orderCreate"]["userErrors"];
    assert_eq!(
        (&errors[0]["field"], &errors[0]["code"]),
        (&json!(["input", "reference"]), &json!("TAKEN")),
        "{refused}"
    );
    assert!(errors[0]["message"].as_str().is_some_and(|m| m.contains("SHOP-1001")), "{refused}");
    let mut keyed = input.clone();
    keyed["reference"] = json!("SHOP-1002");
    keyed["idempotencyKey"] = json!("order-1002");
    let once = app.gql(Some(token), CREATE, json!({"input": keyed})).await;
    let twice = app.gql(Some(token), CREATE, json!({"input": keyed})).await;
    assert_eq!(once["data"], twice["data"], "{twice}");

    let level = app
        .gql(
            Some(token),
            "query($s: ID!) { stockLevels(first: 1, skuId: $s) { nodes { reserved available } } }",
            json!({"s": site.sku}),
        )
        .await;
    assert_eq!(
        level["data"]["stockLevels"]["nodes"][0],
        json!({"reserved": 6, "available": 4}),
        "two orders of 3, each once: {level}"
    );
    let movements = app
        .gql(Some(token), "query($o: String!) { stockMovements(first: 5, referenceType: \"Order\", referenceId: $o) { nodes { kind delta quantityName reason } } }",
             json!({"o": order["id"].as_str().and_then(|g| g.rsplit('/').next())}))
        .await;
    assert_eq!(
        movements["data"]["stockMovements"]["nodes"],
        json!([{"kind": "ALLOCATION", "delta": 3, "quantityName": "RESERVED", "reason": "in_stock_nearest"}])
    );

    let cancelled = app
        .gql(Some(token), "mutation($id: ID!) { orderCancel(input: {id: $id, reason: \"customer asked\"}) { order { status lines { allocations { releasedAt } } timeline { kind detail } } userErrors { code } } }",
             json!({"id": order["id"]}))
        .await;
    let payload = &cancelled["data"]["orderCancel"];
    assert_eq!(payload["order"]["status"], "CANCELLED", "{cancelled}");
    assert!(payload["order"]["lines"][0]["allocations"][0]["releasedAt"].is_string(), "{cancelled}");
    assert_eq!(payload["order"]["timeline"][2], json!({"kind": "CANCELLED", "detail": "customer asked"}));
    let again = app
        .gql(
            Some(token),
            "mutation($id: ID!) { orderCancel(input: {id: $id}) { userErrors { field code } } }",
            json!({"id": order["id"]}),
        )
        .await;
    assert_eq!(again["data"]["orderCancel"]["userErrors"], json!([{"field": ["input", "id"], "code": "INVALID"}]));
    let level = app
        .gql(
            Some(token),
            "query($s: ID!) { stockLevels(first: 1, skuId: $s) { nodes { reserved available } } }",
            json!({"s": site.sku}),
        )
        .await;
    assert_eq!(level["data"]["stockLevels"]["nodes"][0], json!({"reserved": 3, "available": 7}), "{level}");
    let check = app.gql(Some(token), "{ inventoryCheck { ok } }", json!({})).await;
    assert_eq!(check["data"]["inventoryCheck"]["ok"], true, "{check}");
}

#[tokio::test]
async fn bad_orders_name_the_field_at_fault_and_change_nothing() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "ACME").await;
    let other = app.stock_site(&owner, "BETA").await;
    app.adjust(token, &site.sku, &site.pick, 10).await;
    let order = |ship_to: Value, lines: Value| json!({"input": {"merchantId": site.merchant, "reference": "BAD-1", "shipTo": ship_to, "lines": lines}});
    let line = json!([{"skuId": site.sku, "quantity": 1}]);
    let cases = [
        (
            {
                let mut a = us_address();
                a.as_object_mut().map(|m| m.remove("postalCode"));
                a
            },
            line.clone(),
            "shipTo.postalCode",
        ),
        (
            {
                let mut a = us_address();
                a["postalCode"] = json!("9000");
                a
            },
            line.clone(),
            "shipTo.postalCode",
        ),
        (
            {
                let mut a = de_address();
                a["postalCode"] = json!("ABCDE");
                a
            },
            line.clone(),
            "shipTo.postalCode",
        ),
        (
            {
                let mut a = us_address();
                a["region"] = json!("ZZ");
                a
            },
            line.clone(),
            "shipTo.region",
        ),
        (
            {
                let mut a = us_address();
                a["countryCode"] = json!("XX");
                a
            },
            line.clone(),
            "shipTo.countryCode",
        ),
        (us_address(), json!([{"skuId": site.sku, "quantity": 0}]), "lines.0.quantity"),
        (us_address(), json!([{"skuId": site.sku, "quantity": -2}]), "lines.0.quantity"),
        (us_address(), json!([{"skuId": other.sku, "quantity": 1}]), "lines.0.skuId"),
        (us_address(), json!([{"skuCode": "NOPE", "quantity": 1}]), "lines.0.skuCode"),
        (us_address(), json!([]), "lines"),
    ];
    for (ship_to, lines, field) in cases {
        let answer = app.gql(Some(token), CREATE, order(ship_to, lines)).await;
        let errors = fields(&answer["data"]["orderCreate"]);
        assert!(errors.iter().any(|(f, _)| f == field), "expected an error on {field}: {answer}");
    }
    let fractional =
        app.gql(Some(token), CREATE, order(us_address(), json!([{"skuId": site.sku, "quantity": 1.5}]))).await;
    assert!(fractional["errors"][0]["message"].as_str().is_some_and(|m| m.contains("quantity")), "{fractional}");
    let orders = app
        .gql(Some(token), "{ orders(first: 5) { totalCount } stockLevels(first: 5) { nodes { reserved } } }", json!({}))
        .await;
    assert_eq!(orders["data"]["orders"]["totalCount"], 0, "{orders}");
    assert_eq!(orders["data"]["stockLevels"]["nodes"][0]["reserved"], 0, "{orders}");
}

#[tokio::test]
async fn a_merchant_orders_for_itself_and_sees_only_its_own_orders() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let acme = app.stock_site(&owner, "ACME").await;
    let beta = app.stock_site(&owner, "BETA").await;
    app.adjust(token, &acme.sku, &acme.pick, 5).await;
    app.adjust(token, &beta.sku, &beta.pick, 5).await;
    let beta_order = json!({"input": {"merchantId": beta.merchant, "reference": "B-1", "shipTo": us_address(), "lines": [{"skuId": beta.sku, "quantity": 1}]}});
    app.gql(Some(token), CREATE, beta_order).await;
    let merchant = app.merchant_member(&owner, "ops@acme.example.com", &acme.merchant).await;
    let own = app
        .gql(Some(&merchant.access_token), CREATE, json!({"input": {"reference": "A-1", "shipTo": us_address(), "lines": [{"skuCode": "ACME-1", "quantity": 2}]}}))
        .await;
    assert_eq!(own["data"]["orderCreate"]["order"]["status"], "ALLOCATED", "{own}");
    let foreign = app
        .gql(Some(&merchant.access_token), CREATE, json!({"input": {"reference": "A-2", "shipTo": us_address(), "lines": [{"skuId": beta.sku, "quantity": 1}]}}))
        .await;
    assert_eq!(fields(&foreign["data"]["orderCreate"]), [("lines.0.skuId".to_owned(), "NOT_FOUND".to_owned())]);
    let seen = app
        .gql(Some(&merchant.access_token), "{ orders(first: 10) { totalCount nodes { reference } } }", json!({}))
        .await;
    assert_eq!(seen["data"]["orders"], json!({"totalCount": 1, "nodes": [{"reference": "A-1"}]}), "{seen}");
}
