//! The catalog context: merchants. Its operations and seeds for the
//! isolation sweeps.

mod merchants;

use domain::platform::access::Permission::*;
use serde_json::json;
use silkport_tests::sweep::Needs::{All, Unbound};
use silkport_tests::sweep::{Operations, Seeded};
use silkport_tests::{Session, TestApp};

pub const OPERATIONS: Operations = &[
    (
        "node",
        All(&[MerchantsRead]),
        "query($merchant: ID!) { node(id: $merchant) { id ... on Merchant { code name contactEmail } } }",
    ),
    (
        "merchants",
        All(&[MerchantsRead]),
        "query { merchants(first: 50) { totalCount nodes { id code name contactEmail } } }",
    ),
    (
        "merchantCreate",
        Unbound(&[MerchantsWrite]),
        "mutation { merchantCreate(input: {code: \"SWEEP\", name: \"Sweep\", defaultCurrency: \"USD\"}) { merchant { id } userErrors { code } } }",
    ),
    (
        "merchantUpdate",
        All(&[MerchantsWrite]),
        "mutation($merchant: ID!) { merchantUpdate(input: {id: $merchant, name: \"Taken over\", contactEmail: \"evil@example.com\"}) { merchant { id name } userErrors { code } } }",
    ),
];

/// The victim's catalog state, as its owner reads it.
pub const SNAPSHOT: &str = "merchants(first: 50) { totalCount nodes { id code name contactEmail defaultCurrency } }";

/// A merchant of `owner`'s tenant.
pub async fn seed(app: &TestApp, owner: &Session) -> Seeded {
    let mut seeded = seed_merchant(app, owner, "ALPHA-M").await;
    seeded.secret("alpha-m@merchants.example.com");
    seeded
}

async fn seed_merchant(app: &TestApp, owner: &Session, code: &str) -> Seeded {
    let mut seeded = Seeded::default();
    seeded.id("merchant", &app.merchant(owner, code).await);
    seeded.secret(code);
    seeded.secret(&format!("Merchant {code}"));
    seeded
}

/// Merchant `code`, to be another merchant's in the owner sweep.
pub async fn seed_owned(app: &TestApp, owner: &Session, code: &str) -> Seeded {
    let mut seeded = seed_merchant(app, owner, code).await;
    seeded.secret(&format!("{}@merchants.example.com", code.to_lowercase()));
    seeded
}

/// The owned catalog state the owner sweep watches.
pub const OWNED_SNAPSHOT: &str = "merchant: node(id: $merchant) { ... on Merchant { code name contactName contactEmail contactPhone defaultCurrency } }";

/// Checks the catalog answers a merchant-bound reader gets about its own merchant.
pub async fn own_merchant_visible(app: &TestApp, token: &str, merchant: &str) {
    let own = app.gql(Some(token), "query($m: ID!) { node(id: $m) { id } }", json!({"m": merchant})).await;
    assert_eq!(own["data"]["node"]["id"], merchant, "a merchant-bound reader sees its own merchant: {own}");
}
