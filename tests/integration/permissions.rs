//! The permission matrix: every operation of every context (the lists the
//! isolation sweep runs, each entry declaring what it needs) is run through
//! the API by a member of every role and by a partner client of every
//! single scope — unbound, and bound to a merchant where the scope may be —
//! and must be refused exactly when the access table (`permissions!` in
//! `domain/src/platform/access.rs`) says the caller lacks what it needs.
//! The expectation is computed from the table's roles, reach and scopes,
//! not from the code under test, so removing any permission check of a
//! service makes some caller's answer change and this test fail.

use domain::platform::access::{Permission, Reach, Role};
use serde_json::{Value, json};
use silkport_tests::sweep::Needs;
use silkport_tests::{Session, TestApp};

use crate::isolation::{CONTEXTS, seed_alpha};

/// Who calls: a member of a role, or a partner client of some scopes;
/// either may be bound to a merchant.
struct Caller {
    label: String,
    holds: Holds,
    bound: bool,
    token: String,
    refresh_token: String,
}

enum Holds {
    Role(Role),
    Scopes(Vec<Permission>),
}

impl Caller {
    /// Whether the access table gives this caller `permission`.
    fn holds(&self, permission: Permission) -> bool {
        let within_reach = !self.bound || permission.reach() == Reach::Merchant;
        within_reach
            && match &self.holds {
                Holds::Role(role) => permission.roles().contains(role),
                Holds::Scopes(scopes) => scopes.contains(&permission),
            }
    }

    fn may(&self, needs: Needs) -> bool {
        match needs {
            Needs::All(permissions) => permissions.iter().all(|p| self.holds(*p)),
            Needs::WhenBound(permissions) => !self.bound || permissions.iter().all(|p| self.holds(*p)),
            Needs::Unbound(permissions) => !self.bound && permissions.iter().all(|p| self.holds(*p)),
        }
    }
}

/// The GraphQL name of a role or scope (`api_clients:read` is `API_CLIENTS_READ`).
fn graphql_name(text: &str) -> String {
    text.to_uppercase().replace(':', "_")
}

/// Whether an answer refuses for want of a permission: a `FORBIDDEN`
/// error, or a `FORBIDDEN` user error in a payload.
fn refused(response: &Value) -> bool {
    let forbidden = response["errors"].as_array().into_iter().flatten().any(|e| e["extensions"]["code"] == "FORBIDDEN");
    let payloads = response["data"].as_object().into_iter().flat_map(|d| d.values());
    forbidden
        || payloads.flat_map(|p| p["userErrors"].as_array().into_iter().flatten()).any(|e| e["code"] == "FORBIDDEN")
}

/// Errors that are neither a refusal nor expected of any caller: the
/// operation did not run as written.
fn unexpected_errors(response: &Value) -> Vec<Value> {
    let errors = response["errors"].as_array().into_iter().flatten();
    errors.filter(|e| e["extensions"]["code"] != "FORBIDDEN").cloned().collect()
}

async fn callers(app: &TestApp, owner: &Session, merchant: &str) -> Vec<Caller> {
    let mut callers = vec![Caller {
        label: "role owner".into(),
        holds: Holds::Role(Role::Owner),
        bound: false,
        token: owner.access_token.clone(),
        refresh_token: owner.refresh_token.clone(),
    }];
    for role in Role::ALL.iter().copied().filter(|r| *r != Role::Owner) {
        let email = format!("{}@alpha.example.com", role.as_str().replace('_', "-"));
        let session = match role {
            Role::Merchant => app.merchant_member(owner, &email, merchant).await,
            _ => app.member(owner, &email, &graphql_name(role.as_str())).await,
        };
        callers.push(Caller {
            label: format!("role {}", role.as_str()),
            holds: Holds::Role(role),
            bound: role == Role::Merchant,
            token: session.access_token,
            refresh_token: session.refresh_token,
        });
    }
    for scope in Permission::ALL.iter().copied() {
        let bindings: &[bool] = if scope.reach() == Reach::Merchant { &[false, true] } else { &[false] };
        for &bound in bindings {
            let created = app
                .gql(
                    Some(&owner.access_token),
                    "mutation($n: String!, $s: [Scope!]!, $m: ID) { apiClientCreate(input: {name: $n, scopes: $s, merchantId: $m}) {
                        apiClient { clientId } clientSecret userErrors { code message } } }",
                    json!({"n": format!("only {}", scope.as_str()), "s": [graphql_name(scope.as_str())],
                           "m": if bound { json!(merchant) } else { Value::Null }}),
                )
                .await;
            let client = &created["data"]["apiClientCreate"];
            assert_eq!(client["userErrors"], json!([]), "{created}");
            let token = app
                .client_token(
                    client["apiClient"]["clientId"].as_str().expect("client id"),
                    client["clientSecret"].as_str().expect("secret"),
                )
                .await;
            callers.push(Caller {
                label: format!("{}client of {}", if bound { "merchant-bound " } else { "" }, scope.as_str()),
                holds: Holds::Scopes(vec![scope]),
                bound,
                token,
                // A client has no refresh token: one that is not valid.
                refresh_token: "not-a-refresh-token".into(),
            });
        }
    }
    callers
}

#[tokio::test]
async fn every_operation_is_allowed_exactly_to_whom_the_access_table_grants_it() {
    // Hundreds of calls per partner client: no rate limit in the way.
    let app = TestApp::spawn_with(&[
        ("SILKPORT_RATE_LIMIT_CAPACITY", "100000000"),
        ("SILKPORT_RATE_LIMIT_PER_SECOND", "100000000"),
    ])
    .await;
    let (owner, seeded) = seed_alpha(&app).await;
    let merchant = seeded.ids["merchant"].as_str().expect("a merchant").to_owned();
    // A pending invitation of a merchant's, so listing invitations reads a merchant.
    app.gql(
        Some(&owner.access_token),
        "mutation($m: ID!) { memberInvite(input: {email: \"pending-m@alpha.example.com\", role: MERCHANT, merchantId: $m}) { userErrors { code } } }",
        json!({"m": merchant}),
    )
    .await;
    let callers = callers(&app, &owner, &merchant).await;
    let bindable = Permission::ALL.iter().filter(|p| p.reach() == Reach::Merchant).count();
    assert_eq!(callers.len(), Role::ALL.len() + Permission::ALL.len() + bindable, "every role and every scope");

    let mut mismatches = Vec::new();
    let mut unexpected = Vec::new();
    let (mut allowed, mut denied) = (0, 0);
    for (field, needs, document) in CONTEXTS.iter().flat_map(|ops| ops.iter()) {
        for (n, caller) in callers.iter().enumerate() {
            let mut variables = seeded.variables();
            variables["refreshToken"] = json!(caller.refresh_token);
            // Each caller invites other people: a second invitation of one
            // person is refused for what it is (ALREADY_INVITED), not for
            // want of a permission, and would hide the answer this checks.
            let document = document.replace("@alpha.example.com", &format!("+{field}-{n}@alpha.example.com"));
            let response = app.gql(Some(&caller.token), &document, variables).await;
            let expected = caller.may(*needs);
            let was_refused = refused(&response);
            if expected {
                allowed += 1
            } else {
                denied += 1
            }
            if expected == was_refused {
                mismatches.push(format!(
                    "{field} {needs:?} as {}: expected {}, was {}: {document}\n    {response}",
                    caller.label,
                    if expected { "allowed" } else { "refused" },
                    if was_refused { "refused" } else { "allowed" },
                ));
            } else if !unexpected_errors(&response).is_empty() {
                unexpected.push(format!("{field} as {}: {document}\n    {response}", caller.label));
            }
        }
    }
    assert!(allowed > 100 && denied > 100, "the matrix has both answers: {allowed} allowed, {denied} refused");
    assert!(
        mismatches.is_empty(),
        "{} answers differ from the access table:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert!(unexpected.is_empty(), "operations that did not run as written:\n{}", unexpected.join("\n"));
}
