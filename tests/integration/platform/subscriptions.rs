//! Subscriptions over graphql-ws (`graphql-transport-ws`): each tenant
//! hears its own events and nothing of another tenant's.

use std::time::Duration;

use serde_json::{Value, json};
use silkport_tests::ws::{self, Socket, connect, next};
use silkport_tests::{Session, TestApp};

async fn subscribe(socket: &mut Socket) {
    ws::subscribe(socket, "1", "subscription { auditEntryAdded { action after actor { label } } }").await;
}

/// An action of `who`'s own tenant that its subscribers hear: renaming it.
async fn rename(app: &TestApp, who: &Session, name: &str) {
    let renamed = app
        .gql(
            Some(&who.access_token),
            "mutation($n: String!) { tenantUpdate(input: {name: $n}) { userErrors { code } } }",
            json!({"n": name}),
        )
        .await;
    assert_eq!(renamed["data"]["tenantUpdate"]["userErrors"], json!([]), "{renamed}");
}

fn renamed_to(event: &Value) -> &Value {
    &event["payload"]["data"]["auditEntryAdded"]["after"]["name"]
}

/// Proves that `socket` is subscribed and delivering before anything is
/// concluded from its silence: `who` renames its own tenant (again, while
/// the subscription may still be starting) until the socket hears it.
async fn prove_live(app: &TestApp, socket: &mut Socket, who: &Session, label: &str) {
    for attempt in 0..20 {
        rename(app, who, &format!("live {label} {attempt}")).await;
        if let Some(event) = next(socket, Duration::from_millis(500)).await {
            let name = renamed_to(&event).as_str().unwrap_or_default();
            assert!(name.starts_with(&format!("live {label} ")), "{label} heard something else first: {event}");
            while next(socket, Duration::from_millis(200)).await.is_some() {}
            return;
        }
    }
    panic!("{label}'s subscription never delivered its own tenant's events");
}

/// `socket` hears nothing for a while, and was alive all along: the very
/// next thing it hears is `who`'s own action made after the silence.
async fn assert_silent(app: &TestApp, socket: &mut Socket, who: &Session, label: &str, why: &str) {
    let heard = next(socket, Duration::from_millis(600)).await;
    assert!(heard.is_none(), "{label} heard something: {why}: {heard:?}");
    let marker = format!("after the silence of {label}");
    rename(app, who, &marker).await;
    let event = next(socket, Duration::from_secs(5)).await.expect("the socket is alive after the silence");
    assert_eq!(renamed_to(&event), &json!(marker), "{label}: {why}: {event}");
}

#[tokio::test]
async fn audit_entries_stream_to_their_own_tenant_only() {
    let app = TestApp::spawn().await;
    let a = app.signup("alpha").await;
    let b = app.signup("beta").await;
    let (mut a_socket, ack) = connect(&app, Some(&a.access_token)).await;
    assert_eq!(ack["type"], "connection_ack");
    let (mut b_socket, _) = connect(&app, Some(&b.access_token)).await;
    subscribe(&mut a_socket).await;
    subscribe(&mut b_socket).await;
    prove_live(&app, &mut a_socket, &a, "A").await;
    prove_live(&app, &mut b_socket, &b, "B").await;

    app.invite_viewer(&a, "new@alpha.example.com").await;
    let event = next(&mut a_socket, Duration::from_secs(5)).await.expect("tenant A hears its invite");
    assert_eq!(event["type"], "next", "{event}");
    assert_eq!(event["payload"]["data"]["auditEntryAdded"]["action"], "member.invite");
    assert_eq!(event["payload"]["data"]["auditEntryAdded"]["after"]["email"], "new@alpha.example.com");
    assert_silent(&app, &mut b_socket, &b, "B", "tenant B hears nothing of A").await;

    app.invite_viewer(&b, "new@beta.example.com").await;
    let own = next(&mut b_socket, Duration::from_secs(5)).await.expect("tenant B hears its own");
    assert_eq!(own["payload"]["data"]["auditEntryAdded"]["after"]["email"], "new@beta.example.com");
    assert_silent(&app, &mut a_socket, &a, "A", "tenant A hears nothing of B").await;
}

#[tokio::test]
async fn subscribing_needs_a_valid_token_and_the_permission() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let (mut anonymous, _) = connect(&app, None).await;
    subscribe(&mut anonymous).await;
    let refused = next(&mut anonymous, Duration::from_secs(5)).await.expect("an answer");
    assert_eq!(refused["payload"]["data"], Value::Null, "{refused}");
    assert_eq!(refused["payload"]["errors"][0]["extensions"]["code"], "UNAUTHENTICATED");

    let viewer = app.member(&owner, "viewer@alpha.example.com", "VIEWER").await;
    let (mut socket, _) = connect(&app, Some(&viewer.access_token)).await;
    subscribe(&mut socket).await;
    let forbidden = next(&mut socket, Duration::from_secs(5)).await.expect("an answer");
    assert_eq!(forbidden["payload"]["errors"][0]["extensions"]["code"], "FORBIDDEN", "{forbidden}");
}

#[tokio::test]
async fn pg_redis_events_reach_subscribers_on_another_replica_through_redis() {
    let (first, second) = TestApp::replicas().await;
    let a = first.signup("alpha").await;
    let b = first.signup("beta").await;
    let (mut a_socket, _) = connect(&second, Some(&a.access_token)).await;
    let (mut b_socket, _) = connect(&second, Some(&b.access_token)).await;
    subscribe(&mut a_socket).await;
    subscribe(&mut b_socket).await;
    prove_live(&first, &mut a_socket, &a, "A").await;
    prove_live(&first, &mut b_socket, &b, "B").await;

    first.invite_viewer(&a, "relayed@alpha.example.com").await;
    let event = next(&mut a_socket, Duration::from_secs(5)).await.expect("the other replica relays A's event");
    assert_eq!(event["payload"]["data"]["auditEntryAdded"]["after"]["email"], "relayed@alpha.example.com", "{event}");
    assert_silent(&first, &mut a_socket, &a, "A", "delivered once").await;
    assert_silent(&first, &mut b_socket, &b, "B", "tenant B hears nothing of A").await;
}

/// The Redis channels the server listens to right now.
async fn channels(redis_url: &str) -> Vec<String> {
    let client = redis::Client::open(redis_url).expect("redis url");
    let mut conn = client.get_multiplexed_async_connection().await.expect("redis");
    redis::cmd("PUBSUB").arg("CHANNELS").arg("silkport:*").query_async(&mut conn).await.expect("PUBSUB CHANNELS")
}

#[tokio::test]
async fn pg_redis_a_replica_listens_only_to_the_tenants_and_topics_it_has_subscribers_for() {
    let (first, second) = TestApp::replicas().await;
    let redis_url = silkport_tests::services::redis_url();
    let a = first.signup("alpha").await;
    let b = first.signup("beta").await;
    let uuid = |s: &Session| s.tenant_id.rsplit('/').next().expect("uuid").to_owned();
    let a_channel = format!("silkport:{{t:{}}}:audit.entry_added", uuid(&a));
    let b_channel = format!("silkport:{{t:{}}}:audit.entry_added", uuid(&b));
    let (mut socket, _) = connect(&second, Some(&a.access_token)).await;
    subscribe(&mut socket).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !channels(&redis_url).await.contains(&a_channel) {
        assert!(tokio::time::Instant::now() < deadline, "the replica never subscribed to {a_channel}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(!channels(&redis_url).await.contains(&b_channel), "no subscriber of tenant B, no channel of B");
    drop(socket);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while channels(&redis_url).await.contains(&a_channel) {
        assert!(tokio::time::Instant::now() < deadline, "the replica kept {a_channel} after its last subscriber left");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
