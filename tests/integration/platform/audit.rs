//! Every mutation writes an audit entry (who, what, before/after) when it
//! changes something. Adding a mutation means adding a line here;
//! `every_mutation_is_audited_here` fails until it is.

use serde_json::{Value, json};
use silkport_tests::PASSWORD;
use silkport_tests::TestApp;

/// `(mutation, expected action, document)`, run in order by the owner of
/// tenant `alpha` (`$token` is the owner's refresh token, `$member` the
/// second member's id, `$apiClient` and `$job` ids made earlier).
const MUTATIONS: &[(&str, &str, &str)] = &[
    (
        "tenantUpdate",
        "tenant.update",
        "mutation { tenantUpdate(input: {name: \"Alpha Trading\", modules: [WAREHOUSING]}) { userErrors { code } } }",
    ),
    (
        "memberInvite",
        "member.invite",
        "mutation { memberInvite(input: {email: \"second@alpha.example.com\", role: VIEWER}) { userErrors { code } } }",
    ),
    (
        "invitationAccept",
        "member.join",
        "mutation($invitation: String!) { invitationAccept(input: {token: $invitation, name: \"Second\", password: \"different-pass-12\"}) { userErrors { code } } }",
    ),
    (
        "invitationResend",
        "invitation.resend",
        "mutation($pending: ID!) { invitationResend(input: {id: $pending}) { userErrors { code } } }",
    ),
    (
        "invitationRevoke",
        "invitation.revoke",
        "mutation($pending: ID!) { invitationRevoke(input: {id: $pending}) { userErrors { code } } }",
    ),
    (
        "memberRoleChange",
        "member.role_change",
        "mutation($member: ID!) { memberRoleChange(input: {memberId: $member, role: OPERATOR}) { userErrors { code } } }",
    ),
    (
        "memberRemove",
        "member.remove",
        "mutation($member: ID!) { memberRemove(input: {memberId: $member}) { userErrors { code } } }",
    ),
    (
        "apiClientCreate",
        "api_client.create",
        "mutation { apiClientCreate(input: {name: \"ERP\", scopes: [TENANT_READ]}) { userErrors { code } } }",
    ),
    (
        "apiClientRevoke",
        "api_client.revoke",
        "mutation($apiClient: ID!) { apiClientRevoke(input: {id: $apiClient}) { userErrors { code } } }",
    ),
    ("jobRetry", "job.retry", "mutation($job: ID!) { jobRetry(input: {id: $job}) { userErrors { code } } }"),
    (
        "merchantCreate",
        "merchant.create",
        "mutation { merchantCreate(input: {code: \"M1\", name: \"Linyi Textiles\", defaultCurrency: \"CNY\"}) { userErrors { code } } }",
    ),
    (
        "merchantUpdate",
        "merchant.update",
        "mutation($merchant: ID!) { merchantUpdate(input: {id: $merchant, contactName: \"Wang\"}) { userErrors { code } } }",
    ),
    (
        "sessionCreate",
        "session.create",
        "mutation { sessionCreate(input: {email: \"owner@alpha.example.com\", password: \"correct-horse-42\"}) { userErrors { code } } }",
    ),
    (
        "sessionRefresh",
        "session.refresh",
        "mutation($token: String!) { sessionRefresh(input: {refreshToken: $token}) { userErrors { code } } }",
    ),
    (
        "passwordResetRequest",
        "user.password_reset_request",
        "mutation { passwordResetRequest(input: {email: \"owner@alpha.example.com\"}) { userErrors { code } } }",
    ),
    (
        "passwordReset",
        "user.password_reset",
        "mutation($reset: String!) { passwordReset(input: {token: $reset, password: \"correct-horse-42\"}) { userErrors { code } } }",
    ),
    (
        "sessionRevoke",
        "session.revoke",
        "mutation($token: String!) { sessionRevoke(input: {refreshToken: $token}) { userErrors { code } } }",
    ),
    (
        "tenantCreate",
        "tenant.create",
        "mutation { tenantCreate(input: {tenantName: \"Omega\", tenantSlug: \"omega\", name: \"O\", email: \"o@omega.example.com\", password: \"omega-pass-12\"}) { userErrors { code } } }",
    ),
];

async fn newest(app: &TestApp, token: &str) -> Value {
    let log =
        app.gql(Some(token), "{ auditLog(first: 1) { nodes { action actor { label } requestId } } }", json!({})).await;
    log["data"]["auditLog"]["nodes"][0].clone()
}

#[tokio::test]
async fn every_mutation_writes_an_audit_entry() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = owner.access_token.clone();
    let mut variables = json!({"token": owner.refresh_token});
    for (name, action, document) in MUTATIONS {
        match *name {
            "invitationAccept" => {
                variables["invitation"] = json!(app.mail_link_token("second@alpha.example.com", "/accept-invite").await)
            }
            "invitationResend" => {
                let invite = "mutation { memberInvite(input: {email: \"third@alpha.example.com\", role: VIEWER}) { invitation { id } } }";
                let invited = app.gql(Some(&token), invite, json!({})).await;
                variables["pending"] = invited["data"]["memberInvite"]["invitation"]["id"].clone();
            }
            "memberRoleChange" => {
                let members = app.gql(Some(&token), "{ members(first: 5) { nodes { id } } }", json!({})).await;
                variables["member"] = members["data"]["members"]["nodes"][1]["id"].clone();
            }
            "apiClientRevoke" => {
                let clients = app.gql(Some(&token), "{ apiClients(first: 1) { nodes { id } } }", json!({})).await;
                variables["apiClient"] = clients["data"]["apiClients"]["nodes"][0]["id"].clone();
            }
            "jobRetry" => {
                use sea_orm::ConnectionTrait;
                let conn = sea_orm::Database::connect(app.db.owner_url.as_str()).await.expect("owner");
                conn.execute_unprepared("UPDATE jobs SET state = 'dead'").await.expect("dead-letter the jobs");
                let jobs = app.gql(Some(&token), "{ jobs(first: 1) { nodes { id } } }", json!({})).await;
                variables["job"] = jobs["data"]["jobs"]["nodes"][0]["id"].clone();
            }
            "merchantUpdate" => {
                let merchants = app.gql(Some(&token), "{ merchants(first: 1) { nodes { id } } }", json!({})).await;
                variables["merchant"] = merchants["data"]["merchants"]["nodes"][0]["id"].clone();
            }
            "passwordReset" => {
                variables["reset"] = json!(app.mail_link_token("owner@alpha.example.com", "/reset-password").await)
            }
            _ => {}
        }
        let response = app.gql(Some(&token), document, variables.clone()).await;
        let errors = response["data"].as_object().and_then(|d| d.values().next()).map(|p| p["userErrors"].clone());
        assert_eq!(errors, Some(json!([])), "{name} failed: {response}");
        if *name == "tenantCreate" {
            let omega = app.login("o@omega.example.com", "omega-pass-12", Some("omega")).await;
            let omega_token = omega["data"]["sessionCreate"]["accessToken"].as_str().expect("omega token").to_owned();
            let first = app.gql(Some(&omega_token), "{ auditLog(last: 1) { nodes { action } } }", json!({})).await;
            assert_eq!(first["data"]["auditLog"]["nodes"][0]["action"], *action, "{name}");
            continue;
        }
        let entry = newest(&app, &token).await;
        assert_eq!(entry["action"], *action, "{name} left no audit entry: {entry}");
        assert!(entry["requestId"].is_string(), "{name}: {entry}");
        if *name == "sessionRefresh" {
            variables["token"] =
                json!(app.login(&owner.email, PASSWORD, None).await["data"]["sessionCreate"]["refreshToken"]);
        }
    }
}

#[test]
fn every_mutation_is_audited_here() {
    let mutations = silkport_tests::schema::root_fields("mutation");
    assert!(mutations.len() > 15, "the check sees the schema's mutations: {mutations:?}");
    let missing: Vec<&String> = mutations.iter().filter(|m| !MUTATIONS.iter().any(|(name, _, _)| name == m)).collect();
    assert!(missing.is_empty(), "mutations without an audit check: {missing:?}");
}
