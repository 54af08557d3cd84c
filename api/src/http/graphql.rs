//! GraphQL over HTTP (<https://graphql.github.io/graphql-over-http/draft/>):
//! POST with a JSON body, GET with the parameters in the URL (queries
//! only), answers in `application/graphql-response+json` to clients that
//! accept it and `application/json` to the rest; GET without a query
//! serves GraphiQL to a browser; `/graphql/ws` speaks graphql-ws. Bodies
//! and parameters are read here (not by a generic extractor) so malformed
//! and oversized requests get a clear GraphQL-shaped error and never reach
//! the schema.

use std::collections::BTreeMap;

use actix_web::http::header::{self, AUTHORIZATION, Header};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use async_graphql::parser::types::OperationType;
use async_graphql::{Response, ServerError, Variables};
use serde::Serialize;
use serde_json::{Map, Value as Json, json};

use super::language;
use super::middleware::RequestId;
use super::portal::Portal;
use crate::auth::{AuthError, Principal, TokenIssuer, bearer_token, standing};
use crate::graphql::{AppSchema, Execution, Loaders, RequestInfo};
use crate::state::AppState;
use domain::identity::authority::Freshness;

/// The header a client sends to make a creating mutation safe to retry.
const IDEMPOTENCY_KEY: &str = "idempotency-key";

/// How a response is sent, from the request's `Accept` header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Media {
    /// `application/graphql-response+json`: request errors get 4xx.
    GraphQLResponse,
    /// `application/json` (also for `*/*` and no `Accept` at all): every
    /// GraphQL response is 200, as legacy clients expect.
    Json,
    /// A browser asking for a page: GraphiQL.
    Html,
}

impl Media {
    fn content_type(self) -> &'static str {
        match self {
            Media::GraphQLResponse => "application/graphql-response+json; charset=utf-8",
            Media::Json | Media::Html => "application/json",
        }
    }
}

/// The most preferred media type of `Accept` that we can send, `html` only
/// where a page is an answer; `None` when nothing acceptable is left (406).
/// No `Accept` header means `application/json` (§5.1); an unreadable one
/// is treated as absent.
fn negotiate(req: &HttpRequest, html: bool) -> Option<Media> {
    let accept = header::Accept::parse(req).unwrap_or_else(|_| header::Accept(Vec::new()));
    if accept.is_empty() {
        return Some(Media::Json);
    }
    let acceptable = accept.iter().filter(|item| item.quality > header::Quality::ZERO).cloned().collect();
    header::Accept(acceptable).ranked().into_iter().find_map(|mime| match mime.essence_str() {
        "application/graphql-response+json" => Some(Media::GraphQLResponse),
        "application/json" | "application/*" | "*/*" => Some(Media::Json),
        "text/html" if html => Some(Media::Html),
        _ => None,
    })
}

/// A request the server refuses before GraphQL sees it, as a GraphQL-shaped error.
fn refusal(status: StatusCode, media: Media, message: &str) -> HttpResponse {
    let body = json!({"errors": [{"message": message, "extensions": {"code": "BAD_REQUEST"}}]});
    HttpResponse::build(status).content_type(media.content_type()).body(body.to_string())
}

/// The principal of an `Authorization: Bearer` header; `None` when absent.
fn bearer_principal(tokens: &TokenIssuer, header: Option<&str>) -> Option<Result<Principal, AuthError>> {
    Some(bearer_token(header?).and_then(|token| tokens.verify(token)))
}

/// The request parameters of §5.1, from a JSON body or the URL.
struct Params {
    query: String,
    operation_name: Option<String>,
    variables: Map<String, Json>,
}

impl Params {
    /// `query` must be a string; `operationName` a string or null;
    /// `variables` and `extensions` a map or null. Other members are ignored.
    fn from_json(body: Json) -> Result<Self, String> {
        let Json::Object(mut body) = body else {
            return Err("the body must be a JSON object with a `query` (batches are not supported)".into());
        };
        let query = match body.remove("query") {
            Some(Json::String(query)) => query,
            None | Some(Json::Null) => return Err("the `query` parameter is required".into()),
            Some(_) => return Err("the `query` parameter must be a string".into()),
        };
        let operation_name = match body.remove("operationName") {
            None | Some(Json::Null) => None,
            Some(Json::String(name)) => Some(name),
            Some(_) => return Err("the `operationName` parameter must be a string or null".into()),
        };
        let variables = map_or_null("variables", body.remove("variables"))?;
        map_or_null("extensions", body.remove("extensions"))?;
        Ok(Self { query, operation_name, variables })
    }

    /// The same parameters from a URL query, `variables` and `extensions`
    /// as JSON text (§5.2.1); a parameter given twice is refused.
    fn from_url(query_string: &str) -> Result<Option<Self>, String> {
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_str(query_string).map_err(|e| format!("the URL query is not form-encoded: {e}"))?;
        let mut body = Map::new();
        for (name, value) in pairs {
            let value = match name.as_str() {
                "variables" | "extensions" => {
                    serde_json::from_str(&value).map_err(|e| format!("the `{name}` parameter is not JSON: {e}"))?
                }
                _ => Json::String(value),
            };
            if body.insert(name.clone(), value).is_some() {
                return Err(format!("the `{name}` parameter is repeated"));
            }
        }
        if !body.contains_key("query") {
            return Ok(None);
        }
        Self::from_json(Json::Object(body)).map(Some)
    }
}

fn map_or_null(name: &str, value: Option<Json>) -> Result<Map<String, Json>, String> {
    match value {
        None | Some(Json::Null) => Ok(Map::new()),
        Some(Json::Object(map)) => Ok(map),
        Some(_) => Err(format!("the `{name}` parameter must be a map or null")),
    }
}

/// The type of the operation the request runs (parsed once: the schema
/// reuses the parse); `None` when the document does not parse or names no
/// such operation, which is the schema's to report.
fn operation_type(request: &mut async_graphql::Request) -> Option<OperationType> {
    let name = request.operation_name.clone();
    let document = request.parsed_query().ok()?;
    let mut operations = document.operations.iter();
    let operation = match name {
        Some(name) => operations.find(|(n, _)| n.is_some_and(|n| n.as_str() == name)),
        None => operations.next(),
    };
    operation.map(|(_, op)| op.node.ty)
}

/// The body of a GraphQL response: `data` only when execution began (a
/// request error has none, GraphQL spec §7.1.2).
#[derive(Serialize)]
struct Body<'a> {
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    errors: &'a [ServerError],
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a async_graphql::Value>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    extensions: &'a BTreeMap<String, async_graphql::Value>,
}

fn has_code(error: &ServerError, code: &str) -> bool {
    error.extensions.as_ref().and_then(|x| x.get("code")).is_some_and(|c| *c == async_graphql::Value::from(code))
}

/// The status of a GraphQL response (§6.4): 200 whenever execution began,
/// and under `application/json`; a request error under
/// `application/graphql-response+json` is 400, or 429 when throttled.
fn status(media: Media, executed: bool, response: &Response) -> StatusCode {
    if executed || media != Media::GraphQLResponse {
        return StatusCode::OK;
    }
    if response.errors.iter().any(|e| has_code(e, "THROTTLED")) {
        StatusCode::TOO_MANY_REQUESTS
    } else {
        StatusCode::BAD_REQUEST
    }
}

async fn run(req: &HttpRequest, state: &AppState, schema: &AppSchema, media: Media, params: Params) -> HttpResponse {
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    let mut request =
        async_graphql::Request::new(params.query).variables(Variables::from_json(Json::Object(params.variables)));
    if let Some(name) = params.operation_name {
        request = request.operation_name(name);
    }
    let operation_type = operation_type(&mut request);
    // Mutations change state and so are refused over GET (§5.2.1);
    // subscriptions have their own socket.
    if req.method() == Method::GET && operation_type.is_some_and(|t| t != OperationType::Query) {
        let mut refused =
            refusal(StatusCode::METHOD_NOT_ALLOWED, media, "only queries run over GET; send mutations with POST");
        refused.headers_mut().insert(header::ALLOW, header::HeaderValue::from_static("POST"));
        return refused;
    }
    let header = req.headers().get(AUTHORIZATION).and_then(|v| v.to_str().ok());
    let principal = match bearer_principal(&state.tokens, header) {
        // Mutations act on the rights held now; reads on rights at most a
        // few seconds old (see domain::identity::authority).
        Some(Ok(principal)) => {
            let freshness =
                if operation_type == Some(OperationType::Mutation) { Freshness::Now } else { Freshness::Recent };
            Some(standing::current(&state.db, principal, freshness).await)
        }
        other => other,
    };
    if let Some(Ok(principal)) = &principal {
        // Every log line of this request carries who and for which tenant.
        tracing::Span::current()
            .record("tenant.id", tracing::field::display(principal.tenant_id()))
            .record("actor", principal.key());
    }
    let idempotency_key = req.headers().get(IDEMPOTENCY_KEY).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let operation = request.operation_name.clone().unwrap_or_default();
    let locale = language::of_request(req);
    let info = RequestInfo { principal, request_id, idempotency_key, locale };
    let execution = Execution::default();
    let response: Response = schema.execute(request.data(info).data(Loaders::default()).data(execution.clone())).await;
    if response.errors.iter().any(|e| has_code(e, "INTERNAL")) {
        tracing::error!(graphql.operation = %operation, "request failed with an internal error");
    }
    let executed = execution.began();
    let body =
        Body { errors: &response.errors, data: executed.then_some(&response.data), extensions: &response.extensions };
    match serde_json::to_vec(&body) {
        // The media type follows `Accept`, so a cached GET answer must too.
        Ok(bytes) => HttpResponse::build(status(media, executed, &response))
            .content_type(media.content_type())
            .insert_header((header::VARY, "Accept"))
            .body(bytes),
        Err(e) => {
            tracing::error!(error = %e, "serialising a GraphQL response failed");
            HttpResponse::InternalServerError().finish()
        }
    }
}

/// `POST /graphql`: a JSON body `{query, operationName?, variables?, extensions?}`.
pub async fn execute(
    req: HttpRequest,
    body: web::Bytes,
    state: web::Data<AppState>,
    schema: web::Data<AppSchema>,
) -> HttpResponse {
    let Some(media) = negotiate(&req, false) else {
        return refusal(
            StatusCode::NOT_ACCEPTABLE,
            Media::Json,
            "accept application/graphql-response+json or application/json",
        );
    };
    let utf8 = req
        .mime_type()
        .ok()
        .flatten()
        .and_then(|m| m.get_param(actix_web::mime::CHARSET).map(|c| c.as_str().eq_ignore_ascii_case("utf-8")))
        .unwrap_or(true);
    if !req.content_type().eq_ignore_ascii_case("application/json") || !utf8 {
        return refusal(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            media,
            "send the query as JSON with `Content-Type: application/json` (UTF-8)",
        );
    }
    let params = match serde_json::from_slice(&body) {
        Ok(json) => Params::from_json(json),
        Err(e) if body.is_empty() => Err(format!("the body is empty: send a JSON object with a `query` ({e})")),
        Err(e) => Err(format!("request body is not a GraphQL request in JSON: {e}")),
    };
    match params {
        Ok(params) => run(&req, &state, &schema, media, params).await,
        Err(why) => refusal(StatusCode::BAD_REQUEST, media, &why),
    }
}

/// `GET /graphql`: a query with its parameters in the URL, or GraphiQL
/// (from the portal build, no CDN) for a browser that asks for a page
/// without a query.
pub async fn get(
    req: HttpRequest,
    state: web::Data<AppState>,
    schema: web::Data<AppSchema>,
    portal: web::Data<Portal>,
) -> HttpResponse {
    let params = Params::from_url(req.query_string());
    let Some(media) = negotiate(&req, matches!(params, Ok(None))) else {
        return refusal(
            StatusCode::NOT_ACCEPTABLE,
            Media::Json,
            "accept application/graphql-response+json or application/json",
        );
    };
    match params {
        _ if media == Media::Html => portal.graphiql(),
        Ok(Some(params)) => run(&req, &state, &schema, media, params).await,
        Ok(None) => refusal(
            StatusCode::BAD_REQUEST,
            media,
            "the `query` parameter is required (or open /graphql in a browser for GraphiQL)",
        ),
        Err(why) => refusal(StatusCode::BAD_REQUEST, media, &why),
    }
}

/// graphql-ws at `/graphql/ws` (see [`super::live`]).
pub async fn subscriptions(
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
    schema: web::Data<AppSchema>,
) -> Result<HttpResponse, actix_web::Error> {
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    super::live::subscriptions(req, payload, state, schema, request_id).await
}
