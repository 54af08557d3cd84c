//! SKUs: every field checked with every fault named and nothing changed,
//! codes and barcodes unique per merchant (also under concurrency), search
//! by code, barcode and name, merchant scoping, paging, and listings whose
//! database round trips do not grow with the page.

use futures_util::future::join_all;
use serde_json::{Value, json};
use silkport_tests::{Session, TestApp};

const CREATE: &str = "mutation($input: SkuCreateInput!) { skuCreate(input: $input) {
    sku { id code } userErrors { field code message subjectId } } }";
const UPDATE: &str = "mutation($input: SkuUpdateInput!) { skuUpdate(input: $input) {
    sku { id } userErrors { field code message } } }";
const FULL: &str = "id code nameZh nameEn options { name value } barcodes { barcode kind } hsCode originCountry
    declaredValue { amount currencyCode } weightGrams dimensionsMm { length width height } lotTracked expiryTracked
    status product { handle } merchant { code }";
const LIST: &str = "query($q: String, $m: ID, $s: SkuStatus) { skus(first: 50, query: $q, merchantId: $m, status: $s) {
    totalCount nodes { code } } }";

fn codes(response: &Value) -> Vec<String> {
    let nodes = response["data"]["skus"]["nodes"].as_array().cloned().unwrap_or_default();
    nodes.iter().filter_map(|s| s["code"].as_str().map(str::to_owned)).collect()
}

/// A tenant with merchant M1 and its product `linen-shirt`.
async fn shop(app: &TestApp) -> (Session, String, String) {
    let owner = app.signup("alpha").await;
    let merchant = app.merchant(&owner, "M1").await;
    let product = app.product(&owner.access_token, &merchant, "linen-shirt").await;
    (owner, merchant, product)
}

async fn sku_count(app: &TestApp, token: &str) -> u64 {
    let listed = app.gql(Some(token), "{ skus(first: 1) { totalCount } }", json!({})).await;
    listed["data"]["skus"]["totalCount"].as_u64().unwrap_or_else(|| panic!("{listed}"))
}

#[tokio::test]
async fn a_sku_is_created_read_and_updated() {
    let app = TestApp::spawn().await;
    let (owner, _, product) = shop(&app).await;
    let t = Some(owner.access_token.as_str());
    let input = json!({"productId": product, "code": "LS-RED-M", "nameZh": " 红色亚麻衬衫 M ", "nameEn": "Linen shirt, red, M",
        "options": [{"name": "Color", "value": "Red"}, {"name": "Size", "value": "M"}], "hsCode": "6205.90.00.00",
        "originCountry": "cn", "declaredValue": {"amount": "12.5", "currencyCode": "usd"}, "weightGrams": 180,
        "dimensionsMm": {"length": 300, "width": 200, "height": 20}, "lotTracked": true,
        "barcodes": [{"barcode": "036000291452", "kind": "GTIN_12"}, {"barcode": "LY BIN-7", "kind": "INTERNAL"}],
        "idempotencyKey": "sku-ls-red-m"});
    let made = app.gql(t, CREATE, json!({"input": input})).await;
    let id = made["data"]["skuCreate"]["sku"]["id"].clone();
    assert!(id.is_string(), "{made}");
    let retried = app.gql(t, CREATE, json!({"input": input})).await;
    assert_eq!(retried["data"]["skuCreate"]["sku"]["id"], id, "a retry with the key returns the first SKU: {retried}");

    let read = app
        .gql(t, &format!("query($id: ID!) {{ node(id: $id) {{ ... on Sku {{ {FULL} }} }} }}"), json!({"id": id}))
        .await;
    let expected = json!({"id": id, "code": "LS-RED-M", "nameZh": "红色亚麻衬衫 M", "nameEn": "Linen shirt, red, M",
        "options": [{"name": "Color", "value": "Red"}, {"name": "Size", "value": "M"}],
        "barcodes": [{"barcode": "036000291452", "kind": "GTIN_12"}, {"barcode": "LY BIN-7", "kind": "INTERNAL"}],
        "hsCode": "6205900000", "originCountry": "CN", "declaredValue": {"amount": "12.50", "currencyCode": "USD"},
        "weightGrams": 180, "dimensionsMm": {"length": 300, "width": 200, "height": 20}, "lotTracked": true,
        "expiryTracked": false, "status": "ACTIVE", "product": {"handle": "linen-shirt"}, "merchant": {"code": "M1"}});
    assert_eq!(read["data"]["node"], expected, "{read}");
    let listed = app.gql(t, &format!("{{ skus(first: 5) {{ nodes {{ {FULL} }} }} }}"), json!({})).await;
    assert_eq!(listed["data"]["skus"]["nodes"][0], expected, "the listing shows the same SKU: {listed}");

    let change = json!({"id": id, "nameZh": "", "weightGrams": null, "declaredValue": {"amount": "1200", "currencyCode": "JPY"},
        "dimensionsMm": null, "status": "INACTIVE", "barcodes": [{"barcode": "0036000291452", "kind": "GTIN_13"}]});
    let changed = app.gql(t, UPDATE, json!({"input": change})).await;
    assert_eq!(changed["data"]["skuUpdate"]["userErrors"], json!([]), "{changed}");
    let read = app
        .gql(
            t,
            "query($id: ID!) { node(id: $id) { ... on Sku { nameZh nameEn weightGrams dimensionsMm { length }
            declaredValue { amount currencyCode } status hsCode barcodes { barcode kind } } } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(
        read["data"]["node"],
        json!({"nameZh": null, "nameEn": "Linen shirt, red, M", "weightGrams": null, "dimensionsMm": null,
               "declaredValue": {"amount": "1200", "currencyCode": "JPY"}, "status": "INACTIVE", "hsCode": "6205900000",
               "barcodes": [{"barcode": "0036000291452", "kind": "GTIN_13"}]}),
        "{read}"
    );
}

#[tokio::test]
async fn every_bad_field_is_a_user_error_naming_it_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (owner, _, product) = shop(&app).await;
    let t = Some(owner.access_token.as_str());
    let cases: &[(Value, &str, &str)] = &[
        (json!({"barcodes": [{"barcode": "4006381333932", "kind": "GTIN_13"}]}), "barcodes.0.barcode", "check digit"),
        (
            json!({"barcodes": [{"barcode": "400638133393", "kind": "GTIN_13"}]}),
            "barcodes.0.barcode",
            "13 digits, not 12",
        ),
        (
            json!({"barcodes": [{"barcode": "96385074", "kind": "GTIN_8"}, {"barcode": "0096385074", "kind": "INTERNAL"},
                             {"barcode": "3600029145", "kind": "GTIN_12"}]}),
            "barcodes.2.barcode",
            "12 digits",
        ),
        (
            json!({"barcodes": [{"barcode": "036000291452", "kind": "GTIN_12"}, {"barcode": "0036000291452", "kind": "GTIN_13"}]}),
            "barcodes.1.barcode",
            "twice",
        ),
        (json!({"barcodes": [{"barcode": "条码", "kind": "INTERNAL"}]}), "barcodes.0.barcode", "printable ASCII"),
        (json!({"hsCode": "61091"}), "hsCode", "6 to 10 digits"),
        (json!({"originCountry": "ZZ"}), "originCountry", "ISO 3166-1"),
        (json!({"declaredValue": {"amount": "12", "currencyCode": "ABC"}}), "declaredValue.currencyCode", "ISO 4217"),
        (
            json!({"declaredValue": {"amount": "12.345", "currencyCode": "USD"}}),
            "declaredValue.amount",
            "at most 2 decimal places",
        ),
        (
            json!({"declaredValue": {"amount": "5.5", "currencyCode": "JPY"}}),
            "declaredValue.amount",
            "no decimal places",
        ),
        (json!({"declaredValue": {"amount": "-1", "currencyCode": "USD"}}), "declaredValue.amount", "negative"),
        (json!({"declaredValue": {"amount": "1e3", "currencyCode": "USD"}}), "declaredValue.amount", "not an amount"),
        (json!({"weightGrams": -1}), "weightGrams", "0 or more"),
        (json!({"dimensionsMm": {"length": 10, "width": -2, "height": 3}}), "dimensionsMm.width", "0 or more"),
        (json!({"code": "has space"}), "code", "without spaces"),
        (json!({"nameEn": "", "nameZh": " "}), "nameEn", "Chinese or in English"),
        (
            json!({"options": [{"name": "Color", "value": "Red"}, {"name": "color", "value": "Blue"}]}),
            "options.1.name",
            "twice",
        ),
    ];
    for (patch, field, words) in cases {
        let mut input = json!({"productId": product, "code": "LS-1", "nameEn": "Linen shirt"});
        for (key, value) in patch.as_object().expect("a patch") {
            input[key] = value.clone();
        }
        let answer = app.gql(t, CREATE, json!({"input": input})).await;
        let payload = &answer["data"]["skuCreate"];
        assert_eq!(payload["sku"], Value::Null, "{patch}: {answer}");
        let error = &payload["userErrors"][0];
        let path: Vec<&str> = error["field"].as_array().expect("a field").iter().filter_map(Value::as_str).collect();
        assert_eq!(path.join("."), format!("input.{field}"), "{patch}: {answer}");
        assert_eq!(error["code"], "INVALID", "{patch}: {answer}");
        assert!(error["message"].as_str().is_some_and(|m| m.contains(words)), "{patch}: `{words}` in {answer}");
    }
    // Whole grams and millimetres are the schema's `Int`: a fraction never reaches the service.
    let fraction =
        json!({"input": {"productId": product, "code": "LS-1", "nameEn": "Linen shirt", "weightGrams": 180.5}});
    let refused = app.gql(t, CREATE, fraction).await;
    assert_eq!(refused["data"], Value::Null, "{refused}");
    assert!(refused["errors"][0]["message"].as_str().is_some_and(|m| m.contains("weightGrams")), "{refused}");
    let many = json!({"input": {"productId": product, "code": " ", "hsCode": "12", "originCountry": "XX", "weightGrams": -5,
                                "barcodes": [{"barcode": "1", "kind": "GTIN_8"}]}});
    let all = app.gql(t, CREATE, many).await;
    assert_eq!(all["data"]["skuCreate"]["userErrors"].as_array().map(Vec::len), Some(6), "every fault at once: {all}");
    let chinese = app
        .gql_in(
            Some("zh-CN"),
            t,
            CREATE,
            json!({"input": {"productId": product, "code": "LS-1", "nameEn": "x", "hsCode": "61091"}}),
        )
        .await;
    assert!(
        chinese["data"]["skuCreate"]["userErrors"][0]["message"].as_str().is_some_and(|m| m.contains("HS 编码")),
        "{chinese}"
    );
    assert_eq!(sku_count(&app, &owner.access_token).await, 0, "nothing was made");

    let made = app.sku(&owner.access_token, &product, "LS-2", json!({"weightGrams": 100})).await;
    let bad =
        app.gql(t, UPDATE, json!({"input": {"id": made, "weightGrams": -1, "hsCode": "1", "nameEn": "Changed"}})).await;
    assert_eq!(bad["data"]["skuUpdate"]["userErrors"].as_array().map(Vec::len), Some(2), "{bad}");
    let read = app
        .gql(t, "query($id: ID!) { node(id: $id) { ... on Sku { nameEn weightGrams } } }", json!({"id": made}))
        .await;
    assert_eq!(
        read["data"]["node"],
        json!({"nameEn": "SKU LS-2", "weightGrams": 100}),
        "a refused update changes nothing"
    );
    let nowhere = format!("gid://silkport/Product/{}", uuid::Uuid::now_v7());
    let lost = app.gql(t, CREATE, json!({"input": {"productId": nowhere, "code": "LS-3", "nameEn": "x"}})).await;
    assert_eq!(lost["data"]["skuCreate"]["userErrors"][0]["code"], "NOT_FOUND", "{lost}");
}

#[tokio::test]
async fn codes_and_barcodes_are_unique_per_merchant() {
    let app = TestApp::spawn().await;
    let (owner, _, product) = shop(&app).await;
    let t = Some(owner.access_token.as_str());
    let other_merchant = app.merchant(&owner, "M2").await;
    let other_product = app.product(&owner.access_token, &other_merchant, "linen-shirt").await;
    let upc = json!({"barcodes": [{"barcode": "036000291452", "kind": "GTIN_12"}]});
    let first = app.sku(&owner.access_token, &product, "LS-RED", upc.clone()).await;

    let same_code =
        app.gql(t, CREATE, json!({"input": {"productId": product, "code": "LS-RED", "nameEn": "Again"}})).await;
    let error = &same_code["data"]["skuCreate"]["userErrors"][0];
    assert_eq!((error["code"].as_str(), &error["subjectId"]), (Some("TAKEN"), &json!(first)), "{same_code}");
    // The scanner's EAN-13 reading of the same UPC-A is the same barcode.
    let same_scan = json!({"input": {"productId": product, "code": "LS-BLUE", "nameEn": "Blue",
                                     "barcodes": [{"barcode": "0036000291452", "kind": "GTIN_13"}]}});
    let taken = app.gql(t, CREATE, same_scan).await;
    let error = &taken["data"]["skuCreate"]["userErrors"][0];
    assert_eq!(error["field"], json!(["input", "barcodes", "0", "barcode"]), "{taken}");
    assert_eq!((error["code"].as_str(), &error["subjectId"]), (Some("TAKEN"), &json!(first)), "{taken}");
    assert_eq!(sku_count(&app, &owner.access_token).await, 1, "a refused SKU leaves no row, barcode or code behind");

    app.sku(&owner.access_token, &other_product, "LS-RED", upc).await;
    let second = app.sku(&owner.access_token, &product, "LS-BLUE", json!({})).await;
    let renamed = app.gql(t, UPDATE, json!({"input": {"id": second, "code": "LS-RED"}})).await;
    assert_eq!(renamed["data"]["skuUpdate"]["userErrors"][0]["code"], "TAKEN", "{renamed}");
    let moved = app.gql(t, UPDATE, json!({"input": {"id": first, "barcodes": []}})).await;
    assert_eq!(moved["data"]["skuUpdate"]["userErrors"], json!([]), "{moved}");
    let reused = app
        .gql(t, UPDATE, json!({"input": {"id": second, "barcodes": [{"barcode": "036000291452", "kind": "GTIN_12"}]}}))
        .await;
    assert_eq!(reused["data"]["skuUpdate"]["userErrors"], json!([]), "a freed barcode can be given again: {reused}");
}

#[tokio::test]
async fn ten_parallel_creations_of_one_code_make_one_sku() {
    let app = TestApp::spawn().await;
    let (owner, _, product) = shop(&app).await;
    let t = Some(owner.access_token.as_str());
    let burst = (0..10).map(|n| {
        let input = json!({"productId": product, "code": "RACE-1", "nameEn": format!("Racer {n}"),
                           "barcodes": [{"barcode": format!("RACE-{n}"), "kind": "INTERNAL"}]});
        app.gql(t, CREATE, json!({"input": input}))
    });
    let answers = join_all(burst).await;
    let made = answers.iter().filter(|a| a["data"]["skuCreate"]["sku"].is_object()).count();
    let taken = answers.iter().filter(|a| a["data"]["skuCreate"]["userErrors"][0]["code"] == "TAKEN").count();
    assert_eq!((made, taken), (1, 9), "{answers:?}");
    assert_eq!(sku_count(&app, &owner.access_token).await, 1);
    let barcodes = app.gql(t, "{ skus(first: 5) { nodes { barcodes { barcode } } } }", json!({})).await;
    assert_eq!(barcodes["data"]["skus"]["nodes"][0]["barcodes"].as_array().map(Vec::len), Some(1), "{barcodes}");
}

#[tokio::test]
async fn skus_are_found_by_code_prefix_barcode_names_and_status() {
    let app = TestApp::spawn().await;
    let (owner, merchant, product) = shop(&app).await;
    let t = Some(owner.access_token.as_str());
    let token = owner.access_token.as_str();
    app.sku(
        token,
        &product,
        "LS-RED-M",
        json!({"nameZh": "红色亚麻衬衫", "nameEn": "Linen Shirt Red",
        "barcodes": [{"barcode": "036000291452", "kind": "GTIN_12"}]}),
    )
    .await;
    app.sku(
        token,
        &product,
        "LS-BLUE-M",
        json!({"nameZh": "蓝色亚麻衬衫", "nameEn": "Linen shirt blue",
        "barcodes": [{"barcode": "BIN-42", "kind": "INTERNAL"}]}),
    )
    .await;
    app.sku(token, &product, "SC-100%", json!({"nameEn": "Silk scarf", "status": "INACTIVE"})).await;
    let other = app.merchant(&owner, "M2").await;
    let other_product = app.product(token, &other, "shirt").await;
    app.sku(token, &other_product, "LS-RED-M", json!({"nameEn": "Another merchant's red shirt"})).await;

    let search = async |q: &str| codes(&app.gql(t, LIST, json!({"q": q, "m": merchant})).await);
    assert_eq!(search("ls-").await, ["LS-RED-M", "LS-BLUE-M"], "code prefix, any case");
    assert_eq!(search("RED-M").await, Vec::<String>::new(), "a code matches from its start only");
    assert_eq!(search("036000291452").await, ["LS-RED-M"], "exact barcode");
    assert_eq!(search("0036000291452").await, ["LS-RED-M"], "the same GTIN with a leading zero");
    assert_eq!(search("03600029145").await, Vec::<String>::new(), "a part of a barcode finds nothing");
    assert_eq!(search("bin-42").await, Vec::<String>::new(), "internal barcodes match exactly");
    assert_eq!(search("BIN-42").await, ["LS-BLUE-M"]);
    assert_eq!(search("蓝色").await, ["LS-BLUE-M"], "Chinese name");
    assert_eq!(search("SHIRT").await, ["LS-RED-M", "LS-BLUE-M"], "English name, any case");
    assert_eq!(search("sc-100%").await, ["SC-100%"]);
    assert_eq!(search("SC-%").await, Vec::<String>::new(), "% is taken literally");
    assert_eq!(codes(&app.gql(t, LIST, json!({"s": "INACTIVE"})).await), ["SC-100%"]);
    assert_eq!(codes(&app.gql(t, LIST, json!({"q": "ls-red"})).await), ["LS-RED-M", "LS-RED-M"], "both merchants");
}

#[tokio::test]
async fn a_merchant_sees_and_changes_only_its_own_skus() {
    let app = TestApp::spawn().await;
    let (owner, merchant, product) = shop(&app).await;
    let token = owner.access_token.as_str();
    let own = app.sku(token, &product, "OWN-1", json!({})).await;
    let other = app.merchant(&owner, "M2").await;
    let other_product = app.product(token, &other, "theirs").await;
    let theirs = app.sku(token, &other_product, "THEIRS-1", json!({"nameEn": "Their secret shirt"})).await;

    let member = app.merchant_member(&owner, "seller@alpha.example.com", &merchant).await;
    let m = Some(member.access_token.as_str());
    assert_eq!(codes(&app.gql(m, LIST, json!({})).await), ["OWN-1"]);
    assert_eq!(codes(&app.gql(m, LIST, json!({"m": other})).await), Vec::<String>::new());
    let node = app.gql(m, "query($id: ID!) { node(id: $id) { id } }", json!({"id": theirs})).await;
    assert_eq!(node["data"]["node"], Value::Null, "{node}");

    let update = app.gql(m, UPDATE, json!({"input": {"id": theirs, "nameEn": "Mine now"}})).await;
    assert_eq!(update["data"]["skuUpdate"]["userErrors"][0]["code"], "NOT_FOUND", "not FORBIDDEN: {update}");
    let under = app.gql(m, CREATE, json!({"input": {"productId": other_product, "code": "X-1", "nameEn": "x"}})).await;
    assert_eq!(under["data"]["skuCreate"]["userErrors"][0]["code"], "NOT_FOUND", "{under}");
    let product_for = "mutation($m: ID) { productCreate(input: {merchantId: $m, handle: \"mine\", titleEn: \"Mine\"}) {
        product { merchant { code } } userErrors { field code } } }";
    let elsewhere = app.gql(m, product_for, json!({"m": other})).await;
    assert_eq!(elsewhere["data"]["productCreate"]["userErrors"][0]["code"], "NOT_FOUND", "{elsewhere}");
    let own_by_default = app.gql(m, product_for, json!({})).await;
    assert_eq!(
        own_by_default["data"]["productCreate"]["product"],
        json!({"merchant": {"code": "M1"}}),
        "{own_by_default}"
    );

    let mine = app.gql(m, UPDATE, json!({"input": {"id": own, "nameEn": "Renamed"}})).await;
    assert_eq!(mine["data"]["skuUpdate"]["userErrors"], json!([]), "{mine}");
    let read = app
        .gql(Some(token), "query($id: ID!) { node(id: $id) { ... on Sku { nameEn } } }", json!({"id": theirs}))
        .await;
    assert_eq!(read["data"]["node"]["nameEn"], "Their secret shirt");
}

#[tokio::test]
async fn pages_walk_the_list_both_ways() {
    let app = TestApp::spawn().await;
    let (owner, _, product) = shop(&app).await;
    let t = Some(owner.access_token.as_str());
    for n in 1..=7 {
        app.sku(&owner.access_token, &product, &format!("P-{n}"), json!({})).await;
    }
    let page = "query($after: String) { skus(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { code } } }";
    let mut seen = Vec::new();
    let mut after = Value::Null;
    loop {
        let answer = app.gql(t, page, json!({"after": after})).await;
        assert_eq!(answer["data"]["skus"]["totalCount"], 7, "{answer}");
        seen.extend(codes(&answer));
        if answer["data"]["skus"]["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = answer["data"]["skus"]["pageInfo"]["endCursor"].clone();
    }
    assert_eq!(seen, (1..=7).map(|n| format!("P-{n}")).collect::<Vec<_>>());
    let last = app.gql(t, "{ skus(last: 2) { pageInfo { hasPreviousPage } nodes { code } } }", json!({})).await;
    assert_eq!(codes(&last), ["P-6", "P-7"]);
    assert_eq!(last["data"]["skus"]["pageInfo"]["hasPreviousPage"], true);
    let too_big = app.gql(t, "{ skus(first: 251) { nodes { code } } }", json!({})).await;
    assert_eq!(too_big["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{too_big}");
}

#[tokio::test]
async fn listings_take_the_same_round_trips_for_5_and_50_rows() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    // SKUs of several merchants and products, so nested objects are many.
    for m in 1..=3 {
        let merchant = app.merchant(&owner, &format!("M{m}")).await;
        for p in 1..=4 {
            let product = app.product(token, &merchant, &format!("p-{p}")).await;
            for s in 1..=5 {
                let code = format!("M{m}-P{p}-S{s}");
                let more = json!({"declaredValue": {"amount": "9.90", "currencyCode": "EUR"}, "weightGrams": 250,
                                  "barcodes": [{"barcode": code.clone(), "kind": "INTERNAL"}]});
                app.sku(token, &product, &code, more).await;
            }
        }
    }
    let skus = |n: u32| {
        format!(
            "{{ skus(first: {n}) {{ totalCount edges {{ cursor node {{ code barcodes {{ barcode }} declaredValue {{ amount }}
                product {{ handle merchant {{ code }} }} merchant {{ code name }} }} }} }} }}"
        )
    };
    let (five, answer) = app.round_trips(token, &skus(5), json!({})).await;
    assert_eq!(answer["data"]["skus"]["edges"].as_array().map(Vec::len), Some(5), "{answer}");
    let (fifty, answer) = app.round_trips(token, &skus(50), json!({})).await;
    assert_eq!(answer["data"]["skus"]["edges"].as_array().map(Vec::len), Some(50));
    assert_eq!(answer["data"]["skus"]["edges"][49]["node"]["product"]["merchant"]["code"], "M3", "{answer}");
    eprintln!("skus: {five} database round trips for 5 rows, {fifty} for 50");
    assert_eq!(five, fifty, "skus: round trips grow with the page");

    let products =
        |n: u32| format!("{{ products(first: {n}) {{ totalCount nodes {{ handle merchant {{ code }} }} }} }}");
    let (five, _) = app.round_trips(token, &products(5), json!({})).await;
    let (twelve, answer) = app.round_trips(token, &products(50), json!({})).await;
    assert_eq!(answer["data"]["products"]["nodes"].as_array().map(Vec::len), Some(12));
    eprintln!("products: {five} database round trips for 5 rows, {twelve} for 12");
    assert_eq!(five, twelve, "products: round trips grow with the page");
}
