//! The OAuth 2.0 client-credentials endpoint (RFC 6749 §4.4), tokens any
//! JWT library verifies with the published JWKS, and per-client rate
//! limiting by query cost.

use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, Validation, jwk::JwkSet};
use serde_json::{Value, json};
use silkport_tests::{Session, TestApp, services};

async fn client(app: &TestApp, owner: &Session, scopes: &str) -> (String, String) {
    let created = app
        .gql(Some(&owner.access_token), &format!("mutation {{ apiClientCreate(input: {{name: \"ERP\", scopes: [{scopes}]}}) {{ apiClient {{ clientId }} clientSecret }} }}"), json!({}))
        .await;
    let payload = &created["data"]["apiClientCreate"];
    (
        payload["apiClient"]["clientId"].as_str().expect("id").to_owned(),
        payload["clientSecret"].as_str().expect("secret").to_owned(),
    )
}

async fn token_request(
    app: &TestApp,
    form: &[(&str, &str)],
    basic: Option<(&str, &str)>,
) -> (u16, reqwest::header::HeaderMap, Value) {
    let mut request = app.http.post(format!("{}/oauth/token", app.url)).form(form);
    if let Some((id, secret)) = basic {
        request = request.basic_auth(id, Some(secret));
    }
    let response = request.send().await.expect("token request");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.json().await.expect("json body"))
}

#[tokio::test]
async fn client_credentials_tokens_verify_against_the_jwks() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let (id, secret) = client(&app, &owner, "TENANT_READ, AUDIT_READ").await;

    let (status, headers, body) = token_request(
        &app,
        &[("grant_type", "client_credentials"), ("client_id", &id), ("client_secret", &secret)],
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 900);
    assert_eq!(body["scope"], "tenant:read audit:read");
    assert_eq!(headers["cache-control"], "no-store");
    let token = body["access_token"].as_str().expect("token");

    let jwks: JwkSet = app
        .http
        .get(format!("{}/.well-known/jwks.json", app.url))
        .send()
        .await
        .expect("jwks")
        .json()
        .await
        .expect("jwks json");
    let kid = jsonwebtoken::decode_header(token).expect("header").kid.expect("kid");
    let jwk = jwks.find(&kid).expect("the token's key is published");
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.set_audience(&["silkport-api"]);
    validation.set_issuer(&["silkport"]);
    let verified =
        jsonwebtoken::decode::<Value>(token, &DecodingKey::from_jwk(jwk).expect("key"), &validation).expect("verifies");
    assert_eq!(verified.claims["scope"], "tenant:read audit:read");

    let (status, _, narrowed) =
        token_request(&app, &[("grant_type", "client_credentials"), ("scope", "tenant:read")], Some((&id, &secret)))
            .await;
    assert_eq!((status, narrowed["scope"].as_str()), (200, Some("tenant:read")), "HTTP Basic with a narrower scope");
    let tenant = app
        .gql(narrowed["access_token"].as_str(), "{ tenant { name } viewer { apiClient { name } scopes } }", json!({}))
        .await;
    assert_eq!(tenant["data"]["tenant"]["name"], "Tenant alpha");
    assert_eq!(tenant["data"]["viewer"]["scopes"], json!(["TENANT_READ"]));
}

#[tokio::test]
async fn token_endpoint_errors_follow_rfc_6749() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let (id, secret) = client(&app, &owner, "TENANT_READ").await;
    let grant = ("grant_type", "client_credentials");

    let (status, _, body) = token_request(&app, &[grant, ("client_id", &id), ("client_secret", "wrong")], None).await;
    assert_eq!((status, body["error"].as_str()), (401, Some("invalid_client")));
    let (status, headers, body) = token_request(&app, &[grant], Some((&id, "wrong"))).await;
    assert_eq!((status, body["error"].as_str()), (401, Some("invalid_client")));
    assert!(headers.contains_key("www-authenticate"));
    let (status, _, body) =
        token_request(&app, &[("grant_type", "password"), ("client_id", &id), ("client_secret", &secret)], None).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("unsupported_grant_type")));
    let (status, _, body) =
        token_request(&app, &[grant, ("client_id", &id), ("client_secret", &secret), ("scope", "members:write")], None)
            .await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_scope")));
    let (status, _, body) = token_request(&app, &[("client_id", &id), ("client_secret", &secret)], None).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_request")));

    let gid = app.gql(Some(&owner.access_token), "{ apiClients(first: 1) { nodes { id } } }", json!({})).await["data"]
        ["apiClients"]["nodes"][0]["id"]
        .clone();
    app.gql(
        Some(&owner.access_token),
        "mutation($id: ID!) { apiClientRevoke(input: {id: $id}) { apiClient { revokedAt } } }",
        json!({"id": gid}),
    )
    .await;
    let (status, _, body) = token_request(&app, &[grant, ("client_id", &id), ("client_secret", &secret)], None).await;
    assert_eq!((status, body["error"].as_str()), (401, Some("invalid_client")), "a revoked client gets no token");
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"));
    assert!(!basic.is_empty());
}

async fn throttles(app: &TestApp) {
    let owner = app.signup("alpha").await;
    let (id, secret) = client(app, &owner, "TENANT_READ").await;
    let (_, _, body) = token_request(
        app,
        &[("grant_type", "client_credentials"), ("client_id", &id), ("client_secret", &secret)],
        None,
    )
    .await;
    let token = body["access_token"].as_str().expect("token");
    let mut throttled = None;
    for _ in 0..20 {
        let response = app.gql(Some(token), "{ tenant { name slug modules } }", json!({})).await;
        if response["errors"][0]["extensions"]["code"] == "THROTTLED" {
            throttled = Some(response);
            break;
        }
        let status = &response["extensions"]["cost"]["throttleStatus"];
        assert_eq!(status["maximumAvailable"], 20.0, "{response}");
    }
    let throttled = throttled.expect("the bucket ran dry");
    assert!(throttled["errors"][0]["extensions"]["retryAfterMs"].as_u64().is_some_and(|ms| ms > 0), "{throttled}");
    let person = app.gql(Some(&owner.access_token), "{ tenant { name } }", json!({})).await;
    assert_eq!(person["data"]["tenant"]["name"], "Tenant alpha", "other principals have their own bucket");
}

#[tokio::test]
async fn partner_clients_are_throttled_by_cost_in_memory() {
    let app =
        TestApp::spawn_with(&[("SILKPORT_RATE_LIMIT_CAPACITY", "20"), ("SILKPORT_RATE_LIMIT_PER_SECOND", "1")]).await;
    throttles(&app).await;
}

#[tokio::test]
async fn redis_partner_clients_are_throttled_by_cost() {
    let redis = services::redis_url();
    let app = TestApp::spawn_with(&[
        ("REDIS_URL", &redis),
        ("SILKPORT_RATE_LIMIT_CAPACITY", "20"),
        ("SILKPORT_RATE_LIMIT_PER_SECOND", "1"),
    ])
    .await;
    throttles(&app).await;
    let ready: Value =
        app.http.get(format!("{}/readyz", app.url)).send().await.expect("readyz").json().await.expect("json");
    assert_eq!(ready["redis"], "ok");
}
