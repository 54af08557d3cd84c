//! Every log line inside a request carries the request id, tenant and
//! actor, and every line inside a job its id, kind and tenant: read off a
//! real `silkport serve` writing JSON lines.

use std::time::Duration;

use serde_json::{Value, json};
use silkport_tests::served::Served;

#[tokio::test]
async fn request_and_job_lines_carry_tenant_and_actor() {
    let served =
        Served::start(&[("SILKPORT_LOG_FORMAT", "json"), ("SILKPORT_LOG", "info"), ("SILKPORT_JOB_POLL_MS", "100")])
            .await;
    let base = served.url.clone();
    let http = reqwest::Client::new();
    let gql = |token: Option<String>, query: &'static str| {
        let http = http.clone();
        let url = format!("{base}/graphql");
        async move {
            let mut request = http.post(url).json(&json!({"query": query}));
            if let Some(token) = token {
                request = request.bearer_auth(token);
            }
            request.send().await.expect("request").json::<Value>().await.expect("json")
        }
    };
    let signed_in = gql(None, "mutation { sessionCreate(input: {email: \"owner@demo.silkport.test\", password: \"silkport-demo\"}) { accessToken viewer { tenant { id } user { id } } } }").await;
    let token = signed_in["data"]["sessionCreate"]["accessToken"].as_str().expect("token").to_owned();
    let tenant = signed_in["data"]["sessionCreate"]["viewer"]["tenant"]["id"]
        .as_str()
        .expect("tenant")
        .rsplit('/')
        .next()
        .expect("uuid")
        .to_owned();
    let user = signed_in["data"]["sessionCreate"]["viewer"]["user"]["id"]
        .as_str()
        .expect("user")
        .rsplit('/')
        .next()
        .expect("uuid")
        .to_owned();
    let invited = gql(
        Some(token),
        "mutation { memberInvite(input: {email: \"logged@example.com\", role: VIEWER}) { userErrors { code } } }",
    )
    .await;
    assert_eq!(invited["data"]["memberInvite"]["userErrors"], json!([]), "{invited}");

    let read_lines = || served.log().lines().filter_map(|l| serde_json::from_str::<Value>(l).ok()).collect::<Vec<_>>();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let job_done = loop {
        if let Some(line) =
            read_lines().into_iter().find(|l| l["message"] == "job done" && l["span"]["job.kind"] == "email.send")
        {
            break line;
        }
        assert!(tokio::time::Instant::now() < deadline, "the mail job never finished");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(job_done["span"]["tenant.id"], tenant.as_str(), "{job_done}");
    assert_eq!(job_done["span"]["actor"], "system", "{job_done}");
    assert!(job_done["span"]["job.id"].is_string(), "{job_done}");

    let requests: Vec<Value> =
        read_lines().into_iter().filter(|l| l["message"] == "request" && l["http.path"] == "/graphql").collect();
    assert_eq!(requests.len(), 2, "{requests:?}");
    assert!(requests.iter().all(|l| l["span"]["request.id"].is_string()), "{requests:?}");
    let authenticated = &requests[1];
    assert_eq!(authenticated["span"]["tenant.id"], tenant.as_str(), "{authenticated}");
    assert_eq!(authenticated["span"]["actor"], format!("u:{user}"), "{authenticated}");
}
