//! Bounded work per request: a document with too many directives, aliases
//! or (expanded) selections, nested too deep, or introspecting the schema
//! in circles gets one short coded error; any document gets at most 50
//! errors; the standard introspection query still passes.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use silkport_tests::TestApp;

/// POSTs a raw query; the body's size in bytes, the time taken and the JSON.
async fn send(app: &TestApp, token: Option<&str>, query: &str) -> (usize, Duration, Value) {
    let started = Instant::now();
    let mut request = app.http.post(format!("{}/graphql", app.url)).json(&json!({"query": query}));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let body = request.send().await.expect("POST").bytes().await.expect("body");
    (body.len(), started.elapsed(), serde_json::from_slice(&body).expect("JSON"))
}

fn one_error(answer: &Value, says: &str) {
    let errors = answer["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "one error: {answer}");
    assert_eq!(errors[0]["extensions"]["code"], "GRAPHQL_VALIDATION_FAILED", "{answer}");
    assert!(errors[0]["message"].as_str().is_some_and(|m| m.contains(says)), "{says}: {answer}");
    assert!(answer.get("data").is_none(), "nothing ran: {answer}");
}

#[tokio::test]
async fn a_document_over_a_limit_gets_one_short_error() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());

    // 80,000 directives on one field: 240 KB, under the body limit.
    let directives = format!("{{ viewer {} {{ role }} }}", "@a ".repeat(80_000));
    let (size, _, answer) = send(&app, token, &directives).await;
    one_error(&answer, "directives");
    assert!(size < 1_000, "a short answer, not one error per directive: {size} bytes");

    let aliases = (0..5_000).map(|i| format!("a{i}: __typename")).collect::<Vec<_>>().join(" ");
    let (size, _, answer) = send(&app, token, &format!("{{ {aliases} }}")).await;
    one_error(&answer, "aliases");
    assert!(size < 1_000, "{size} bytes");

    let fields = format!("{{ {} }}", "__typename ".repeat(20_000));
    one_error(&send(&app, token, &fields).await.2, "more than 2000 fields");

    // Each fragment spreads the next one twice: 2^30 fields once expanded.
    let mut bomb = String::from("{ ...F0 }");
    for i in 0..30 {
        bomb.push_str(&format!(" fragment F{i} on QueryRoot {{ ...F{next} ...F{next} }}", next = i + 1));
    }
    bomb.push_str(" fragment F30 on QueryRoot { __typename }");
    let (_, took, answer) = send(&app, token, &bomb).await;
    one_error(&answer, "more than 2000 fields");
    assert!(took < Duration::from_secs(2), "refused before any walk expands it: {took:?}");

    let circular = "{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }";
    one_error(&send(&app, token, circular).await.2, "Introspection is nested too deep");

    assert!(app.healthy().await);
    let viewer = app.gql(token, "{ viewer { role } }", json!({})).await;
    assert_eq!(viewer["data"]["viewer"]["role"], "OWNER", "the server keeps serving");
}

#[tokio::test]
async fn a_document_with_many_faults_gets_at_most_fifty_errors() {
    let app = TestApp::spawn().await;
    let unknown = (0..1_000).map(|i| format!("f{i}")).collect::<Vec<_>>().join(" ");
    let (size, _, answer) = send(&app, None, &format!("{{ {unknown} }}")).await;
    let errors = answer["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 50, "{size} bytes");
    assert_eq!(errors[49]["message"], "951 more errors left out.");
    assert!(errors.iter().all(|e| e["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"), "{answer}");
}

#[tokio::test]
async fn the_depth_limit_stops_deep_data_queries_but_not_introspection() {
    let app = TestApp::spawn_with(&[("SILKPORT_MAX_QUERY_DEPTH", "4")]).await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());

    let (_, _, fits) = send(&app, token, "{ members(first: 1) { nodes { user { name } } } }").await;
    assert_eq!(fits["data"]["members"]["nodes"][0]["user"]["name"], "Owner", "{fits}");
    let (_, _, deep) = send(&app, token, "{ members(first: 1) { edges { node { user { name } } } } }").await;
    one_error(&deep, "nested too deep");
    let through_fragment =
        "{ members(first: 1) { ...M } } fragment M on MemberConnection { edges { node { user { name } } } }";
    one_error(&send(&app, token, through_fragment).await.2, "nested too deep");

    let type_ref = format!(
        "{{ __schema {{ types {{ fields {{ type {{ {} name {} }} }} }} }} }}",
        "ofType { ".repeat(8),
        "} ".repeat(8)
    );
    let (_, _, introspection) = send(&app, token, &type_ref).await;
    assert!(introspection["errors"].is_null(), "introspection has its own rule: {introspection}");
}
