//! Owner scoping: inside one warehouse tenant, a merchant user and a
//! merchant-bound partner client run every operation of every context with
//! another merchant's ids, and must neither read nor change anything that
//! merchant owns. Each context seeds what its owned entities are
//! (`seed_owned`) and how to read them back (`OWNED_SNAPSHOT`).

use serde_json::json;
use silkport_tests::TestApp;

use crate::isolation::{seed_alpha, sweep};
use crate::{catalog, identity, orders};

#[tokio::test]
async fn a_merchant_reads_and_changes_nothing_of_another_merchant() {
    let app = TestApp::spawn().await;
    let (owner, mut victim) = seed_alpha(&app).await;
    let own = app.merchant(&owner, "OWN-M").await;
    let other = catalog::seed_owned(&app, &owner, "OTHER-M").await;
    let other_id = other.ids["merchant"].as_str().expect("merchant id").to_owned();
    let clients = identity::seed_owned(&app, &owner, &other_id).await;
    let order_imports = orders::seed_owned(&app, &owner, &other_id, "OTHER-M").await;
    // The outsider may see the tenant's own things; only the other merchant's are secret.
    victim.secrets.clear();
    victim.merge(other);
    victim.merge(clients);
    victim.merge(order_imports);
    let watch = format!(
        "query({}, $apiClient: ID!, {}) {{ {} {} {} }}",
        catalog::OWNED_VARIABLES,
        orders::OWNED_VARIABLES,
        catalog::OWNED_SNAPSHOT,
        identity::OWNED_SNAPSHOT,
        orders::OWNED_SNAPSHOT
    );

    let member = app.merchant_member(&owner, "seller@alpha.example.com", &own).await;
    catalog::own_merchant_visible(&app, &member.access_token, &own).await;
    sweep(&app, &victim, &member.access_token, &member.refresh_token, &owner.access_token, &watch).await;

    let created = app
        .gql(
            Some(&owner.access_token),
            "mutation($m: ID!) { apiClientCreate(input: {name: \"Own ERP\", merchantId: $m,
                scopes: [TENANT_READ, API_CLIENTS_READ, API_CLIENTS_WRITE, MERCHANTS_READ, MERCHANTS_WRITE, CATALOG_READ, CATALOG_WRITE]}) {
                apiClient { clientId } clientSecret userErrors { message } } }",
            json!({"m": own}),
        )
        .await;
    let client = &created["data"]["apiClientCreate"];
    let token = app
        .client_token(
            client["apiClient"]["clientId"].as_str().expect("client id"),
            client["clientSecret"].as_str().expect("secret"),
        )
        .await;
    catalog::own_merchant_visible(&app, &token, &own).await;
    sweep(&app, &victim, &token, &member.refresh_token, &owner.access_token, &watch).await;
}

#[tokio::test]
async fn a_merchant_bound_client_cannot_be_given_tenant_wide_scopes() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let merchant = app.merchant(&owner, "M1").await;
    let refused = app
        .gql(
            Some(&owner.access_token),
            "mutation($m: ID!) { apiClientCreate(input: {name: \"Too wide\", merchantId: $m, scopes: [MERCHANTS_READ, AUDIT_READ]}) { apiClient { id } userErrors { field code message } } }",
            json!({"m": merchant}),
        )
        .await;
    let errors = &refused["data"]["apiClientCreate"]["userErrors"];
    assert_eq!(errors[0]["field"], json!(["input", "scopes"]), "{refused}");
    assert!(errors[0]["message"].as_str().is_some_and(|m| m.contains("audit:read")), "{refused}");
    assert_eq!(refused["data"]["apiClientCreate"]["apiClient"], serde_json::Value::Null);
}
