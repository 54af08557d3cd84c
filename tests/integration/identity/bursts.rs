//! The identity invariants a read-then-write guards, each raced by a
//! concurrent burst (issue 6, §7; run with SILKPORT_TEST_DB=postgres to race
//! on PostgreSQL), and the expiry of every link and token on a moved clock
//! (§20). The password gate's bursts are in `password_gate`, the reset
//! link's in `reset_links`.

use chrono::Duration;
use futures_util::future::join_all;
use serde_json::{Value, json};
use silkport_tests::{PASSWORD, Session, TestApp};

async fn member_ids(app: &TestApp, owner: &Session) -> Vec<(String, String)> {
    let members = app
        .gql(Some(&owner.access_token), "query { members(first: 50) { nodes { id role user { email } } } }", json!({}))
        .await;
    members["data"]["members"]["nodes"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| (m["user"]["email"].as_str().expect("email").to_owned(), m["id"].as_str().expect("id").to_owned()))
        .collect()
}

/// Owners of every tenant, read past the application (the racers may have
/// left nobody able to read them).
async fn owners(app: &TestApp) -> i64 {
    use sea_orm::{ConnectionTrait, Statement};
    let conn = sea_orm::Database::connect(app.db.owner_url.as_str()).await.expect("owner connection");
    let row = conn
        .query_one_raw(Statement::from_string(
            conn.get_database_backend(),
            "SELECT COUNT(*) AS owners FROM memberships WHERE role = 'owner'".to_owned(),
        ))
        .await
        .expect("count owners")
        .expect("a row");
    conn.close().await.ok();
    row.try_get::<i64>("", "owners").expect("owners")
}

#[tokio::test]
async fn owners_demoting_each_other_at_once_leave_one() {
    let app = TestApp::spawn().await;
    let demote = "mutation($m: ID!) { memberRoleChange(input: {memberId: $m, role: VIEWER}) { userErrors { code } } }";
    // Several tenants of three owners each, every owner demoting the others at once.
    for round in 0..6 {
        let slug = format!("race-{round}");
        let first = app.signup(&slug).await;
        let mut racers = vec![first.clone()];
        for n in 0..2 {
            racers.push(app.member(&first, &format!("owner-{n}@{slug}.example.com"), "OWNER").await);
        }
        let ids = member_ids(&app, &first).await;
        let requests = racers.iter().flat_map(|racer| {
            ids.iter()
                .filter(|(email, _)| *email != racer.email)
                .map(|(_, id)| app.gql(Some(&racer.access_token), demote, json!({"m": id})))
        });
        join_all(requests).await;
    }
    assert_eq!(owners(&app).await, 6, "a race left a tenant without an owner (or with two)");
}

#[tokio::test]
async fn one_invitation_accepted_at_once_by_many_joins_once() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let invited = app
        .gql(
            Some(&owner.access_token),
            "mutation { memberInvite(input: {email: \"new@alpha.example.com\", role: VIEWER}) { userErrors { code } } }",
            json!({}),
        )
        .await;
    assert_eq!(invited["data"]["memberInvite"]["userErrors"], json!([]), "{invited}");
    let token = app.invitation_token("new@alpha.example.com").await;
    let accept = "mutation($t: String!, $p: String!) { invitationAccept(input: {token: $t, name: \"N\", password: $p}) { accessToken userErrors { code } } }";
    let tries = (0..10).map(|i| app.gql_patiently(None, accept, json!({"t": token, "p": format!("{PASSWORD}-{i}")})));
    let answers: Vec<Value> = join_all(tries).await;
    let joined = answers.iter().filter(|a| a["data"]["invitationAccept"]["accessToken"].is_string()).count();
    assert_eq!(joined, 1, "{answers:?}");
    let members = member_ids(&app, &owner).await;
    assert_eq!(members.iter().filter(|(e, _)| e == "new@alpha.example.com").count(), 1, "{members:?}");
}

#[tokio::test]
async fn one_refresh_token_used_at_once_by_many_rotates_once() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let refresh =
        "mutation($r: String!) { sessionRefresh(input: {refreshToken: $r}) { refreshToken userErrors { code } } }";
    let answers = join_all((0..10).map(|_| app.gql(None, refresh, json!({"r": owner.refresh_token})))).await;
    let rotated: Vec<&str> =
        answers.iter().filter_map(|a| a["data"]["sessionRefresh"]["refreshToken"].as_str()).collect();
    assert!(rotated.len() <= 1, "one refresh token rotated {} times", rotated.len());
    // The replays revoked the family: even the one winner's new token is dead.
    if let Some(winner) = rotated.first() {
        let after = app.gql(None, refresh, json!({"r": winner})).await;
        assert_eq!(after["data"]["sessionRefresh"]["refreshToken"], Value::Null, "{after}");
    }
}

#[tokio::test]
async fn invitations_are_capped_per_address() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let invite = "mutation($e: String!) { memberInvite(input: {email: $e, role: VIEWER}) { invitation { id } userErrors { code } } }";
    let revoke = "mutation($id: ID!) { invitationRevoke(input: {id: $id}) { userErrors { code } } }";
    let mut codes = Vec::new();
    for _ in 0..4 {
        let answer = app.gql(Some(&owner.access_token), invite, json!({"e": "same@alpha.example.com"})).await;
        codes.push(answer["data"]["memberInvite"]["userErrors"][0]["code"].as_str().unwrap_or("OK").to_owned());
        if let Some(id) = answer["data"]["memberInvite"]["invitation"]["id"].as_str() {
            app.gql(Some(&owner.access_token), revoke, json!({"id": id})).await;
        }
    }
    assert_eq!(codes.last().map(String::as_str), Some("RATE_LIMITED"), "{codes:?}");
    assert_eq!(app.mail_link_tokens("same@alpha.example.com", "/accept-invite").await.len(), 3);
}

#[tokio::test]
async fn resends_count_toward_the_address_cap() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let invite = "mutation { memberInvite(input: {email: \"again@alpha.example.com\", role: VIEWER}) { invitation { id } userErrors { code } } }";
    let resend = "mutation($id: ID!) { invitationResend(input: {id: $id}) { userErrors { code } } }";
    let invited = app.gql(Some(&owner.access_token), invite, json!({})).await;
    let id = invited["data"]["memberInvite"]["invitation"]["id"].clone();
    let mut codes = Vec::new();
    for _ in 0..3 {
        let answer = app.gql(Some(&owner.access_token), resend, json!({"id": id})).await;
        codes.push(answer["data"]["invitationResend"]["userErrors"][0]["code"].as_str().unwrap_or("OK").to_owned());
    }
    assert_eq!(codes, ["OK", "OK", "RATE_LIMITED"], "an invitation and two resends fill the day's three mails");
    assert_eq!(app.mail_link_tokens("again@alpha.example.com", "/accept-invite").await.len(), 3);
}

#[tokio::test]
async fn an_invitation_expires_after_seven_days() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    app.gql(
        Some(&owner.access_token),
        "mutation { memberInvite(input: {email: \"late@alpha.example.com\", role: VIEWER}) { userErrors { code } } }",
        json!({}),
    )
    .await;
    let token = app.invitation_token("late@alpha.example.com").await;
    domain::platform::clock::advance(Duration::days(7) + Duration::minutes(1));
    let accepted = app
        .gql(
            None,
            "mutation($t: String!) { invitationAccept(input: {token: $t, name: \"L\", password: \"late-pass-123\"}) { accessToken userErrors { code } } }",
            json!({"t": token}),
        )
        .await;
    assert_eq!(accepted["data"]["invitationAccept"]["userErrors"][0]["code"], "EXPIRED", "{accepted}");
}

#[tokio::test]
async fn a_refresh_token_expires_after_thirty_days() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let refresh =
        "mutation($r: String!) { sessionRefresh(input: {refreshToken: $r}) { refreshToken userErrors { code } } }";
    domain::platform::clock::advance(Duration::days(29));
    let early = app.gql(None, refresh, json!({"r": owner.refresh_token})).await;
    let rotated = early["data"]["sessionRefresh"]["refreshToken"].as_str().expect("valid on day 29").to_owned();
    domain::platform::clock::advance(Duration::days(30) + Duration::minutes(1));
    let late = app.gql(None, refresh, json!({"r": rotated})).await;
    assert_eq!(late["data"]["sessionRefresh"]["userErrors"][0]["code"], "INVALID_CREDENTIALS", "{late}");
}
