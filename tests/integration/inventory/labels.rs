//! Location labels over HTTP: a PDF sheet that parses, with a page per 24
//! labels in code order; one label as SVG carrying the code and its Code
//! 128 bars; and the same fences as GraphQL (token, `warehouses:read`,
//! the tenant's own locations only).

use reqwest::StatusCode;
use serde_json::{Value, json};
use silkport_tests::TestApp;

/// Status, content type and body of a GET.
async fn get(app: &TestApp, token: Option<&str>, path: &str, query: &[(&str, &str)]) -> (StatusCode, String, Vec<u8>) {
    let mut request = app.http.get(format!("{}{path}", app.url)).query(query);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.expect("labels request");
    let status = response.status();
    let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    (status, kind, response.bytes().await.expect("body").to_vec())
}

fn error_code(body: &[u8]) -> Value {
    let json: Value = serde_json::from_slice(body).expect("a JSON refusal");
    json["errors"][0]["extensions"]["code"].clone()
}

/// The pages of a PDF, each page's content stream as text.
fn pages(pdf: &[u8]) -> Vec<String> {
    assert!(pdf.starts_with(b"%PDF-"), "a PDF file");
    let document = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    document
        .get_pages()
        .values()
        .map(|page| String::from_utf8_lossy(&document.get_page_content(*page)).into_owned())
        .collect()
}

/// The codes printed large (the caption under the bars) on a page, in order.
fn captions(page: &str) -> Vec<String> {
    page.split("/F2 ")
        .skip(1)
        .filter_map(|text| {
            text.split_once('(').and_then(|(_, rest)| rest.split_once(") Tj")).map(|(c, _)| c.to_owned())
        })
        .collect()
}

async fn generate(app: &TestApp, token: &str, warehouse: &str, zone: &str, aisles: &str, kind: &str) {
    let made = app
        .gql(
            Some(token),
            "mutation($w: ID!, $z: String!, $a: String!, $t: LocationType!) { locationsGenerate(input: {warehouseId: $w,
                zone: {from: $z, to: $z}, aisle: {from: \"01\", to: $a}, bay: {from: \"01\", to: \"06\"}, type: $t}) { userErrors { message } } }",
            json!({"w": warehouse, "z": zone, "a": aisles, "t": kind}),
        )
        .await;
    assert_eq!(made["data"]["locationsGenerate"]["userErrors"], json!([]), "{made}");
}

#[tokio::test]
async fn a_sheet_has_a_page_per_24_labels_in_code_order_for_the_filters_given() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();
    let lax = app.warehouse(&owner, "LAX1").await;
    let fra = app.warehouse(&owner, "FRA1").await;
    generate(&app, token, &lax, "B", "05", "PICK").await;
    generate(&app, token, &lax, "A", "01", "BULK").await;
    generate(&app, token, &fra, "A", "01", "PICK").await;

    let (status, kind, pdf) = get(&app, Some(token), "/labels/locations.pdf", &[("warehouseId", lax.as_str())]).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "application/pdf"));
    let sheet = pages(&pdf);
    assert_eq!(sheet.len(), 2, "36 labels: 24 and 12");
    let printed: Vec<String> = sheet.iter().flat_map(|page| captions(page)).collect();
    let mut expected: Vec<String> = (1..=6).map(|bay| format!("A-01-0{bay}")).collect();
    expected.extend((1..=5).flat_map(|aisle| (1..=6).map(move |bay| format!("B-0{aisle}-0{bay}"))));
    assert_eq!(printed, expected, "every location of LAX1 once, in code order");
    assert!(sheet[0].contains("(LAX1 / BULK) Tj") && sheet[1].contains("(LAX1 / PICK) Tj"));

    let (_, _, bulk) = get(&app, Some(token), "/labels/locations.pdf", &[("type", "BULK")]).await;
    assert_eq!(captions(&pages(&bulk)[0]).len(), 6, "BULK: zone A of LAX1 only");
    let (_, _, aisle) = get(&app, Some(token), "/labels/locations.pdf", &[("query", "a-01"), ("type", "PICK")]).await;
    let aisle: Vec<String> = captions(&pages(&aisle)[0]);
    assert_eq!(aisle.len(), 6, "PICK in aisle A-01: FRA1's");
    assert!(
        pages(&get(&app, Some(token), "/labels/locations.pdf", &[]).await.2).len() == 2,
        "42 labels, all warehouses"
    );

    let (status, _, body) =
        get(&app, Some(token), "/labels/locations.pdf", &[("warehouseId", fra.as_str()), ("type", "DAMAGED")]).await;
    assert_eq!((status, error_code(&body)), (StatusCode::NOT_FOUND, json!("NOT_FOUND")));
    let in_chinese = app
        .http
        .get(format!("{}/labels/locations.pdf?type=QUARANTINE", app.url))
        .bearer_auth(token)
        .header("accept-language", "zh-CN")
        .send()
        .await
        .expect("request");
    let body: Value = in_chinese.json().await.expect("json");
    assert!(body["errors"][0]["message"].as_str().is_some_and(|m| m.contains("库位")), "{body}");
}

#[tokio::test]
async fn one_label_is_an_svg_with_the_code_and_its_code_128_bars() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let lax = app.warehouse(&owner, "LAX1").await;
    let id = app.location(&owner, &lax, &["A", "01", "03", "2", "B"]).await;
    let (status, kind, body) =
        get(&app, Some(&owner.access_token), "/labels/location.svg", &[("id", id.as_str())]).await;
    assert_eq!((status, kind.as_str()), (StatusCode::OK, "image/svg+xml"));
    let svg = String::from_utf8(body).expect("UTF-8");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"70mm\" height=\"37mm\""), "{svg}");
    assert!(svg.contains("<title>A-01-03-2-B</title>") && svg.contains(">A-01-03-2-B</text>"), "{svg}");
    assert!(svg.contains(">LAX1 / PICK</text>"), "{svg}");
    // Start, 11 characters and the check character have 3 bars each, the stop 4.
    let path = svg.split(" d=\"").nth(1).and_then(|rest| rest.split('"').next()).expect("the bars' path");
    assert_eq!(path.matches('z').count(), 13 * 3 + 4, "{path}");
    assert!(svg.ends_with("</svg>"));
}

#[tokio::test]
async fn labels_need_a_token_and_warehouses_read_and_show_only_the_tenants_own() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let lax = app.warehouse(&owner, "LAX1").await;
    let id = app.location(&owner, &lax, &["A", "01"]).await;
    let sheet = [("warehouseId", lax.as_str())];
    let one = [("id", id.as_str())];

    let (status, _, body) = get(&app, None, "/labels/locations.pdf", &sheet).await;
    assert_eq!((status, error_code(&body)), (StatusCode::UNAUTHORIZED, json!("UNAUTHENTICATED")));
    let (status, _, _) = get(&app, Some("not-a-token"), "/labels/location.svg", &one).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let merchant = app.merchant(&owner, "M1").await;
    let seller = app.merchant_member(&owner, "seller@alpha.example.com", &merchant).await;
    let viewer = app.member(&owner, "viewer@alpha.example.com", "VIEWER").await;
    let reader = app.partner_token(&owner, "WAREHOUSES_READ").await;
    for token in [&seller.access_token, &viewer.access_token, &reader] {
        assert_eq!(get(&app, Some(token), "/labels/locations.pdf", &sheet).await.0, StatusCode::OK);
        assert_eq!(get(&app, Some(token), "/labels/location.svg", &one).await.0, StatusCode::OK);
    }
    let other_scope = app.partner_token(&owner, "TENANT_READ").await;
    for (path, query) in [("/labels/locations.pdf", &sheet), ("/labels/location.svg", &one)] {
        let (status, _, body) = get(&app, Some(&other_scope), path, query).await;
        assert_eq!((status, error_code(&body)), (StatusCode::FORBIDDEN, json!("FORBIDDEN")), "{path}");
    }

    let outsider = app.signup("beta").await;
    let (status, _, body) = get(&app, Some(&outsider.access_token), "/labels/locations.pdf", &sheet).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another tenant's warehouse keeps nothing");
    assert!(!String::from_utf8_lossy(&body).contains("A-01"));
    let (status, _, body) = get(&app, Some(&outsider.access_token), "/labels/location.svg", &one).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!String::from_utf8_lossy(&body).contains("A-01"));

    for (path, query) in [
        ("/labels/locations.pdf", vec![("type", "SHELF")]),
        ("/labels/locations.pdf", vec![("warehouseId", id.as_str())]),
        ("/labels/locations.pdf", vec![("zone", "A")]),
        ("/labels/location.svg", vec![]),
    ] {
        let (status, _, body) = get(&app, Some(&owner.access_token), path, &query).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path} {query:?}: {}", String::from_utf8_lossy(&body));
    }
}
