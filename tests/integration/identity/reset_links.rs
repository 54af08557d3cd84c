//! Password reset links (issue 6, §5, §6, §20): a reset voids every other
//! link and every session of the user; a used link says so; one link resets
//! once even when used concurrently; links expire after an hour; reset
//! mails are capped per address and requests take the same time whether or
//! not the address has an account.

use std::time::{Duration, Instant};

use futures_util::future::join_all;
use serde_json::{Value, json};
use silkport_tests::{PASSWORD, TestApp};

const REQUEST: &str = "mutation($e: String!) { passwordResetRequest(input: {email: $e}) { userErrors { code } } }";
const RESET: &str = "mutation($t: String!, $p: String!) { passwordReset(input: {token: $t, password: $p}) { userErrors { code message } } }";

async fn request(app: &TestApp, email: &str) -> Value {
    app.gql(None, REQUEST, json!({"e": email})).await
}

fn reset_code(response: &Value) -> Option<String> {
    response["data"]["passwordReset"]["userErrors"][0]["code"].as_str().map(str::to_owned)
}

#[tokio::test]
async fn a_reset_voids_the_older_links_and_every_session() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    request(&app, &owner.email).await;
    request(&app, &owner.email).await;
    let links = app.mail_link_tokens(&owner.email, "/reset-password").await;
    assert_eq!(links.len(), 2, "two requests, two links");
    let done = app.gql(None, RESET, json!({"t": links[1], "p": "newer-link-pass-1"})).await;
    assert_eq!(reset_code(&done), None, "{done}");
    let older = app.gql(None, RESET, json!({"t": links[0], "p": "older-link-pass-1"})).await;
    assert_eq!(reset_code(&older).as_deref(), Some("LINK_USED"), "the older link still worked: {older}");
    let signed_in = app.login(&owner.email, "newer-link-pass-1", None).await;
    assert!(signed_in["data"]["sessionCreate"]["accessToken"].is_string(), "{signed_in}");
    let refresh = app
        .gql(
            None,
            "mutation($r: String!) { sessionRefresh(input: {refreshToken: $r}) { accessToken } }",
            json!({"r": owner.refresh_token}),
        )
        .await;
    assert_eq!(refresh["data"]["sessionRefresh"]["accessToken"], Value::Null, "the old session survived");
}

#[tokio::test]
async fn one_link_used_concurrently_resets_once() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    request(&app, &owner.email).await;
    let link = app.mail_link_token(&owner.email, "/reset-password").await;
    let uses = (0..10).map(|i| {
        let app = &app;
        let link = link.clone();
        async move { app.gql(None, RESET, json!({"t": link, "p": format!("raced-password-{i}")})).await }
    });
    let answers = join_all(uses).await;
    let throttled = answers.iter().filter(|a| a["errors"][0]["extensions"]["code"] == "THROTTLED").count();
    let succeeded = answers.iter().filter(|a| a["data"]["passwordReset"]["userErrors"] == json!([])).count();
    let used = answers.iter().filter(|a| reset_code(a).as_deref() == Some("LINK_USED")).count();
    assert_eq!(succeeded, 1, "one link reset the password {succeeded} times: {answers:?}");
    assert_eq!(used + throttled, 9, "{answers:?}");
}

#[tokio::test]
async fn a_link_expires_after_an_hour() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    request(&app, &owner.email).await;
    let link = app.mail_link_token(&owner.email, "/reset-password").await;
    domain::platform::clock::advance(chrono::Duration::minutes(61));
    let late = app.gql(None, RESET, json!({"t": link, "p": "too-late-pass-1"})).await;
    assert_eq!(reset_code(&late).as_deref(), Some("EXPIRED"), "{late}");
    let old = app.login(&owner.email, PASSWORD, None).await;
    assert!(old["data"]["sessionCreate"]["accessToken"].is_string(), "nothing changed: {old}");
}

#[tokio::test]
async fn reset_mails_are_capped_per_address_with_the_same_answer() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let answers = join_all((0..30).map(|_| request(&app, &owner.email))).await;
    for answer in &answers {
        assert_eq!(answer["data"]["passwordResetRequest"]["userErrors"], json!([]), "{answer}");
    }
    let sent = app.mail_link_tokens(&owner.email, "/reset-password").await.len();
    assert_eq!(sent, 3, "thirty requests for one address sent {sent} mails");
    domain::platform::clock::advance(chrono::Duration::minutes(61));
    request(&app, &owner.email).await;
    assert_eq!(app.mail_link_tokens(&owner.email, "/reset-password").await.len(), 4, "the cap is per hour");
}

#[tokio::test]
async fn reset_requests_take_the_same_time_whether_or_not_the_address_exists() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        request(&app, &owner.email).await;
        known.push(started.elapsed());
        let started = Instant::now();
        request(&app, "nobody@alpha.example.com").await;
        unknown.push(started.elapsed());
    }
    known.sort();
    unknown.sort();
    let (k, u) = (known[1], unknown[1]);
    let gap = k.abs_diff(u);
    assert!(gap < Duration::from_millis(100), "median {k:?} for a known address, {u:?} for an unknown one");
    assert!(u >= Duration::from_millis(250), "an unknown address answers early: {u:?}");
}

#[tokio::test]
async fn a_reset_ends_access_tokens_already_issued_at_once() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let before = app.gql(Some(&owner.access_token), "{ viewer { role } }", json!({})).await;
    assert_eq!(before["data"]["viewer"]["role"], "OWNER", "{before}");
    // Tokens carry whole seconds: the reset comes a second after the token.
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    request(&app, &owner.email).await;
    let link = app.mail_link_token(&owner.email, "/reset-password").await;
    let done = app.gql(None, RESET, json!({"t": link, "p": "after-reset-pass-1"})).await;
    assert_eq!(reset_code(&done), None, "{done}");
    let read = app.gql(Some(&owner.access_token), "{ viewer { role } }", json!({})).await;
    assert_eq!(read["errors"][0]["extensions"]["code"], "UNAUTHENTICATED", "a read with the old token: {read}");
    let write = app
        .gql(
            Some(&owner.access_token),
            "mutation { tenantUpdate(input: {name: \"Taken over\"}) { userErrors { code } } }",
            json!({}),
        )
        .await;
    assert_eq!(write["errors"][0]["extensions"]["code"], "UNAUTHENTICATED", "a write with the old token: {write}");
    let fresh = app.login(&owner.email, "after-reset-pass-1", None).await;
    let token = fresh["data"]["sessionCreate"]["accessToken"].as_str().expect("a new session");
    let now = app.gql(Some(token), "{ viewer { role } }", json!({})).await;
    assert_eq!(now["data"]["viewer"]["role"], "OWNER", "a token issued after the reset works: {now}");
}
