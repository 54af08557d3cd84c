//! Products: handles unique per merchant, titles in one language or two,
//! search, partial updates, and the merchant a product is made for.

use serde_json::{Value, json};
use silkport_tests::TestApp;

const CREATE: &str = "mutation($input: ProductCreateInput!) { productCreate(input: $input) {
    product { id handle titleZh titleEn status merchant { code } } userErrors { field code message } } }";
const UPDATE: &str = "mutation($input: ProductUpdateInput!) { productUpdate(input: $input) {
    product { handle titleZh titleEn status } userErrors { field code message } } }";
const LIST: &str =
    "query($q: String, $m: ID, $s: ProductStatus) { products(first: 50, query: $q, merchantId: $m, status: $s) {
    totalCount nodes { handle } } }";

fn handles(response: &Value) -> Vec<String> {
    let nodes = response["data"]["products"]["nodes"].as_array().cloned().unwrap_or_default();
    nodes.iter().filter_map(|p| p["handle"].as_str().map(str::to_owned)).collect()
}

fn fields(payload: &Value) -> Vec<String> {
    let errors = payload["userErrors"].as_array().cloned().unwrap_or_default();
    errors
        .iter()
        .map(|e| {
            e["field"]
                .as_array()
                .map(|f| f[1..].iter().filter_map(Value::as_str).collect::<Vec<_>>().join("."))
                .unwrap_or_default()
        })
        .collect()
}

#[tokio::test]
async fn a_product_is_made_read_and_changed() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let t = Some(owner.access_token.as_str());
    let merchant = app.merchant(&owner, "M1").await;
    let made = app
        .gql(t, CREATE, json!({"input": {"merchantId": merchant, "handle": " Linen-Shirt ", "titleZh": "亚麻衬衫"}}))
        .await;
    let product = &made["data"]["productCreate"]["product"];
    assert_eq!(
        product,
        &json!({"id": product["id"], "handle": "linen-shirt", "titleZh": "亚麻衬衫", "titleEn": null, "status": "ACTIVE",
                "merchant": {"code": "M1"}}),
        "{made}"
    );
    let id = product["id"].clone();
    let changed = app
        .gql(t, UPDATE, json!({"input": {"id": id, "titleEn": "Linen shirt", "titleZh": "", "status": "DRAFT"}}))
        .await;
    assert_eq!(
        changed["data"]["productUpdate"]["product"],
        json!({"handle": "linen-shirt", "titleZh": null, "titleEn": "Linen shirt", "status": "DRAFT"}),
        "{changed}"
    );
    let emptied = app.gql(t, UPDATE, json!({"input": {"id": id, "titleEn": ""}})).await;
    assert_eq!(fields(&emptied["data"]["productUpdate"]), ["titleEn"], "one title must remain: {emptied}");
    let read = app.gql(t, "query($id: ID!) { node(id: $id) { ... on Product { titleEn } } }", json!({"id": id})).await;
    assert_eq!(read["data"]["node"]["titleEn"], "Linen shirt", "a refused change changes nothing");
}

#[tokio::test]
async fn bad_input_is_reported_field_by_field_and_creates_nothing() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let t = Some(owner.access_token.as_str());
    let merchant = app.merchant(&owner, "M1").await;
    let bad = app.gql(t, CREATE, json!({"input": {"merchantId": merchant, "handle": "no spaces!"}})).await;
    assert_eq!(fields(&bad["data"]["productCreate"]), ["handle", "titleEn"], "{bad}");
    let long = app
        .gql(t, CREATE, json!({"input": {"merchantId": merchant, "handle": "long", "titleZh": "长".repeat(256)}}))
        .await;
    assert_eq!(fields(&long["data"]["productCreate"]), ["titleZh"], "{long}");
    let unnamed = app.gql(t, CREATE, json!({"input": {"handle": "who", "titleEn": "Whose?"}})).await;
    assert_eq!(unnamed["data"]["productCreate"]["userErrors"][0]["field"], json!(["input", "merchantId"]), "{unnamed}");
    let unknown =
        app.gql(t, CREATE, json!({"input": {"merchantId": owner.tenant_id, "handle": "x", "titleEn": "X"}})).await;
    assert_eq!(unknown["data"]["productCreate"]["userErrors"][0]["code"], "INVALID", "not a merchant id: {unknown}");
    assert_eq!(app.gql(t, LIST, json!({})).await["data"]["products"]["totalCount"], 0);
}

#[tokio::test]
async fn handles_are_unique_per_merchant() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let t = Some(owner.access_token.as_str());
    let (m1, m2) = (app.merchant(&owner, "M1").await, app.merchant(&owner, "M2").await);
    app.product(&owner.access_token, &m1, "linen-shirt").await;
    let again =
        app.gql(t, CREATE, json!({"input": {"merchantId": m1, "handle": "LINEN-SHIRT", "titleEn": "Again"}})).await;
    assert_eq!(again["data"]["productCreate"]["userErrors"][0]["code"], "TAKEN", "{again}");
    app.product(&owner.access_token, &m2, "linen-shirt").await;
    let other = app.product(&owner.access_token, &m1, "cotton-shirt").await;
    let clash = app.gql(t, UPDATE, json!({"input": {"id": other, "handle": "linen-shirt"}})).await;
    assert_eq!(clash["data"]["productUpdate"]["userErrors"][0]["code"], "TAKEN", "{clash}");
    assert_eq!(handles(&app.gql(t, LIST, json!({"m": m1})).await), ["linen-shirt", "cotton-shirt"]);
}

#[tokio::test]
async fn products_are_found_by_handle_prefix_title_and_status() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let t = Some(owner.access_token.as_str());
    let merchant = app.merchant(&owner, "M1").await;
    for (handle, zh, en, status) in [
        ("linen-shirt", "亚麻衬衫", "Linen Shirt", "ACTIVE"),
        ("linen-trousers", "亚麻长裤", "Linen trousers", "DRAFT"),
        ("silk-scarf", "真丝围巾", "Silk scarf", "ARCHIVED"),
    ] {
        let input = json!({"merchantId": merchant, "handle": handle, "titleZh": zh, "titleEn": en, "status": status});
        let made = app.gql(t, CREATE, json!({"input": input})).await;
        assert_eq!(made["data"]["productCreate"]["userErrors"], json!([]), "{made}");
    }
    assert_eq!(handles(&app.gql(t, LIST, json!({"q": "LINEN-"})).await), ["linen-shirt", "linen-trousers"]);
    assert_eq!(handles(&app.gql(t, LIST, json!({"q": "shirt"})).await), ["linen-shirt"]);
    assert_eq!(handles(&app.gql(t, LIST, json!({"q": "围巾"})).await), ["silk-scarf"]);
    assert_eq!(handles(&app.gql(t, LIST, json!({"s": "DRAFT"})).await), ["linen-trousers"]);
}
