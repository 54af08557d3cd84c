//! The orders context: outbound orders, allocation, backorders and
//! cancelling, and imports of orders from files. Its operations for the
//! isolation sweeps.

mod allocation;
mod imports;
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
    (
        "node",
        All(&[OrdersRead]),
        "query($orderImport: ID!) { node(id: $orderImport) { id ... on OrderImport { filename state rowsTotal errorCount errorReportUrl } } }",
    ),
    (
        "orderImport",
        All(&[OrdersRead]),
        "query($orderImport: ID!) { orderImport(id: $orderImport) { id filename state rowsDone errors { line column message } notices { message } } }",
    ),
    ("orderImports", All(&[OrdersRead]), "query { orderImports(first: 50) { totalCount nodes { id filename state } } }"),
    (
        "orderImportStart",
        All(&[OrdersWrite]),
        "mutation($merchant: ID!, $ordersUpload: ID!) { orderImportStart(input: {merchantId: $merchant, format: SILKPORT_ORDERS, uploadId: $ordersUpload}) { orderImport { id filename } userErrors { code } } }",
    ),
];

/// The victim's orders, as its owner reads them.
pub const SNAPSHOT: &str = "orders(first: 50) { totalCount nodes { id reference status lines { quantity allocated } } }
    orderImports(first: 10) { totalCount nodes { id state rowsDone errorCount } }";

/// One merchant's order and order import, as the tenant's owner reads them.
pub const OWNED_SNAPSHOT: &str =
    "order: node(id: $order) { ... on Order { reference status lines { quantity allocated } timeline { kind } } }
    orderImport: node(id: $orderImport) { ... on OrderImport { state rowsDone errorCount filename } }";

/// The variables [`OWNED_SNAPSHOT`] reads.
pub const OWNED_VARIABLES: &str = "$order: ID!, $orderImport: ID!";

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
    seeded.merge(seed_import(app, owner, merchant, &slug.to_uppercase()).await);
    seeded
}

/// An import of `merchant`'s orders from a file named after `code` (its
/// job not run: queued), and the upload it reads.
async fn seed_import(app: &TestApp, owner: &Session, merchant: &str, code: &str) -> Seeded {
    let mut seeded = Seeded::default();
    let filename = format!("{}-orders.csv", code.to_lowercase());
    let file = format!(
        "order_reference,sku_code,quantity,ship_to_name,ship_to_line1,ship_to_city,ship_to_region,ship_to_postal_code,ship_to_country\n{code}-IMPORTED-1,{code}-SKU,1,{code} importer,1 Main St,Reno,NV,89501,US\n"
    );
    let upload = app.upload(&owner.access_token, &filename, file.as_bytes()).await;
    let upload = upload["id"].as_str().expect("an upload id").to_owned();
    seeded.owned_id("ordersUpload", &upload);
    let started = app.order_import_start(&owner.access_token, Some(merchant), "SILKPORT_ORDERS", &upload).await;
    seeded.owned_id(
        "orderImport",
        started["orderImport"]["id"].as_str().unwrap_or_else(|| panic!("an import: {started}")),
    );
    seeded.owned_secret(&filename);
    seeded
}
