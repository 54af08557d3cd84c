//! Warehouses: checked input with every fault reported, codes unique per
//! tenant, partial updates, and who may read and write them.

use serde_json::{Value, json};
use silkport_tests::TestApp;

const CREATE: &str = "mutation($input: WarehouseCreateInput!) { warehouseCreate(input: $input) {
    warehouse { id code name countryCode timezone active address { line1 line2 city region postalCode countryCode } }
    userErrors { field code message } } }";
const LIST: &str = "{ warehouses(first: 50) { totalCount nodes { code } } }";

fn frankfurt() -> Value {
    json!({"code": "fra-1", "name": " Frankfurt Hub ", "countryCode": "de", "timezone": "Europe/Berlin",
           "address": {"line1": "Cargo City Süd 555", "line2": " ", "city": "Frankfurt am Main", "postalCode": "60549"}})
}

#[tokio::test]
async fn a_warehouse_is_created_with_its_country_zone_and_address_normalised() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let made = app.gql(Some(&owner.access_token), CREATE, json!({"input": frankfurt()})).await;
    let payload = &made["data"]["warehouseCreate"];
    assert_eq!(payload["userErrors"], json!([]), "{made}");
    let warehouse = &payload["warehouse"];
    assert!(warehouse["id"].as_str().is_some_and(|id| id.starts_with("gid://silkport/Warehouse/")), "{made}");
    assert_eq!(
        (
            &warehouse["code"],
            &warehouse["name"],
            &warehouse["countryCode"],
            &warehouse["timezone"],
            &warehouse["active"]
        ),
        (&json!("FRA-1"), &json!("Frankfurt Hub"), &json!("DE"), &json!("Europe/Berlin"), &json!(true))
    );
    assert_eq!(
        warehouse["address"],
        json!({"line1": "Cargo City Süd 555", "line2": null, "city": "Frankfurt am Main", "region": null,
               "postalCode": "60549", "countryCode": "DE"})
    );
    let node = app
        .gql(
            Some(&owner.access_token),
            "query($id: ID!) { node(id: $id) { ... on Warehouse { code address { city } } } }",
            json!({"id": warehouse["id"]}),
        )
        .await;
    assert_eq!(node["data"]["node"], json!({"code": "FRA-1", "address": {"city": "Frankfurt am Main"}}));
}

#[tokio::test]
async fn every_bad_field_is_reported_and_nothing_is_created() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    let bad = json!({"code": "LA X!", "name": "", "countryCode": "XX", "timezone": "Mars/Olympus_Mons",
                     "address": {"line1": " ", "city": "", "postalCode": "1".repeat(21)}});
    let refused = app.gql(token, CREATE, json!({"input": bad})).await;
    let errors = refused["data"]["warehouseCreate"]["userErrors"].as_array().cloned().unwrap_or_default();
    let fields: Vec<Value> = errors.iter().map(|e| e["field"].clone()).collect();
    assert_eq!(
        fields,
        [
            json!(["input", "code"]),
            json!(["input", "name"]),
            json!(["input", "countryCode"]),
            json!(["input", "timezone"]),
            json!(["input", "address", "line1"]),
            json!(["input", "address", "city"]),
            json!(["input", "address", "postalCode"]),
        ],
        "{refused}"
    );
    assert!(errors.iter().all(|e| e["code"] == "INVALID"), "{refused}");
    assert!(errors[2]["message"].as_str().is_some_and(|m| m.contains("ISO 3166-1")), "{refused}");
    assert!(errors[3]["message"].as_str().is_some_and(|m| m.contains("IANA")), "{refused}");
    assert_eq!(refused["data"]["warehouseCreate"]["warehouse"], Value::Null);

    // The same faults, read in Chinese.
    let zh = app
        .gql_in(
            Some("zh-CN"),
            token,
            CREATE,
            json!({"input": {"code": "OK", "name": "N", "countryCode": "ZZ",
        "timezone": "UTC", "address": {"line1": "1", "city": "C"}}}),
        )
        .await;
    let message = zh["data"]["warehouseCreate"]["userErrors"][0]["message"].as_str().unwrap_or_default().to_owned();
    assert!(message.contains("国家代码"), "{zh}");

    assert_eq!(app.gql(token, LIST, json!({})).await["data"]["warehouses"]["totalCount"], 0);
    app.warehouse(&owner, "LAX1").await;
    let again = app
        .gql(
            token,
            CREATE,
            json!({"input": {"code": "lax1", "name": "Another", "countryCode": "US", "timezone": "UTC",
                             "address": {"line1": "1 Main St", "city": "Reno"}}}),
        )
        .await;
    assert_eq!(again["data"]["warehouseCreate"]["userErrors"][0]["code"], "TAKEN", "{again}");
    assert_eq!(again["data"]["warehouseCreate"]["userErrors"][0]["field"], json!(["input", "code"]));
    assert_eq!(app.gql(token, LIST, json!({})).await["data"]["warehouses"]["totalCount"], 1);
}

#[tokio::test]
async fn a_retried_create_with_the_same_key_returns_the_first_warehouse() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    let mut input = frankfurt();
    input["idempotencyKey"] = json!("wh-create-1");
    let first = app.gql(token, CREATE, json!({"input": input})).await;
    let retry = app.gql(token, CREATE, json!({"input": input})).await;
    assert_eq!(first["data"], retry["data"], "the retry answers the first result");
    assert_eq!(app.gql(token, LIST, json!({})).await["data"]["warehouses"]["totalCount"], 1);
}

#[tokio::test]
async fn an_update_changes_what_it_names_and_replaces_the_address_whole() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    let id = app.warehouse(&owner, "LAX1").await;
    let update = "mutation($input: WarehouseUpdateInput!) { warehouseUpdate(input: $input) {
        warehouse { code name timezone active address { line1 city region postalCode } } userErrors { field code } } }";
    let changed = app
        .gql(
            token,
            update,
            json!({"input": {"id": id, "timezone": "America/New_York", "active": false,
                             "address": {"line1": "1 Dock Rd", "city": "Newark"}}}),
        )
        .await;
    assert_eq!(
        changed["data"]["warehouseUpdate"]["warehouse"],
        json!({"code": "LAX1", "name": "Warehouse LAX1", "timezone": "America/New_York", "active": false,
               "address": {"line1": "1 Dock Rd", "city": "Newark", "region": null, "postalCode": null}}),
        "{changed}"
    );
    let bad = app.gql(token, update, json!({"input": {"id": id, "timezone": "Nowhere"}})).await;
    assert_eq!(bad["data"]["warehouseUpdate"]["userErrors"][0]["field"], json!(["input", "timezone"]), "{bad}");
    let wrong = app.gql(token, update, json!({"input": {"id": owner.tenant_id, "name": "X"}})).await;
    assert_eq!(wrong["data"]["warehouseUpdate"]["userErrors"][0]["field"], json!(["input", "id"]), "{wrong}");
}

#[tokio::test]
async fn merchants_and_viewers_read_warehouses_but_cannot_write_them() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let id = app.warehouse(&owner, "LAX1").await;
    let merchant = app.merchant(&owner, "M1").await;
    let seller = app.merchant_member(&owner, "seller@alpha.example.com", &merchant).await;
    let viewer = app.member(&owner, "viewer@alpha.example.com", "VIEWER").await;
    for reader in [&seller, &viewer] {
        let token = Some(reader.access_token.as_str());
        let seen = app.gql(token, LIST, json!({})).await;
        assert_eq!(seen["data"]["warehouses"], json!({"totalCount": 1, "nodes": [{"code": "LAX1"}]}), "{seen}");
        let write = app
            .gql(
                token,
                "mutation($id: ID!) { warehouseUpdate(input: {id: $id, name: \"Mine\"}) { warehouse { name } userErrors { code } } }",
                json!({"id": id}),
            )
            .await;
        assert_eq!(write["errors"][0]["extensions"]["code"], "FORBIDDEN", "{write}");
    }
    let scopes = app.gql(Some(&seller.access_token), "{ viewer { scopes } }", json!({})).await;
    let scopes = scopes["data"]["viewer"]["scopes"].as_array().cloned().unwrap_or_default();
    assert!(scopes.contains(&json!("WAREHOUSES_READ")) && !scopes.contains(&json!("WAREHOUSES_WRITE")), "{scopes:?}");
}
