//! Invitations: one open invitation per person (a second invite is refused
//! and names the first, to resend), resending with a fresh link, revoking,
//! expiry, and the pending list holding only people who have not joined.

use futures_util::future::join_all;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};
use silkport_tests::{PASSWORD, Session, TestApp};

const INVITE: &str = "mutation($input: MemberInviteInput!) { memberInvite(input: $input) {
    invitation { id email status expiresAt } userErrors { field code message subjectId } } }";
const RESEND: &str = "mutation($id: ID!) { invitationResend(input: {id: $id}) {
    invitation { id email status expiresAt } userErrors { field code message } } }";
const REVOKE: &str =
    "mutation($id: ID!) { invitationRevoke(input: {id: $id}) { invitation { id status } userErrors { code } } }";
const PENDING: &str = "{ invitations(first: 50) { totalCount nodes { id email status expiresAt } } }";
const ACCEPT: &str =
    "mutation($t: String!) { invitationAccept(input: {token: $t, name: \"Lan\", password: \"lan-pass-12345\"}) {
    accessToken userErrors { code } } }";

async fn invite(app: &TestApp, owner: &Session, email: &str, role: &str) -> Value {
    let answer = app.gql(Some(&owner.access_token), INVITE, json!({"input": {"email": email, "role": role}})).await;
    answer["data"]["memberInvite"].clone()
}

async fn pending(app: &TestApp, owner: &Session) -> Value {
    app.gql(Some(&owner.access_token), PENDING, json!({})).await["data"]["invitations"].clone()
}

/// Invitation mails queued for `email`.
async fn mails_to(app: &TestApp, email: &str) -> usize {
    let conn = sea_orm::Database::connect(app.db.owner_url.as_str()).await.expect("owner connection");
    let rows = conn
        .query_all_raw(Statement::from_string(conn.get_database_backend(), "SELECT payload FROM jobs".to_owned()))
        .await
        .expect("read jobs");
    rows.iter()
        .filter_map(|row| row.try_get::<Value>("", "payload").ok())
        .filter(|p| p["to"] == email && p["text"].as_str().is_some_and(|t| t.contains("/accept-invite?token=")))
        .count()
}

/// Moves every invitation's expiry of `email` to the past, as time would.
async fn expire(app: &TestApp, email: &str) {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let conn = sea_orm::Database::connect(app.db.owner_url.as_str()).await.expect("owner connection");
    let past = chrono::Utc::now() - chrono::Duration::days(1);
    let update = Query::update()
        .table("invitations")
        .value("expires_at", past)
        .and_where(Expr::col("email").eq(email))
        .to_owned();
    conn.execute(&update).await.expect("expire the invitation");
}

#[tokio::test]
async fn inviting_someone_already_invited_sends_nothing_and_names_the_pending_invitation() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let first = invite(&app, &owner, "lan@example.com", "VIEWER").await;
    assert_eq!(first["userErrors"], json!([]), "{first}");
    assert_eq!(first["invitation"]["status"], "PENDING");
    // Another role or another spelling of the address is still the same person.
    for (email, role) in [("lan@example.com", "VIEWER"), (" LAN@Example.com", "ADMIN")] {
        let again = invite(&app, &owner, email, role).await;
        assert_eq!(again["invitation"], Value::Null, "{again}");
        let error = &again["userErrors"][0];
        assert_eq!(error["code"], "ALREADY_INVITED", "{again}");
        assert_eq!(error["field"], json!(["input", "email"]));
        assert_eq!(error["subjectId"], first["invitation"]["id"], "the error names the pending invitation");
    }
    assert_eq!(mails_to(&app, "lan@example.com").await, 1, "one mail only");
    let listed = pending(&app, &owner).await;
    assert_eq!(listed["totalCount"], 1, "{listed}");
    let log = app.gql(Some(&owner.access_token), "{ auditLog(first: 50) { nodes { action } } }", json!({})).await;
    let invites =
        log["data"]["auditLog"]["nodes"].as_array().expect("log").iter().filter(|e| e["action"] == "member.invite");
    assert_eq!(invites.count(), 1, "a refused invite changes nothing: {log}");
}

#[tokio::test]
async fn concurrent_invitations_of_one_person_open_one_invitation() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let input = json!({"input": {"email": "burst@example.com", "role": "VIEWER"}});
    let tries = (0..12).map(|_| app.gql(Some(&owner.access_token), INVITE, input.clone()));
    let answers: Vec<Value> = join_all(tries).await;
    let made: Vec<&Value> =
        answers.iter().filter_map(|a| a["data"]["memberInvite"]["invitation"].as_object().map(|_| a)).collect();
    assert_eq!(made.len(), 1, "exactly one invitation is made: {answers:?}");
    let id = &made[0]["data"]["memberInvite"]["invitation"]["id"];
    for answer in answers.iter().filter(|a| a["data"]["memberInvite"]["invitation"].is_null()) {
        let error = &answer["data"]["memberInvite"]["userErrors"][0];
        assert_eq!(error["code"], "ALREADY_INVITED", "{answer}");
        assert_eq!(&error["subjectId"], id, "the refusal names the invitation that won: {answer}");
    }
    assert_eq!(mails_to(&app, "burst@example.com").await, 1);
    assert_eq!(pending(&app, &owner).await["totalCount"], 1);
}

#[tokio::test]
async fn a_resent_invitation_carries_a_new_link_and_the_old_one_stops_working() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let first = invite(&app, &owner, "lan@example.com", "OPERATOR").await;
    let id = first["invitation"]["id"].clone();
    let old_link = app.invitation_token("lan@example.com").await;
    let resent = app.gql(Some(&owner.access_token), RESEND, json!({"id": id})).await;
    let payload = &resent["data"]["invitationResend"];
    assert_eq!(payload["userErrors"], json!([]), "{resent}");
    assert_eq!(payload["invitation"]["id"], id, "the same invitation, sent again");
    let (old_expiry, new_expiry) =
        (first["invitation"]["expiresAt"].as_str(), payload["invitation"]["expiresAt"].as_str());
    assert!(new_expiry > old_expiry, "a new expiry: {old_expiry:?} then {new_expiry:?}");
    assert_eq!(mails_to(&app, "lan@example.com").await, 2, "a second mail");
    let new_link = app.invitation_token("lan@example.com").await;
    assert_ne!(old_link, new_link);

    let log = app
        .gql(
            Some(&owner.access_token),
            "{ auditLog(first: 1) { nodes { action subjectId actor { label } before after } } }",
            json!({}),
        )
        .await;
    let entry = &log["data"]["auditLog"]["nodes"][0];
    assert_eq!(entry["action"], "invitation.resend", "{log}");
    assert_eq!(entry["subjectId"], id);
    assert_eq!(entry["actor"]["label"], owner.email);
    assert!(entry["before"]["expiresAt"].is_string(), "{entry}");
    assert_eq!(entry["before"]["email"], "lan@example.com");
    assert_ne!(entry["before"]["expiresAt"], entry["after"]["expiresAt"], "{entry}");

    let with_old = app.gql(None, ACCEPT, json!({"t": old_link})).await;
    assert_eq!(with_old["data"]["invitationAccept"]["accessToken"], Value::Null, "the old link is void: {with_old}");
    assert_eq!(with_old["data"]["invitationAccept"]["userErrors"][0]["code"], "INVALID_CREDENTIALS");
    let with_new = app.gql(None, ACCEPT, json!({"t": new_link})).await;
    assert!(with_new["data"]["invitationAccept"]["accessToken"].is_string(), "the new link works: {with_new}");
}

#[tokio::test]
async fn only_open_invitations_can_be_resent_and_only_an_owner_resends_an_owners() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let admin = app.member(&owner, "admin@alpha.example.com", "ADMIN").await;
    let resend = |token: &str, id: &Value| {
        let (token, id) = (token.to_owned(), id.clone());
        let app = &app;
        async move { app.gql(Some(&token), RESEND, json!({"id": id})).await["data"]["invitationResend"].clone() }
    };
    let to_owner = invite(&app, &owner, "boss@example.com", "OWNER").await["invitation"]["id"].clone();
    let by_admin = resend(&admin.access_token, &to_owner).await;
    assert_eq!(by_admin["userErrors"][0]["code"], "FORBIDDEN", "{by_admin}");
    assert_eq!(mails_to(&app, "boss@example.com").await, 1, "refused, nothing sent");

    let revoked = invite(&app, &owner, "gone@example.com", "VIEWER").await["invitation"]["id"].clone();
    app.gql(Some(&owner.access_token), REVOKE, json!({"id": revoked})).await;
    let again = resend(&owner.access_token, &revoked).await;
    assert_eq!(again["userErrors"][0]["code"], "INVALID", "{again}");
    assert_eq!(again["userErrors"][0]["field"], json!(["input", "id"]));

    let log =
        app.gql(Some(&owner.access_token), "{ auditLog(first: 250) { nodes { action subjectId } } }", json!({})).await;
    let admins_invitation = log["data"]["auditLog"]["nodes"]
        .as_array()
        .expect("log")
        .iter()
        .rev()
        .find(|e| e["action"] == "member.invite")
        .map(|e| e["subjectId"].clone())
        .expect("the admin's invitation");
    let used = resend(&owner.access_token, &admins_invitation).await;
    assert_eq!(used["userErrors"][0]["code"], "INVALID", "an accepted invitation is not resent: {used}");

    let unknown =
        resend(&owner.access_token, &json!("gid://silkport/Invitation/0190c7a4-0000-7000-8000-000000000000")).await;
    assert_eq!(unknown["userErrors"][0]["code"], "NOT_FOUND", "{unknown}");
}

#[tokio::test]
async fn an_expired_invitation_shows_as_expired_and_a_new_invite_replaces_it() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let old = invite(&app, &owner, "late@example.com", "VIEWER").await["invitation"]["id"].clone();
    expire(&app, "late@example.com").await;
    let listed = pending(&app, &owner).await;
    assert_eq!(listed["nodes"][0]["status"], "EXPIRED", "{listed}");

    let renewed = invite(&app, &owner, "late@example.com", "VIEWER").await;
    assert_eq!(renewed["userErrors"], json!([]), "an expired invitation does not block a new one: {renewed}");
    let new = renewed["invitation"]["id"].clone();
    assert_ne!(new, old);
    let listed = pending(&app, &owner).await;
    assert_eq!(listed["totalCount"], 1, "the expired one gave way: {listed}");
    assert_eq!(listed["nodes"][0]["id"], new);
    assert_eq!(listed["nodes"][0]["status"], "PENDING");
    let log = app.gql(Some(&owner.access_token), "{ auditLog(first: 1) { nodes { action after } } }", json!({})).await;
    assert_eq!(log["data"]["auditLog"]["nodes"][0]["after"]["replaces"], old, "{log}");

    // An expired invitation can also be resent, which opens it again.
    expire(&app, "late@example.com").await;
    let resent = app.gql(Some(&owner.access_token), RESEND, json!({"id": new})).await;
    assert_eq!(resent["data"]["invitationResend"]["invitation"]["status"], "PENDING", "{resent}");
}

#[tokio::test]
async fn people_who_joined_are_no_longer_pending() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    invite(&app, &owner, "lan@example.com", "VIEWER").await;
    invite(&app, &owner, "lan@example.com", "OPERATOR").await;
    invite(&app, &owner, "wei@example.com", "VIEWER").await;
    app.accept_invitation("lan@example.com").await;
    let listed = pending(&app, &owner).await;
    let emails: Vec<&str> =
        listed["nodes"].as_array().expect("nodes").iter().filter_map(|n| n["email"].as_str()).collect();
    assert_eq!(emails, ["wei@example.com"], "{listed}");
    assert_eq!(listed["totalCount"], 1);
    let joined = app.login("lan@example.com", PASSWORD, Some("alpha")).await;
    assert!(joined["data"]["sessionCreate"]["accessToken"].is_string(), "{joined}");
}

#[tokio::test]
async fn a_revoked_invitation_leaves_the_pending_list_and_can_be_replaced() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let id = invite(&app, &owner, "lan@example.com", "VIEWER").await["invitation"]["id"].clone();
    let revoked = app.gql(Some(&owner.access_token), REVOKE, json!({"id": id})).await;
    assert_eq!(revoked["data"]["invitationRevoke"]["invitation"]["status"], "REVOKED", "{revoked}");
    assert_eq!(pending(&app, &owner).await["totalCount"], 0);
    let again = invite(&app, &owner, "lan@example.com", "VIEWER").await;
    assert_eq!(again["userErrors"], json!([]), "a revoked invitation does not block a new one: {again}");
}
