//! Invitation mail through a real SMTP server (the sink), in the inviter's
//! language, with a link that works.

use std::time::Duration;

use serde_json::json;
use silkport_tests::{TestApp, mail, services};
use tokio::sync::watch;
use workers::{Mailer, RunnerConfig, WakeSources};

async fn invite_and_read(locale: &str, invitee: &str) -> (TestApp, String) {
    let (smtp_url, maildir) = services::smtp_sink();
    let app = TestApp::spawn().await;
    let slug = format!("mail-{}", locale.to_lowercase().replace('_', "-"));
    let email = format!("owner@{slug}.example.com");
    let owner = app
        .signup_with(
            json!({"tenantName": "丝路仓 Silk Warehouse", "tenantSlug": slug, "name": "Li Wei", "email": email,
                            "password": "correct-horse-42", "locale": locale}),
        )
        .await;
    let token = owner.access_token;
    let mailer = Mailer::smtp(&smtp_url, "Silkport <no-reply@silkport.test>").expect("smtp mailer");
    let config = RunnerConfig { poll_interval: Duration::from_millis(100), ..RunnerConfig::default() };
    let runner = workers::standard_runner(&app.state.db, config, mailer, WakeSources { postgres: false, redis: None });
    let (stop, stopped) = watch::channel(false);
    let running = tokio::spawn(runner.run(stopped));
    let invited = app
        .gql(
            Some(&token),
            "mutation($e: String!) { memberInvite(input: {email: $e, role: OPERATOR}) { userErrors { message } } }",
            json!({"e": invitee}),
        )
        .await;
    assert_eq!(invited["data"]["memberInvite"]["userErrors"], json!([]), "{invited}");
    let raw =
        mail::wait_for(&maildir, invitee, Duration::from_secs(20)).await.expect("the invitation reached the SMTP sink");
    stop.send(true).expect("stop");
    running.await.expect("runner stops");
    (app, raw)
}

fn accept_token(text: &str) -> String {
    let link = text.lines().find(|l| l.contains("/accept-invite?token=")).expect("an accept link");
    link.trim().split("token=").nth(1).expect("token").to_owned()
}

#[tokio::test]
async fn smtp_invitation_mail_arrives_in_chinese_with_a_working_link() {
    let invitee = format!("zh-{}@example.com", uuid::Uuid::now_v7().simple());
    let (app, raw) = invite_and_read("ZH_CN", &invitee).await;
    let text = mail::plain_text(&raw);
    assert!(mail::subject(&raw).contains("邀请您加入"), "subject in Chinese: {}", mail::subject(&raw));
    assert!(text.contains("仓库操作员"), "role named in Chinese: {text}");
    assert!(text.contains(&format!("{}/accept-invite?token=", app.url)), "{text}");
    let accepted = app
        .gql(
            None,
            "mutation($t: String!) { invitationAccept(input: {token: $t, name: \"王芳\", password: \"another-horse-7\"}) { accessToken viewer { role } userErrors { message } } }",
            json!({"t": accept_token(&text)}),
        )
        .await;
    assert_eq!(accepted["data"]["invitationAccept"]["viewer"]["role"], "OPERATOR", "{accepted}");
    let reused = app
        .gql(None, "mutation($t: String!) { invitationAccept(input: {token: $t, name: \"X\", password: \"another-horse-7\"}) { userErrors { code } } }", json!({"t": accept_token(&text)}))
        .await;
    assert_eq!(reused["data"]["invitationAccept"]["userErrors"][0]["code"], "LINK_USED", "a link works once");
}

#[tokio::test]
async fn smtp_invitation_mail_arrives_in_english_for_an_english_inviter() {
    let invitee = format!("en-{}@example.com", uuid::Uuid::now_v7().simple());
    let (app, raw) = invite_and_read("EN", &invitee).await;
    let text = mail::plain_text(&raw);
    assert!(mail::subject(&raw).starts_with("Li Wei invited you to join"), "{}", mail::subject(&raw));
    assert!(text.contains("as operator"), "{text}");
    assert!(text.contains(&format!("{}/accept-invite?token=", app.url)));
}
