//! The returns context: returns (RMA) of shipped orders, received into
//! quarantine and inspected. Its operations for the isolation sweeps.

mod rmas;

use domain::platform::access::Permission::*;
use serde_json::json;
use silkport_tests::sweep::Needs::All;
use silkport_tests::sweep::{Operations, Seeded};
use silkport_tests::{Session, TestApp};

pub const OPERATIONS: Operations = &[
    (
        "node",
        All(&[ReturnsRead]),
        "query($return: ID!) { node(id: $return) { id ... on Return { reference status reason } } }",
    ),
    ("returns", All(&[ReturnsRead]), "query { returns(first: 50) { totalCount nodes { id reference status } } }"),
    (
        "returnCreate",
        All(&[ReturnsWrite]),
        "mutation($order: ID!, $sku: ID!) { returnCreate(input: {orderId: $order, reason: \"sweep\", lines: [{skuId: $sku, quantity: 1}]}) { return { id } userErrors { code } } }",
    ),
    (
        "returnReceive",
        All(&[InventoryWrite]),
        "mutation($return: ID!) { returnReceive(input: {returnId: $return, barcode: \"4006381333931\"}) { return { status } userErrors { code } } }",
    ),
    (
        "returnInspect",
        All(&[InventoryWrite]),
        "mutation($return: ID!) { returnInspect(input: {returnId: $return, barcode: \"4006381333931\", outcome: DISPOSE}) { return { status } userErrors { code } } }",
    ),
];

/// The victim's returns, as its owner reads them.
pub const SNAPSHOT: &str =
    "returns(first: 10) { totalCount nodes { id status lines { received restocked damaged disposed } } }";

/// One merchant's return, as the tenant's owner reads it.
pub const OWNED_SNAPSHOT: &str = "rma: node(id: $return) { ... on Return { reference status reason lines { received restocked damaged disposed } } }";

pub const OWNED_VARIABLES: &str = "$return: ID!";

/// A return of the seeded shipped order; its reason is a secret.
pub async fn seed(app: &TestApp, owner: &Session, order: &str, sku: &str) -> Seeded {
    let slug = owner.email.split('@').nth(1).and_then(|d| d.split('.').next()).expect("slug in the owner's email");
    let reason = format!("{slug} customer changed their mind");
    let made = app
        .gql(
            Some(&owner.access_token),
            rmas::CREATE,
            json!({"input": {"orderId": order, "reason": reason, "lines": [{"skuId": sku, "quantity": 1}]}}),
        )
        .await;
    let id = made["data"]["returnCreate"]["return"]["id"].as_str().unwrap_or_else(|| panic!("no return: {made}"));
    let mut seeded = Seeded::default();
    seeded.owned_id("return", id);
    seeded.owned_secret(&reason);
    seeded
}
