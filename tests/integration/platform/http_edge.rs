//! The HTTP edge: probes, metrics, request ids, security headers, CORS.

use serde_json::{Value, json};
use silkport_tests::TestApp;

/// The security headers every response carries, with their values.
const SECURITY_HEADERS: [(&str, &str); 5] = [
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=()"),
];

fn assert_security_headers(response: &reqwest::Response, what: &str) {
    for (name, value) in SECURITY_HEADERS {
        let found: Vec<_> = response.headers().get_all(name).iter().collect();
        assert_eq!(found, [value], "{what}: {name}");
    }
}

#[tokio::test]
async fn probes_metrics_and_headers() {
    let app = TestApp::spawn().await;
    let health = app.http.get(format!("{}/healthz", app.url)).send().await.expect("healthz");
    assert_eq!(health.status(), 200);
    assert_security_headers(&health, "/healthz");
    assert!(health.headers()["x-request-id"].to_str().is_ok_and(|id| !id.is_empty()), "a request id is given");
    let graphql = app
        .http
        .post(format!("{}/graphql", app.url))
        .json(&json!({"query": "{ __typename }"}))
        .send()
        .await
        .expect("graphql");
    assert_security_headers(&graphql, "POST /graphql");
    let missing = app.http.get(format!("{}/no-such-page.php", app.url)).send().await.expect("missing page");
    assert_security_headers(&missing, "an unknown path");
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

/// Without `SILKPORT_CORS_ORIGINS` the API is same-origin only: no foreign
/// origin is admitted, neither to a preflight nor to the request itself.
#[tokio::test]
async fn cors_admits_no_foreign_origin_by_default() {
    let app = TestApp::spawn().await;
    for origin in ["https://evil.example.com", "null", "http://localhost:5173"] {
        let preflight = app
            .http
            .request(reqwest::Method::OPTIONS, format!("{}/graphql", app.url))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "authorization, content-type")
            .send()
            .await
            .expect("preflight");
        assert!(!preflight.status().is_success(), "{origin}: preflight answered {}", preflight.status());
        assert_eq!(preflight.headers().get("access-control-allow-origin"), None, "{origin}: preflight");
        assert_eq!(preflight.headers().get("access-control-allow-credentials"), None, "{origin}: preflight");
        let request = app
            .http
            .post(format!("{}/graphql", app.url))
            .header("origin", origin)
            .json(&json!({"query": "{ __typename }"}))
            .send()
            .await
            .expect("request");
        assert_eq!(request.headers().get("access-control-allow-origin"), None, "{origin}: request");
    }
}
