//! Tenant isolation: tenant B runs every query and mutation of the schema
//! with tenant A's ids, as a user and as a partner client, and must neither
//! read nor change anything of A's.
//!
//! Adding an operation to the API means adding one line to [`OPERATIONS`];
//! `every_operation_is_swept` fails until it is there.

use serde_json::{Value, json};
use silkport_tests::{Session, TestApp};

/// `(field, document)`. Documents may use `$tenant $user $member $invitation
/// $apiClient $job $auditEntry` (A's global ids) and `$refreshToken` (B's).
const OPERATIONS: &[(&str, &str)] = &[
    ("viewer", "query { viewer { user { id email } apiClient { id } tenant { id name } role scopes memberships { tenant { id name } role } } }"),
    ("node", "query($tenant: ID!, $user: ID!, $member: ID!, $invitation: ID!, $apiClient: ID!, $job: ID!, $auditEntry: ID!) {
        a: node(id: $tenant) { id } b: node(id: $user) { id } c: node(id: $member) { id } d: node(id: $invitation) { id }
        e: node(id: $apiClient) { id } f: node(id: $job) { id } g: node(id: $auditEntry) { id } }"),
    ("tenant", "query { tenant { id name slug modules } }"),
    ("members", "query { members(first: 50) { totalCount nodes { id user { id email } role } } }"),
    ("invitations", "query { invitations(first: 50) { totalCount nodes { id email } } }"),
    ("apiClients", "query { apiClients(first: 50) { totalCount nodes { id clientId name } } }"),
    ("auditLog", "query { auditLog(first: 50) { nodes { id action subjectId actor { id label } before after } } }"),
    ("jobs", "query { jobs(first: 50) { nodes { id kind state } } }"),
    ("tenantCreate", "mutation { tenantCreate(input: {tenantName: \"Gamma\", tenantSlug: \"gamma-sweep\", name: \"G\", email: \"g@gamma.example.com\", password: \"gamma-pass-12\"}) { userErrors { code } viewer { tenant { id } } } }"),
    ("sessionCreate", "mutation { sessionCreate(input: {email: \"owner@alpha.example.com\", password: \"wrong-password-1\", tenantSlug: \"alpha\"}) { accessToken userErrors { code } } }"),
    ("sessionRefresh", "mutation($refreshToken: String!, $tenant: ID!) { sessionRefresh(input: {refreshToken: $refreshToken, tenantId: $tenant}) { accessToken viewer { tenant { id } } userErrors { code } } }"),
    ("sessionRevoke", "mutation { sessionRevoke(input: {refreshToken: \"not-a-token\"}) { userErrors { code } } }"),
    ("passwordResetRequest", "mutation { passwordResetRequest(input: {email: \"nobody@beta.example.com\"}) { userErrors { code } } }"),
    ("passwordReset", "mutation($member: ID!) { passwordReset(input: {token: $member, password: \"another-pass-12\"}) { userErrors { code } } }"),
    ("invitationAccept", "mutation($invitation: ID!) { invitationAccept(input: {token: $invitation, name: \"X\", password: \"another-pass-12\"}) { accessToken userErrors { code } } }"),
    ("tenantUpdate", "mutation { tenantUpdate(input: {name: \"Beta renamed\"}) { tenant { id name } userErrors { code } } }"),
    ("memberInvite", "mutation { memberInvite(input: {email: \"op@alpha.example.com\", role: VIEWER}) { invitation { id email } userErrors { code } } }"),
    ("invitationRevoke", "mutation($invitation: ID!) { invitationRevoke(input: {id: $invitation}) { invitation { id email } userErrors { code } } }"),
    ("memberRoleChange", "mutation($member: ID!) { memberRoleChange(input: {memberId: $member, role: ADMIN}) { member { id role } userErrors { code } } }"),
    ("memberRemove", "mutation($member: ID!) { memberRemove(input: {memberId: $member}) { removedMemberId userErrors { code } } }"),
    ("apiClientCreate", "mutation { apiClientCreate(input: {name: \"Sweep\", scopes: [TENANT_READ]}) { apiClient { id } userErrors { code } } }"),
    ("apiClientRevoke", "mutation($apiClient: ID!) { apiClientRevoke(input: {id: $apiClient}) { apiClient { id revokedAt } userErrors { code } } }"),
    ("jobRetry", "mutation($job: ID!) { jobRetry(input: {id: $job}) { job { id state } userErrors { code } } }"),
];

/// Everything tenant A has, as ids and as words that must never show up in B's answers.
struct TenantA {
    owner: Session,
    ids: Value,
    secrets: Vec<String>,
}

async fn first_id(app: &TestApp, token: &str, query: &str, pointer: &str) -> String {
    let response = app.gql(Some(token), query, json!({})).await;
    response.pointer(pointer).and_then(Value::as_str).unwrap_or_else(|| panic!("no {pointer} in {response}")).to_owned()
}

async fn seed_a(app: &TestApp) -> TenantA {
    let owner = app.signup("alpha").await;
    let member = app.member(&owner, "op@alpha.example.com", "OPERATOR").await;
    let t = owner.access_token.as_str();
    let invite =
        "mutation { memberInvite(input: {email: \"pending@alpha.example.com\", role: VIEWER}) { invitation { id } } }";
    let invitation = first_id(app, t, invite, "/data/memberInvite/invitation/id").await;
    let create = "mutation { apiClientCreate(input: {name: \"Alpha ERP\", scopes: [TENANT_READ, MEMBERS_READ]}) { apiClient { id } } }";
    let api_client = first_id(app, t, create, "/data/apiClientCreate/apiClient/id").await;
    let job = first_id(app, t, "{ jobs(first: 1) { nodes { id } } }", "/data/jobs/nodes/0/id").await;
    let audit = first_id(app, t, "{ auditLog(first: 1) { nodes { id } } }", "/data/auditLog/nodes/0/id").await;
    let member_id = first_id(
        app,
        &member.access_token,
        "{ members(first: 5) { nodes { id user { email } } } }",
        "/data/members/nodes/1/id",
    )
    .await;
    let user = first_id(app, &member.access_token, "{ viewer { user { id } } }", "/data/viewer/user/id").await;
    let ids = json!({
        "tenant": owner.tenant_id, "user": user, "member": member_id, "invitation": invitation,
        "apiClient": api_client, "job": job, "auditEntry": audit,
    });
    let mut secrets: Vec<String> = ids
        .as_object()
        .map(|o| {
            o.values().filter_map(|v| v.as_str()).filter_map(|g| g.rsplit('/').next()).map(str::to_owned).collect()
        })
        .unwrap_or_default();
    secrets.extend(
        ["Tenant alpha", "owner@alpha.example.com", "pending@alpha.example.com", "Alpha ERP"].map(String::from),
    );
    TenantA { owner, ids, secrets }
}

const SNAPSHOT: &str = "{ tenant { name modules defaultLocale }
    members(first: 50) { totalCount nodes { id role user { email } } }
    invitations(first: 50) { totalCount nodes { id } }
    apiClients(first: 50) { totalCount nodes { id revokedAt scopes } }
    jobs(first: 50) { nodes { id state attempts } }
    auditLog(first: 50) { nodes { id } } }";

async fn sweep(app: &TestApp, a: &TenantA, token: &str, refresh_token: &str) {
    let before = app.gql(Some(&a.owner.access_token), SNAPSHOT, json!({})).await;
    for (field, document) in OPERATIONS {
        let mut variables = a.ids.clone();
        variables["refreshToken"] = json!(refresh_token);
        let response = app.gql(Some(token), document, variables).await;
        let text = response.to_string();
        for secret in &a.secrets {
            assert!(!text.contains(secret.as_str()), "`{field}` showed tenant A's `{secret}` to tenant B: {text}");
        }
    }
    let after = app.gql(Some(&a.owner.access_token), SNAPSHOT, json!({})).await;
    assert!(before["errors"].is_null(), "{before}");
    assert_eq!(before, after, "tenant B's operations changed tenant A");
}

#[tokio::test]
async fn another_tenant_reads_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let a = seed_a(&app).await;
    let b = app.signup("beta").await;
    sweep(&app, &a, &b.access_token, &b.refresh_token).await;

    let all = "TENANT_READ, TENANT_WRITE, MEMBERS_READ, MEMBERS_WRITE, API_CLIENTS_READ, API_CLIENTS_WRITE, AUDIT_READ, JOBS_READ, JOBS_WRITE";
    let partner = app.partner_token(&b, all).await;
    let partner = partner.as_str();
    sweep(&app, &a, partner, &b.refresh_token).await;
}

#[tokio::test]
async fn a_token_for_one_tenant_cannot_switch_into_another() {
    let app = TestApp::spawn().await;
    let a = app.signup("alpha").await;
    let b = app.signup("beta").await;
    let response = app
        .gql(
            None,
            "mutation($r: String!, $t: ID!) { sessionRefresh(input: {refreshToken: $r, tenantId: $t}) { accessToken userErrors { code } } }",
            json!({"r": b.refresh_token, "t": a.tenant_id}),
        )
        .await;
    assert_eq!(response["data"]["sessionRefresh"]["accessToken"], Value::Null);
    assert_eq!(response["data"]["sessionRefresh"]["userErrors"][0]["code"], "FORBIDDEN");
}

/// Names of the fields of the Query and Mutation types.
pub fn root_fields() -> Vec<String> {
    use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};
    let document = async_graphql::parser::parse_schema(api::graphql::sdl()).expect("the schema parses");
    let mut fields = Vec::new();
    for definition in document.definitions {
        if let TypeSystemDefinition::Type(ty) = definition {
            let name = ty.node.name.node.to_string();
            if let (true, TypeKind::Object(object)) = (name == "Query" || name == "Mutation", &ty.node.kind) {
                fields.extend(object.fields.iter().map(|f| f.node.name.node.to_string()));
            }
        }
    }
    fields
}

#[test]
fn every_operation_is_swept() {
    let missing: Vec<String> =
        root_fields().into_iter().filter(|field| !OPERATIONS.iter().any(|(name, _)| name == field)).collect();
    assert!(missing.is_empty(), "operations missing from the isolation sweep: {missing:?}");
}
