//! The identity context: sign-up and sign-in, sessions, members and
//! invitations, partner clients and OAuth, mail. Its operations and seeds
//! for the isolation sweeps.

mod auth;
mod bursts;
mod email;
mod invitation_migration;
mod invitations;
mod mail_language;
mod members;
mod oauth;
mod password_gate;
mod reset_links;
mod sessions;
mod signup;
mod standing;
mod tenants;

use domain::platform::access::Permission::*;
use serde_json::json;
use silkport_tests::sweep::Needs::{All, Person, WhenBound};
use silkport_tests::sweep::{Operations, Seeded};
use silkport_tests::{Session, TestApp};

pub const OPERATIONS: Operations = &[
    ("viewer", All(&[]), "query { viewer { user { id email } apiClient { id } role scopes memberships { tenant { id name } role } } }"),
    ("viewer", All(&[TenantRead]), "query { viewer { tenant { id name } } }"),
    ("viewer", WhenBound(&[MerchantsRead]), "query { viewer { merchant { id name } } }"),
    ("node", All(&[TenantRead]), "query($tenant: ID!) { node(id: $tenant) { id } }"),
    ("node", All(&[MembersRead]), "query($user: ID!) { node(id: $user) { id } }"),
    ("node", All(&[MembersRead]), "query($member: ID!) { node(id: $member) { id } }"),
    ("node", All(&[MembersRead]), "query($invitation: ID!) { node(id: $invitation) { id } }"),
    ("node", All(&[ApiClientsRead]), "query($apiClient: ID!) { node(id: $apiClient) { id ... on ApiClient { name merchant { name } } } }"),
    ("tenant", All(&[TenantRead]), "query { tenant { id name slug modules timezone } }"),
    // The seeds hold a merchant's member, invitation and client: their merchant is read too.
    ("members", All(&[MembersRead, MerchantsRead]), "query { members(first: 50) { totalCount nodes { id user { id email } role merchant { id name } } } }"),
    ("members", All(&[MembersRead]), "query { owners: members(first: 50, role: OWNER) { totalCount nodes { id user { email } } } }"),
    ("invitations", All(&[MembersRead, MerchantsRead]), "query { invitations(first: 50) { totalCount nodes { id email status merchant { name } } } }"),
    ("apiClients", All(&[ApiClientsRead, MerchantsRead]), "query { apiClients(first: 50) { totalCount nodes { id clientId name merchant { id name } } } }"),
    ("tenantCreate", All(&[]), "mutation { tenantCreate(input: {tenantName: \"Gamma\", tenantSlug: \"gamma-sweep\", name: \"G\", email: \"g@gamma.example.com\", password: \"gamma-pass-12\"}) { userErrors { code } mailSent } }"),
    ("signupConfirm", All(&[]), "mutation { signupConfirm(input: {token: \"not-a-link\"}) { accessToken userErrors { code } } }"),
    // The outsider's own credentials, asking for the victim's tenant. (A wrong password
    // for the victim's owner would rightly leave a security event in the victim's log.)
    ("sessionCreate", All(&[]), "mutation { sessionCreate(input: {email: \"owner@beta.example.com\", password: \"correct-horse-42\", tenantSlug: \"alpha\"}) { accessToken userErrors { code } } }"),
    ("sessionRefresh", All(&[]), "mutation($refreshToken: String!, $tenant: ID!) { sessionRefresh(input: {refreshToken: $refreshToken, tenantId: $tenant}) { accessToken viewer { tenant { id } } userErrors { code } } }"),
    ("sessionRevoke", All(&[]), "mutation { sessionRevoke(input: {refreshToken: \"not-a-token\"}) { userErrors { code } } }"),
    ("passwordResetRequest", All(&[]), "mutation { passwordResetRequest(input: {email: \"nobody@beta.example.com\"}) { userErrors { code } } }"),
    ("passwordReset", All(&[]), "mutation($member: ID!) { passwordReset(input: {token: $member, password: \"another-pass-12\"}) { userErrors { code } } }"),
    ("invitationAccept", All(&[]), "mutation($invitation: ID!) { invitationAccept(input: {token: $invitation, name: \"X\", password: \"another-pass-12\"}) { accessToken userErrors { code } } }"),
    ("accountUpdate", Person, "mutation { accountUpdate(input: {locale: EN}) { user { id locale } userErrors { code } } }"),
    ("tenantUpdate", All(&[TenantWrite]), "mutation { tenantUpdate(input: {name: \"Beta renamed\"}) { tenant { id name } userErrors { code } } }"),
    ("memberInvite", All(&[MembersWrite, MerchantsRead]), "mutation($merchant: ID!) { a: memberInvite(input: {email: \"op@alpha.example.com\", role: VIEWER}) { invitation { id email } userErrors { code } }
        b: memberInvite(input: {email: \"m@alpha.example.com\", role: MERCHANT, merchantId: $merchant}) { invitation { id merchant { name } } userErrors { code } } }"),
    ("invitationRevoke", All(&[MembersWrite]), "mutation($invitation: ID!) { invitationRevoke(input: {id: $invitation}) { invitation { id email } userErrors { code } } }"),
    ("invitationResend", All(&[MembersWrite]), "mutation($invitation: ID!) { invitationResend(input: {id: $invitation}) { invitation { id email } userErrors { code } } }"),
    ("memberRoleChange", All(&[MembersWrite, MerchantsRead]), "mutation($member: ID!, $merchant: ID!) { a: memberRoleChange(input: {memberId: $member, role: ADMIN}) { member { id role } userErrors { code } }
        b: memberRoleChange(input: {memberId: $member, role: MERCHANT, merchantId: $merchant}) { member { id merchant { name } } userErrors { code } } }"),
    ("memberRemove", All(&[MembersWrite]), "mutation($member: ID!) { memberRemove(input: {memberId: $member}) { removedMemberId userErrors { code } } }"),
    // A client can hold only what its creator may do: granting TENANT_READ needs it.
    ("apiClientCreate", All(&[ApiClientsWrite, TenantRead, MerchantsRead]), "mutation($merchant: ID!) { a: apiClientCreate(input: {name: \"Sweep\", scopes: [TENANT_READ]}) { apiClient { id } userErrors { code } }
        b: apiClientCreate(input: {name: \"Sweep bound\", scopes: [TENANT_READ], merchantId: $merchant}) { apiClient { id merchant { name } } userErrors { code } } }"),
    ("apiClientRevoke", All(&[ApiClientsWrite]), "mutation($apiClient: ID!) { apiClientRevoke(input: {id: $apiClient}) { apiClient { id revokedAt } userErrors { code } } }"),
];

/// The victim's identity state, as its owner reads it.
pub const SNAPSHOT: &str = "tenant { name modules defaultLocale timezone }
    members(first: 50) { totalCount nodes { id role user { email } } }
    invitations(first: 50) { totalCount nodes { id status expiresAt } }
    apiClients(first: 50) { totalCount nodes { id revokedAt scopes } }";

async fn first_id(app: &TestApp, token: &str, query: &str, pointer: &str) -> String {
    let response = app.gql(Some(token), query, json!({})).await;
    response
        .pointer(pointer)
        .and_then(|v| v.as_str())
        .unwrap_or_else(|| panic!("no {pointer} in {response}"))
        .to_owned()
}

/// A member, a pending invitation and a partner client in `owner`'s tenant.
pub async fn seed(app: &TestApp, owner: &Session) -> Seeded {
    let mut seeded = Seeded::default();
    let slug = owner.email.split('@').nth(1).and_then(|d| d.split('.').next()).expect("slug in the owner's email");
    let member = app.member(owner, &format!("op@{slug}.example.com"), "OPERATOR").await;
    let t = owner.access_token.as_str();
    let invite = format!(
        "mutation {{ memberInvite(input: {{email: \"pending@{slug}.example.com\", role: VIEWER}}) {{ invitation {{ id }} }} }}"
    );
    seeded.id("invitation", &first_id(app, t, &invite, "/data/memberInvite/invitation/id").await);
    let client_name = format!("{slug} ERP");
    let create = format!(
        "mutation {{ apiClientCreate(input: {{name: \"{client_name}\", scopes: [TENANT_READ, MEMBERS_READ]}}) {{ apiClient {{ id }} }} }}"
    );
    seeded.id("apiClient", &first_id(app, t, &create, "/data/apiClientCreate/apiClient/id").await);
    seeded.id(
        "member",
        &first_id(app, &member.access_token, "{ members(first: 5) { nodes { id } } }", "/data/members/nodes/1/id")
            .await,
    );
    seeded.id("user", &first_id(app, &member.access_token, "{ viewer { user { id } } }", "/data/viewer/user/id").await);
    seeded.id("tenant", &owner.tenant_id);
    for word in [format!("Tenant {slug}"), owner.email.clone(), format!("pending@{slug}.example.com"), client_name] {
        seeded.secret(&word);
    }
    seeded
}

/// A partner client bound to `merchant` (another merchant's, in the owner
/// sweep): its id as `$apiClient`, its name a secret.
pub async fn seed_owned(app: &TestApp, owner: &Session, merchant: &str) -> Seeded {
    let mut seeded = Seeded::default();
    let created = app
        .gql(
            Some(&owner.access_token),
            "mutation($m: ID!) { apiClientCreate(input: {name: \"Bound ERP\", scopes: [MERCHANTS_READ], merchantId: $m}) { apiClient { id clientId } userErrors { message } } }",
            json!({"m": merchant}),
        )
        .await;
    let client = &created["data"]["apiClientCreate"]["apiClient"];
    seeded.id("apiClient", client["id"].as_str().unwrap_or_else(|| panic!("bound client: {created}")));
    seeded.owned_secret(client["clientId"].as_str().expect("client id"));
    seeded.owned_secret("Bound ERP");
    seeded
}

/// The owned identity state the owner sweep watches.
pub const OWNED_SNAPSHOT: &str =
    "client: node(id: $apiClient) { ... on ApiClient { name scopes revokedAt merchant { id } } }";
