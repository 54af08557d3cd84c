//! The reader's language end to end: the same bad request answers in the
//! language of its `Accept-Language` header (English by default), with
//! the same `code` and `field`; messages come from the server's catalogue.

use domain::platform::i18n::{Locale, Message};
use serde_json::{Value, json};
use silkport_tests::TestApp;

const SIGN_UP: &str =
    "mutation($i: TenantCreateInput!) { tenantCreate(input: $i) { accessToken userErrors { field code message } } }";
const INVITE: &str =
    "mutation($e: String!) { memberInvite(input: {email: $e, role: OPERATOR}) { userErrors { field code message } } }";

fn weak_sign_up(slug: &str) -> Value {
    json!({"i": {"tenantName": "Lang", "tenantSlug": slug, "name": "Li", "email": format!("owner@{slug}.example.com"), "password": "short1!"}})
}

fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The one user error of `payload`.
fn only_error(response: &Value, mutation: &str) -> Value {
    let errors = &response["data"][mutation]["userErrors"];
    assert_eq!(errors.as_array().map(Vec::len), Some(1), "{response}");
    errors[0].clone()
}

#[tokio::test]
async fn a_weak_password_is_refused_in_the_language_asked_for_with_the_same_code() {
    let app = TestApp::spawn().await;
    let expected = |locale| Message::new("identity-password-too-short").arg("min", 10_i64).render(locale);
    let cases = [
        (Some("zh-CN"), Locale::ZhCn),
        (Some("zh-Hans-CN,zh;q=0.9"), Locale::ZhCn),
        (Some("fr-CH, fr;q=0.9, zh;q=0.8, en;q=0.7"), Locale::ZhCn),
        (Some("en;q=0.5, zh"), Locale::ZhCn),
        (Some("en"), Locale::En),
        (Some("de-DE"), Locale::En),
        (None, Locale::En),
    ];
    for (i, (header, locale)) in cases.into_iter().enumerate() {
        let response = app.gql_in(header, None, SIGN_UP, weak_sign_up(&format!("lang-weak-{i}"))).await;
        let error = only_error(&response, "tenantCreate");
        assert_eq!(error["code"], "WEAK_PASSWORD", "{header:?}: {error}");
        assert_eq!(error["field"], json!(["input", "password"]), "{header:?}: {error}");
        assert_eq!(error["message"], expected(locale), "{header:?}");
    }
    assert!(has_chinese(&expected(Locale::ZhCn)), "the catalogue has a Chinese text: {}", expected(Locale::ZhCn));
    assert!(expected(Locale::En).contains("10 characters"), "{}", expected(Locale::En));
}

#[tokio::test]
async fn inviting_an_existing_member_says_so_in_chinese_or_english() {
    let app = TestApp::spawn().await;
    let owner = app.signup("lang-invite").await;
    let zh = app.gql_in(Some("zh-CN"), Some(&owner.access_token), INVITE, json!({"e": owner.email})).await;
    let en = app.gql_in(Some("en-GB"), Some(&owner.access_token), INVITE, json!({"e": owner.email})).await;
    let (zh, en) = (only_error(&zh, "memberInvite"), only_error(&en, "memberInvite"));
    assert_eq!(zh["code"], "ALREADY_MEMBER");
    assert_eq!((&zh["code"], &zh["field"]), (&en["code"], &en["field"]), "only the words differ");
    assert_eq!(zh["message"], Message::new("identity-already-member").render(Locale::ZhCn));
    assert_eq!(en["message"], "This person is already a member.");
    assert!(has_chinese(zh["message"].as_str().unwrap_or_default()), "{zh}");
}

#[tokio::test]
async fn messages_with_arguments_and_graphql_errors_are_localised_too() {
    let app = TestApp::spawn().await;
    let owner = app.signup("lang-args").await;
    let zone = "mutation { tenantUpdate(input: {timezone: \"Mars/Olympus\"}) { userErrors { field code message } } }";
    let zh = app.gql_in(Some("zh-CN"), Some(&owner.access_token), zone, json!({})).await;
    let error = only_error(&zh, "tenantUpdate");
    assert_eq!(error["code"], "INVALID");
    let message = error["message"].as_str().unwrap_or_default();
    assert!(message.contains("Mars/Olympus") && has_chinese(message), "the argument in a Chinese sentence: {message}");

    // Not a user error: UNAUTHENTICATED, worded in the request's language.
    let anonymous = app.gql_in(Some("zh-CN"), None, "{ tenant { id } }", json!({})).await;
    let error = &anonymous["errors"][0];
    assert_eq!(error["extensions"]["code"], "UNAUTHENTICATED", "{anonymous}");
    assert_eq!(error["message"], Message::new("platform-unauthenticated").render(Locale::ZhCn), "{anonymous}");
    let english = app.gql(None, "{ tenant { id } }", json!({})).await;
    assert_eq!(english["errors"][0]["message"], Message::new("platform-unauthenticated").render(Locale::En));

    // A user error raised as a GraphQL error (a query's bad argument).
    let bad =
        app.gql_in(Some("zh"), Some(&owner.access_token), "{ members(first: 999) { totalCount } }", json!({})).await;
    let error = &bad["errors"][0];
    assert_eq!(error["extensions"]["code"], "BAD_USER_INPUT", "{bad}");
    let expected = Message::new("platform-page-size").arg("field", "first").arg("max", 250_i64).render(Locale::ZhCn);
    assert_eq!(error["message"], expected, "{bad}");
}

/// The errors of the first answer to a subscription over graphql-ws whose
/// `connection_init` payload is `init`.
async fn subscription_errors(app: &TestApp, init: Value) -> Value {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::Message as Frame;
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;

    let mut request = format!("{}/graphql/ws", app.url.replacen("http", "ws", 1)).into_client_request().expect("url");
    request.headers_mut().insert("sec-websocket-protocol", "graphql-transport-ws".parse().expect("header"));
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.expect("websocket");
    let send = |value: Value| Frame::text(value.to_string());
    socket.send(send(json!({"type": "connection_init", "payload": init}))).await.expect("init");
    let query = "subscription { auditEntryAdded { action } }";
    let mut subscribed = false;
    loop {
        let frame = tokio::time::timeout(std::time::Duration::from_secs(10), socket.next())
            .await
            .expect("an answer within 10 s")
            .expect("socket open")
            .expect("frame");
        let Frame::Text(text) = frame else { continue };
        let value: Value = serde_json::from_str(&text).expect("json");
        match value["type"].as_str() {
            Some("connection_ack") if !subscribed => {
                subscribed = true;
                socket
                    .send(send(json!({"id": "1", "type": "subscribe", "payload": {"query": query}})))
                    .await
                    .expect("sub");
            }
            Some("error") => return value["payload"].clone(),
            Some("next") => return value["payload"]["errors"].clone(),
            _ => {}
        }
    }
}

#[tokio::test]
async fn a_subscription_error_speaks_the_language_of_connection_init() {
    let app = TestApp::spawn().await;
    let zh = subscription_errors(&app, json!({"accept-language": "zh-CN"})).await;
    assert_eq!(zh[0]["extensions"]["code"], "UNAUTHENTICATED", "{zh}");
    assert_eq!(zh[0]["message"], Message::new("platform-unauthenticated").render(Locale::ZhCn), "{zh}");
    let en = subscription_errors(&app, json!({})).await;
    assert_eq!(en[0]["message"], Message::new("platform-unauthenticated").render(Locale::En), "{en}");
}
