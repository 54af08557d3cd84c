//! The orders context: outbound orders, allocation, backorders and
//! cancelling. Its operations for the isolation sweeps.

mod allocation;
pub mod intake;

use domain::platform::access::Permission::*;
use serde_json::json;
use silkport_tests::sweep::Needs::All;
use silkport_tests::sweep::{Operations, Seeded};
use silkport_tests::{Session, TestApp};

pub const OPERATIONS: Operations = &[
    (
        "node",
        All(&[OrdersRead]),
        "query($order: ID!) { node(id: $order) { id ... on Order { reference status shipTo { name line1 } } } }",
    ),
    ("orders", All(&[OrdersRead]), "query { orders(first: 50) { totalCount nodes { id reference status totalUnits } } }"),
    (
        "orderCreate",
        All(&[OrdersWrite]),
        "mutation($merchant: ID!, $sku: ID!) { orderCreate(input: {merchantId: $merchant, reference: \"SWEEP-1\",
            shipTo: {name: \"Eve\", line1: \"1 Main St\", city: \"Reno\", region: \"NV\", postalCode: \"89501\", countryCode: \"US\"},
            lines: [{skuId: $sku, quantity: 1}]}) { order { id status } userErrors { code } } }",
    ),
    (
        "orderCancel",
        All(&[OrdersWrite]),
        "mutation($order: ID!) { orderCancel(input: {id: $order, reason: \"taken over\"}) { order { id status } userErrors { code } } }",
    ),
];

/// The victim's orders, as its owner reads them.
pub const SNAPSHOT: &str =
    "orders(first: 50) { totalCount nodes { id reference status lines { quantity allocated } } }";

/// One merchant's order, as the tenant's owner reads it.
pub const OWNED_SNAPSHOT: &str =
    "order: node(id: $order) { ... on Order { reference status lines { quantity allocated } timeline { kind } } }";

pub const OWNED_VARIABLES: &str = "$order: ID!";

/// An order of one unit of `sku` (which has stock) for `merchant`; its
/// reference and recipient are secrets.
pub async fn seed(app: &TestApp, owner: &Session, merchant: &str, sku: &str) -> Seeded {
    let slug = owner.email.split('@').nth(1).and_then(|d| d.split('.').next()).expect("slug in the owner's email");
    let reference = format!("{}-ORDER-1", slug.to_uppercase());
    let recipient = format!("{slug} recipient");
    let input = json!({"merchantId": merchant, "reference": reference, "lines": [{"skuId": sku, "quantity": 1}],
                       "shipTo": {"name": recipient, "line1": "100 Main St", "city": "Los Angeles", "region": "CA", "postalCode": "90001", "countryCode": "US"}});
    let made = app.gql(Some(&owner.access_token), intake::CREATE, json!({"input": input})).await;
    let order = made["data"]["orderCreate"]["order"]["id"].as_str().unwrap_or_else(|| panic!("order not made: {made}"));
    let mut seeded = Seeded::default();
    seeded.owned_id("order", order);
    seeded.owned_secret(&reference);
    seeded.owned_secret(&recipient);
    seeded
}
