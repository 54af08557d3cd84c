//! GraphQL over HTTP: POST executes, GET serves GraphiQL, `/graphql/ws`
//! speaks graphql-ws. The body is read and parsed here (not by a generic
//! extractor) so malformed and oversized requests get a clear GraphQL-shaped
//! error and never reach the schema.

use actix_web::http::header::AUTHORIZATION;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use async_graphql::{Data, Response};
use async_graphql_actix_web::GraphQLSubscription;
use serde_json::json;

use super::language;
use super::middleware::RequestId;
use super::portal::Portal;
use crate::auth::{AuthError, Principal, TokenIssuer};
use crate::graphql::{AppSchema, Loaders, RequestInfo};

/// The header a client sends to make a creating mutation safe to retry.
const IDEMPOTENCY_KEY: &str = "idempotency-key";
use crate::state::AppState;

fn error_response(status: actix_web::http::StatusCode, code: &str, message: &str) -> HttpResponse {
    HttpResponse::build(status).json(json!({"errors": [{"message": message, "extensions": {"code": code}}]}))
}

/// The principal of an `Authorization: Bearer` header; `None` when absent.
fn bearer_principal(tokens: &TokenIssuer, header: Option<&str>) -> Option<Result<Principal, AuthError>> {
    let header = header?;
    let token = header.strip_prefix("Bearer ").or_else(|| header.strip_prefix("bearer "));
    Some(match token {
        Some(token) => tokens.verify(token.trim()),
        None => Err(AuthError::Malformed),
    })
}

pub async fn execute(
    req: HttpRequest,
    body: web::Bytes,
    state: web::Data<AppState>,
    schema: web::Data<AppSchema>,
) -> HttpResponse {
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    let is_json = req.content_type().eq_ignore_ascii_case("application/json");
    if !is_json {
        return error_response(
            actix_web::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "BAD_REQUEST",
            "send the query as JSON with `Content-Type: application/json`",
        );
    }
    let request: async_graphql::Request = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(e) => {
            return error_response(
                actix_web::http::StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                &format!("request body is not a GraphQL request in JSON: {e}"),
            );
        }
    };
    let header = req.headers().get(AUTHORIZATION).and_then(|v| v.to_str().ok());
    let principal = bearer_principal(&state.tokens, header);
    if let Some(Ok(principal)) = &principal {
        // Every log line of this request carries who and for which tenant.
        tracing::Span::current()
            .record("tenant.id", tracing::field::display(principal.tenant_id()))
            .record("actor", principal.key());
    }
    let idempotency_key = req.headers().get(IDEMPOTENCY_KEY).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let operation = request.operation_name.clone().unwrap_or_default();
    let locale = language::of_request(&req);
    let info = RequestInfo { principal, request_id, idempotency_key, locale };
    let response: Response = schema.execute(request.data(info).data(Loaders::default())).await;
    if response.errors.iter().any(|e| {
        e.extensions.as_ref().and_then(|x| x.get("code")).is_some_and(|c| *c == async_graphql::Value::from("INTERNAL"))
    }) {
        tracing::error!(graphql.operation = %operation, "request failed with an internal error");
    }
    HttpResponse::Ok().json(response)
}

/// GraphiQL from the portal build (no CDN), for a person who opens `/graphql`.
pub async fn graphiql(portal: web::Data<Portal>) -> HttpResponse {
    portal.graphiql()
}

/// graphql-ws: the token comes in `connection_init`'s payload as
/// `{"authorization": "Bearer …"}` (browsers cannot set WebSocket headers),
/// and so may the language (`{"accept-language": "zh-CN"}`), else the
/// upgrade request's `Accept-Language`.
pub async fn subscriptions(
    req: HttpRequest,
    payload: web::Payload,
    state: web::Data<AppState>,
    schema: web::Data<AppSchema>,
) -> Result<HttpResponse, actix_web::Error> {
    let tokens = state.tokens.clone();
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone()).unwrap_or_default();
    let upgrade_locale = language::of_request(&req);
    GraphQLSubscription::new(AppSchema::clone(&schema))
        .on_connection_init(move |init| async move {
            let header = init
                .get("authorization")
                .or_else(|| init.get("Authorization"))
                .and_then(|v| v.as_str())
                .map(str::to_owned);
            let principal = bearer_principal(&tokens, header.as_deref());
            let locale = ["accept-language", "Accept-Language"]
                .iter()
                .find_map(|key| init.get(*key).and_then(|v| v.as_str()))
                .map_or(upgrade_locale, language::negotiate);
            let mut data = Data::default();
            data.insert(RequestInfo { principal, request_id, idempotency_key: None, locale });
            data.insert(Loaders::default());
            Ok(data)
        })
        .start(&req, payload)
}
