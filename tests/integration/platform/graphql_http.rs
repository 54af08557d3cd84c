//! GraphQL over HTTP (<https://graphql.github.io/graphql-over-http/draft/>):
//! the response media type follows `Accept`, request errors are 4xx under
//! `application/graphql-response+json` and carry no `data`, a request
//! without a query is refused, queries run over GET and mutations do not.
//! graphql-http's audit suite checks the same from outside
//! (`tests/interop/graphql-http`, run by `scripts/test`).

use reqwest::header::{ACCEPT, ALLOW, CONTENT_TYPE};
use serde_json::{Value, json};
use silkport_tests::TestApp;

const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";

struct Answer {
    status: u16,
    content_type: String,
    body: Value,
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status().as_u16();
    let content_type =
        response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let text = response.text().await.expect("a body");
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    Answer { status, content_type, body }
}

async fn post(app: &TestApp, accept: Option<&str>, body: Value) -> Answer {
    let mut request = app.http.post(format!("{}/graphql", app.url)).json(&body);
    if let Some(accept) = accept {
        request = request.header(ACCEPT, accept);
    }
    answer(request.send().await.expect("POST /graphql")).await
}

async fn get(app: &TestApp, accept: &str, params: &[(&str, &str)], token: Option<&str>) -> Answer {
    let mut request = app.http.get(format!("{}/graphql", app.url)).query(params).header(ACCEPT, accept);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    answer(request.send().await.expect("GET /graphql")).await
}

fn code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn the_response_media_type_follows_accept() {
    let app = TestApp::spawn().await;
    let query = json!({"query": "{ __typename }"});

    for accept in [GRAPHQL_RESPONSE, "application/json;q=0.5, application/graphql-response+json"] {
        let answer = post(&app, Some(accept), query.clone()).await;
        assert_eq!(answer.status, 200, "{accept}");
        assert!(answer.content_type.starts_with(GRAPHQL_RESPONSE), "{accept}: {}", answer.content_type);
        assert_eq!(answer.body["data"]["__typename"], "QueryRoot");
    }
    for accept in
        [None, Some("application/json"), Some("*/*"), Some("application/graphql-response+json;q=0.5, application/json")]
    {
        let answer = post(&app, accept, query.clone()).await;
        assert_eq!((answer.status, answer.content_type.as_str()), (200, "application/json"), "{accept:?}");
    }
    let answer = post(&app, Some("text/html"), query.clone()).await;
    assert_eq!(answer.status, 406, "nothing acceptable: {:?}", answer.body);
    let answer = post(&app, Some("application/graphql-response+json;q=0, text/plain"), query).await;
    assert_eq!(answer.status, 406, "q=0 is a refusal");
}

#[tokio::test]
async fn request_errors_carry_a_code_no_data_and_a_4xx_for_graphql_response_clients() {
    let app = TestApp::spawn().await;
    let cases = [
        ("{", "GRAPHQL_PARSE_FAILED"),
        ("{ noSuchField }", "GRAPHQL_VALIDATION_FAILED"),
        ("query Q($id: ID!) { node(id: $id) { id } }", "GRAPHQL_VALIDATION_FAILED"),
        ("query A { __typename } query B { __typename }", "BAD_REQUEST"),
    ];
    for (query, expected) in cases {
        let strict = post(&app, Some(GRAPHQL_RESPONSE), json!({"query": query, "variables": {"id": null}})).await;
        assert_eq!(strict.status, 400, "{query}: {}", strict.body);
        assert_eq!(code(&strict.body), expected, "{query}: {}", strict.body);
        assert!(strict.body.get("data").is_none(), "a request error has no data: {}", strict.body);

        let legacy = post(&app, Some("application/json"), json!({"query": query, "variables": {"id": null}})).await;
        assert_eq!(legacy.status, 200, "application/json keeps 200: {query}");
        assert_eq!(code(&legacy.body), expected, "{query}: {}", legacy.body);
        assert!(legacy.body.get("data").is_none(), "{}", legacy.body);
    }

    // An error during execution is a response with data, 200 either way.
    let executed = post(&app, Some(GRAPHQL_RESPONSE), json!({"query": "{ viewer { role } }"})).await;
    assert_eq!(executed.status, 200, "{}", executed.body);
    assert_eq!(code(&executed.body), "UNAUTHENTICATED");
    assert!(executed.body.get("data").is_some_and(Value::is_null), "{}", executed.body);
}

#[tokio::test]
async fn a_request_without_a_well_formed_query_is_refused() {
    let app = TestApp::spawn().await;
    let bodies = [
        json!({}),
        json!({"notquery": "{ __typename }"}),
        json!({"query": null}),
        json!({"query": 1}),
        json!({"query": ["{ __typename }"]}),
        json!([{"query": "{ __typename }"}]),
        json!({"query": "{ __typename }", "operationName": 0}),
        json!({"query": "{ __typename }", "variables": "{}"}),
        json!({"query": "{ __typename }", "variables": []}),
        json!({"query": "{ __typename }", "extensions": "x"}),
    ];
    for body in bodies {
        for accept in [GRAPHQL_RESPONSE, "application/json"] {
            let answer = post(&app, Some(accept), body.clone()).await;
            assert_eq!(answer.status, 400, "{body} ({accept})");
            assert_eq!(code(&answer.body), "BAD_REQUEST", "{body}: {}", answer.body);
        }
    }
    let empty = app
        .http
        .post(format!("{}/graphql", app.url))
        .header(CONTENT_TYPE, "application/json")
        .send()
        .await
        .expect("an empty POST");
    assert_eq!(empty.status(), 400);
    let nulls = post(
        &app,
        Some(GRAPHQL_RESPONSE),
        json!({"query": "{ __typename }", "operationName": null, "variables": null, "extensions": null}),
    )
    .await;
    assert_eq!((nulls.status, &nulls.body["data"]["__typename"]), (200, &json!("QueryRoot")), "null is absent");
}

#[tokio::test]
async fn queries_run_over_get_and_mutations_do_not() {
    let app = TestApp::spawn().await;
    let owner = app.signup("alpha").await;
    let token = Some(owner.access_token.as_str());

    let response = app
        .http
        .get(format!("{}/graphql", app.url))
        .query(&[("query", "{ viewer { role tenant { slug } } }")])
        .bearer_auth(&owner.access_token)
        .send()
        .await
        .expect("GET");
    let vary = response.headers()["vary"].to_str().expect("text").to_owned();
    assert!(vary.split(',').any(|v| v.trim() == "Accept"), "the media type follows Accept: {vary}");
    let viewer = answer(response).await;
    assert_eq!(viewer.status, 200);
    assert_eq!(viewer.body["data"]["viewer"], json!({"role": "OWNER", "tenant": {"slug": "alpha"}}));
    let with_variables = get(
        &app,
        GRAPHQL_RESPONSE,
        &[
            ("query", "query Q($name: String!) { __type(name: $name) { name } } mutation M { __typename }"),
            ("operationName", "Q"),
            ("variables", r#"{"name": "Viewer"}"#),
        ],
        None,
    )
    .await;
    assert_eq!(with_variables.status, 200, "{}", with_variables.body);
    assert_eq!(with_variables.body["data"]["__type"]["name"], "Viewer");

    let before = app.gql(token, "{ tenant { name } }", json!({})).await;
    let rename = "mutation { tenantUpdate(input: {name: \"Renamed over GET\"}) { tenant { name } } }";
    for (params, accept) in [
        (vec![("query", rename)], GRAPHQL_RESPONSE),
        (vec![("query", rename)], "application/json"),
        (
            vec![
                (
                    "query",
                    "query Q { __typename } mutation M { tenantUpdate(input: {name: \"X\"}) { tenant { name } } }",
                ),
                ("operationName", "M"),
            ],
            "*/*",
        ),
    ] {
        let refused = app
            .http
            .get(format!("{}/graphql", app.url))
            .query(&params)
            .header(ACCEPT, accept)
            .bearer_auth(&owner.access_token)
            .send()
            .await
            .expect("GET mutation");
        assert_eq!(refused.status(), 405, "{params:?}");
        assert_eq!(refused.headers()[ALLOW], "POST");
    }
    assert_eq!(app.gql(token, "{ tenant { name } }", json!({})).await, before, "nothing changed");

    let missing = get(&app, "application/json", &[], None).await;
    assert_eq!((missing.status, code(&missing.body)), (400, "BAD_REQUEST"), "{}", missing.body);
    let bad_variables = get(&app, "application/json", &[("query", "{ __typename }"), ("variables", "{")], None).await;
    assert_eq!(bad_variables.status, 400);
    let repeated = app
        .http
        .get(format!("{}/graphql?query=%7B__typename%7D&query=%7Bviewer%7Brole%7D%7D", app.url))
        .send()
        .await
        .expect("GET");
    assert_eq!(repeated.status(), 400, "a repeated parameter is ambiguous");
    let page = get(&app, "text/html,application/xhtml+xml,*/*;q=0.8", &[], None).await;
    assert!(
        page.content_type.starts_with("text/"),
        "a browser without a query gets the GraphiQL page (or the notice that the portal is not built): {}",
        page.content_type
    );
    let browser_query =
        get(&app, "text/html,application/xhtml+xml,*/*;q=0.8", &[("query", "{ __typename }")], None).await;
    assert_eq!(browser_query.body["data"]["__typename"], "QueryRoot", "with a query, */* gets JSON");
}

#[tokio::test]
async fn a_throttled_partner_gets_429_under_graphql_response_json() {
    let app =
        TestApp::spawn_with(&[("SILKPORT_RATE_LIMIT_CAPACITY", "5"), ("SILKPORT_RATE_LIMIT_PER_SECOND", "1")]).await;
    let owner = app.signup("alpha").await;
    let token = app.partner_token(&owner, "TENANT_READ").await;
    let mut statuses = Vec::new();
    for _ in 0..10 {
        let response = app
            .http
            .post(format!("{}/graphql", app.url))
            .header(ACCEPT, GRAPHQL_RESPONSE)
            .bearer_auth(&token)
            .json(&json!({"query": "{ tenant { name slug modules } }"}))
            .send()
            .await
            .expect("POST");
        let status = response.status().as_u16();
        let body: Value = response.json().await.expect("json");
        statuses.push(status);
        if status == 429 {
            assert_eq!(code(&body), "THROTTLED");
            return;
        }
        assert_eq!(status, 200, "{body}");
    }
    panic!("never throttled: {statuses:?}");
}
