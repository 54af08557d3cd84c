//! Members and invitations: the last-owner rule, who may make owners, and
//! withdrawn invitations.

use serde_json::{Value, json};
use silkport_tests::TestApp;

#[tokio::test]
async fn the_last_owner_stays_and_admins_cannot_make_owners() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let admin = app.member(&owner, "admin@alpha.example.com", "ADMIN").await;
    let members = app.gql(Some(&owner.access_token), "{ members(first: 5) { nodes { id role } } }", json!({})).await;
    let owner_member = members["data"]["members"]["nodes"][0]["id"].clone();
    let admin_member = members["data"]["members"]["nodes"][1]["id"].clone();
    let change = "mutation($m: ID!, $r: Role!) { memberRoleChange(input: {memberId: $m, role: $r}) { member { role } userErrors { code } } }";
    let demote = app.gql(Some(&owner.access_token), change, json!({"m": owner_member, "r": "ADMIN"})).await;
    assert_eq!(demote["data"]["memberRoleChange"]["userErrors"][0]["code"], "LAST_OWNER");
    let remove = app
        .gql(
            Some(&owner.access_token),
            "mutation($m: ID!) { memberRemove(input: {memberId: $m}) { userErrors { code } } }",
            json!({"m": owner_member}),
        )
        .await;
    assert_eq!(remove["data"]["memberRemove"]["userErrors"][0]["code"], "LAST_OWNER");
    let promote = app.gql(Some(&admin.access_token), change, json!({"m": admin_member, "r": "OWNER"})).await;
    assert_eq!(promote["data"]["memberRoleChange"]["userErrors"][0]["code"], "FORBIDDEN");
    let by_owner = app.gql(Some(&owner.access_token), change, json!({"m": admin_member, "r": "OPERATOR"})).await;
    assert_eq!(by_owner["data"]["memberRoleChange"]["member"]["role"], "OPERATOR");
    let stale = app
        .gql(
            None,
            "mutation($r: String!) { sessionRefresh(input: {refreshToken: $r}) { accessToken } }",
            json!({"r": admin.refresh_token}),
        )
        .await;
    assert_eq!(stale["data"]["sessionRefresh"]["accessToken"], Value::Null, "a role change ends the member's sessions");
}

#[tokio::test]
async fn a_revoked_invitation_cannot_be_accepted() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let invite =
        "mutation { memberInvite(input: {email: \"late@alpha.example.com\", role: VIEWER}) { invitation { id } } }";
    let invited = app.gql(Some(&owner.access_token), invite, json!({})).await;
    let id = invited["data"]["memberInvite"]["invitation"]["id"].clone();
    let token = app.invitation_token("late@alpha.example.com").await;
    let revoke =
        "mutation($id: ID!) { invitationRevoke(input: {id: $id}) { invitation { revokedAt } userErrors { code } } }";
    let revoked = app.gql(Some(&owner.access_token), revoke, json!({"id": id})).await;
    assert!(revoked["data"]["invitationRevoke"]["invitation"]["revokedAt"].is_string(), "{revoked}");
    let pending = app.gql(Some(&owner.access_token), "{ invitations(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(pending["data"]["invitations"]["totalCount"], 0, "a revoked invitation is no longer pending");
    let accept = "mutation($t: String!) { invitationAccept(input: {token: $t, name: \"Late\", password: \"late-comer-pass-9\"}) { accessToken userErrors { code } } }";
    let accepted = app.gql(None, accept, json!({"t": token})).await;
    assert_eq!(accepted["data"]["invitationAccept"]["accessToken"], Value::Null);
    assert_eq!(accepted["data"]["invitationAccept"]["userErrors"][0]["code"], "LINK_USED");
}

#[tokio::test]
async fn nobody_changes_their_own_role_or_removes_themselves() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let second = app.member(&owner, "second@alpha.example.com", "OWNER").await;
    let admin = app.member(&owner, "admin@alpha.example.com", "ADMIN").await;
    let owners =
        app.gql(Some(&owner.access_token), "{ members(first: 0, role: OWNER) { totalCount } }", json!({})).await;
    assert_eq!(owners["data"]["members"]["totalCount"], 2, "{owners}");
    let members =
        app.gql(Some(&owner.access_token), "{ members(first: 5) { nodes { id user { email } } } }", json!({})).await;
    let id_of = |email: &str| {
        members["data"]["members"]["nodes"]
            .as_array()
            .and_then(|nodes| nodes.iter().find(|n| n["user"]["email"] == email))
            .map(|n| n["id"].clone())
            .unwrap_or_else(|| panic!("{email} in {members}"))
    };
    let change = "mutation($m: ID!, $r: Role!) { memberRoleChange(input: {memberId: $m, role: $r}) { member { role } userErrors { field code } } }";
    let remove =
        "mutation($m: ID!) { memberRemove(input: {memberId: $m}) { removedMemberId userErrors { field code } } }";
    for (session, email) in [(&second, "second@alpha.example.com"), (&admin, "admin@alpha.example.com")] {
        let demoted = app.gql(Some(&session.access_token), change, json!({"m": id_of(email), "r": "VIEWER"})).await;
        assert_eq!(demoted["data"]["memberRoleChange"]["userErrors"][0]["code"], "FORBIDDEN", "{demoted}");
        assert_eq!(demoted["data"]["memberRoleChange"]["userErrors"][0]["field"], json!(["input", "memberId"]));
        let removed = app.gql(Some(&session.access_token), remove, json!({"m": id_of(email)})).await;
        assert_eq!(removed["data"]["memberRemove"]["userErrors"][0]["code"], "FORBIDDEN", "{removed}");
    }
    let unchanged =
        app.gql(Some(&owner.access_token), "{ members(first: 5) { totalCount nodes { role } } }", json!({})).await;
    assert_eq!(unchanged["data"]["members"]["totalCount"], 3, "nothing changed: {unchanged}");
    assert_eq!(unchanged["data"]["members"]["nodes"], json!([{"role": "OWNER"}, {"role": "OWNER"}, {"role": "ADMIN"}]));
    // Someone else may: an owner demotes the other owner.
    let by_other =
        app.gql(Some(&owner.access_token), change, json!({"m": id_of("second@alpha.example.com"), "r": "ADMIN"})).await;
    assert_eq!(by_other["data"]["memberRoleChange"]["member"]["role"], "ADMIN", "{by_other}");
}
