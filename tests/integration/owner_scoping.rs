//! Owner scoping: inside one warehouse tenant, a merchant user and a
//! merchant-bound partner client of merchant OWN-M run every operation of
//! every context with the ids of merchant ALPHA-M (which has goods, stock,
//! a transfer, an ASN, orders, a shipped order and a return: the whole
//! isolation seed), and must neither read nor change anything ALPHA-M owns.
//! The seeds mark what a merchant owns (`Seeded::owned_id`,
//! `owned_secret`); each context reads it back in its `OWNED_SNAPSHOT`.

use domain::platform::access::{Permission, Reach};
use serde_json::json;
use silkport_tests::TestApp;

use crate::isolation::{seed_alpha, sweep};
use crate::{catalog, fulfilment, identity, inbound, inventory, orders, returns};

#[tokio::test]
async fn a_merchant_reads_and_changes_nothing_of_another_merchant() {
    let app = TestApp::spawn().await;
    let (owner, mut victim) = seed_alpha(&app).await;
    let own = app.merchant(&owner, "OWN-M").await;
    let victim_merchant = victim.ids["merchant"].as_str().expect("merchant id").to_owned();
    victim.merge(identity::seed_owned(&app, &owner, &victim_merchant).await);
    // Warehouses, locations, waves and counts are the tenant's; only what
    // ALPHA-M owns is secret from OWN-M.
    victim.keep_owned_secrets();
    let variables = [
        catalog::OWNED_VARIABLES,
        "$apiClient: ID!",
        inventory::OWNED_VARIABLES,
        inbound::OWNED_VARIABLES,
        orders::OWNED_VARIABLES,
        fulfilment::OWNED_VARIABLES,
        returns::OWNED_VARIABLES,
    ];
    let reads = [
        catalog::OWNED_SNAPSHOT,
        identity::OWNED_SNAPSHOT,
        inventory::OWNED_SNAPSHOT,
        inbound::OWNED_SNAPSHOT,
        orders::OWNED_SNAPSHOT,
        fulfilment::OWNED_SNAPSHOT,
        returns::OWNED_SNAPSHOT,
    ];
    let watch = format!("query({}) {{ {} }}", variables.join(", "), reads.join(" "));

    let member = app.merchant_member(&owner, "seller@alpha.example.com", &own).await;
    catalog::own_merchant_visible(&app, &member.access_token, &own).await;
    sweep(&app, &victim, &member.access_token, &member.refresh_token, &owner.access_token, &watch).await;

    // Every scope a merchant-bound client may hold.
    let merchant_scopes: Vec<String> = Permission::ALL
        .iter()
        .filter(|p| p.reach() == Reach::Merchant)
        .map(|p| p.as_str().to_uppercase().replace(':', "_"))
        .collect();
    let created = app
        .gql(
            Some(&owner.access_token),
            "mutation($m: ID!, $scopes: [Scope!]!) { apiClientCreate(input: {name: \"Own ERP\", merchantId: $m,
                scopes: $scopes}) {
                apiClient { clientId } clientSecret userErrors { message } } }",
            json!({"m": own, "scopes": merchant_scopes}),
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
