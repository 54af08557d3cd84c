//! Opening stock in Silkport's SKU CSV (`stock:<WAREHOUSE>:<LOCATION>`
//! columns, a `lot` column for lot-tracked SKUs): it lands in its bins as
//! ledger receipts with the SKUs, the ledger's check stays clean, importing
//! the file again changes nothing, another quantity where the SKU has stock
//! history is a fault (an adjustment or a count changes real stock), bad
//! cells are named by line and column, and merchants may not load stock.

use serde_json::{Value, json};
use silkport_tests::runner::Workers;
use silkport_tests::{Session, TestApp};

use super::imports::{import, shop};

const BINS: &str = "{ binStocks(first: 20) { nodes { onHand lot sku { code } location { code } } } }";

const MOVEMENTS: &str = "{ stockMovements(first: 20) { nodes { kind reason delta referenceType location { code } } } }";

const CHECK: &str = "{ inventoryCheck { ok mismatches { invariant recorded expected } } }";

/// Warehouse LAX1 with pick locations A-01-01-1-A and B-01 in `owner`'s tenant.
async fn shelves(app: &TestApp, owner: &Session) {
    let warehouse = app.warehouse(owner, "LAX1").await;
    app.location(owner, &warehouse, &["A", "01", "01", "1", "A"]).await;
    app.location(owner, &warehouse, &["B", "01"]).await;
}

/// `(line, column, code)` of each fault listed.
fn places(done: &Value) -> Vec<(i64, String, String)> {
    done["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            (
                e["line"].as_i64().expect("line"),
                e["column"].as_str().unwrap_or("").to_owned(),
                e["code"].as_str().expect("code").to_owned(),
            )
        })
        .collect()
}

async fn opening_audits(app: &TestApp, token: &str) -> u64 {
    let log = app
        .gql(Some(token), "{ auditLog(first: 1, filter: {actions: [\"stock.opening\"]}) { totalCount } }", json!({}))
        .await;
    log["data"]["auditLog"]["totalCount"].as_u64().unwrap_or_else(|| panic!("{log}"))
}

const FILE: &str = "product_handle,sku_code,name_en,lot_tracked,lot,stock:LAX1:A-01-01-1-A,stock:lax1:b-01
mug,MUG-1,Mug,false,,12,3
tea,TEA-1,Tea,true,L2024-03,5,
";

#[tokio::test]
async fn opening_stock_lands_in_its_bins_through_the_ledger_and_importing_it_again_changes_nothing() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let token = owner.access_token.as_str();
    shelves(&app, &owner).await;
    let workers = Workers::start(&app);

    let done = import(&app, token, Some(&merchant), "SILKPORT_SKUS", FILE.as_bytes()).await;
    assert_eq!(
        [&done["state"], &done["skusCreated"], &done["openingStockPlaced"]],
        [&json!("SUCCEEDED"), &json!(2), &json!(3)],
        "{done}"
    );
    let bins = app.gql(Some(token), BINS, json!({})).await;
    let mut placed: Vec<(String, String, Value, i64)> = bins["data"]["binStocks"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|b| {
            (
                b["sku"]["code"].as_str().unwrap_or("").to_owned(),
                b["location"]["code"].as_str().unwrap_or("").to_owned(),
                b["lot"].clone(),
                b["onHand"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    placed.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    assert_eq!(
        placed,
        [
            ("MUG-1".into(), "A-01-01-1-A".into(), Value::Null, 12),
            ("MUG-1".into(), "B-01".into(), Value::Null, 3),
            ("TEA-1".into(), "A-01-01-1-A".into(), json!("L2024-03"), 5),
        ],
        "codes in any case; the lot of a lot-tracked SKU: {bins}"
    );
    let movements = app.gql(Some(token), MOVEMENTS, json!({})).await;
    let nodes = movements["data"]["stockMovements"]["nodes"].as_array().cloned().unwrap_or_default();
    assert_eq!(nodes.len(), 3, "{movements}");
    for movement in &nodes {
        assert_eq!(
            [&movement["kind"], &movement["reason"], &movement["referenceType"]],
            [&json!("RECEIPT"), &json!("opening_stock"), &json!("SkuImport")],
            "{movements}"
        );
    }
    let check = app.gql(Some(token), CHECK, json!({})).await;
    assert_eq!(check["data"]["inventoryCheck"], json!({"ok": true, "mismatches": []}), "{check}");
    assert_eq!(opening_audits(&app, token).await, 3);

    let again = import(&app, token, Some(&merchant), "SILKPORT_SKUS", FILE.as_bytes()).await;
    assert_eq!(
        [&again["state"], &again["skusUnchanged"], &again["openingStockPlaced"]],
        [&json!("SUCCEEDED"), &json!(2), &json!(0)],
        "{again}"
    );
    assert_eq!(app.gql(Some(token), BINS, json!({})).await, bins, "the bins as they were");
    assert_eq!(app.gql(Some(token), MOVEMENTS, json!({})).await, movements, "no movement");
    assert_eq!(opening_audits(&app, token).await, 3, "nothing audited");
    workers.stop().await;
}

#[tokio::test]
async fn another_quantity_where_the_sku_has_stock_history_is_a_fault_and_bad_cells_are_named() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let token = owner.access_token.as_str();
    shelves(&app, &owner).await;
    let workers = Workers::start(&app);
    let done = import(&app, token, Some(&merchant), "SILKPORT_SKUS", FILE.as_bytes()).await;
    assert_eq!(done["state"], "SUCCEEDED", "{done}");

    // Two mugs leave A-01-01-1-A by hand: the file's 12 is no longer what is there.
    let mug = app.gql(Some(token), "{ skus(first: 1, query: \"MUG-1\") { nodes { id } } }", json!({})).await;
    let mug = mug["data"]["skus"]["nodes"][0]["id"].as_str().expect("MUG-1").to_owned();
    let location =
        app.gql(Some(token), "{ locations(first: 1, query: \"A-01-01\") { nodes { id } } }", json!({})).await;
    let location = location["data"]["locations"]["nodes"][0]["id"].as_str().expect("location").to_owned();
    let taken = app.adjust(token, &mug, &location, -2).await;
    assert_eq!(taken["userErrors"], json!([]), "{taken}");
    let bins = app.gql(Some(token), BINS, json!({})).await;
    let refused = import(&app, token, Some(&merchant), "SILKPORT_SKUS", FILE.as_bytes()).await;
    assert_eq!(refused["state"], "FAILED", "{refused}");
    assert_eq!(places(&refused), [(2, "stock:LAX1:A-01-01-1-A".into(), "INVALID".into())], "{refused}");
    let message = refused["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("10 on hand now, 12 in the file") && message.contains("adjustment"), "{refused}");
    assert_eq!(app.gql(Some(token), BINS, json!({})).await, bins, "nothing changed");

    let bad = "product_handle,sku_code,name_en,lot_tracked,lot,stock:LAX1:A-01-01-1-A,stock:NOPE:A-01,stock:LAX1:Z-99
cup,CUP-1,Cup,false,,-1,,
cup,CUP-2,Cup,false,,2.5,,
cup,CUP-3,Cup,false,,,4,
cup,CUP-4,Cup,false,,,,4
cup,CUP-5,Cup,true,,4,,
cup,CUP-6,Cup,false,L1,4,,
";
    let faults = import(&app, token, Some(&merchant), "SILKPORT_SKUS", bad.as_bytes()).await;
    let invalid = |line: i64, column: &str| (line, column.to_owned(), "INVALID".to_owned());
    assert_eq!(
        places(&faults),
        [
            invalid(2, "stock:LAX1:A-01-01-1-A"),
            invalid(3, "stock:LAX1:A-01-01-1-A"),
            invalid(4, "stock:NOPE:A-01"),
            invalid(5, "stock:LAX1:Z-99"),
            invalid(6, "stock:LAX1:A-01-01-1-A"),
            invalid(7, "stock:LAX1:A-01-01-1-A"),
        ],
        "negative, fractional, unknown warehouse, unknown location, a lot missing, a lot given: {faults}"
    );
    let cups = app.gql(Some(token), "{ skus(first: 1, query: \"CUP\") { totalCount } }", json!({})).await;
    assert_eq!(cups["data"]["skus"]["totalCount"], 0, "no SKU of the file written: {cups}");
    let check = app.gql(Some(token), CHECK, json!({})).await;
    assert_eq!(check["data"]["inventoryCheck"]["ok"], true, "{check}");
    workers.stop().await;
}

#[tokio::test]
async fn a_merchant_may_import_its_skus_but_not_load_stock() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    shelves(&app, &owner).await;
    let member = app.merchant_member(&owner, "seller@alpha.example.com", &merchant).await;
    let upload = app.upload(&member.access_token, "skus.csv", FILE.as_bytes()).await;
    let started = app
        .gql(
            Some(&member.access_token),
            "mutation($u: ID!) { skuImportStart(input: {format: SILKPORT_SKUS, uploadId: $u}) { skuImport { id } userErrors { code } } }",
            json!({"u": upload["id"]}),
        )
        .await;
    assert_eq!(started["errors"][0]["extensions"]["code"], "FORBIDDEN", "{started}");
    assert!(started["errors"][0]["message"].as_str().is_some_and(|m| m.contains("inventory:write")), "{started}");
    let none = app.gql(Some(&owner.access_token), "{ skuImports(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(none["data"]["skuImports"]["totalCount"], 0, "nothing recorded: {none}");
}
