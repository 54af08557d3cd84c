//! Tenant settings: a change shows at once, on this replica and (through
//! the Redis relay) on the others, although tenants are cached briefly.

use serde_json::json;
use silkport_tests::TestApp;

const NAME: &str = "{ tenant { name modules } viewer { tenant { name } } }";
const RENAME: &str = "mutation { tenantUpdate(input: {name: \"Alpha Renamed\", modules: [TRAINING]}) { tenant { name } userErrors { code } } }";

#[tokio::test]
async fn a_settings_change_shows_at_once() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    assert_eq!(app.gql(token, NAME, json!({})).await["data"]["tenant"]["name"], "Tenant alpha");
    app.gql(token, RENAME, json!({})).await;
    let after = app.gql(token, NAME, json!({})).await;
    assert_eq!(after["data"]["tenant"], json!({"name": "Alpha Renamed", "modules": ["TRAINING"]}));
    assert_eq!(after["data"]["viewer"]["tenant"]["name"], "Alpha Renamed");
}

#[tokio::test]
async fn pg_redis_a_settings_change_reaches_other_replicas_at_once() {
    let (first, second) = TestApp::replicas().await;
    let owner = first.signup("alpha").await;
    let token = Some(owner.access_token.as_str());
    assert_eq!(second.gql(token, NAME, json!({})).await["data"]["tenant"]["name"], "Tenant alpha", "now cached there");
    first.gql(token, RENAME, json!({})).await;
    // Well inside the cache's two seconds: only the relay's eviction explains the new name.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_millis(1200);
    loop {
        let name = second.gql(token, NAME, json!({})).await["data"]["tenant"]["name"].clone();
        if name == "Alpha Renamed" {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "the other replica still shows {name}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
