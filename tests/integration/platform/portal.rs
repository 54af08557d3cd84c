//! The newcomer's first minutes: `silkport serve` started in an empty
//! folder serves the portal and a GraphiQL that needs no internet, both
//! from inside the binary.

use std::process::Stdio;
use std::time::Duration;

use silkport_tests::app::silkport_bin;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

#[tokio::test]
async fn the_binary_serves_the_portal_and_graphiql_from_any_folder() {
    let folder = std::env::temp_dir().join(format!("silkport-empty-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&folder).expect("empty folder");
    let port = free_port();
    let mut server = tokio::process::Command::new(silkport_bin())
        .arg("serve")
        .current_dir(&folder)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("SILKPORT_BIND", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("start silkport serve");
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while !http.get(format!("{base}/readyz")).send().await.is_ok_and(|r| r.status().is_success()) {
        assert!(tokio::time::Instant::now() < deadline, "silkport serve did not get ready");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

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
    assert!(folder.join("data").is_dir(), "the embedded default keeps its data in ./data");
    server.kill().await.ok();
    std::fs::remove_dir_all(&folder).ok();
}
