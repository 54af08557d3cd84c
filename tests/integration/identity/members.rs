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
    assert_eq!(accepted["data"]["invitationAccept"]["userErrors"][0]["code"], "EXPIRED");
}
