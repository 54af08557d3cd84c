//! SKU imports: a real Shopify product export (variants on continuation
//! rows, image-only rows, quoted HTML with commas and newlines, a UTF-8
//! byte-order mark) becomes products and SKUs; importing it again changes
//! nothing; a file with bad rows names each by line and column and writes
//! none of them; files that are not CSV of the format are refused at once;
//! Silkport's own CSV round-trips through the export; and imports, their
//! reports and exports stay within the merchant and the tenant.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};
use silkport_tests::runner::Workers;
use silkport_tests::{Session, TestApp};

const SHOPIFY: &[u8] = include_bytes!("../../fixtures/catalog/shopify-products.csv");

const SKUS: &str = "{ skus(first: 50) { totalCount nodes { code nameZh nameEn options { name value } barcodes { barcode kind }
    weightGrams declaredValue { amount currencyCode } hsCode status updatedAt product { handle titleZh titleEn status } } } }";

const IMPORT: &str = "query($id: ID!) { skuImport(id: $id) { id state format filename rowsTotal rowsDone errorCount
    errors(first: 50) { line column code message } errorReportUrl productsCreated productsUpdated skusCreated skusUpdated
    skusUnchanged openingStockPlaced finishedAt } }";

/// A tenant with merchant M1 (default currency CNY).
pub(super) async fn shop(app: &TestApp) -> (Session, String) {
    let owner = app.signup("alpha").await;
    let merchant = app.merchant(&owner, "M1").await;
    (owner, merchant)
}

/// Uploads `file` and imports it into `merchant` as `format`, then waits
/// (workers running) until the import is finished; its final state.
pub(super) async fn import(app: &TestApp, token: &str, merchant: Option<&str>, format: &str, file: &[u8]) -> Value {
    let upload = app.upload(token, "products.csv", file).await;
    let started = app.sku_import_start(token, merchant, format, upload["id"].as_str().expect("upload id")).await;
    assert_eq!(started["userErrors"], json!([]), "{started}");
    finished(app, token, &started["skuImport"]["id"]).await
}

async fn finished(app: &TestApp, token: &str, id: &Value) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let read = app.gql(Some(token), IMPORT, json!({"id": id})).await;
        let import = read["data"]["skuImport"].clone();
        if import["state"] == "SUCCEEDED" || import["state"] == "FAILED" {
            return import;
        }
        assert!(tokio::time::Instant::now() < deadline, "the import never finished: {read}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn sku<'a>(listed: &'a Value, code: &str) -> &'a Value {
    let nodes = listed["data"]["skus"]["nodes"].as_array().expect("SKUs");
    nodes.iter().find(|s| s["code"] == code).unwrap_or_else(|| panic!("no SKU {code}: {listed}"))
}

/// Audit entries of catalog writes (not the imports' own start entries).
async fn catalog_audit_count(app: &TestApp, token: &str) -> u64 {
    let log = app
        .gql(
            Some(token),
            "{ auditLog(first: 1, filter: {actions: [\"sku.create\", \"sku.update\", \"product.create\", \"product.update\"]}) { totalCount } }",
            json!({}),
        )
        .await;
    log["data"]["auditLog"]["totalCount"].as_u64().unwrap_or_else(|| panic!("{log}"))
}

/// Status and body of a GET with `token`, in `language`.
pub(super) async fn get(app: &TestApp, token: &str, path: &str, language: &str) -> (StatusCode, String) {
    let response = app
        .http
        .get(format!("{}{path}", app.url))
        .bearer_auth(token)
        .header("accept-language", language)
        .send()
        .await
        .expect("GET");
    (response.status(), response.text().await.expect("body"))
}

#[tokio::test]
async fn a_shopify_export_becomes_products_and_skus_and_importing_it_again_changes_nothing() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let token = owner.access_token.as_str();
    let workers = Workers::start(&app);

    let done = import(&app, token, Some(&merchant), "SHOPIFY_PRODUCTS", SHOPIFY).await;
    assert_eq!(done["state"], "SUCCEEDED", "{done}");
    assert_eq!(
        [&done["rowsTotal"], &done["rowsDone"], &done["errorCount"], &done["productsCreated"], &done["skusCreated"]],
        [&json!(8), &json!(8), &json!(0), &json!(3), &json!(6)],
        "8 rows (2 of them images only): 3 products, 6 SKUs: {done}"
    );
    let listed = app.gql(Some(token), SKUS, json!({})).await;
    assert_eq!(listed["data"]["skus"]["totalCount"], 6, "{listed}");
    let red_m = sku(&listed, "LS-RED-M");
    assert_eq!(red_m["nameEn"], "Linen Shirt - Red / M");
    assert_eq!(red_m["options"], json!([{"name": "Color", "value": "Red"}, {"name": "Size", "value": "M"}]));
    assert_eq!(red_m["weightGrams"], 227, "226.796 g rounds to 227");
    assert_eq!(red_m["barcodes"], json!([{"barcode": "036000291452", "kind": "GTIN_12"}]));
    assert_eq!(red_m["declaredValue"], json!({"amount": "29.90", "currencyCode": "CNY"}), "the merchant's currency");
    assert_eq!(
        red_m["product"],
        json!({"handle": "linen-shirt", "titleZh": null, "titleEn": "Linen Shirt", "status": "ACTIVE"})
    );
    assert_eq!(sku(&listed, "LS-BLUE-S")["weightGrams"], 186, "185.5 g rounds half away from zero");
    assert_eq!(sku(&listed, "LS-BLUE-S")["barcodes"], json!([]));
    let scarf = sku(&listed, "SCARF-01");
    assert_eq!(
        [&scarf["nameZh"], &scarf["nameEn"], &scarf["options"], &scarf["weightGrams"]],
        [&json!("真丝围巾"), &Value::Null, &json!([]), &json!(85)],
        "a product without variants has no options (Shopify's Default Title), a Chinese title is the Chinese name"
    );
    assert_eq!(scarf["product"]["status"], "DRAFT");
    assert_eq!(scarf["barcodes"], json!([{"barcode": "96385074", "kind": "GTIN_8"}]));
    assert_eq!(sku(&listed, "TEA-L")["nameEn"], "Tea Set, \"Celadon\" - Large");
    assert_eq!(sku(&listed, "TEA-L")["product"]["titleEn"], "Tea Set, \"Celadon\"");

    let audited = catalog_audit_count(&app, token).await;
    assert_eq!(audited, 9, "3 products and 6 SKUs created, each audited");
    let again = import(&app, token, Some(&merchant), "SHOPIFY_PRODUCTS", SHOPIFY).await;
    assert_eq!(
        [
            &again["state"],
            &again["skusUnchanged"],
            &again["skusCreated"],
            &again["skusUpdated"],
            &again["productsUpdated"]
        ],
        [&json!("SUCCEEDED"), &json!(6), &json!(0), &json!(0), &json!(0)],
        "{again}"
    );
    assert_eq!(app.gql(Some(token), SKUS, json!({})).await, listed, "nothing changed, updatedAt included");
    assert_eq!(catalog_audit_count(&app, token).await, audited, "no audit entries when nothing changed");
    workers.stop().await;
}

#[tokio::test]
async fn a_file_with_bad_rows_names_each_by_line_and_column_and_applies_none() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let token = owner.access_token.as_str();
    let workers = Workers::start(&app);
    let file = "\u{feff}Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Grams,Variant Barcode,Variant Price
good-one,Good,Color,Red,G-1,100,4006381333932,10
good-one,,,Blue,,100,,10
other,Other,Size,S,G-1,100,,10
other,,,Big,O-2,heavy,,10
fine,Fine,Title,Default Title,F-1,50,4006381333931,5
twin,Twin,Title,Default Title,T-1,50,04006381333931,5
";
    let done = import(&app, token, Some(&merchant), "SHOPIFY_PRODUCTS", file.as_bytes()).await;
    assert_eq!(
        (&done["state"], &done["errorCount"], &done["rowsDone"]),
        (&json!("FAILED"), &json!(5), &json!(0)),
        "{done}"
    );
    let faults: Vec<(i64, String, String)> = done["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            (
                e["line"].as_i64().expect("line"),
                e["column"].as_str().unwrap_or("").to_owned(),
                e["code"].as_str().expect("code").to_owned(),
            )
        })
        .collect();
    let expected = [
        (2, "Variant Barcode", "INVALID"),
        (3, "Variant SKU", "INVALID"),
        (4, "Variant SKU", "TAKEN"),
        (5, "Variant Grams", "INVALID"),
        (7, "Variant Barcode", "TAKEN"),
    ];
    let expected: Vec<(i64, String, String)> =
        expected.iter().map(|(l, c, k)| (*l, (*c).to_owned(), (*k).to_owned())).collect();
    assert_eq!(faults, expected, "{done}");
    assert!(done["errors"][2]["message"].as_str().is_some_and(|m| m.contains("also on line 2")), "{done}");
    let twin = done["errors"][4]["message"].as_str().unwrap_or_default();
    assert!(twin.contains("also on line 6"), "the same GTIN with leading zeros is the same barcode: {done}");
    let counts =
        app.gql(Some(token), "{ products(first: 1) { totalCount } skus(first: 1) { totalCount } }", json!({})).await;
    assert_eq!(
        counts["data"],
        json!({"products": {"totalCount": 0}, "skus": {"totalCount": 0}}),
        "not even the good rows"
    );

    let url = done["errorReportUrl"].as_str().expect("report url");
    let (status, report) = get(&app, token, url, "en").await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines[0], "line,column,code,message");
    assert_eq!(lines.len(), 6, "{report}");
    assert!(lines[1].starts_with("2,Variant Barcode,invalid,") && lines[1].contains("check digit"), "{report}");
    let (_, chinese) = get(&app, token, url, "zh-CN").await;
    assert!(chinese.contains("校验位"), "the report in the reader's language: {chinese}");
    workers.stop().await;
}

#[tokio::test]
async fn files_that_are_not_csv_of_the_format_are_refused_at_once() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let token = owner.access_token.as_str();
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "SHOPIFY_PRODUCTS",
            b"Handle;Title;Option1 Name;Option1 Value;Variant SKU\nx;X;Size;S;X-S\n",
            "separated by `;`",
        ),
        ("SHOPIFY_PRODUCTS", b"Handle\tTitle\tOption1 Name\tOption1 Value\tVariant SKU\n", "separated by `Tab`"),
        ("SHOPIFY_PRODUCTS", b"linen-shirt,Linen Shirt,Color,Red,LS-RED-S\n", "lacks the columns"),
        ("SILKPORT_SKUS", b"LS-RED-S,linen-shirt\n", "`product_handle`, `sku_code`"),
        (
            "SHOPIFY_PRODUCTS",
            b"Handle,Title,Option1 Name,Option1 Value,Variant SKU\nscarf,\xd5\xe6\xcb\xbf,Title,Default Title,S-1\n",
            "not UTF-8 text (from line 2)",
        ),
        ("SILKPORT_SKUS", b"product_handle,sku_code,colour\nx,X-1,red\n", "`colour` is not a column"),
        ("SILKPORT_SKUS", b"\xef\xbb\xbf\n\n", "empty"),
    ];
    for (format, file, says) in cases {
        let upload = app.upload(token, "bad.csv", file).await;
        let started = app.sku_import_start(token, Some(&merchant), format, upload["id"].as_str().expect("id")).await;
        let error = &started["userErrors"][0];
        assert_eq!(error["field"], json!(["input", "uploadId"]), "{started}");
        assert!(error["message"].as_str().is_some_and(|m| m.contains(says)), "{format} {says}: {started}");
        assert_eq!(started["skuImport"], Value::Null);
    }
    let none = app.gql(Some(token), "{ skuImports(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(none["data"]["skuImports"]["totalCount"], 0, "nothing recorded: {none}");

    let empty =
        app.http.post(format!("{}/uploads", app.url)).bearer_auth(token).body(Vec::new()).send().await.expect("POST");
    assert_eq!(empty.status(), StatusCode::BAD_REQUEST);
    let body: Value = empty.json().await.expect("JSON");
    assert_eq!(body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{body}");
    let anonymous = app.http.post(format!("{}/uploads", app.url)).body("a,b\n").send().await.expect("POST");
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn silkport_csv_carries_the_customs_fields_and_its_export_imports_back_unchanged() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let token = owner.access_token.as_str();
    let workers = Workers::start(&app);
    let file = "product_handle,product_title_zh,product_title_en,sku_code,name_zh,name_en,options,barcodes,hs_code,origin_country,declared_value,declared_currency,weight_g,length_mm,width_mm,height_mm,lot_tracked,expiry_tracked,status
tea-set,青瓷茶具,Celadon tea set,TEA-S,青瓷茶具 小,\"Celadon tea set, small\",Size=Small,5901234123457|internal:4006381333931,6912.00.10,cn,12.5,USD,900,300,200,150,true,false,active
tea-set,,,TEA-L,,Celadon tea set large,Size=Large,,,,8,,1500,,,,no,yes,inactive
";
    let done = import(&app, token, Some(&merchant), "SILKPORT_SKUS", file.as_bytes()).await;
    assert_eq!((&done["state"], &done["skusCreated"]), (&json!("SUCCEEDED"), &json!(2)), "{done}");
    let read = app
        .gql(
            Some(token),
            "{ skus(first: 5) { nodes { code nameZh nameEn options { value } barcodes { barcode kind } hsCode originCountry
                declaredValue { amount currencyCode } weightGrams dimensionsMm { length width height } lotTracked expiryTracked status
                product { titleZh titleEn } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        read["data"]["skus"]["nodes"][0],
        json!({"code": "TEA-S", "nameZh": "青瓷茶具 小", "nameEn": "Celadon tea set, small", "options": [{"value": "Small"}],
               "barcodes": [{"barcode": "5901234123457", "kind": "GTIN_13"}, {"barcode": "4006381333931", "kind": "INTERNAL"}],
               "hsCode": "69120010", "originCountry": "CN",
               "declaredValue": {"amount": "12.50", "currencyCode": "USD"}, "weightGrams": 900,
               "dimensionsMm": {"length": 300, "width": 200, "height": 150}, "lotTracked": true, "expiryTracked": false,
               "status": "ACTIVE", "product": {"titleZh": "青瓷茶具", "titleEn": "Celadon tea set"}}),
        "{read}"
    );
    let large = &read["data"]["skus"]["nodes"][1];
    assert_eq!(large["declaredValue"], json!({"amount": "8.00", "currencyCode": "CNY"}), "no currency: the merchant's");
    assert_eq!((&large["expiryTracked"], &large["status"]), (&json!(true), &json!("INACTIVE")));

    let merchant_query = format!("/exports/skus.csv?merchantId={}", merchant.replace('/', "%2F").replace(':', "%3A"));
    let (status, exported) = get(&app, token, &merchant_query, "en").await;
    assert_eq!(status, StatusCode::OK, "{exported}");
    assert!(exported.starts_with("product_handle,product_title_zh,product_title_en,sku_code,"), "{exported}");
    assert!(
        exported.contains("internal:4006381333931"),
        "an internal barcode that reads as a GTIN says so: {exported}"
    );
    let before = app.gql(Some(token), SKUS, json!({})).await;
    let again = import(&app, token, Some(&merchant), "SILKPORT_SKUS", exported.as_bytes()).await;
    assert_eq!((&again["state"], &again["skusUnchanged"]), (&json!("SUCCEEDED"), &json!(2)), "{again}");
    assert_eq!(app.gql(Some(token), SKUS, json!({})).await, before, "the export reads back to the same SKUs");
    let (_, exported_again) = get(&app, token, &merchant_query, "en").await;
    assert_eq!(exported_again, exported);
    workers.stop().await;
}

#[tokio::test]
async fn a_merchant_imports_only_into_its_own_goods_and_reads_only_its_own_imports() {
    let app = TestApp::spawn().await;
    let (owner, own) = shop(&app).await;
    let other = app.merchant(&owner, "M2").await;
    let member = app.merchant_member(&owner, "seller@alpha.example.com", &own).await;
    let workers = Workers::start(&app);
    let file = b"product_handle,sku_code,name_en\nmug,MUG-1,Mug\n";

    let mine = import(&app, &member.access_token, None, "SILKPORT_SKUS", file).await;
    assert_eq!(mine["state"], "SUCCEEDED", "{mine}");
    let listed =
        app.gql(Some(&owner.access_token), "{ skus(first: 5) { nodes { code merchant { code } } } }", json!({})).await;
    assert_eq!(listed["data"]["skus"]["nodes"], json!([{"code": "MUG-1", "merchant": {"code": "M1"}}]));

    let upload = app.upload(&member.access_token, "mug.csv", file).await;
    let upload = upload["id"].as_str().expect("id");
    let elsewhere = app.sku_import_start(&member.access_token, Some(&other), "SILKPORT_SKUS", upload).await;
    assert_eq!(elsewhere["userErrors"][0]["code"], "NOT_FOUND", "{elsewhere}");
    let owners_upload = app.upload(&owner.access_token, "m2.csv", file).await;
    let owners_upload = owners_upload["id"].as_str().expect("id");
    let not_visible = app.sku_import_start(&member.access_token, None, "SILKPORT_SKUS", owners_upload).await;
    assert_eq!(not_visible["userErrors"][0]["code"], "NOT_FOUND", "another's upload: {not_visible}");

    let theirs = app.sku_import_start(&owner.access_token, Some(&other), "SILKPORT_SKUS", owners_upload).await;
    let theirs = theirs["skuImport"]["id"].clone();
    let read = app.gql(Some(&member.access_token), IMPORT, json!({"id": theirs})).await;
    assert_eq!(read["data"]["skuImport"], Value::Null, "{read}");
    let uuid = theirs.as_str().and_then(|g| g.rsplit('/').next()).expect("uuid");
    let (status, _) = get(&app, &member.access_token, &format!("/imports/{uuid}/errors.csv"), "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let seen = app.gql(Some(&member.access_token), "{ skuImports(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(seen["data"]["skuImports"]["totalCount"], 1, "its own import only: {seen}");
    let other_query = format!("/exports/skus.csv?merchantId={}", other.replace('/', "%2F").replace(':', "%3A"));
    let (status, _) = get(&app, &member.access_token, &other_query, "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    workers.stop().await;
}

#[tokio::test]
async fn another_tenant_cannot_read_an_import_its_report_or_the_export() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let workers = Workers::start(&app);
    let bad = b"product_handle,sku_code,name_en\nmug,MUG 1,Secret mug\n";
    let done = import(&app, &owner.access_token, Some(&merchant), "SILKPORT_SKUS", bad).await;
    assert_eq!(done["state"], "FAILED", "{done}");
    let beta = app.signup("beta").await;
    let read = app.gql(Some(&beta.access_token), IMPORT, json!({"id": done["id"]})).await;
    assert_eq!(read["data"]["skuImport"], Value::Null, "{read}");
    let url = done["errorReportUrl"].as_str().expect("url");
    let (status, body) = get(&app, &beta.access_token, url, "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert!(!body.contains("MUG 1"));
    let listed = app.gql(Some(&beta.access_token), "{ skuImports(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(listed["data"]["skuImports"]["totalCount"], 0);
    let export = format!("/exports/skus.csv?merchantId={}", merchant.replace('/', "%2F").replace(':', "%3A"));
    let (status, _) = get(&app, &beta.access_token, &export, "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    workers.stop().await;
}

#[tokio::test]
async fn a_retried_start_returns_the_first_import_and_an_upload_has_a_size_limit() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let token = owner.access_token.as_str();
    let upload = app.upload(token, "skus.csv", b"product_handle,sku_code,name_en\nmug,MUG-1,Mug\n").await;
    let start = "mutation($input: SkuImportStartInput!) { skuImportStart(input: $input) { skuImport { id } userErrors { code } } }";
    let input = json!({"input": {"merchantId": merchant, "format": "SILKPORT_SKUS", "uploadId": upload["id"],
                                 "idempotencyKey": "import-mug-1"}});
    let first = app.gql(Some(token), start, input.clone()).await;
    let again = app.gql(Some(token), start, input).await;
    let id = &first["data"]["skuImportStart"]["skuImport"]["id"];
    assert!(id.is_string(), "{first}");
    assert_eq!(&again["data"]["skuImportStart"]["skuImport"]["id"], id, "{again}");
    let listed = app.gql(Some(token), "{ skuImports(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(listed["data"]["skuImports"]["totalCount"], 1);

    let too_large = vec![b'a'; domain::platform::imports::MAX_UPLOAD_BYTES + 1];
    let response =
        app.http.post(format!("{}/uploads", app.url)).bearer_auth(token).body(too_large).send().await.expect("POST");
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.expect("JSON");
    assert!(body["errors"][0]["message"].as_str().is_some_and(|m| m.contains("10 MiB")), "{body}");
}
