//! Attacks on authentication: each gets UNAUTHENTICATED (or FORBIDDEN) and
//! changes nothing.

use api::auth::tokens::{AUDIENCE, Claims};
use api::auth::{SigningKeys, TokenIssuer};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, Header};
use serde_json::{Value, json};
use silkport_tests::{Session, TestApp};

const RENAME: &str = "mutation { tenantUpdate(input: {name: \"Hijacked\"}) { tenant { name } userErrors { code } } }";
const STATE: &str = "{ tenant { name } auditLog(first: 250) { nodes { id } } members(first: 250) { totalCount } }";

fn code(response: &Value) -> &str {
    response["errors"][0]["extensions"]["code"].as_str().unwrap_or("<none>")
}

/// Runs the rename with `token`; expects UNAUTHENTICATED and no change.
async fn rejected(app: &TestApp, owner: &Session, token: Option<&str>, why: &str) {
    let before = app.gql(Some(&owner.access_token), STATE, json!({})).await;
    let response = app.gql(token, RENAME, json!({})).await;
    assert_eq!(code(&response), "UNAUTHENTICATED", "{why}: {response}");
    assert!(response["data"].is_null(), "{why}: no data may come back: {response}");
    let viewer = app.gql(token, "{ viewer { role } }", json!({})).await;
    assert_eq!(code(&viewer), "UNAUTHENTICATED", "{why}: {viewer}");
    let after = app.gql(Some(&owner.access_token), STATE, json!({})).await;
    assert_eq!(before, after, "{why}: something changed");
}

fn claims_of(token: &str) -> Claims {
    let payload = token.split('.').nth(1).expect("payload segment");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64")).expect("claims")
}

#[tokio::test]
async fn forged_expired_and_missing_tokens_are_rejected() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    rejected(&app, &owner, None, "no token").await;
    rejected(&app, &owner, Some("not.a.jwt"), "garbage").await;

    let (kid, key) = app.state.tokens.keys().current();
    let mut expired = claims_of(&owner.access_token);
    expired.exp = chrono::Utc::now().timestamp() - 120;
    expired.iat = expired.exp - 900;
    let header = Header { kid: Some(kid.to_owned()), ..Header::new(Algorithm::EdDSA) };
    let expired = jsonwebtoken::encode(&header, &expired, key).expect("sign");
    rejected(&app, &owner, Some(&expired), "expired token").await;

    let other_dir = app.dir.join("other-keys");
    let other = TokenIssuer::new(
        std::sync::Arc::new(SigningKeys::load(&other_dir, true).expect("other key")),
        std::time::Duration::from_secs(900),
        &app.config().public_url,
    );
    let mut claims = claims_of(&owner.access_token);
    claims.jti = "other".into();
    let (other_kid, other_key) = other.keys().current();
    let unknown_kid = jsonwebtoken::encode(
        &Header { kid: Some(other_kid.to_owned()), ..Header::new(Algorithm::EdDSA) },
        &claims,
        other_key,
    )
    .expect("sign");
    rejected(&app, &owner, Some(&unknown_kid), "signed by another key").await;
    let stolen_kid = jsonwebtoken::encode(
        &Header { kid: Some(kid.to_owned()), ..Header::new(Algorithm::EdDSA) },
        &claims,
        other_key,
    )
    .expect("sign");
    rejected(&app, &owner, Some(&stolen_kid), "another key under our kid").await;

    let none_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims_of(&owner.access_token)).expect("json"));
    rejected(&app, &owner, Some(&format!("{none_header}.{payload}.")), "alg none").await;

    let hs_key = jsonwebtoken::EncodingKey::from_secret(b"guessable");
    let hs =
        jsonwebtoken::encode(&Header { kid: Some(kid.to_owned()), ..Header::new(Algorithm::HS256) }, &claims, &hs_key)
            .expect("sign");
    rejected(&app, &owner, Some(&hs), "HMAC instead of EdDSA").await;
}

#[tokio::test]
async fn a_tampered_payload_is_rejected() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let viewer = app.member(&owner, "viewer@alpha.example.com", "VIEWER").await;
    let mut parts: Vec<String> = viewer.access_token.split('.').map(str::to_owned).collect();
    let mut claims = claims_of(&viewer.access_token);
    assert_eq!(claims.role.as_deref(), Some("viewer"));
    claims.role = Some("owner".into());
    parts[1] = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims).expect("json"));
    rejected(&app, &owner, Some(&parts.join(".")), "role raised in the payload").await;
    assert_eq!((claims.iss.as_str(), claims.aud.as_str()), (app.config().public_url.as_str(), AUDIENCE));
}

#[tokio::test]
async fn a_reused_refresh_token_revokes_the_whole_family() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let refresh = "mutation($r: String!) { sessionRefresh(input: {refreshToken: $r}) { accessToken refreshToken userErrors { code } } }";
    let first = app.gql(None, refresh, json!({"r": owner.refresh_token})).await;
    let rotated = first["data"]["sessionRefresh"]["refreshToken"].as_str().expect("rotated token").to_owned();
    assert_ne!(rotated, owner.refresh_token);

    let replay = app.gql(None, refresh, json!({"r": owner.refresh_token})).await;
    assert_eq!(replay["data"]["sessionRefresh"]["accessToken"], Value::Null);
    assert_eq!(replay["data"]["sessionRefresh"]["userErrors"][0]["code"], "INVALID_CREDENTIALS");

    let after = app.gql(None, refresh, json!({"r": rotated})).await;
    assert_eq!(after["data"]["sessionRefresh"]["accessToken"], Value::Null, "the rotated token died with its family");

    let log = app.gql(Some(&owner.access_token), "{ auditLog(first: 10) { nodes { action } } }", json!({})).await;
    let actions: Vec<&str> = log["data"]["auditLog"]["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| n["action"].as_str())
        .collect();
    assert!(actions.contains(&"session.reuse_detected"), "{actions:?}");
}

#[tokio::test]
async fn partner_token_and_roles_are_held_to_their_grants() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let partner = app.partner_token(&owner, "TENANT_READ").await;
    let partner = partner.as_str();
    let before = app.gql(Some(&owner.access_token), STATE, json!({})).await;

    let tenant = app.gql(Some(partner), "{ tenant { name } }", json!({})).await;
    assert_eq!(tenant["data"]["tenant"]["name"], "Tenant alpha");
    let members = app.gql(Some(partner), "{ members(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(code(&members), "FORBIDDEN", "{members}");
    let invite = app
        .gql(
            Some(partner),
            "mutation { memberInvite(input: {email: \"x@y.example.com\", role: ADMIN}) { invitation { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&invite), "FORBIDDEN", "{invite}");

    let viewer = app.member(&owner, "viewer@alpha.example.com", "VIEWER").await;
    let before_viewer = app.gql(Some(&owner.access_token), STATE, json!({})).await;
    let renamed = app.gql(Some(&viewer.access_token), RENAME, json!({})).await;
    assert_eq!(code(&renamed), "FORBIDDEN", "{renamed}");
    let after = app.gql(Some(&owner.access_token), STATE, json!({})).await;
    assert_eq!(before_viewer, after);
    assert_eq!(before["data"]["tenant"], after["data"]["tenant"]);
}
