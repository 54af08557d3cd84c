//! The newcomer's first minutes: `silkport serve` started in an empty
//! folder serves the portal and a GraphiQL that needs no internet, both
//! from inside the binary.

use silkport_tests::served::Served;

#[tokio::test]
async fn the_binary_serves_the_portal_and_graphiql_from_any_folder() {
    let served = Served::start(&[]).await;
    let base = served.url.clone();
    let http = reqwest::Client::new();
    let page = |path: &'static str| {
        let http = http.clone();
        let url = format!("{base}{path}");
        async move {
            let response = http.get(url).header("accept", "text/html").send().await.expect("request");
            let status = response.status().as_u16();
            let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
            (status, kind, response.text().await.expect("body"))
        }
    };
    let (status, kind, index) = page("/").await;
    assert_eq!(status, 200, "the portal is in the binary (build web/ before the binary): {index}");
    assert!(kind.starts_with("text/html") && index.contains("id=\"root\""), "{kind}: {index}");
    let (status, _, deep) = page("/members").await;
    assert_eq!((status, deep == index), (200, true), "client-side routes load the portal");
    let script = index.split("src=\"").nth(1).and_then(|s| s.split('"').next()).expect("a script in index.html");
    let asset = http.get(format!("{base}{script}")).send().await.expect("asset");
    assert_eq!(asset.status().as_u16(), 200, "{script}");
    assert!(asset.headers()["content-type"].to_str().is_ok_and(|t| t.contains("javascript")));

    let (status, _, graphiql) = page("/graphql").await;
    assert_eq!(status, 200);
    assert!(graphiql.contains("Silkport GraphiQL"), "GraphiQL of the portal build: {graphiql}");
    for external in ["unpkg.com", "jsdelivr", "cdn."] {
        assert!(!graphiql.contains(external), "GraphiQL loads nothing from {external}");
    }
    assert!(served.folder.join("data").is_dir(), "the embedded default keeps its data in ./data");
}
