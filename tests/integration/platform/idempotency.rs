//! Idempotency keys: a retried creating mutation returns its first result,
//! concurrent retries run the work once, a reused key with a different
//! request is refused, keys belong to one principal, and expire.

use futures_util::future::join_all;
use serde_json::{Value, json};
use silkport_tests::{PASSWORD, TestApp};

const CREATE_CLIENT: &str = "mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) {
    apiClient { id clientId name } clientSecret userErrors { field code message } } }";

async fn post_with_key(app: &TestApp, token: &str, key: &str, query: &str, variables: Value) -> Value {
    app.http
        .post(format!("{}/graphql", app.url))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&json!({"query": query, "variables": variables}))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("json")
}

async fn count_actions(app: &TestApp, token: &str, action: &str) -> usize {
    let log = app.gql(Some(token), "{ auditLog(first: 250) { nodes { action } } }", json!({})).await;
    log["data"]["auditLog"]["nodes"].as_array().expect("entries").iter().filter(|e| e["action"] == action).count()
}

#[tokio::test]
async fn concurrent_retries_with_one_key_create_one_client_and_return_it_to_all() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let input = json!({"input": {"name": "ERP", "scopes": ["TENANT_READ"], "idempotencyKey": "create-erp-1"}});
    let tries = (0..16).map(|_| app.gql(Some(&owner.access_token), CREATE_CLIENT, input.clone()));
    let answers: Vec<Value> = join_all(tries).await;
    let first = &answers[0]["data"]["apiClientCreate"];
    assert_eq!(first["userErrors"], json!([]), "{}", answers[0]);
    for answer in &answers {
        let payload = &answer["data"]["apiClientCreate"];
        assert_eq!(payload["apiClient"], first["apiClient"], "every retry gets the first client: {answer}");
        assert_eq!(payload["clientSecret"], first["clientSecret"], "and its secret");
    }
    let listed = app.gql(Some(&owner.access_token), "{ apiClients(first: 50) { totalCount } }", json!({})).await;
    assert_eq!(listed["data"]["apiClients"]["totalCount"], 1, "created once");
    assert_eq!(count_actions(&app, &owner.access_token, "api_client.create").await, 1, "audited once");
    let secret = first["clientSecret"].as_str().expect("secret");
    let token = app.client_token(first["apiClient"]["clientId"].as_str().expect("id"), secret).await;
    assert!(!token.is_empty(), "the replayed secret works");
}

#[tokio::test]
async fn a_reused_key_with_another_request_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let key = "same-key";
    let first = app
        .gql(
            Some(&owner.access_token),
            CREATE_CLIENT,
            json!({"input": {"name": "ERP", "scopes": ["TENANT_READ"], "idempotencyKey": key}}),
        )
        .await;
    assert_eq!(first["data"]["apiClientCreate"]["userErrors"], json!([]), "{first}");
    let other = app
        .gql(
            Some(&owner.access_token),
            CREATE_CLIENT,
            json!({"input": {"name": "WMS", "scopes": ["TENANT_READ"], "idempotencyKey": key}}),
        )
        .await;
    let error = &other["data"]["apiClientCreate"]["userErrors"][0];
    assert_eq!(error["code"], "IDEMPOTENCY_KEY_REUSED", "{other}");
    assert_eq!(error["field"], json!(["input", "idempotencyKey"]));
    assert_eq!(other["data"]["apiClientCreate"]["apiClient"], Value::Null);
    let listed = app.gql(Some(&owner.access_token), "{ apiClients(first: 50) { totalCount } }", json!({})).await;
    assert_eq!(listed["data"]["apiClients"]["totalCount"], 1);

    let both = post_with_key(
        &app,
        &owner.access_token,
        "header-key",
        CREATE_CLIENT,
        json!({"input": {"name": "X", "scopes": ["TENANT_READ"], "idempotencyKey": "field-key"}}),
    )
    .await;
    assert_eq!(both["data"]["apiClientCreate"]["userErrors"][0]["field"], json!(["input", "idempotencyKey"]), "{both}");
    let blank = app
        .gql(
            Some(&owner.access_token),
            CREATE_CLIENT,
            json!({"input": {"name": "X", "scopes": ["TENANT_READ"], "idempotencyKey": "has space"}}),
        )
        .await;
    assert_eq!(blank["data"]["apiClientCreate"]["userErrors"][0]["code"], "INVALID", "{blank}");
}

#[tokio::test]
async fn the_header_works_and_each_principal_has_its_own_keys() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let admin = app.member(&owner, "admin@alpha.example.com", "ADMIN").await;
    let invite = "mutation($e: String!) { memberInvite(input: {email: $e, role: VIEWER}) { invitation { id } userErrors { code } } }";
    let vars = json!({"e": "new@alpha.example.com"});
    let tries = (0..8).map(|_| post_with_key(&app, &owner.access_token, "invite-new", invite, vars.clone()));
    let answers = join_all(tries).await;
    let first = answers[0]["data"]["memberInvite"]["invitation"]["id"].clone();
    assert!(first.is_string(), "{}", answers[0]);
    assert!(answers.iter().all(|a| a["data"]["memberInvite"]["invitation"]["id"] == first), "{answers:?}");
    // The same key for another person: were keys shared, this would replay the owner's
    // invitation or be refused as a reused key. (Another address: one person is invited once.)
    let by_admin =
        post_with_key(&app, &admin.access_token, "invite-new", invite, json!({"e": "other@alpha.example.com"})).await;
    let second = &by_admin["data"]["memberInvite"]["invitation"]["id"];
    assert!(second.is_string() && *second != first, "another principal's key is its own: {by_admin}");
    let listed = app.gql(Some(&owner.access_token), "{ invitations(first: 50) { totalCount } }", json!({})).await;
    assert_eq!(listed["data"]["invitations"]["totalCount"], 2, "one for the owner's key, one for the admin's");
    let mails = app.gql(Some(&owner.access_token), "{ jobs(first: 50) { nodes { kind } } }", json!({})).await;
    let sent =
        mails["data"]["jobs"]["nodes"].as_array().expect("jobs").iter().filter(|j| j["kind"] == "email.send").count();
    assert_eq!(sent, 4, "the owner's sign-up confirmation, the admin's invitation, one mail per invitation");
}

#[tokio::test]
async fn an_expired_key_runs_again() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let input = json!({"input": {"name": "ERP", "scopes": ["TENANT_READ"], "idempotencyKey": "old-key"}});
    let first = app.gql(Some(&owner.access_token), CREATE_CLIENT, input.clone()).await;
    use sea_orm::ConnectionTrait;
    let conn = sea_orm::Database::connect(app.db.owner_url.as_str()).await.expect("owner");
    let past = match conn.get_database_backend() {
        sea_orm::DbBackend::Postgres => "now() - interval '1 hour'",
        _ => "'2000-01-01 00:00:00+00:00'",
    };
    conn.execute_unprepared(&format!("UPDATE idempotency_keys SET expires_at = {past}")).await.expect("expire keys");
    let again = app.gql(Some(&owner.access_token), CREATE_CLIENT, input).await;
    assert_ne!(
        again["data"]["apiClientCreate"]["apiClient"]["id"], first["data"]["apiClientCreate"]["apiClient"]["id"],
        "{again}"
    );
}

const SIGNUP: &str = "mutation($input: TenantCreateInput!) { tenantCreate(input: $input) {
    accessToken mailSent viewer { tenant { id slug } role } userErrors { field code message } } }";

fn signup_input(name: &str, password: &str) -> Value {
    json!({"input": {"tenantName": "Omega", "tenantSlug": "omega", "name": name, "email": "o@omega.example.com",
                     "password": password, "idempotencyKey": "signup-omega"}})
}

#[tokio::test]
async fn a_retried_sign_up_sends_one_link_and_then_signs_the_owner_into_the_one_tenant_it_made() {
    let app = TestApp::spawn().await;
    let tries = (0..8).map(|_| app.gql_patiently(None, SIGNUP, signup_input("O", PASSWORD)));
    let answers: Vec<Value> = join_all(tries).await;
    for answer in &answers {
        let payload = &answer["data"]["tenantCreate"];
        assert_eq!(payload["userErrors"], json!([]), "{answer}");
        assert_eq!((&payload["mailSent"], &payload["accessToken"]), (&json!(true), &Value::Null), "{answer}");
    }
    let links = app.mail_link_tokens("o@omega.example.com", "/confirm-signup").await;
    assert_eq!(links.len(), 1, "one confirmation mail for eight tries");
    let owner = app.confirm_signup("o@omega.example.com").await;

    let again = app.gql(None, SIGNUP, signup_input("O", PASSWORD)).await;
    let payload = &again["data"]["tenantCreate"];
    assert_eq!(payload["viewer"]["tenant"]["id"], owner.tenant_id.as_str(), "the retry signs in to the one tenant");
    assert_eq!(payload["viewer"]["role"], "OWNER");
    let token = payload["accessToken"].as_str().expect("a session once confirmed");
    let members = app.gql(Some(token), "{ members(first: 5) { totalCount } }", json!({})).await;
    assert_eq!(members["data"]["members"]["totalCount"], 1, "{members}");

    let wrong_password = app.gql(None, SIGNUP, signup_input("O", "not-the-password-9")).await;
    assert_eq!(
        wrong_password["data"]["tenantCreate"]["userErrors"][0]["code"], "INVALID_CREDENTIALS",
        "{wrong_password}"
    );
    assert_eq!(wrong_password["data"]["tenantCreate"]["accessToken"], Value::Null);
    let other = app.gql(None, SIGNUP, signup_input("Someone else", PASSWORD)).await;
    assert_eq!(other["data"]["tenantCreate"]["userErrors"][0]["code"], "IDEMPOTENCY_KEY_REUSED", "{other}");
}
