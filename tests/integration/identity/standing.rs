//! Authorisation follows the membership now, not when the token was minted
//! (issue 6, §3–4): removal, demotion and revocation take effect on the
//! next mutation, on reads within seconds, and end live subscriptions with
//! the graphql-ws close code.

use std::time::Duration;

use futures_util::future::join_all;
use serde_json::{Value, json};
use silkport_tests::ws::{self, connect, until_closed};
use silkport_tests::{Session, TestApp};

fn error_code(response: &Value) -> &str {
    response["errors"][0]["extensions"]["code"].as_str().unwrap_or("NONE")
}

async fn member_id(app: &TestApp, owner: &Session, email: &str) -> String {
    let members = app
        .gql(Some(&owner.access_token), "query { members(first: 50) { nodes { id user { email } } } }", json!({}))
        .await;
    members["data"]["members"]["nodes"]
        .as_array()
        .expect("members")
        .iter()
        .find(|m| m["user"]["email"] == email)
        .and_then(|m| m["id"].as_str())
        .expect("member listed")
        .to_owned()
}

async fn remove(app: &TestApp, owner: &Session, email: &str) {
    let id = member_id(app, owner, email).await;
    let removed = app
        .gql(
            Some(&owner.access_token),
            "mutation($m: ID!) { memberRemove(input: {memberId: $m}) { userErrors { code } } }",
            json!({"m": id}),
        )
        .await;
    assert_eq!(removed["data"]["memberRemove"]["userErrors"], json!([]), "{removed}");
}

const CREATE_CLIENT: &str =
    "mutation { apiClientCreate(input: {name: \"Backdoor\", scopes: [MEMBERS_WRITE, API_CLIENTS_WRITE]}) {
    apiClient { id } clientSecret userErrors { code } } }";

async fn client_count(app: &TestApp, owner: &Session) -> usize {
    let listed = app.gql(Some(&owner.access_token), "query { apiClients(first: 50) { totalCount } }", json!({})).await;
    listed["data"]["apiClients"]["totalCount"].as_u64().expect("totalCount") as usize
}

#[tokio::test]
async fn a_removed_admins_live_token_can_no_longer_act() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let admin = app.member(&owner, "admin@alpha.example.com", "ADMIN").await;
    remove(&app, &owner, &admin.email).await;
    // A burst, as an attacker racing the removal would send it.
    let attempts = join_all((0..20).map(|_| app.gql(Some(&admin.access_token), CREATE_CLIENT, json!({})))).await;
    for attempt in &attempts {
        assert_eq!(error_code(attempt), "UNAUTHENTICATED", "{attempt}");
    }
    assert_eq!(client_count(&app, &owner).await, 0, "a removed admin created a client");
    let read = app.gql(Some(&admin.access_token), "query { members(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(error_code(&read), "UNAUTHENTICATED", "reads stop too: {read}");
}

#[tokio::test]
async fn a_demoted_admin_acts_with_the_new_role() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let admin = app.member(&owner, "admin@alpha.example.com", "ADMIN").await;
    let id = member_id(&app, &owner, &admin.email).await;
    let demoted = app
        .gql(
            Some(&owner.access_token),
            "mutation($m: ID!) { memberRoleChange(input: {memberId: $m, role: VIEWER}) { userErrors { code } } }",
            json!({"m": id}),
        )
        .await;
    assert_eq!(demoted["data"]["memberRoleChange"]["userErrors"], json!([]), "{demoted}");
    let attempt = app.gql(Some(&admin.access_token), CREATE_CLIENT, json!({})).await;
    assert_eq!(error_code(&attempt), "FORBIDDEN", "{attempt}");
    let viewer = app.gql(Some(&admin.access_token), "query { viewer { role } }", json!({})).await;
    assert_eq!(viewer["data"]["viewer"]["role"], "VIEWER", "{viewer}");
    assert_eq!(client_count(&app, &owner).await, 0);
}

#[tokio::test]
async fn a_revoked_clients_tokens_stop_at_once() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = app.partner_token(&owner, "TENANT_READ").await;
    let before = app.gql(Some(&token), "query { tenant { id } }", json!({})).await;
    assert!(before["data"]["tenant"]["id"].is_string(), "{before}");
    let clients =
        app.gql(Some(&owner.access_token), "query { apiClients(first: 5) { nodes { id } } }", json!({})).await;
    let id = clients["data"]["apiClients"]["nodes"][0]["id"].as_str().expect("client id").to_owned();
    let revoked = app
        .gql(
            Some(&owner.access_token),
            "mutation($id: ID!) { apiClientRevoke(input: {id: $id}) { userErrors { code } } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(revoked["data"]["apiClientRevoke"]["userErrors"], json!([]), "{revoked}");
    let after = app.gql(Some(&token), "query { tenant { id } }", json!({})).await;
    assert_eq!(error_code(&after), "UNAUTHENTICATED", "{after}");
}

#[tokio::test]
async fn pg_redis_a_removal_on_one_replica_binds_the_token_on_another() {
    let (first, second) = TestApp::replicas().await;
    let owner = first.signup("alpha").await;
    let admin = first.member(&owner, "admin@alpha.example.com", "ADMIN").await;
    // The second replica has the admin's standing cached.
    let warm = second.gql(Some(&admin.access_token), "query { members(first: 5) { totalCount } }", json!({})).await;
    assert!(warm["data"]["members"]["totalCount"].is_number(), "{warm}");
    remove(&first, &owner, &admin.email).await;
    let attempt = second.gql(Some(&admin.access_token), CREATE_CLIENT, json!({})).await;
    assert_eq!(error_code(&attempt), "UNAUTHENTICATED", "mutations read the membership now: {attempt}");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(6);
    loop {
        let read = second.gql(Some(&admin.access_token), "query { members(first: 5) { totalCount } }", json!({})).await;
        if error_code(&read) == "UNAUTHENTICATED" {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "reads on the other replica still allowed after 6 s: {read}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

const AUDIT: &str = "subscription { auditEntryAdded { action after } }";

#[tokio::test]
async fn a_removed_admins_subscription_is_closed_with_forbidden() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let admin = app.member(&owner, "admin@alpha.example.com", "ADMIN").await;
    let (mut socket, ack) = connect(&app, Some(&admin.access_token)).await;
    assert_eq!(ack["type"], "connection_ack");
    ws::subscribe(&mut socket, "1", AUDIT).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // The socket is alive and delivering before the removal.
    app.invite_viewer(&owner, "first@alpha.example.com").await;
    let first = ws::next(&mut socket, Duration::from_secs(5)).await.expect("an event before the removal");
    assert_eq!(first["payload"]["data"]["auditEntryAdded"]["after"]["email"], "first@alpha.example.com", "{first}");

    remove(&app, &owner, &admin.email).await;
    app.invite_viewer(&owner, "secret@alpha.example.com").await;
    let (messages, close) = until_closed(&mut socket, Duration::from_secs(5)).await;
    assert!(
        !messages.iter().any(|m| m.to_string().contains("secret@alpha.example.com")),
        "a removed admin heard an invitee's email: {messages:?}"
    );
    let close = close.expect("the server closed the socket");
    assert_eq!(u16::from(close.code), 4403, "{close:?}");
}

#[tokio::test]
async fn a_subscription_ends_when_its_token_expires() {
    let app = TestApp::spawn_with(&[("SILKPORT_ACCESS_TOKEN_TTL_SECS", "3")]).await;
    let owner = app.signup("alpha").await;
    let (mut socket, _) = connect(&app, Some(&owner.access_token)).await;
    ws::subscribe(&mut socket, "1", AUDIT).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.invite_viewer(&owner, "early@alpha.example.com").await;
    assert!(ws::next(&mut socket, Duration::from_secs(5)).await.is_some(), "alive before expiry");
    // Expiry is 3 s plus the 5 s of leeway every token check allows.
    let (_, close) = until_closed(&mut socket, Duration::from_secs(12)).await;
    let close = close.expect("the server closed the socket at expiry");
    assert_eq!(u16::from(close.code), 4401, "{close:?}");
    let http = app.gql(Some(&owner.access_token), "query { viewer { role } }", json!({})).await;
    assert_eq!(error_code(&http), "UNAUTHENTICATED", "the same token over HTTP: {http}");
}
