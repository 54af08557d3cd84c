//! The catalog context: merchants, products and SKUs, and imports of
//! SKUs (with opening stock). Its operations and seeds for the isolation
//! sweeps.

mod imports;
mod merchants;
mod opening_stock;
mod products;
mod skus;

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
    (
        "node",
        All(&[CatalogRead]),
        "query($product: ID!) { node(id: $product) { id ... on Product { handle titleZh titleEn status } } }",
    ),
    (
        "node",
        All(&[CatalogRead]),
        "query($sku: ID!) { node(id: $sku) { id ... on Sku { code nameZh nameEn hsCode barcodes { barcode } declaredValue { amount currencyCode } product { handle } } } }",
    ),
    (
        "products",
        All(&[CatalogRead]),
        "query { products(first: 50) { totalCount nodes { id handle titleZh titleEn status } } }",
    ),
    (
        "products",
        All(&[CatalogRead]),
        "query($merchant: ID!) { products(first: 50, merchantId: $merchant, query: \"alpha\") { totalCount nodes { id handle } } }",
    ),
    (
        "skus",
        All(&[CatalogRead]),
        "query { skus(first: 50) { totalCount nodes { id code nameZh nameEn hsCode weightGrams barcodes { barcode kind } product { id handle } } } }",
    ),
    (
        "skus",
        All(&[CatalogRead]),
        "query($merchant: ID!) { skus(first: 50, merchantId: $merchant, query: \"4006381333931\") { totalCount nodes { id code } } }",
    ),
    (
        "productCreate",
        All(&[CatalogWrite]),
        "mutation($merchant: ID!) { productCreate(input: {merchantId: $merchant, handle: \"sweep\", titleEn: \"Sweep\"}) { product { id } userErrors { code } } }",
    ),
    (
        "productUpdate",
        All(&[CatalogWrite]),
        "mutation($product: ID!) { productUpdate(input: {id: $product, titleEn: \"Taken over\", status: ARCHIVED}) { product { id titleEn } userErrors { code } } }",
    ),
    (
        "skuCreate",
        All(&[CatalogWrite]),
        "mutation($product: ID!) { skuCreate(input: {productId: $product, code: \"SWEEP-1\", nameEn: \"Sweep\", barcodes: [{barcode: \"4006381333931\", kind: GTIN_13}]}) { sku { id code } userErrors { code } } }",
    ),
    (
        "skuUpdate",
        All(&[CatalogWrite]),
        "mutation($sku: ID!) { skuUpdate(input: {id: $sku, nameEn: \"Taken over\", weightGrams: null, barcodes: []}) { sku { id nameEn } userErrors { code } } }",
    ),
    (
        "node",
        All(&[CatalogRead]),
        "query($skuImport: ID!) { node(id: $skuImport) { id ... on SkuImport { filename state rowsTotal errorCount errorReportUrl } } }",
    ),
    (
        "skuImport",
        All(&[CatalogRead]),
        "query($skuImport: ID!) { skuImport(id: $skuImport) { id filename state rowsDone errors { line column message } } }",
    ),
    ("skuImports", All(&[CatalogRead]), "query { skuImports(first: 50) { totalCount nodes { id filename state } } }"),
    (
        "skuImportStart",
        All(&[CatalogWrite]),
        "mutation($merchant: ID!, $upload: ID!) { skuImportStart(input: {merchantId: $merchant, format: SILKPORT_SKUS, uploadId: $upload}) { skuImport { id filename } userErrors { code } } }",
    ),
];

/// The victim's catalog state, as its owner reads it.
pub const SNAPSHOT: &str = "merchants(first: 50) { totalCount nodes { id code name contactEmail defaultCurrency } }
    products(first: 50) { totalCount nodes { id handle titleEn status updatedAt } }
    skus(first: 50) { totalCount nodes { id code nameEn weightGrams barcodes { barcode } updatedAt } }
    skuImports(first: 50) { totalCount nodes { id state rowsDone errorCount } }";

/// A merchant of `owner`'s tenant with a product and a SKU of it.
pub async fn seed(app: &TestApp, owner: &Session) -> Seeded {
    let mut seeded = seed_merchant(app, owner, "ALPHA-M").await;
    seeded.owned_secret("alpha-m@merchants.example.com");
    seeded
}

/// Merchant `code` with a product and a barcoded SKU of its own.
async fn seed_merchant(app: &TestApp, owner: &Session, code: &str) -> Seeded {
    let mut seeded = Seeded::default();
    let merchant = app.merchant(owner, code).await;
    seeded.owned_id("merchant", &merchant);
    seeded.owned_secret(code);
    seeded.owned_secret(&format!("Merchant {code}"));
    let handle = format!("{}-linen-shirt", code.to_lowercase());
    let product = app.product(&owner.access_token, &merchant, &handle).await;
    seeded.owned_id("product", &product);
    seeded.owned_secret(&handle);
    let sku_code = format!("{code}-SHIRT-RED");
    let more = json!({"nameZh": format!("{code} 红色亚麻衬衫"), "hsCode": "6109.10", "weightGrams": 180,
                      "barcodes": [{"barcode": "4006381333931", "kind": "GTIN_13"}, {"barcode": format!("{code}-BIN"), "kind": "INTERNAL"}]});
    seeded.owned_id("sku", &app.sku(&owner.access_token, &product, &sku_code, more).await);
    seeded.owned_secret(&sku_code);
    seeded.owned_secret(&format!("{code} 红色亚麻衬衫"));
    seeded.owned_secret(&format!("{code}-BIN"));
    seeded.owned_secret("4006381333931");
    // An import of theirs (its job not run: queued), from a file of theirs.
    let filename = format!("{}-skus.csv", code.to_lowercase());
    let file = format!("product_handle,sku_code,name_en\n{handle},{sku_code}-IMPORTED,Imported {code}\n");
    let upload = app.upload(&owner.access_token, &filename, file.as_bytes()).await;
    let upload = upload["id"].as_str().expect("an upload id").to_owned();
    seeded.owned_id("upload", &upload);
    let started = app.sku_import_start(&owner.access_token, Some(&merchant), "SILKPORT_SKUS", &upload).await;
    seeded.owned_id("skuImport", started["skuImport"]["id"].as_str().unwrap_or_else(|| panic!("an import: {started}")));
    seeded.owned_secret(&filename);
    seeded
}

/// The owned catalog state the owner sweep watches.
pub const OWNED_SNAPSHOT: &str = "merchant: node(id: $merchant) { ... on Merchant { code name contactName contactEmail contactPhone defaultCurrency } }
    product: node(id: $product) { ... on Product { handle titleZh titleEn status updatedAt } }
    sku: node(id: $sku) { ... on Sku { code nameZh nameEn weightGrams barcodes { barcode kind } updatedAt } }
    skuImport: node(id: $skuImport) { ... on SkuImport { state rowsDone errorCount } }";

/// The variables [`OWNED_SNAPSHOT`] reads.
pub const OWNED_VARIABLES: &str = "$merchant: ID!, $product: ID!, $sku: ID!, $skuImport: ID!";

/// Checks the catalog answers a merchant-bound reader gets about its own merchant.
pub async fn own_merchant_visible(app: &TestApp, token: &str, merchant: &str) {
    let own = app.gql(Some(token), "query($m: ID!) { node(id: $m) { id } }", json!({"m": merchant})).await;
    assert_eq!(own["data"]["node"]["id"], merchant, "a merchant-bound reader sees its own merchant: {own}");
}
