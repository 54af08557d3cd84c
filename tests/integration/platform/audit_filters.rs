//! The audit log as an activity feed: filters by actor, action and time,
//! run on the server within the tenant; totals and page offsets for page
//! numbers; actors by their present name.

use serde_json::{Value, json};
use silkport_tests::{Session, TestApp};

const LOG: &str = "query($filter: AuditLogFilter, $first: Int, $offset: Int) {
    auditLog(first: $first, offset: $offset, filter: $filter) {
        totalCount pageInfo { hasNextPage hasPreviousPage }
        nodes { id at action actor { id label name } } } }";

async fn log(app: &TestApp, token: &str, variables: Value) -> Value {
    let answer = app.gql(Some(token), LOG, variables).await;
    assert!(answer["errors"].is_null(), "{answer}");
    answer["data"]["auditLog"].clone()
}

fn actions(connection: &Value) -> Vec<String> {
    connection["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["action"].as_str().expect("action").to_owned())
        .collect()
}

/// A tenant whose owner and admin have both done things.
async fn busy_tenant(app: &TestApp) -> (Session, Session, String) {
    let owner = app.signup("alpha").await;
    let admin = app.member(&owner, "admin@alpha.example.com", "ADMIN").await;
    for email in ["a@example.com", "b@example.com"] {
        let invite = format!(
            "mutation {{ memberInvite(input: {{email: \"{email}\", role: VIEWER}}) {{ userErrors {{ code }} }} }}"
        );
        app.gql(Some(&admin.access_token), &invite, json!({})).await;
    }
    app.gql(
        Some(&owner.access_token),
        "mutation { tenantUpdate(input: {name: \"Alpha Trading\"}) { userErrors { code } } }",
        json!({}),
    )
    .await;
    let me = app.gql(Some(&admin.access_token), "{ viewer { user { id } } }", json!({})).await;
    let admin_id = me["data"]["viewer"]["user"]["id"].as_str().expect("admin id").to_owned();
    (owner, admin, admin_id)
}

#[tokio::test]
async fn filters_narrow_the_log_and_the_total_counts_what_they_keep() {
    let app = TestApp::spawn().await;
    let (owner, _, admin_id) = busy_tenant(&app).await;
    let t = owner.access_token.as_str();
    let everything = log(&app, t, json!({"first": 250})).await;
    let all = everything["nodes"].as_array().expect("nodes").clone();
    assert_eq!(everything["totalCount"], all.len(), "{everything}");

    let by_admin = log(&app, t, json!({"first": 250, "filter": {"actorId": admin_id}})).await;
    let expected: Vec<&Value> = all.iter().filter(|e| e["actor"]["id"] == admin_id.as_str()).collect();
    assert!(expected.len() >= 3, "the admin joined and invited twice: {everything}");
    assert_eq!(by_admin["nodes"].as_array().expect("nodes").iter().collect::<Vec<_>>(), expected);
    assert_eq!(by_admin["totalCount"], expected.len());

    let invites = log(&app, t, json!({"first": 250, "filter": {"actions": ["member.invite", "tenant.update"]}})).await;
    let kept = actions(&invites);
    assert_eq!(kept, ["tenant.update", "member.invite", "member.invite", "member.invite"], "{invites}");
    assert_eq!(invites["totalCount"], 4);

    let both = log(&app, t, json!({"first": 250, "filter": {"actorId": admin_id, "actions": ["member.invite"]}})).await;
    assert_eq!(actions(&both), ["member.invite", "member.invite"], "criteria add up");

    // A window [since, until) over the times of the entries themselves.
    let times: Vec<&str> = all.iter().map(|e| e["at"].as_str().expect("at")).collect();
    let (newest, oldest) = (times[0], times[times.len() - 1]);
    let inside = log(&app, t, json!({"first": 250, "filter": {"since": oldest, "until": newest}})).await;
    let expected: Vec<&Value> =
        all.iter().filter(|e| e["at"].as_str() >= Some(oldest) && e["at"].as_str() < Some(newest)).collect();
    assert!(!expected.is_empty() && expected.len() < all.len(), "the window cuts the log: {times:?}");
    assert_eq!(
        inside["nodes"].as_array().expect("nodes").iter().collect::<Vec<_>>(),
        expected,
        "since is inclusive, until exclusive"
    );
    assert_eq!(inside["totalCount"], expected.len());
    let later = log(&app, t, json!({"first": 250, "filter": {"since": "2999-01-01T00:00:00Z"}})).await;
    assert_eq!(later["totalCount"], 0);
    assert_eq!(later["nodes"], json!([]));
}

#[tokio::test]
async fn pages_by_number_follow_the_listing_order() {
    let app = TestApp::spawn().await;
    let (owner, _, _) = busy_tenant(&app).await;
    let t = owner.access_token.as_str();
    let all = log(&app, t, json!({"first": 250})).await;
    let ids: Vec<&Value> = all["nodes"].as_array().expect("nodes").iter().map(|n| &n["id"]).collect();
    assert!(ids.len() >= 5, "{all}");
    let page2 = log(&app, t, json!({"first": 2, "offset": 2})).await;
    let got: Vec<&Value> = page2["nodes"].as_array().expect("nodes").iter().map(|n| &n["id"]).collect();
    assert_eq!(got, ids[2..4], "page 2 of size 2 holds the 3rd and 4th entries");
    assert_eq!(page2["pageInfo"], json!({"hasNextPage": true, "hasPreviousPage": true}));
    assert_eq!(page2["totalCount"], ids.len(), "the total does not depend on the page");
    let last = log(&app, t, json!({"first": 2, "offset": ids.len() - 1})).await;
    assert_eq!(last["nodes"].as_array().map(Vec::len), Some(1));
    assert_eq!(last["pageInfo"]["hasNextPage"], false);
    let filtered = log(&app, t, json!({"first": 1, "offset": 1, "filter": {"actions": ["member.invite"]}})).await;
    assert_eq!(filtered["totalCount"], 3);
    assert_eq!(actions(&filtered), ["member.invite"]);
}

#[tokio::test]
async fn actors_are_named_as_they_are_called_now() {
    let app = TestApp::spawn().await;
    let (owner, admin, admin_id) = busy_tenant(&app).await;
    let entries = log(&app, &owner.access_token, json!({"first": 250, "filter": {"actorId": admin_id}})).await;
    for entry in entries["nodes"].as_array().expect("nodes") {
        assert_eq!(entry["actor"]["name"], "New Member", "the admin's display name: {entry}");
        assert_eq!(entry["actor"]["label"], admin.email, "the label stays the email of the time");
    }
    let client = app.partner_token(&owner, "MEMBERS_WRITE").await;
    let invite = "mutation { memberInvite(input: {email: \"c@example.com\", role: VIEWER}) { userErrors { code } } }";
    app.gql(Some(&client), invite, json!({})).await;
    let newest = log(&app, &owner.access_token, json!({"first": 1})).await;
    let actor = &newest["nodes"][0]["actor"];
    assert_eq!(actor["label"], "API client Partner", "{newest}");
    assert_eq!(actor["name"], actor["label"], "a partner client is called by its label");
}

#[tokio::test]
async fn bad_filters_and_offsets_are_refused_clearly() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let cases = [
        (json!({"filter": {"since": "2030-01-02T00:00:00Z", "until": "2030-01-01T00:00:00Z"}}), "until"),
        (
            json!({"filter": {"actorId": "gid://silkport/Merchant/0190c7a4-0000-7000-8000-000000000000"}}),
            "User or ApiClient",
        ),
        (json!({"filter": {"actions": vec!["member.invite"; 51]}}), "50"),
        (json!({"offset": -1}), "offset"),
        (json!({"offset": 100_001}), "offset"),
    ];
    for (variables, words) in cases {
        let answer = app.gql(Some(&owner.access_token), LOG, variables.clone()).await;
        let error = &answer["errors"][0];
        assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{variables}: {answer}");
        assert!(error["message"].as_str().is_some_and(|m| m.contains(words)), "{variables}: {answer}");
    }
    let backwards =
        app.gql(Some(&owner.access_token), "{ auditLog(last: 5, offset: 5) { nodes { id } } }", json!({})).await;
    assert_eq!(backwards["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{backwards}");
}

#[tokio::test]
async fn another_tenants_people_and_actions_find_nothing_here() {
    let app = TestApp::spawn().await;
    let (_, _, admin_id) = busy_tenant(&app).await;
    let beta = app.signup("beta").await;
    let theirs = log(&app, &beta.access_token, json!({"first": 250, "filter": {"actorId": admin_id}})).await;
    assert_eq!(theirs["totalCount"], 0, "{theirs}");
    assert_eq!(theirs["nodes"], json!([]));
    let invites = log(&app, &beta.access_token, json!({"first": 250, "filter": {"actions": ["member.invite"]}})).await;
    assert_eq!(invites["totalCount"], 0, "beta invited nobody: {invites}");
}
