//! The HTTP edge: probes, metrics, request ids, security headers, CORS.

use serde_json::{Value, json};
use silkport_tests::TestApp;

#[tokio::test]
async fn probes_metrics_and_headers() {
    let app = TestApp::spawn().await;
    let health = app.http.get(format!("{}/healthz", app.url)).send().await.expect("healthz");
    assert_eq!(health.status(), 200);
    for header in ["x-content-type-options", "x-frame-options", "referrer-policy", "x-request-id"] {
        assert!(health.headers().contains_key(header), "missing {header}");
    }
    let ready: Value =
        app.http.get(format!("{}/readyz", app.url)).send().await.expect("readyz").json().await.expect("json");
    assert_eq!(ready, json!({"status": "ready", "database": "ok", "redis": "not configured"}));

    let echoed =
        app.http.get(format!("{}/healthz", app.url)).header("x-request-id", "trace-42").send().await.expect("req");
    assert_eq!(echoed.headers()["x-request-id"], "trace-42", "a sane caller id is kept");
    let replaced =
        app.http.get(format!("{}/healthz", app.url)).header("x-request-id", "bad id!").send().await.expect("req");
    assert_ne!(replaced.headers()["x-request-id"], "bad id!");

    let owner = app.signup("alpha").await;
    let log = app.gql(Some(&owner.access_token), "{ auditLog(first: 1) { nodes { requestId } } }", json!({})).await;
    assert!(
        log["data"]["auditLog"]["nodes"][0]["requestId"].as_str().is_some_and(|id| !id.is_empty()),
        "audit entries carry the request id"
    );

    let metrics =
        app.http.get(format!("{}/metrics", app.url)).send().await.expect("metrics").text().await.expect("text");
    for name in
        ["silkport_http_requests_total", "silkport_http_request_duration_seconds", "silkport_db_statements_total"]
    {
        assert!(metrics.contains(name), "{name} missing from /metrics");
    }
    let jwks: Value = app
        .http
        .get(format!("{}/.well-known/jwks.json", app.url))
        .send()
        .await
        .expect("jwks")
        .json()
        .await
        .expect("json");
    assert_eq!(jwks["keys"][0]["kty"], "OKP");
    assert!(jwks["keys"][0].get("d").is_none(), "no private part is published");
}

#[tokio::test]
async fn cors_admits_configured_origins_only() {
    let app = TestApp::spawn_with(&[("SILKPORT_CORS_ORIGINS", "https://portal.example.com")]).await;
    let preflight = |origin: &'static str| {
        app.http
            .request(reqwest::Method::OPTIONS, format!("{}/graphql", app.url))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "authorization, content-type")
            .send()
    };
    let allowed = preflight("https://portal.example.com").await.expect("preflight");
    assert_eq!(allowed.headers()["access-control-allow-origin"], "https://portal.example.com");
    let refused = preflight("https://evil.example.com").await.expect("preflight");
    assert!(!refused.headers().contains_key("access-control-allow-origin"));
}
