//! Locations: codes built from their parts, unique per warehouse, filters,
//! deactivation, and lists whose database round trips do not grow with
//! the page.

use serde_json::{Value, json};
use silkport_tests::TestApp;

const CREATE: &str = "mutation($input: LocationCreateInput!) { locationCreate(input: $input) {
    location { id code zone aisle bay level bin type active warehouse { code } } userErrors { field code message subjectId } } }";

fn codes(response: &Value) -> Vec<String> {
    response["data"]["locations"]["nodes"]
        .as_array()
        .map(|n| n.iter().filter_map(|l| l["code"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn a_location_code_is_its_parts_joined_and_unique_in_its_warehouse() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    let lax = app.warehouse(&owner, "LAX1").await;
    let fra = app.warehouse(&owner, "FRA1").await;
    let input =
        json!({"warehouseId": lax, "zone": "a", "aisle": "01", "bay": "03", "level": "2", "bin": "b", "type": "PICK"});
    let made = app.gql(token, CREATE, json!({"input": input})).await;
    let location = &made["data"]["locationCreate"]["location"];
    assert_eq!(
        location,
        &json!({"id": location["id"], "code": "A-01-03-2-B", "zone": "A", "aisle": "01", "bay": "03", "level": "2",
                "bin": "B", "type": "PICK", "active": true, "warehouse": {"code": "LAX1"}}),
        "{made}"
    );
    let again = app.gql(token, CREATE, json!({"input": input})).await;
    let error = &again["data"]["locationCreate"]["userErrors"][0];
    assert_eq!((&error["code"], &error["subjectId"]), (&json!("TAKEN"), &location["id"]), "{again}");
    assert!(error["message"].as_str().is_some_and(|m| m.contains("A-01-03-2-B")), "{again}");

    let mut elsewhere = input.clone();
    elsewhere["warehouseId"] = json!(fra);
    let same_code = app.gql(token, CREATE, json!({"input": elsewhere})).await;
    assert_eq!(same_code["data"]["locationCreate"]["userErrors"], json!([]), "another warehouse may use the code");

    let dock =
        app.gql(token, CREATE, json!({"input": {"warehouseId": lax, "zone": "RECV", "type": "RECEIVING"}})).await;
    assert_eq!(dock["data"]["locationCreate"]["location"]["code"], "RECV", "{dock}");
}

#[tokio::test]
async fn a_retried_create_with_the_same_key_returns_the_first_location() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    let lax = app.warehouse(&owner, "LAX1").await;
    let input = json!({"warehouseId": lax, "zone": "S", "aisle": "1", "type": "STAGING", "idempotencyKey": "loc-1"});
    let first = app.gql(token, CREATE, json!({"input": input})).await;
    let retry = app.gql(token, CREATE, json!({"input": input})).await;
    assert_eq!(first["data"], retry["data"], "the retry answers the first result, not TAKEN");
    let listed = app.gql(token, "{ locations(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(listed["data"]["locations"]["totalCount"], 1);
}

#[tokio::test]
async fn bad_parts_and_unknown_warehouses_are_reported_and_nothing_is_created() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    let lax = app.warehouse(&owner, "LAX1").await;
    let cases = [
        (json!({"zone": "A-1", "aisle": "TOOLONG"}), vec![json!(["input", "zone"]), json!(["input", "aisle"])]),
        (json!({"zone": "A", "bay": "03"}), vec![json!(["input", "bay"])]),
        (json!({"zone": " "}), vec![json!(["input", "zone"])]),
    ];
    for (parts, fields) in cases {
        let mut input = parts.clone();
        input["warehouseId"] = json!(lax);
        input["type"] = json!("BULK");
        let refused = app.gql(token, CREATE, json!({"input": input})).await;
        let errors = refused["data"]["locationCreate"]["userErrors"].as_array().cloned().unwrap_or_default();
        let got: Vec<Value> = errors.iter().map(|e| e["field"].clone()).collect();
        assert_eq!(got, fields, "{parts}: {refused}");
        assert!(errors.iter().all(|e| e["code"] == "INVALID"), "{refused}");
    }
    let gap =
        app.gql(token, CREATE, json!({"input": {"warehouseId": lax, "zone": "A", "bay": "03", "type": "PICK"}})).await;
    assert!(gap["data"]["locationCreate"]["userErrors"][0]["message"].as_str().is_some_and(|m| m.contains("aisle")));

    let merchant = app.merchant(&owner, "M1").await;
    for (warehouse, code) in
        [(merchant.as_str(), "INVALID"), ("gid://silkport/Warehouse/0190b6d4-0000-7000-8000-000000000000", "NOT_FOUND")]
    {
        let refused =
            app.gql(token, CREATE, json!({"input": {"warehouseId": warehouse, "zone": "A", "type": "PICK"}})).await;
        let error = &refused["data"]["locationCreate"]["userErrors"][0];
        assert_eq!((&error["field"], &error["code"]), (&json!(["input", "warehouseId"]), &json!(code)), "{refused}");
    }
    let listed = app.gql(token, "{ locations(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(listed["data"]["locations"]["totalCount"], 0);
}

#[tokio::test]
async fn locations_are_found_by_warehouse_type_and_code_prefix() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    let lax = app.warehouse(&owner, "LAX1").await;
    let fra = app.warehouse(&owner, "FRA1").await;
    for parts in [["A", "01", "01"], ["A", "01", "02"], ["A", "02", "01"], ["B", "01", "01"]] {
        app.location(&owner, &lax, &parts).await;
    }
    app.location(&owner, &fra, &["A", "01", "01"]).await;
    app.gql(token, CREATE, json!({"input": {"warehouseId": lax, "zone": "DMG", "type": "DAMAGED"}})).await;
    let list =
        "query($w: ID, $t: LocationType, $q: String) { locations(first: 50, warehouseId: $w, type: $t, query: $q) {
        totalCount nodes { code warehouse { code } } } }";
    let find = async |variables: Value| codes(&app.gql(token, list, variables).await);
    assert_eq!(find(json!({"w": lax, "q": "a-01"})).await, ["A-01-01", "A-01-02"]);
    assert_eq!(find(json!({"q": "A-01-01"})).await, ["A-01-01", "A-01-01"], "both warehouses");
    assert_eq!(find(json!({"w": fra})).await, ["A-01-01"]);
    assert_eq!(find(json!({"t": "DAMAGED"})).await, ["DMG"]);
    assert_eq!(find(json!({"w": lax, "t": "PICK", "q": "B"})).await, ["B-01-01"]);
    assert_eq!(find(json!({"q": "%"})).await, Vec::<String>::new(), "% is taken literally");
    let bad = app.gql(token, list, json!({"w": owner.tenant_id})).await;
    assert_eq!(bad["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{bad}");
}

#[tokio::test]
async fn a_location_is_deactivated_and_retyped_but_keeps_its_code() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    let lax = app.warehouse(&owner, "LAX1").await;
    let id = app.location(&owner, &lax, &["Q", "01"]).await;
    let update = "mutation($input: LocationUpdateInput!) { locationUpdate(input: $input) {
        location { code type active } userErrors { field code } } }";
    let changed = app.gql(token, update, json!({"input": {"id": id, "type": "QUARANTINE", "active": false}})).await;
    assert_eq!(
        changed["data"]["locationUpdate"]["location"],
        json!({"code": "Q-01", "type": "QUARANTINE", "active": false}),
        "{changed}"
    );
    let back = app.gql(token, update, json!({"input": {"id": id, "active": true}})).await;
    assert_eq!(
        back["data"]["locationUpdate"]["location"],
        json!({"code": "Q-01", "type": "QUARANTINE", "active": true})
    );
    let wrong = app.gql(token, update, json!({"input": {"id": lax, "active": false}})).await;
    assert_eq!(wrong["data"]["locationUpdate"]["userErrors"][0]["field"], json!(["input", "id"]), "{wrong}");
    let log = app.gql(token, "{ auditLog(first: 2) { nodes { action before after } } }", json!({})).await;
    let entry = &log["data"]["auditLog"]["nodes"][1];
    assert_eq!(entry["action"], "location.update");
    assert_eq!(entry["before"], json!({"warehouse": "LAX1", "code": "Q-01", "type": "pick", "active": true}));
    assert_eq!(entry["after"], json!({"warehouse": "LAX1", "code": "Q-01", "type": "quarantine", "active": false}));
}

/// The database round trips of one request.
async fn round_trips(app: &TestApp, token: &str, query: &str) -> u64 {
    let before = app.state.db.stats().round_trips();
    let response = app.gql(Some(token), query, json!({})).await;
    assert!(response["errors"].is_null(), "{response}");
    app.state.db.stats().round_trips() - before
}

#[tokio::test]
async fn a_page_of_fifty_costs_the_same_round_trips_as_a_page_of_five() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let mut warehouses = Vec::new();
    for code in ["LAX1", "FRA1", "SYD1"] {
        warehouses.push(app.warehouse(&owner, code).await);
    }
    for (warehouse, zone) in warehouses.iter().zip(["A", "B", "C"]) {
        let generated = app
            .gql(
                Some(token),
                "mutation($w: ID!, $z: String!) { locationsGenerate(input: {warehouseId: $w, zone: {from: $z, to: $z}, aisle: {from: \"01\", to: \"20\"}, type: PICK}) { createdCount userErrors { code } } }",
                json!({"w": warehouse, "z": zone}),
            )
            .await;
        assert_eq!(generated["data"]["locationsGenerate"]["createdCount"], 20, "{generated}");
    }
    let page = |n: u32| {
        format!(
            "{{ locations(first: {n}) {{ totalCount nodes {{ id code type warehouse {{ code name timezone address {{ city countryCode }} }} }} }}
                warehouses(first: {n}) {{ totalCount nodes {{ code address {{ line1 }} }} }} }}"
        )
    };
    // Warm the caches a request reads first (the bearer's standing), then compare.
    round_trips(&app, token, &page(1)).await;
    let five = round_trips(&app, token, &page(5)).await;
    let fifty = round_trips(&app, token, &page(50)).await;
    assert_eq!(five, fifty, "round trips: {five} for 5 rows, {fifty} for 50");
}
