//! Bad input gets a clear, specific error, changes nothing, and the server
//! keeps serving.

use serde_json::{Value, json};
use silkport_tests::TestApp;

async fn raw_post(app: &TestApp, token: &str, content_type: &str, body: Vec<u8>) -> (u16, String) {
    let response = app
        .http
        .post(format!("{}/graphql", app.url))
        .bearer_auth(token)
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("request");
    (response.status().as_u16(), response.text().await.expect("body"))
}

const COUNTS: &str = "{ invitations(first: 1) { totalCount } members(first: 1) { totalCount } tenant { name } auditLog(first: 250) { nodes { id } } }";

#[tokio::test]
async fn malformed_and_oversized_requests_get_clear_errors() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.as_str();

    let (status, body) =
        raw_post(&app, token, "application/json", b"{\"query\": \"{ viewer { role } }\"".to_vec()).await;
    assert_eq!(status, 400);
    let parsed: Value = serde_json::from_str(&body).expect("a JSON error");
    assert_eq!(parsed["errors"][0]["extensions"]["code"], "BAD_REQUEST");
    assert!(parsed["errors"][0]["message"].as_str().is_some_and(|m| m.contains("not a GraphQL request in JSON")));

    let (status, _) = raw_post(&app, token, "text/plain", b"{}".to_vec()).await;
    assert_eq!(status, 415);

    let huge = format!(
        "{{\"query\": \"{{ viewer {{ role }} }}\", \"variables\": {{\"pad\": \"{}\"}}}}",
        "x".repeat(300 * 1024)
    );
    let (status, _) = raw_post(&app, token, "application/json", huge.into_bytes()).await;
    assert_eq!(status, 413, "a body over the limit is refused");

    assert!(app.healthy().await, "the server keeps serving");
    let viewer = app.gql(Some(token), "{ viewer { role } }", json!({})).await;
    assert_eq!(viewer["data"]["viewer"]["role"], "OWNER");
}

#[tokio::test]
async fn queries_over_the_depth_or_cost_limit_and_unknown_fields_are_refused() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());

    // Data types have no cycle deep enough for the default limit; the
    // circular introspection is what nests (request_limits.rs has both).
    let deep = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }";
    let response = app.gql(token, deep, json!({})).await;
    assert!(response["errors"][0]["message"].as_str().is_some_and(|m| m.contains("nested too deep")), "{response}");
    assert!(response["data"].is_null());

    let page =
        "auditLog(first: 250) { nodes { id at action subjectId before after requestId actor { kind id label } } }";
    let costly = format!("{{ a: {page} b: {page} c: {page} }}");
    let response = app.gql(token, &costly, json!({})).await;
    assert!(response["errors"][0]["message"].as_str().is_some_and(|m| m.contains("too complex")), "{response}");

    let cheap = app.gql(token, "{ tenant { name } }", json!({})).await;
    assert!(
        cheap["extensions"]["cost"]["requestedQueryCost"].as_u64().is_some_and(|c| c > 0),
        "cost is reported: {cheap}"
    );

    let unknown = app.gql(token, "{ viewer { nonsense } }", json!({})).await;
    assert!(unknown["errors"][0]["message"].as_str().is_some_and(|m| m.contains("nonsense")), "{unknown}");
    let before = app.gql(token, COUNTS, json!({})).await;
    let unknown_input = app
        .gql(token, "mutation { tenantUpdate(input: {name: \"X\", bogus: 1}) { tenant { name } } }", json!({}))
        .await;
    assert!(unknown_input["errors"][0]["message"].as_str().is_some_and(|m| m.contains("bogus")), "{unknown_input}");
    let too_big = app.gql(token, "{ members(first: 1000) { totalCount } }", json!({})).await;
    assert!(too_big["errors"][0]["message"].as_str().is_some_and(|m| m.contains("between 0 and 250")), "{too_big}");
    let bad_cursor = app.gql(token, "{ members(first: 5, after: \"garbage\") { totalCount } }", json!({})).await;
    assert!(bad_cursor["errors"][0]["message"].as_str().is_some_and(|m| m.contains("not a cursor")), "{bad_cursor}");
    assert_eq!(before, app.gql(token, COUNTS, json!({})).await);
}

#[tokio::test]
async fn invalid_emails_and_weak_passwords_are_named_and_change_nothing() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    let before = app.gql(token, COUNTS, json!({})).await;

    let invite = app
        .gql(token, "mutation { memberInvite(input: {email: \"not-an-email\", role: VIEWER}) { invitation { id } userErrors { field code message } } }", json!({}))
        .await;
    let error = &invite["data"]["memberInvite"]["userErrors"][0];
    assert_eq!(error["code"], "INVALID_EMAIL");
    assert_eq!(error["field"], json!(["input", "email"]));
    assert!(error["message"].as_str().is_some_and(|m| m.contains("not-an-email")));
    assert_eq!(before, app.gql(token, COUNTS, json!({})).await, "a rejected invite changes nothing");

    let signup = app
        .gql(
            None,
            "mutation { tenantCreate(input: {tenantName: \"Weak\", tenantSlug: \"weak\", name: \"W\", email: \"w@weak.example.com\", password: \"short\"}) { accessToken userErrors { field code message } } }",
            json!({}),
        )
        .await;
    let errors = &signup["data"]["tenantCreate"]["userErrors"];
    assert_eq!(errors[0]["code"], "WEAK_PASSWORD", "{signup}");
    assert_eq!(signup["data"]["tenantCreate"]["accessToken"], Value::Null);
    let login = app.login("w@weak.example.com", "short", Some("weak")).await;
    assert_eq!(login["data"]["sessionCreate"]["userErrors"][0]["code"], "INVALID_CREDENTIALS", "no account was made");

    let several = app
        .gql(
            None,
            "mutation { tenantCreate(input: {tenantName: \"\", tenantSlug: \"9 bad\", name: \"N\", email: \"bad\", password: \"x\"}) { userErrors { field code } } }",
            json!({}),
        )
        .await;
    let fields: Vec<String> = several["data"]["tenantCreate"]["userErrors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["field"][1].as_str().unwrap_or_default().to_owned())
        .collect();
    for field in ["tenantName", "tenantSlug", "email", "password"] {
        assert!(fields.iter().any(|f| f == field), "every bad field is reported at once: {fields:?}");
    }
    assert!(app.healthy().await);
}
