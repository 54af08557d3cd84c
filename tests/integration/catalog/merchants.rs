//! Merchants: checked input with every fault reported, codes unique per
//! tenant, search, partial updates, and what a merchant member sees.

use serde_json::{Value, json};
use silkport_tests::TestApp;

const CREATE: &str = "mutation($input: MerchantCreateInput!) { merchantCreate(input: $input) {
    merchant { id code name contactEmail defaultCurrency } userErrors { field code message } } }";
const LIST: &str = "query($q: String) { merchants(first: 50, query: $q) { totalCount nodes { code name } } }";

fn codes(response: &Value) -> Vec<String> {
    response["data"]["merchants"]["nodes"]
        .as_array()
        .map(|n| n.iter().filter_map(|m| m["code"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn bad_input_is_reported_field_by_field_and_creates_nothing() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    let bad = app
        .gql(
            token,
            CREATE,
            json!({"input": {"code": "no spaces!", "name": " ", "defaultCurrency": "XXY", "contactEmail": "not-an-email"}}),
        )
        .await;
    let errors = bad["data"]["merchantCreate"]["userErrors"].as_array().cloned().unwrap_or_default();
    let fields: Vec<&str> = errors.iter().filter_map(|e| e["field"][1].as_str()).collect();
    assert_eq!(fields, ["code", "name", "contactEmail", "defaultCurrency"], "{bad}");
    assert!(errors[3]["message"].as_str().is_some_and(|m| m.contains("ISO 4217")), "{bad}");
    assert_eq!(app.gql(token, LIST, json!({})).await["data"]["merchants"]["totalCount"], 0);

    let made = app
        .gql(token, CREATE, json!({"input": {"code": "m-001", "name": "Linyi Textiles", "defaultCurrency": "cny"}}))
        .await;
    let merchant = &made["data"]["merchantCreate"]["merchant"];
    assert_eq!(
        (merchant["code"].as_str(), merchant["defaultCurrency"].as_str()),
        (Some("M-001"), Some("CNY")),
        "{made}"
    );
    let again =
        app.gql(token, CREATE, json!({"input": {"code": "M-001", "name": "Another", "defaultCurrency": "USD"}})).await;
    assert_eq!(again["data"]["merchantCreate"]["userErrors"][0]["code"], "TAKEN", "{again}");
}

#[tokio::test]
async fn merchants_are_found_by_code_prefix_or_name() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    for (code, name) in [("LY-01", "Linyi Textiles"), ("LY-02", "Yiwu 100% Cotton"), ("HZ-01", "Hangzhou Tea")] {
        let made =
            app.gql(token, CREATE, json!({"input": {"code": code, "name": name, "defaultCurrency": "CNY"}})).await;
        assert_eq!(made["data"]["merchantCreate"]["userErrors"], json!([]), "{made}");
    }
    assert_eq!(codes(&app.gql(token, LIST, json!({"q": "ly-"})).await), ["LY-01", "LY-02"]);
    assert_eq!(codes(&app.gql(token, LIST, json!({"q": "tea"})).await), ["HZ-01"]);
    assert_eq!(codes(&app.gql(token, LIST, json!({"q": "100%"})).await), ["LY-02"], "% is taken literally");
    assert_eq!(codes(&app.gql(token, LIST, json!({"q": "1_0"})).await), Vec::<String>::new(), "_ is taken literally");
}

#[tokio::test]
async fn an_update_changes_only_what_it_names_and_an_empty_string_clears() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let id = app.merchant(&owner, "M1").await;
    let update = "mutation($input: MerchantUpdateInput!) { merchantUpdate(input: $input) {
        merchant { name contactEmail contactPhone defaultCurrency } userErrors { field code } } }";
    let token = Some(owner.access_token.as_str());
    let changed =
        app.gql(token, update, json!({"input": {"id": id, "contactPhone": "+86 539 123", "contactEmail": ""}})).await;
    assert_eq!(
        changed["data"]["merchantUpdate"]["merchant"],
        json!({"name": "Merchant M1", "contactEmail": null, "contactPhone": "+86 539 123", "defaultCurrency": "CNY"})
    );
    let wrong = app.gql(token, update, json!({"input": {"id": owner.tenant_id, "name": "X"}})).await;
    assert_eq!(wrong["data"]["merchantUpdate"]["userErrors"][0]["field"], json!(["input", "id"]), "{wrong}");
    let log = app.gql(token, "{ auditLog(first: 1) { nodes { action before after } } }", json!({})).await;
    let entry = &log["data"]["auditLog"]["nodes"][0];
    assert_eq!(entry["action"], "merchant.update");
    assert_eq!(entry["before"]["contactEmail"], "m1@merchants.example.com");
    assert_eq!(entry["after"]["contactEmail"], Value::Null);
}

#[tokio::test]
async fn a_merchant_member_is_bound_to_one_merchant_and_sees_only_it() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let own = app.merchant(&owner, "OWN").await;
    app.merchant(&owner, "OTHER").await;
    let invite = "mutation($input: MemberInviteInput!) { memberInvite(input: $input) { invitation { id } userErrors { field code } } }";
    let token = Some(owner.access_token.as_str());
    let unbound = app.gql(token, invite, json!({"input": {"email": "m@alpha.example.com", "role": "MERCHANT"}})).await;
    assert_eq!(unbound["data"]["memberInvite"]["userErrors"][0]["field"], json!(["input", "merchantId"]), "{unbound}");
    let misplaced = app
        .gql(token, invite, json!({"input": {"email": "v@alpha.example.com", "role": "VIEWER", "merchantId": own}}))
        .await;
    assert_eq!(misplaced["data"]["memberInvite"]["userErrors"][0]["code"], "INVALID", "{misplaced}");

    let member = app.merchant_member(&owner, "seller@alpha.example.com", &own).await;
    let seen = app
        .gql(
            Some(&member.access_token),
            "{ viewer { role merchant { code } } merchants(first: 50) { totalCount nodes { code } } }",
            json!({}),
        )
        .await;
    assert_eq!(seen["data"]["viewer"], json!({"role": "MERCHANT", "merchant": {"code": "OWN"}}), "{seen}");
    assert_eq!(seen["data"]["merchants"], json!({"totalCount": 1, "nodes": [{"code": "OWN"}]}));
    let scopes = app.gql(Some(&member.access_token), "{ viewer { scopes } }", json!({})).await;
    assert_eq!(
        scopes["data"]["viewer"]["scopes"],
        json!([
            "TENANT_READ",
            "MERCHANTS_READ",
            "CATALOG_READ",
            "CATALOG_WRITE",
            "WAREHOUSES_READ",
            "INVENTORY_READ",
            "ORDERS_READ",
            "ORDERS_WRITE",
            "RETURNS_READ",
            "RETURNS_WRITE",
            "INBOUND_READ",
            "INBOUND_WRITE"
        ])
    );
}

#[tokio::test]
async fn services_compose_in_one_transaction_that_commits_or_changes_nothing() {
    use domain::catalog::merchants::{self, NewMerchant};
    use domain::identity::api_clients::{self, NewApiClient};
    use domain::platform::access::{Permission, Role};

    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let tenant = uuid::Uuid::try_parse(owner.tenant_id.rsplit('/').next().expect("uuid")).expect("tenant");
    let me = app.gql(Some(&owner.access_token), "{ viewer { user { id } } }", json!({})).await;
    let user = uuid::Uuid::try_parse(
        me["data"]["viewer"]["user"]["id"].as_str().and_then(|g| g.rsplit('/').next()).expect("user"),
    )
    .expect("user uuid");
    let ctx = domain::TenantCtx::user(tenant, user, Role::Owner, None, None);
    let db = &app.state.db;
    let onboard = async |code: &str| {
        let mut tx = db.begin(&ctx).await.expect("tx");
        let new = NewMerchant {
            code: code.into(),
            name: "Onboarded".into(),
            default_currency: "CNY".into(),
            ..NewMerchant::default()
        };
        let merchant = merchants::create(&mut tx, new, None).await.expect("merchant");
        let client = NewApiClient {
            name: format!("{code} ERP"),
            scopes: vec![Permission::MerchantsRead],
            merchant_id: Some(merchant.id),
        };
        api_clients::create(&mut tx, client, None).await.expect("client");
        tx
    };
    drop(onboard("ROLLED-BACK").await);
    onboard("KEPT").await.commit().await.expect("commit");

    let seen = app
        .gql(Some(&owner.access_token), "{ merchants(first: 10) { nodes { code } } apiClients(first: 10) { nodes { name merchant { code } } } auditLog(first: 5) { nodes { action } } }", json!({}))
        .await;
    assert_eq!(seen["data"]["merchants"]["nodes"], json!([{"code": "KEPT"}]), "{seen}");
    assert_eq!(seen["data"]["apiClients"]["nodes"], json!([{"name": "KEPT ERP", "merchant": {"code": "KEPT"}}]));
    let actions: Vec<&str> = seen["data"]["auditLog"]["nodes"]
        .as_array()
        .expect("log")
        .iter()
        .filter_map(|e| e["action"].as_str())
        .collect();
    assert_eq!(
        &actions[..2],
        ["api_client.create", "merchant.create"],
        "both audited, nothing of the rolled-back pair"
    );
}
