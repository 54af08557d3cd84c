//! The OAuth 2.0 client-credentials endpoint (RFC 6749 §4.4), its RFC 8414
//! metadata, tokens any JWT library verifies with the published JWKS (and
//! tokens any JWT library makes that we must read as RFC 7519 says), and
//! per-client rate limiting by query cost. Python's authlib and PyJWT check
//! the same from outside (`tests/interop/oauth`, run by `scripts/test`).

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
    validation.set_issuer(&[&app.url]);
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
    let (status, _, body) = token_request(&app, &[grant, ("client_id", "someone-else")], Some((&id, &secret))).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("invalid_request")), "two clients in one request");
    let (status, _, body) = token_request(&app, &[grant, ("client_id", &id)], Some((&id, &secret))).await;
    assert_eq!(status, 200, "the Basic client's own id may be repeated in the body: {body}");
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

/// RFC 6749 §5.2: `invalid_client` is a 401 that says how to authenticate.
#[tokio::test]
async fn every_invalid_client_answer_names_the_scheme() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let (id, _) = client(&app, &owner, "TENANT_READ").await;
    let grant = ("grant_type", "client_credentials");
    let malformed = app
        .http
        .post(format!("{}/oauth/token", app.url))
        .header("authorization", "Basic !!!")
        .form(&[grant])
        .send()
        .await
        .expect("token request");
    let mut answers = vec![("malformed Basic".to_owned(), malformed)];
    for (why, form, basic) in [
        ("no credentials", vec![grant], None),
        ("wrong secret in the body", vec![grant, ("client_id", id.as_str()), ("client_secret", "wrong")], None),
        ("unknown client in the body", vec![grant, ("client_id", "nobody"), ("client_secret", "x")], None),
        ("wrong secret by Basic", vec![grant], Some((id.as_str(), "wrong"))),
    ] {
        let mut request = app.http.post(format!("{}/oauth/token", app.url)).form(&form);
        if let Some((id, secret)) = basic {
            request = request.basic_auth(id, Some(secret));
        }
        answers.push((why.to_owned(), request.send().await.expect("token request")));
    }
    for (why, response) in answers {
        assert_eq!(response.status(), 401, "{why}");
        let challenge = response.headers().get("www-authenticate").and_then(|v| v.to_str().ok()).map(str::to_owned);
        assert!(challenge.as_deref().is_some_and(|c| c.starts_with("Basic realm=")), "{why}: {challenge:?}");
        let body: Value = response.json().await.expect("json");
        assert_eq!(body["error"], "invalid_client", "{why}");
    }
}

/// RFC 8414: the metadata's issuer is the public URL (https in
/// production), and every token we sign carries it as `iss`.
#[tokio::test]
async fn the_issuer_is_the_public_url_in_metadata_and_tokens() {
    let public = "https://silkport.example.com";
    let app = TestApp::spawn_with(&[("SILKPORT_PUBLIC_URL", "https://silkport.example.com/")]).await;
    let metadata: Value = app
        .http
        .get(format!("{}/.well-known/oauth-authorization-server", app.url))
        .send()
        .await
        .expect("metadata")
        .json()
        .await
        .expect("json");
    assert_eq!(metadata["issuer"], public);
    assert_eq!(metadata["token_endpoint"], format!("{public}/oauth/token"));
    assert_eq!(metadata["jwks_uri"], format!("{public}/.well-known/jwks.json"));
    assert_eq!(metadata["response_types_supported"], json!(["none"]), "required by RFC 8414 §2");

    let owner = app.signup("alpha").await;
    let (id, secret) = client(&app, &owner, "TENANT_READ").await;
    let client_token = app.client_token(&id, &secret).await;
    for (who, token) in [("user", owner.access_token.as_str()), ("client", client_token.as_str())] {
        let payload = token.split('.').nth(1).expect("payload");
        let claims: Value =
            serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).expect("base64"))
                .expect("claims");
        assert_eq!(claims["iss"], public, "{who} token");
    }
}

/// The scope strings are one vocabulary: what the metadata lists, the token
/// endpoint grants and the token carries are the GraphQL `Scope` values in
/// lower case, the last `_` a `:` (`API_CLIENTS_READ` is `api_clients:read`).
#[tokio::test]
async fn scopes_read_the_same_in_the_schema_the_metadata_and_tokens() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let schema = app.gql(None, "{ __type(name: \"Scope\") { enumValues { name } } }", json!({})).await;
    let values: Vec<String> = schema["data"]["__type"]["enumValues"]
        .as_array()
        .expect("Scope values")
        .iter()
        .map(|v| v["name"].as_str().expect("name").to_owned())
        .collect();
    let wire: Vec<String> = values
        .iter()
        .map(|v| {
            let (object, verb) = v.rsplit_once('_').expect("OBJECT_VERB");
            format!("{}:{}", object.to_lowercase(), verb.to_lowercase())
        })
        .collect();
    let metadata: Value = app
        .http
        .get(format!("{}/.well-known/oauth-authorization-server", app.url))
        .send()
        .await
        .expect("metadata")
        .json()
        .await
        .expect("json");
    assert_eq!(metadata["scopes_supported"], json!(wire));

    let (id, secret) = client(&app, &owner, &values.join(", ")).await;
    let (status, _, body) =
        token_request(&app, &[("grant_type", "client_credentials"), ("scope", &wire.join(" "))], Some((&id, &secret)))
            .await;
    assert_eq!((status, body["scope"].as_str()), (200, Some(wire.join(" ").as_str())), "{body}");
    let token = body["access_token"].as_str().expect("token");
    let payload = token.split('.').nth(1).expect("payload");
    let claims: Value =
        serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).expect("base64"))
            .expect("claims");
    assert_eq!(claims["scope"], wire.join(" "));
    let viewer = app.gql(Some(token), "{ viewer { scopes } }", json!({})).await;
    assert_eq!(viewer["data"]["viewer"]["scopes"], json!(values));
}

/// A token signed with our key whose claims are `claims` (as another JWT
/// library might write them).
fn signed(app: &TestApp, claims: &Value) -> String {
    let (kid, key) = app.state.tokens.keys().current();
    let header = jsonwebtoken::Header { kid: Some(kid.to_owned()), ..jsonwebtoken::Header::new(Algorithm::EdDSA) };
    jsonwebtoken::encode(&header, claims, key).expect("sign")
}

/// The claims of `owner`'s access token, and what `{ viewer { role } }`
/// answers to a token signed with our key: the role, or the error code.
fn owner_claims(owner: &Session) -> Value {
    let payload = owner.access_token.split('.').nth(1).expect("payload");
    serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload).expect("base64"))
        .expect("claims")
}

async fn role_with(app: &TestApp, claims: &Value) -> Result<String, String> {
    let answer = app.gql(Some(&signed(app, claims)), "{ viewer { role } }", json!({})).await;
    match answer["data"]["viewer"]["role"].as_str() {
        Some(role) => Ok(role.to_owned()),
        None => Err(answer["errors"][0]["extensions"]["code"].as_str().unwrap_or("none").to_owned()),
    }
}

/// RFC 7519 §4.1.3: `aud` may be an array, accepted when it holds our audience.
#[tokio::test]
async fn an_audience_array_holding_ours_is_accepted() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let mut claims = owner_claims(&owner);
    claims["aud"] = json!(["https://other.example.com", "silkport-api"]);
    claims["jti"] = json!("aud-array");
    assert_eq!(role_with(&app, &claims).await, Ok("OWNER".into()), "an array holding our audience");
    claims["aud"] = json!(["https://other.example.com"]);
    claims["jti"] = json!("aud-other");
    assert_eq!(role_with(&app, &claims).await, Err("UNAUTHENTICATED".into()), "not for us");
}

/// RFC 7519 §4.1.5: a token is not accepted before its `nbf`.
#[tokio::test]
async fn a_token_is_refused_before_its_not_before_time() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let mut claims = owner_claims(&owner);
    let now = chrono::Utc::now().timestamp();
    claims["nbf"] = json!(now + 600);
    claims["jti"] = json!("nbf-future");
    assert_eq!(role_with(&app, &claims).await, Err("UNAUTHENTICATED".into()), "not valid yet");
    claims["nbf"] = json!(now - 60);
    claims["jti"] = json!("nbf-past");
    assert_eq!(role_with(&app, &claims).await, Ok("OWNER".into()), "valid since a minute");
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
