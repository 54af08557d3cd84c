//! Tenant isolation: tenant B runs every query and mutation of every
//! context with tenant A's ids, as a user and as a partner client, and must
//! neither read nor change anything of A's.
//!
//! Each context lists its operations in its folder's `OPERATIONS` (and what
//! it seeds); `every_operation_is_swept` fails until a new root field is in
//! one of them.

use domain::platform::access::Permission;
use serde_json::{Value, json};
use silkport_tests::sweep::{Operations, Seeded};
use silkport_tests::{Session, TestApp};

use crate::{catalog, fulfilment, identity, inbound, inventory, orders, platform, returns};

/// Every context's operations: one line per context.
pub const CONTEXTS: [Operations; 8] = [
    identity::OPERATIONS,
    platform::OPERATIONS,
    catalog::OPERATIONS,
    inventory::OPERATIONS,
    inbound::OPERATIONS,
    orders::OPERATIONS,
    returns::OPERATIONS,
    fulfilment::OPERATIONS,
];

/// What an owner reads of their tenant, across the contexts.
pub fn snapshot() -> String {
    let contexts = [
        identity::SNAPSHOT,
        platform::SNAPSHOT,
        catalog::SNAPSHOT,
        inventory::SNAPSHOT,
        inbound::SNAPSHOT,
        orders::SNAPSHOT,
        returns::SNAPSHOT,
        fulfilment::SNAPSHOT,
    ];
    format!("{{ {} }}", contexts.join(" "))
}

/// Tenant `alpha` with something of every context in it.
pub async fn seed_alpha(app: &TestApp) -> (Session, Seeded) {
    seed_tenant(app, "alpha").await
}

/// Tenant `slug` with something of every context in it.
pub async fn seed_tenant(app: &TestApp, slug: &str) -> (Session, Seeded) {
    let owner = app.signup(slug).await;
    let mut seeded = catalog::seed(app, &owner).await;
    seeded.merge(identity::seed(app, &owner).await);
    seeded.merge(platform::seed(app, &owner).await);
    let sku = seeded.ids["sku"].as_str().unwrap_or_default().to_owned();
    seeded.merge(inventory::seed(app, &owner, &sku).await);
    let inbound = inbound::seed(app, &owner, &seeded).await;
    seeded.merge(inbound);
    let merchant = seeded.ids["merchant"].as_str().unwrap_or_default().to_owned();
    seeded.merge(orders::seed(app, &owner, &merchant, &sku).await);
    let fulfilment = fulfilment::seed(app, &owner, &seeded).await;
    seeded.merge(fulfilment);
    let shipped = seeded.ids["shippedOrder"].as_str().unwrap_or_default().to_owned();
    seeded.merge(returns::seed(app, &owner, &shipped, &sku).await);
    (owner, seeded)
}

/// Runs every operation as `token` against `victim`'s ids; nothing of
/// `secrets` may show, and `watch` (read by `reader` with the same
/// variables) must not change.
pub async fn sweep(app: &TestApp, victim: &Seeded, token: &str, refresh_token: &str, reader: &str, watch: &str) {
    let mut variables = victim.variables();
    variables["refreshToken"] = json!(refresh_token);
    let before = app.gql(Some(reader), watch, variables.clone()).await;
    assert!(before["errors"].is_null(), "{before}");
    for (field, _, document) in CONTEXTS.iter().flat_map(|ops| ops.iter()) {
        let response = app.gql(Some(token), document, variables.clone()).await;
        let text = response.to_string();
        for secret in &victim.secrets {
            assert!(!text.contains(secret.as_str()), "`{field}` showed the victim's `{secret}` to an outsider: {text}");
        }
    }
    let after = app.gql(Some(reader), watch, variables).await;
    assert_eq!(before, after, "an outsider's operations changed the victim's data");
}

#[tokio::test]
async fn another_tenant_reads_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (a, seeded) = seed_alpha(&app).await;
    let b = app.signup("beta").await;
    let watch = snapshot();
    sweep(&app, &seeded, &b.access_token, &b.refresh_token, &a.access_token, &watch).await;

    let all: Vec<String> = Permission::ALL.iter().map(|p| p.as_str().to_uppercase().replace(':', "_")).collect();
    let partner = app.partner_token(&b, &all.join(", ")).await;
    sweep(&app, &seeded, &partner, &b.refresh_token, &a.access_token, &watch).await;
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

/// Names of the fields of the schema's query and mutation roots.
pub fn root_fields() -> Vec<String> {
    let mut fields = silkport_tests::schema::root_fields("query");
    fields.extend(silkport_tests::schema::root_fields("mutation"));
    fields
}

#[test]
fn every_operation_is_swept() {
    assert!(root_fields().len() > 20, "the check sees the schema's operations");
    let missing: Vec<String> = root_fields()
        .into_iter()
        .filter(|field| !CONTEXTS.iter().flat_map(|ops| ops.iter()).any(|(name, _, _)| name == field))
        .collect();
    assert!(missing.is_empty(), "operations missing from the isolation sweep: {missing:?}");
}
