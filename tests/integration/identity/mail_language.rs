//! Mail in the recipient's language with times in the tenant's zone, as
//! queued for the mail job (the SMTP path is `email.rs`).

use chrono::{Duration, Utc};
use domain::platform::i18n::{Locale, Message, zoned_time};
use serde_json::{Value, json};
use silkport_tests::TestApp;

const SIGN_UP: &str =
    "mutation($i: TenantCreateInput!) { tenantCreate(input: $i) { mailSent userErrors { message } } }";
const RESET: &str = "mutation($e: String!) { passwordResetRequest(input: {email: $e}) { userErrors { code } } }";

/// Signs up `email` with `locale` in a tenant of `timezone`, asks for a
/// reset link in English (the asker's language must not matter), and
/// returns the queued mail with the times the expiry can show.
async fn reset_mail(app: &TestApp, slug: &str, locale: &str, timezone: &str) -> (Value, [String; 2]) {
    let email = format!("owner@{slug}.example.com");
    app.signup_with(json!({"tenantName": "丝路仓 Silk", "tenantSlug": slug, "name": "王芳", "email": email,
                           "password": "correct-horse-42", "locale": locale, "timezone": timezone}))
        .await;
    let before = Utc::now();
    let asked = app.gql_in(Some("en"), None, RESET, json!({"e": email})).await;
    let after = Utc::now();
    assert_eq!(asked["data"]["passwordResetRequest"]["userErrors"], json!([]), "{asked}");
    let mail = app.queued_mails(&email).await.pop().expect("a reset mail was queued");
    let ttl = Duration::hours(1);
    (mail, [zoned_time(before + ttl, timezone), zoned_time(after + ttl, timezone)])
}

#[tokio::test]
async fn a_chinese_users_reset_mail_is_in_chinese_with_the_expiry_in_the_tenants_zone() {
    let app = TestApp::spawn().await;
    let (mail, expiry) = reset_mail(&app, "zh-reset", "ZH_CN", "Asia/Shanghai").await;
    let text = mail["text"].as_str().unwrap_or_default();
    let html = mail["html"].as_str().unwrap_or_default();
    assert_eq!(mail["locale"], "zh-CN");
    assert_eq!(mail["subject"], Message::new("identity-password-reset-subject").render(Locale::ZhCn));
    assert!(text.contains(&Message::new("identity-password-reset-intro").render(Locale::ZhCn)), "{text}");
    assert!(expiry.iter().any(|e| text.contains(e.as_str())), "expiry {expiry:?} in Shanghai time: {text}");
    assert!(text.contains("GMT+8 (Asia/Shanghai)"), "{text}");
    assert!(html.contains("<html lang=\"zh-CN\">") && html.contains("GMT+8"), "{html}");
    assert!(text.contains(&format!("{}/reset-password?token=", app.url)), "{text}");
}

#[tokio::test]
async fn an_english_users_reset_mail_is_in_english_in_their_tenants_zone() {
    let app = TestApp::spawn().await;
    let (mail, expiry) = reset_mail(&app, "en-reset", "EN", "America/New_York").await;
    let text = mail["text"].as_str().unwrap_or_default();
    assert_eq!(mail["locale"], "en");
    assert_eq!(mail["subject"], "Reset your Silkport password");
    assert!(expiry.iter().any(|e| text.contains(e.as_str())), "expiry {expiry:?} in New York time: {text}");
    assert!(text.contains("(America/New_York)"), "{text}");
}

#[tokio::test]
async fn the_sign_up_confirmation_is_in_the_new_owners_language_and_the_tenants_zone() {
    let app = TestApp::spawn().await;
    let email = "owner@zh-confirm.example.com";
    let input = json!({"tenantName": "丝路仓 Silk", "tenantSlug": "zh-confirm", "name": "王芳", "email": email,
                       "password": "correct-horse-42", "locale": "ZH_CN", "timezone": "Asia/Shanghai"});
    let before = Utc::now();
    let answer = app.gql_in(Some("en"), None, SIGN_UP, json!({"i": input})).await;
    let after = Utc::now();
    assert_eq!(answer["data"]["tenantCreate"]["mailSent"], true, "{answer}");
    let mail = app.queued_mails(email).await.pop().expect("a confirmation mail was queued");
    let text = mail["text"].as_str().unwrap_or_default();
    assert_eq!(mail["locale"], "zh-CN");
    assert_eq!(
        mail["subject"],
        Message::new("identity-signup-confirm-subject").arg("tenant", "丝路仓 Silk").render(Locale::ZhCn)
    );
    let ttl = Duration::hours(24);
    let expiry = [zoned_time(before + ttl, "Asia/Shanghai"), zoned_time(after + ttl, "Asia/Shanghai")];
    assert!(expiry.iter().any(|e| text.contains(e.as_str())), "expiry {expiry:?} in Shanghai time: {text}");
    assert!(text.contains(&format!("{}/confirm-signup?token=", app.url)), "{text}");
}

#[tokio::test]
async fn a_person_who_switches_to_english_gets_their_next_mail_in_english() {
    let app = TestApp::spawn().await;
    let email = "owner@switch.example.com";
    let owner = app
        .signup_with(json!({"tenantName": "丝路仓 Silk", "tenantSlug": "switch", "name": "王芳", "email": email,
                            "password": "correct-horse-42", "locale": "ZH_CN"}))
        .await;
    let switch = "mutation($l: Locale!) { accountUpdate(input: {locale: $l}) { user { locale } userErrors { code } } }";
    let switched = app.gql(Some(&owner.access_token), switch, json!({"l": "EN"})).await;
    assert_eq!(switched["data"]["accountUpdate"]["user"]["locale"], "EN", "{switched}");
    app.gql(None, RESET, json!({"e": email})).await;
    let mail = app.queued_mails(email).await.pop().expect("a reset mail");
    assert_eq!(mail["locale"], "en", "{mail}");
    assert_eq!(mail["subject"], "Reset your Silkport password");

    let blank = app
        .gql(
            Some(&owner.access_token),
            "mutation { accountUpdate(input: {name: \" \"}) { user { name } userErrors { field code } } }",
            json!({}),
        )
        .await;
    assert_eq!(blank["data"]["accountUpdate"]["userErrors"][0]["code"], "INVALID", "{blank}");
    let viewer = app.gql(Some(&owner.access_token), "{ viewer { user { name } } }", json!({})).await;
    assert_eq!(viewer["data"]["viewer"]["user"]["name"], "王芳", "a refused change changes nothing");

    let partner = app.partner_token(&owner, "TENANT_READ").await;
    let by_client = app.gql(Some(&partner), switch, json!({"l": "ZH_CN"})).await;
    assert_eq!(
        by_client["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "a partner client has no account: {by_client}"
    );
}
