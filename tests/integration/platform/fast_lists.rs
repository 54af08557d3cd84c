//! Fast lists answer exactly as the ordinary resolvers do: every field of
//! every plain list type, read through its list and through `node(id:)`,
//! is the same; and the single-pass walk keeps GraphQL's rules for
//! aliases, `__typename`, fragments, `@skip`/`@include` and fields selected
//! twice.

use serde_json::json;
use silkport_tests::TestApp;
use silkport_tests::schema::all_fields;

/// `(list field, node type)` of every list served by the fast path.
const LISTS: &[(&str, &str)] = &[
    ("auditLog", "AuditEntry"),
    ("jobs", "Job"),
    ("merchants", "Merchant"),
    ("products", "Product"),
    ("skus", "Sku"),
    ("warehouses", "Warehouse"),
    ("locations", "Location"),
];

async fn seeded() -> (TestApp, String) {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.clone();
    let merchant = app.merchant(&owner, "M1").await;
    let product = app.product(&token, &merchant, "linen-shirt").await;
    let full = json!({"nameZh": "亚麻衬衫", "options": [{"name": "Color", "value": "Red"}], "hsCode": "620590",
                      "originCountry": "CN", "declaredValue": {"amount": "12.5", "currencyCode": "USD"},
                      "weightGrams": 180, "dimensionsMm": {"length": 300, "width": 200, "height": 20},
                      "lotTracked": true, "barcodes": [{"barcode": "4006381333931", "kind": "GTIN_13"}]});
    app.sku(&token, &product, "LS-RED", full).await;
    app.sku(&token, &product, "LS-BARE", json!({})).await;
    app.product(&token, &merchant, "bare").await;
    let warehouse = app.warehouse(&owner, "LAX1").await;
    app.warehouse(&owner, "FRA1").await;
    app.location(&owner, &warehouse, &["A", "01", "01", "1", "A"]).await;
    app.location(&owner, &warehouse, &["RECV"]).await;
    let bare = "mutation { merchantCreate(input: {code: \"BARE\", name: \"No contact\", defaultCurrency: \"USD\"}) { userErrors { code } } }";
    app.gql(Some(&token), bare, json!({})).await;
    app.member(&owner, "op@alpha.example.com", "OPERATOR").await;
    let invite =
        "mutation { memberInvite(input: {email: \"later@alpha.example.com\", role: VIEWER}) { userErrors { code } } }";
    app.gql(Some(&token), invite, json!({})).await;
    app.partner_token(&owner, "TENANT_READ").await;
    (app, token)
}

#[tokio::test]
async fn every_field_of_a_listed_object_matches_the_ordinary_resolver() {
    let (app, token) = seeded().await;
    for (list, node_type) in LISTS {
        let selection = all_fields(node_type, 2);
        // Ten per page: fifty SKUs with every nested field, twice, are over the cost limit.
        let listed = app
            .gql(
                Some(&token),
                &format!("{{ {list}(first: 10) {{ nodes {selection} edges {{ node {selection} }} }} }}"),
                json!({}),
            )
            .await;
        assert!(listed["errors"].is_null(), "{listed}");
        let nodes = listed["data"][list]["nodes"].as_array().cloned().unwrap_or_default();
        assert!(nodes.len() >= 2, "{list} lists something to compare: {listed}");
        for (position, node) in nodes.iter().enumerate() {
            assert_eq!(&listed["data"][list]["edges"][position]["node"], node, "edges and nodes agree");
            let one = app
                .gql(
                    Some(&token),
                    &format!("query($id: ID!) {{ node(id: $id) {{ ... on {node_type} {selection} }} }}"),
                    json!({"id": node["id"]}),
                )
                .await;
            assert_eq!(&one["data"]["node"], node, "{node_type} through {list} differs from node(id:)");
        }
    }
}

const SHAPES: &str = "query($no: Boolean!, $yes: Boolean!) { auditLog(first: 3) { nodes {
    __typename
    key: id
    id
    actor { kind }
    actor { label }
    ... on Node { nodeId: id }
    ... on AuditEntry { action }
    ...entry
    ... { at }
    skipped: action @skip(if: $yes)
    included: action @include(if: $yes)
    excluded: action @include(if: $no)
} } }
fragment entry on AuditEntry { subjectId actor { id } }";

#[tokio::test]
async fn the_single_pass_keeps_graphql_rules() {
    let (app, token) = seeded().await;
    let text = app
        .http
        .post(format!("{}/graphql", app.url))
        .bearer_auth(&token)
        .json(&json!({"query": SHAPES, "variables": {"no": false, "yes": true}}))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    let response: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert!(response["errors"].is_null(), "{response}");
    let first = &response["data"]["auditLog"]["nodes"][0];
    let mut keys: Vec<&str> = first.as_object().expect("an object").keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["__typename", "action", "actor", "at", "id", "included", "key", "nodeId", "subjectId"],
        "{first}"
    );
    assert_eq!(first["__typename"], "AuditEntry");
    assert_eq!(first["key"], first["id"]);
    assert_eq!(first["nodeId"], first["id"]);
    // Fields come in the order they were selected, merged selections included.
    let in_order = [
        "\"__typename\"",
        "\"key\"",
        "\"id\"",
        "\"actor\"",
        "\"kind\"",
        "\"label\"",
        "\"id\"",
        "\"nodeId\"",
        "\"action\"",
        "\"subjectId\"",
        "\"at\"",
        "\"included\"",
    ];
    let mut from = text.find("\"nodes\"").expect("nodes");
    for key in in_order {
        from += text[from..].find(key).unwrap_or_else(|| panic!("{key} out of order in {text}"));
    }
    let one = app
        .gql(
            Some(&token),
            &SHAPES
                .replace("auditLog(first: 3) { nodes {", "node(id: $id) { ... on AuditEntry {")
                .replace("query($no: Boolean!, $yes: Boolean!)", "query($no: Boolean!, $yes: Boolean!, $id: ID!)"),
            json!({"no": false, "yes": true, "id": first["id"]}),
        )
        .await;
    assert_eq!(&one["data"]["node"], first, "the ordinary resolver answers the same: {one}");
}
