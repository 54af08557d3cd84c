//! Making a layout from ranges: every combination in pick-path order, at
//! most 5,000 at once, all or nothing, with the codes that exist reported.

use serde_json::{Value, json};
use silkport_tests::TestApp;

const GENERATE: &str = "mutation($input: LocationsGenerateInput!) { locationsGenerate(input: $input) {
    warehouse { code } createdCount firstCode lastCode userErrors { field code message subjectId } } }";

fn range(from: &str, to: &str) -> Value {
    json!({"from": from, "to": to})
}

async fn count(app: &TestApp, token: &str, warehouse: &str) -> i64 {
    let listed = app
        .gql(
            Some(token),
            "query($w: ID!) { locations(first: 1, warehouseId: $w) { totalCount } }",
            json!({"w": warehouse}),
        )
        .await;
    listed["data"]["locations"]["totalCount"].as_i64().unwrap_or_else(|| panic!("{listed}"))
}

#[tokio::test]
async fn a_range_makes_every_bin_of_the_layout_in_pick_path_order() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let lax = app.warehouse(&owner, "LAX1").await;
    let layout = json!({"warehouseId": lax, "zone": range("A", "A"), "aisle": range("01", "10"), "bay": range("01", "20"),
                        "level": range("1", "4"), "bin": range("A", "B"), "type": "PICK"});
    let made = app.gql(Some(token), GENERATE, json!({"input": layout})).await;
    assert_eq!(
        made["data"]["locationsGenerate"],
        json!({"warehouse": {"code": "LAX1"}, "createdCount": 1600, "firstCode": "A-01-01-1-A", "lastCode": "A-10-20-4-B",
               "userErrors": []}),
        "{made}"
    );
    assert_eq!(count(&app, token, &lax).await, 1600);
    let first = app
        .gql(
            Some(token),
            "query($w: ID!) { locations(first: 3, warehouseId: $w, query: \"A-10-20\") { nodes { code zone aisle bay level bin type } } }",
            json!({"w": lax}),
        )
        .await;
    assert_eq!(
        first["data"]["locations"]["nodes"],
        json!([
            {"code": "A-10-20-1-A", "zone": "A", "aisle": "10", "bay": "20", "level": "1", "bin": "A", "type": "PICK"},
            {"code": "A-10-20-1-B", "zone": "A", "aisle": "10", "bay": "20", "level": "1", "bin": "B", "type": "PICK"},
            {"code": "A-10-20-2-A", "zone": "A", "aisle": "10", "bay": "20", "level": "2", "bin": "A", "type": "PICK"},
        ]),
        "{first}"
    );
}

#[tokio::test]
async fn an_overlap_with_existing_codes_is_reported_and_nothing_is_made() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let lax = app.warehouse(&owner, "LAX1").await;
    let taken = app.location(&owner, &lax, &["B", "02"]).await;
    let overlapping = json!({"warehouseId": lax, "zone": range("B", "B"), "aisle": range("01", "03"), "type": "BULK"});
    let refused = app.gql(Some(token), GENERATE, json!({"input": overlapping})).await;
    let payload = &refused["data"]["locationsGenerate"];
    assert_eq!(payload["createdCount"], Value::Null, "{refused}");
    assert_eq!(payload["userErrors"].as_array().map(Vec::len), Some(1), "{refused}");
    let error = &payload["userErrors"][0];
    assert_eq!(
        (&error["code"], &error["subjectId"], &error["field"]),
        (&json!("TAKEN"), &json!(taken), &json!(["input"]))
    );
    assert!(error["message"].as_str().is_some_and(|m| m.contains("B-02")), "{refused}");
    assert_eq!(count(&app, token, &lax).await, 1, "none of B-01 and B-03 was made");

    // Many overlaps: the first twenty by name, the rest counted.
    let zone_c = json!({"warehouseId": lax, "zone": range("C", "C"), "aisle": range("01", "30"), "type": "PICK"});
    app.gql(Some(token), GENERATE, json!({"input": zone_c})).await;
    let wider = json!({"warehouseId": lax, "zone": range("C", "C"), "aisle": range("01", "40"), "type": "PICK"});
    let refused = app.gql(Some(token), GENERATE, json!({"input": wider})).await;
    let errors = refused["data"]["locationsGenerate"]["userErrors"].as_array().cloned().unwrap_or_default();
    assert_eq!(errors.len(), 21, "{refused}");
    assert!(errors[0]["message"].as_str().is_some_and(|m| m.contains("C-01")));
    assert!(errors[19]["message"].as_str().is_some_and(|m| m.contains("C-20")));
    assert_eq!(errors[20]["subjectId"], Value::Null);
    assert!(errors[20]["message"].as_str().is_some_and(|m| m.contains("10 more")), "{refused}");
    assert_eq!(count(&app, token, &lax).await, 31);
}

#[tokio::test]
async fn ranges_too_large_or_malformed_are_refused_field_by_field() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let lax = app.warehouse(&owner, "LAX1").await;
    let too_big = json!({"warehouseId": lax, "zone": range("A", "B"), "aisle": range("01", "50"), "bay": range("01", "51"),
                         "type": "PICK"});
    let refused = app.gql(Some(token), GENERATE, json!({"input": too_big})).await;
    let error = &refused["data"]["locationsGenerate"]["userErrors"][0];
    assert_eq!((&error["field"], &error["code"]), (&json!(["input"]), &json!("INVALID")), "{refused}");
    assert!(error["message"].as_str().is_some_and(|m| m.contains("5100") && m.contains("5000")), "{refused}");
    let in_chinese = app.gql_in(Some("zh-CN"), Some(token), GENERATE, json!({"input": too_big})).await;
    let message = &in_chinese["data"]["locationsGenerate"]["userErrors"][0]["message"];
    assert!(message.as_str().is_some_and(|m| m.contains("5100") && m.contains("库位")), "{in_chinese}");

    let malformed = json!({"warehouseId": lax, "zone": range("A", "1"), "aisle": range("10", "01"),
                           "level": range("1", "TOOLONG"), "type": "PICK"});
    let refused = app.gql(Some(token), GENERATE, json!({"input": malformed})).await;
    let fields: Vec<Value> = refused["data"]["locationsGenerate"]["userErrors"]
        .as_array()
        .map(|e| e.iter().map(|e| e["field"].clone()).collect())
        .unwrap_or_default();
    assert_eq!(
        fields,
        [
            json!(["input", "level"]),
            json!(["input", "zone"]),
            json!(["input", "aisle"]),
            json!(["input", "level", "to"])
        ],
        "{refused}"
    );
    assert_eq!(count(&app, token, &lax).await, 0);

    let exactly = json!({"warehouseId": lax, "zone": range("A", "E"), "aisle": range("1", "1000"), "type": "BULK",
                         "idempotencyKey": "layout-1"});
    let made = app.gql(Some(token), GENERATE, json!({"input": exactly})).await;
    assert_eq!(made["data"]["locationsGenerate"]["createdCount"], 5000, "{made}");
    let retried = app.gql(Some(token), GENERATE, json!({"input": exactly})).await;
    assert_eq!(retried["data"], made["data"], "a retry with the key answers the first result");
    assert_eq!(count(&app, token, &lax).await, 5000);
}
