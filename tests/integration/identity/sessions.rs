//! Sign-in protection, password reset, sign-out and tenant switch.

use serde_json::{Value, json};
use silkport_tests::PASSWORD;
use silkport_tests::TestApp;

#[tokio::test]
async fn repeated_failures_lock_the_account() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    for _ in 0..5 {
        let failed = app.login(&owner.email, "wrong-password-1", None).await;
        assert_eq!(failed["data"]["sessionCreate"]["userErrors"][0]["code"], "INVALID_CREDENTIALS");
    }
    let locked = app.login(&owner.email, PASSWORD, None).await;
    assert_eq!(locked["data"]["sessionCreate"]["userErrors"][0]["code"], "TOO_MANY_ATTEMPTS", "{locked}");
    assert_eq!(locked["data"]["sessionCreate"]["accessToken"], Value::Null);
    let unknown = app.login("nobody@alpha.example.com", PASSWORD, None).await;
    assert_eq!(
        unknown["data"]["sessionCreate"]["userErrors"][0]["code"], "INVALID_CREDENTIALS",
        "unknown emails look the same"
    );
}

#[tokio::test]
async fn password_reset_sets_a_new_password_and_signs_out_everywhere() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let asked = app
        .gql(
            None,
            "mutation($e: String!) { passwordResetRequest(input: {email: $e}) { userErrors { code } } }",
            json!({"e": owner.email}),
        )
        .await;
    assert_eq!(asked["data"]["passwordResetRequest"]["userErrors"], json!([]));
    let unknown = app
        .gql(
            None,
            "mutation { passwordResetRequest(input: {email: \"ghost@alpha.example.com\"}) { userErrors { code } } }",
            json!({}),
        )
        .await;
    assert_eq!(unknown["data"]["passwordResetRequest"]["userErrors"], json!([]), "no hint whether the email exists");

    let token = app.mail_link_token(&owner.email, "/reset-password").await;
    let reset = "mutation($t: String!, $p: String!) { passwordReset(input: {token: $t, password: $p}) { userErrors { code } } }";
    let weak = app.gql(None, reset, json!({"t": token, "p": "short"})).await;
    assert_eq!(weak["data"]["passwordReset"]["userErrors"][0]["code"], "WEAK_PASSWORD");
    let done = app.gql(None, reset, json!({"t": token, "p": "brand-new-pass-9"})).await;
    assert_eq!(done["data"]["passwordReset"]["userErrors"], json!([]), "{done}");
    let again = app.gql(None, reset, json!({"t": token, "p": "brand-new-pass-9"})).await;
    assert_eq!(again["data"]["passwordReset"]["userErrors"][0]["code"], "LINK_USED", "single use");

    let old = app.login(&owner.email, PASSWORD, None).await;
    assert_eq!(old["data"]["sessionCreate"]["userErrors"][0]["code"], "INVALID_CREDENTIALS");
    let new = app.login(&owner.email, "brand-new-pass-9", None).await;
    assert!(new["data"]["sessionCreate"]["accessToken"].is_string());
    let refresh = app
        .gql(
            None,
            "mutation($r: String!) { sessionRefresh(input: {refreshToken: $r}) { accessToken } }",
            json!({"r": owner.refresh_token}),
        )
        .await;
    assert_eq!(refresh["data"]["sessionRefresh"]["accessToken"], Value::Null, "old sessions were revoked");
}

#[tokio::test]
async fn sign_out_and_switching_tenants() {
    let app = TestApp::spawn().await;
    let a = app.signup("alpha").await;
    let second = app
        .gql(
            None,
            "mutation($i: TenantCreateInput!) { tenantCreate(input: $i) { viewer { tenant { id } } userErrors { code message } } }",
            json!({"i": {"tenantName": "Second", "tenantSlug": "second", "name": "Owner", "email": a.email, "password": PASSWORD}}),
        )
        .await;
    let second_id = second["data"]["tenantCreate"]["viewer"]["tenant"]["id"]
        .as_str()
        .expect("same account opened a second tenant")
        .to_owned();
    let viewer = app.gql(Some(&a.access_token), "{ viewer { memberships { tenant { id } role } } }", json!({})).await;
    assert_eq!(viewer["data"]["viewer"]["memberships"].as_array().map(Vec::len), Some(2));

    let switch = app
        .gql(None, "mutation($r: String!, $t: ID!) { sessionRefresh(input: {refreshToken: $r, tenantId: $t}) { accessToken refreshToken viewer { tenant { id } } } }", json!({"r": a.refresh_token, "t": second_id}))
        .await;
    assert_eq!(switch["data"]["sessionRefresh"]["viewer"]["tenant"]["id"], second_id.as_str());
    let token = switch["data"]["sessionRefresh"]["accessToken"].as_str().expect("token");
    let tenant = app.gql(Some(token), "{ tenant { name } }", json!({})).await;
    assert_eq!(tenant["data"]["tenant"]["name"], "Second");

    let refresh_token = switch["data"]["sessionRefresh"]["refreshToken"].as_str().expect("refresh");
    let out = app
        .gql(
            None,
            "mutation($r: String!) { sessionRevoke(input: {refreshToken: $r}) { userErrors { code } } }",
            json!({"r": refresh_token}),
        )
        .await;
    assert_eq!(out["data"]["sessionRevoke"]["userErrors"], json!([]));
    let after = app
        .gql(
            None,
            "mutation($r: String!) { sessionRefresh(input: {refreshToken: $r}) { accessToken } }",
            json!({"r": refresh_token}),
        )
        .await;
    assert_eq!(after["data"]["sessionRefresh"]["accessToken"], Value::Null);
}

#[tokio::test]
async fn a_removed_members_refresh_token_is_refused_without_a_false_alarm() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let member = app.member(&owner, "frank@alpha.example.com", "OPERATOR").await;
    let members =
        app.gql(Some(&owner.access_token), "{ members(first: 5, role: OPERATOR) { nodes { id } } }", json!({})).await;
    let id = members["data"]["members"]["nodes"][0]["id"].clone();
    let removed = app
        .gql(
            Some(&owner.access_token),
            "mutation($m: ID!) { memberRemove(input: {memberId: $m}) { userErrors { code } } }",
            json!({"m": id}),
        )
        .await;
    assert_eq!(removed["data"]["memberRemove"]["userErrors"], json!([]), "{removed}");
    let refresh = app
        .gql(
            None,
            "mutation($r: String!) { sessionRefresh(input: {refreshToken: $r}) { accessToken userErrors { code } } }",
            json!({"r": member.refresh_token}),
        )
        .await;
    assert_eq!(refresh["data"]["sessionRefresh"]["userErrors"][0]["code"], "INVALID_CREDENTIALS", "{refresh}");
    let log = app.gql(Some(&owner.access_token), "{ auditLog(first: 10) { nodes { action } } }", json!({})).await;
    let actions: Vec<&str> =
        log["data"]["auditLog"]["nodes"].as_array().expect("log").iter().filter_map(|n| n["action"].as_str()).collect();
    assert!(!actions.contains(&"session.reuse_detected"), "a revoked, never used token is no replay: {actions:?}");

    let again = app.login("frank@alpha.example.com", PASSWORD, None).await;
    let error = &again["data"]["sessionCreate"]["userErrors"][0];
    assert_eq!((&error["code"], &error["field"]), (&json!("NOT_FOUND"), &json!(["input", "tenantSlug"])), "{again}");
}
