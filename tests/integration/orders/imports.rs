//! Order imports: a real Shopify orders export (a UTF-8 byte-order mark,
//! an order of two lines on a continuation row, a quoted note with a comma
//! and a newline, a ZIP with Shopify's apostrophe, a cancelled and a
//! fulfilled order, a line that needs no shipping) becomes orders with their
//! lines and addresses, allocated, and what is no warehouse work is passed
//! over as notices; importing it again makes nothing and audits nothing; a
//! file with bad rows names each by line and column and makes no order;
//! files that are not CSV of the format are refused at once; Silkport's own
//! orders CSV; a merchant imports and reads only its own; and two imports
//! of one file at once make each order once (PostgreSQL).

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};
use silkport_tests::runner::Workers;
use silkport_tests::{Session, TestApp, services};

const SHOPIFY: &[u8] = include_bytes!("../../fixtures/orders/shopify-orders.csv");

const IMPORT: &str = "query($id: ID!) { orderImport(id: $id) { id state format filename rowsTotal rowsDone errorCount
    errors(first: 50) { line column code message } noticeCount notices(first: 50) { line column code message }
    errorReportUrl ordersTotal ordersCreated ordersExisting ordersSkipped finishedAt } }";

const ORDERS: &str = "{ orders(first: 20) { totalCount nodes { reference status channel serviceLevel note updatedAt
    shipTo { name company line1 line2 city region postalCode countryCode phone email }
    lines { quantity allocated sku { code } } } } }";

/// The columns of a Shopify orders export this reads (every export has more).
const SHOPIFY_HEADER: &str = "Name,Email,Fulfillment Status,Shipping Method,Lineitem quantity,Lineitem name,Lineitem sku,Lineitem requires shipping,Lineitem fulfillment status,Shipping Name,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Cancelled at";

/// A tenant with merchant SHOP, whose SKUs SHOP-TEE-M (10 units) and
/// SHOP-MUG (5 units) are in stock in its Los Angeles warehouse SHOP-W.
async fn shop(app: &TestApp) -> (Session, String) {
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let site = app.stock_site(&owner, "SHOP").await;
    let product = app.product(token, &site.merchant, "shop-goods").await;
    for (code, units) in [("SHOP-TEE-M", 10), ("SHOP-MUG", 5)] {
        let sku = app.sku(token, &product, code, json!({})).await;
        let added = app.adjust(token, &sku, &site.pick, units).await;
        assert_eq!(added["userErrors"], json!([]), "{added}");
    }
    (owner, site.merchant)
}

/// Uploads `file` and imports it as `merchant`'s orders in `format`, then
/// waits (workers running) until the import is finished; its final state.
async fn import(app: &TestApp, token: &str, merchant: Option<&str>, format: &str, file: &[u8]) -> Value {
    let upload = app.upload(token, "orders_export.csv", file).await;
    let started = app.order_import_start(token, merchant, format, upload["id"].as_str().expect("upload id")).await;
    assert_eq!(started["userErrors"], json!([]), "{started}");
    finished(app, token, &started["orderImport"]["id"]).await
}

async fn finished(app: &TestApp, token: &str, id: &Value) -> Value {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let read = app.gql(Some(token), IMPORT, json!({"id": id})).await;
        let import = read["data"]["orderImport"].clone();
        if import["state"] == "SUCCEEDED" || import["state"] == "FAILED" {
            return import;
        }
        assert!(tokio::time::Instant::now() < deadline, "the import never finished: {read}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `(line, column, code)` of each fault or notice listed.
fn places(listed: &Value) -> Vec<(i64, String, String)> {
    listed
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

fn expected(places: &[(i64, &str, &str)]) -> Vec<(i64, String, String)> {
    places.iter().map(|(l, c, k)| (*l, (*c).to_owned(), (*k).to_owned())).collect()
}

fn order<'a>(listed: &'a Value, reference: &str) -> &'a Value {
    let nodes = listed["data"]["orders"]["nodes"].as_array().expect("orders");
    nodes.iter().find(|o| o["reference"] == reference).unwrap_or_else(|| panic!("no order {reference}: {listed}"))
}

/// How many orders the audit log says were created.
async fn orders_created(app: &TestApp, token: &str) -> u64 {
    let log = app
        .gql(Some(token), "{ auditLog(first: 1, filter: {actions: [\"order.create\"]}) { totalCount } }", json!({}))
        .await;
    log["data"]["auditLog"]["totalCount"].as_u64().unwrap_or_else(|| panic!("{log}"))
}

/// Status and body of a GET with `token`, in `language`.
async fn get(app: &TestApp, token: &str, path: &str, language: &str) -> (StatusCode, String) {
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
async fn a_shopify_orders_export_becomes_allocated_orders_and_importing_it_again_changes_nothing() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let token = owner.access_token.as_str();
    let workers = Workers::start(&app);

    let done = import(&app, token, Some(&merchant), "SHOPIFY_ORDERS", SHOPIFY).await;
    assert_eq!(
        [
            &done["state"],
            &done["rowsTotal"],
            &done["rowsDone"],
            &done["errorCount"],
            &done["ordersTotal"],
            &done["ordersCreated"],
            &done["ordersSkipped"],
            &done["noticeCount"]
        ],
        [&json!("SUCCEEDED"), &json!(7), &json!(7), &json!(0), &json!(3), &json!(3), &json!(2), &json!(3)],
        "7 rows: #1001 on two, #1002 with a gift card, #1003 cancelled, #1004 fulfilled, #1005: {done}"
    );
    assert_eq!(
        places(&done["notices"]),
        expected(&[
            (6, "Lineitem requires shipping", "SKIPPED"),
            (7, "Cancelled at", "SKIPPED"),
            (8, "Fulfillment Status", "SKIPPED")
        ]),
        "the note of #1001 spans lines 2 and 3: {done}"
    );
    assert!(done["notices"][0]["message"].as_str().is_some_and(|m| m.contains("Gift Card - $50")), "{done}");

    let listed = app.gql(Some(token), ORDERS, json!({})).await;
    assert_eq!(listed["data"]["orders"]["totalCount"], 3, "{listed}");
    let first = order(&listed, "#1001");
    assert_eq!(
        [&first["status"], &first["channel"], &first["serviceLevel"], &first["note"]],
        [
            &json!("ALLOCATED"),
            &json!("CSV"),
            &json!("Standard"),
            &json!("Leave it at the back door, please.\nRing twice")
        ],
        "{first}"
    );
    assert_eq!(
        first["shipTo"],
        json!({"name": "Emily Chen", "company": null, "line1": "45 Harvard Ave", "line2": "Apt 3", "city": "Allston",
               "region": "MA", "postalCode": "02134", "countryCode": "US", "phone": "+1 617-555-0142",
               "email": "emily.chen@example.com"}),
        "the ZIP without Shopify's apostrophe, its leading zero kept"
    );
    assert_eq!(
        first["lines"],
        json!([{"quantity": 2, "allocated": 2, "sku": {"code": "SHOP-TEE-M"}},
               {"quantity": 1, "allocated": 1, "sku": {"code": "SHOP-MUG"}}]),
        "the continuation row is the order's second line"
    );
    let second = order(&listed, "#1002");
    assert_eq!(second["lines"], json!([{"quantity": 1, "allocated": 1, "sku": {"code": "SHOP-MUG"}}]), "no gift card");
    assert_eq!(second["shipTo"]["company"], "Lee Studio");
    let berlin = order(&listed, "#1005");
    assert_eq!(
        [
            &berlin["status"],
            &berlin["shipTo"]["countryCode"],
            &berlin["shipTo"]["postalCode"],
            &berlin["shipTo"]["region"]
        ],
        [&json!("ALLOCATED"), &json!("DE"), &json!("10115"), &Value::Null]
    );
    assert_eq!(berlin["lines"], json!([{"quantity": 3, "allocated": 3, "sku": {"code": "SHOP-TEE-M"}}]));
    let stock = app
        .gql(
            Some(token),
            "{ skus(first: 5, query: \"SHOP-\") { nodes { code stock { reserved available } } } }",
            json!({}),
        )
        .await;
    let reserved: Vec<(String, Value)> = stock["data"]["skus"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["code"] != "SHOP-1")
        .map(|s| (s["code"].as_str().unwrap_or("").to_owned(), s["stock"][0]["reserved"].clone()))
        .collect();
    assert!(
        reserved.contains(&("SHOP-TEE-M".into(), json!(5))) && reserved.contains(&("SHOP-MUG".into(), json!(2))),
        "{stock}"
    );

    let (status, report) = get(&app, token, done["errorReportUrl"].as_str().expect("url"), "en").await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.len(), 4, "the header and three notices: {report}");
    assert!(lines[1].starts_with("6,Lineitem requires shipping,skipped,"), "{report}");
    let (_, chinese) = get(&app, token, done["errorReportUrl"].as_str().expect("url"), "zh-CN").await;
    assert!(chinese.contains("已在店铺中取消"), "{chinese}");

    let audited = orders_created(&app, token).await;
    assert_eq!(audited, 3, "each order audited as it was made");
    let again = import(&app, token, Some(&merchant), "SHOPIFY_ORDERS", SHOPIFY).await;
    assert_eq!(
        [&again["state"], &again["ordersCreated"], &again["ordersExisting"], &again["ordersSkipped"]],
        [&json!("SUCCEEDED"), &json!(0), &json!(3), &json!(2)],
        "{again}"
    );
    assert_eq!(app.gql(Some(token), ORDERS, json!({})).await, listed, "nothing changed, updatedAt included");
    assert_eq!(orders_created(&app, token).await, audited, "no order audited again");
    workers.stop().await;
}

#[tokio::test]
async fn a_file_with_bad_rows_names_each_by_line_and_column_and_makes_no_order() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let token = owner.access_token.as_str();
    let workers = Workers::start(&app);
    let la = "Ann Lee,100 Main St,,,Los Angeles,90001,CA,US,,,";
    let file = format!(
        "\u{feff}{SHOPIFY_HEADER}
#2001,ann@example.com,unfulfilled,Standard,1,Mug,SHOP-MUG,true,pending,{la}
#2002,ann@example.com,unfulfilled,Standard,1,Ghost,NOPE-1,true,pending,{la}
#2003,ann@example.com,unfulfilled,Standard,2.5,Tee,SHOP-TEE-M,true,pending,{la}
#2003,ann@example.com,,,0,Mug,SHOP-MUG,true,pending,,,,,,,,,,,
#2004,ann@example.com,unfulfilled,Standard,1,Mug,SHOP-MUG,true,pending,Ann Lee,100 Main St,,,Los Angeles,9001,CA,US,,,
#2005,ann@example.com,unfulfilled,Standard,1,Mug,SHOP-MUG,true,pending,Ann Lee,100 Main St,,,,90001,CA,US,,,
#2006,ann@example.com,unfulfilled,Standard,1,Mug,SHOP-MUG,true,pending,Ann Lee,100 Main St,,,Los Angeles,90001,CA,XX,,,
#2007,ann@example.com,unfulfilled,Standard,1,Mug,,true,pending,{la}
"
    );
    let done = import(&app, token, Some(&merchant), "SHOPIFY_ORDERS", file.as_bytes()).await;
    assert_eq!(
        (&done["state"], &done["errorCount"], &done["rowsDone"], &done["ordersCreated"]),
        (&json!("FAILED"), &json!(7), &json!(0), &json!(0)),
        "{done}"
    );
    assert_eq!(
        places(&done["errors"]),
        expected(&[
            (3, "Lineitem sku", "NOT_FOUND"),
            (4, "Lineitem quantity", "INVALID"),
            (5, "Lineitem quantity", "INVALID"),
            (6, "Shipping Zip", "INVALID"),
            (7, "Shipping City", "INVALID"),
            (8, "Shipping Country", "INVALID"),
            (9, "Lineitem sku", "INVALID"),
        ]),
        "{done}"
    );
    assert!(done["errors"][1]["message"].as_str().is_some_and(|m| m.contains("2.5")), "{done}");
    let orders = app.gql(Some(token), "{ orders(first: 1) { totalCount } }", json!({})).await;
    assert_eq!(orders["data"]["orders"]["totalCount"], 0, "not even the good order: {orders}");
    assert_eq!(orders_created(&app, token).await, 0);

    let (status, report) = get(&app, token, done["errorReportUrl"].as_str().expect("url"), "en").await;
    assert_eq!(status, StatusCode::OK, "{report}");
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!((lines[0], lines.len()), ("line,column,code,message", 8), "{report}");
    assert!(lines[4].starts_with("6,Shipping Zip,invalid,"), "{report}");
    workers.stop().await;
}

#[tokio::test]
async fn files_that_are_not_csv_of_the_format_are_refused_at_once() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let token = owner.access_token.as_str();
    let semicolons = SHOPIFY_HEADER.replace(',', ";");
    let latin1 = [SHOPIFY_HEADER.as_bytes(), b"\n#1,a@example.com,,,1,M\xfcsli,SKU,true,,,,,,,,,,,,\n"].concat();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("SHOPIFY_ORDERS", format!("{semicolons}\n").into_bytes(), "separated by `;`"),
        ("SHOPIFY_ORDERS", b"#1001,ann@example.com,unfulfilled,Standard,1\n".to_vec(), "lacks the columns"),
        ("SHOPIFY_ORDERS", b"Handle,Title,Option1 Name,Option1 Value,Variant SKU\n".to_vec(), "Shopify orders export"),
        ("SHOPIFY_ORDERS", latin1, "not UTF-8 text (from line 2)"),
        ("SILKPORT_ORDERS", b"order_reference,sku_code,quantity,ship_to_name\nA,B,1,C\n".to_vec(), "`ship_to_line1`"),
        (
            "SILKPORT_ORDERS",
            b"order_reference,sku_code,quantity,ship_to_name,ship_to_line1,ship_to_city,ship_to_country,colour\n"
                .to_vec(),
            "`colour` is not a column",
        ),
    ];
    for (format, file, says) in &cases {
        let upload = app.upload(token, "bad.csv", file).await;
        let started = app.order_import_start(token, Some(&merchant), format, upload["id"].as_str().expect("id")).await;
        let error = &started["userErrors"][0];
        assert_eq!(error["field"], json!(["input", "uploadId"]), "{started}");
        assert!(error["message"].as_str().is_some_and(|m| m.contains(says)), "{format} {says}: {started}");
        assert_eq!(started["orderImport"], Value::Null);
    }
    let none = app.gql(Some(token), "{ orderImports(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(none["data"]["orderImports"]["totalCount"], 0, "nothing recorded: {none}");
}

#[tokio::test]
async fn silkport_orders_csv_gives_an_order_once_and_its_lines_on_rows_of_their_own() {
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let token = owner.access_token.as_str();
    let workers = Workers::start(&app);
    let file = "order_reference,sku_code,quantity,ship_to_name,ship_to_line1,ship_to_city,ship_to_region,ship_to_postal_code,ship_to_country,note
SP-1,SHOP-TEE-M,1,Ann Lee,100 Main St,Los Angeles,CA,90001,US,\"fragile, handle with care\"
SP-1,SHOP-MUG,2,,,,,,,
SP-2,SHOP-MUG,1,Jonas Weber,Hauptstraße 5,Berlin,,10115,DE,
";
    let done = import(&app, token, Some(&merchant), "SILKPORT_ORDERS", file.as_bytes()).await;
    assert_eq!(
        (&done["state"], &done["ordersCreated"], &done["rowsDone"]),
        (&json!("SUCCEEDED"), &json!(2), &json!(3))
    );
    let listed = app.gql(Some(token), ORDERS, json!({})).await;
    let sp1 = order(&listed, "SP-1");
    assert_eq!(sp1["note"], "fragile, handle with care");
    assert_eq!(
        sp1["lines"],
        json!([{"quantity": 1, "allocated": 1, "sku": {"code": "SHOP-TEE-M"}},
               {"quantity": 2, "allocated": 2, "sku": {"code": "SHOP-MUG"}}])
    );

    let differs = "order_reference,sku_code,quantity,ship_to_name,ship_to_line1,ship_to_city,ship_to_region,ship_to_postal_code,ship_to_country
SP-3,SHOP-MUG,1,Ann Lee,100 Main St,Los Angeles,CA,90001,US
SP-3,SHOP-TEE-M,1,Bob Lee,100 Main St,,,,
";
    let refused = import(&app, token, Some(&merchant), "SILKPORT_ORDERS", differs.as_bytes()).await;
    assert_eq!(refused["state"], "FAILED", "{refused}");
    assert_eq!(places(&refused["errors"]), expected(&[(3, "ship_to_name", "INVALID")]), "{refused}");
    assert!(refused["errors"][0]["message"].as_str().is_some_and(|m| m.contains("line 2")), "{refused}");
    workers.stop().await;
}

#[tokio::test]
async fn a_merchant_imports_only_its_own_orders_and_reads_only_its_own_imports() {
    let app = TestApp::spawn().await;
    let (owner, own) = shop(&app).await;
    let other = app.merchant(&owner, "M2").await;
    let member = app.merchant_member(&owner, "seller@alpha.example.com", &own).await;
    let workers = Workers::start(&app);
    let file = b"order_reference,sku_code,quantity,ship_to_name,ship_to_line1,ship_to_city,ship_to_region,ship_to_postal_code,ship_to_country\nOWN-1,SHOP-MUG,1,Ann Lee,100 Main St,Los Angeles,CA,90001,US\n";

    let mine = import(&app, &member.access_token, None, "SILKPORT_ORDERS", file).await;
    assert_eq!((&mine["state"], &mine["ordersCreated"]), (&json!("SUCCEEDED"), &json!(1)), "{mine}");
    let listed = app
        .gql(Some(&owner.access_token), "{ orders(first: 5) { nodes { reference merchant { code } } } }", json!({}))
        .await;
    assert_eq!(listed["data"]["orders"]["nodes"], json!([{"reference": "OWN-1", "merchant": {"code": "SHOP"}}]));

    let upload = app.upload(&member.access_token, "orders.csv", file).await;
    let upload = upload["id"].as_str().expect("id");
    let elsewhere = app.order_import_start(&member.access_token, Some(&other), "SILKPORT_ORDERS", upload).await;
    assert_eq!(elsewhere["userErrors"][0]["code"], "NOT_FOUND", "{elsewhere}");
    assert_eq!(elsewhere["userErrors"][0]["field"], json!(["input", "merchantId"]), "{elsewhere}");

    let owners_upload = app.upload(&owner.access_token, "m2.csv", file).await;
    let owners_upload = owners_upload["id"].as_str().expect("id");
    let not_visible = app.order_import_start(&member.access_token, None, "SILKPORT_ORDERS", owners_upload).await;
    assert_eq!(not_visible["userErrors"][0]["code"], "NOT_FOUND", "another's upload: {not_visible}");
    let theirs = app.order_import_start(&owner.access_token, Some(&other), "SILKPORT_ORDERS", owners_upload).await;
    let theirs = theirs["orderImport"]["id"].clone();
    let read = app.gql(Some(&member.access_token), IMPORT, json!({"id": theirs})).await;
    assert_eq!(read["data"]["orderImport"], Value::Null, "{read}");
    let uuid = theirs.as_str().and_then(|g| g.rsplit('/').next()).expect("uuid");
    let (status, _) = get(&app, &member.access_token, &format!("/order-imports/{uuid}/errors.csv"), "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let seen = app.gql(Some(&member.access_token), "{ orderImports(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(seen["data"]["orderImports"]["totalCount"], 1, "its own import only: {seen}");

    let beta = app.signup("beta").await;
    let read = app.gql(Some(&beta.access_token), IMPORT, json!({"id": mine["id"]})).await;
    assert_eq!(read["data"]["orderImport"], Value::Null, "another tenant: {read}");
    let (status, _) = get(&app, &beta.access_token, mine["errorReportUrl"].as_str().expect("url"), "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Whoever may import orders may upload the file, and no one else.
    let writer = app.partner_token(&owner, "ORDERS_WRITE").await;
    let upload = app.upload(&writer, "orders.csv", file).await;
    assert!(upload["id"].is_string(), "{upload}");
    let reader = app.partner_token(&owner, "ORDERS_READ").await;
    let refused = app
        .http
        .post(format!("{}/uploads", app.url))
        .bearer_auth(&reader)
        .body(file.to_vec())
        .send()
        .await
        .expect("POST");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    workers.stop().await;
}

#[tokio::test]
async fn pg_two_imports_of_one_file_at_once_make_each_order_once() {
    services::postgres();
    let app = TestApp::spawn().await;
    let (owner, merchant) = shop(&app).await;
    let token = owner.access_token.as_str();
    let upload = app.upload(token, "orders_export.csv", SHOPIFY).await;
    let upload = upload["id"].as_str().expect("upload id");
    let mut ids = Vec::new();
    for _ in 0..2 {
        let started = app.order_import_start(token, Some(&merchant), "SHOPIFY_ORDERS", upload).await;
        assert_eq!(started["userErrors"], json!([]), "{started}");
        ids.push(started["orderImport"]["id"].clone());
    }
    // Both jobs at once, as two workers would run them.
    let tenant = uuid::Uuid::try_parse(owner.tenant_id.rsplit('/').next().expect("uuid")).expect("tenant uuid");
    let uuid =
        |id: &Value| uuid::Uuid::try_parse(id.as_str().and_then(|g| g.rsplit('/').next()).expect("id")).expect("uuid");
    let db = &app.state.db;
    let (a, b) = tokio::join!(
        domain::orders::import::run(db, tenant, uuid(&ids[0]), false),
        domain::orders::import::run(db, tenant, uuid(&ids[1]), false)
    );
    a.expect("the first import runs");
    b.expect("the second import runs");

    let mut created = 0;
    for id in &ids {
        let done = finished(&app, token, id).await;
        assert_eq!((&done["state"], &done["ordersTotal"]), (&json!("SUCCEEDED"), &json!(3)), "{done}");
        assert_eq!(done["ordersCreated"].as_i64().unwrap_or(0) + done["ordersExisting"].as_i64().unwrap_or(0), 3);
        created += done["ordersCreated"].as_i64().unwrap_or(0);
    }
    assert_eq!(created, 3, "each order made by one of the two imports");
    let listed = app.gql(Some(token), ORDERS, json!({})).await;
    assert_eq!(listed["data"]["orders"]["totalCount"], 3, "{listed}");
    let reserved = app.gql(Some(token), "{ stockLevels(first: 10) { nodes { reserved } } }", json!({})).await;
    let total: i64 = reserved["data"]["stockLevels"]["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| l["reserved"].as_i64().unwrap_or(0))
        .sum();
    assert_eq!(total, 7, "2 + 1 + 1 + 3 units reserved once: {reserved}");
    assert_eq!(orders_created(&app, token).await, 3);
}
