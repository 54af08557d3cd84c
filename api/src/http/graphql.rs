//! GraphQL over HTTP: POST executes, GET serves GraphiQL, `/graphql/ws`
//! speaks graphql-ws. The body is read and parsed here (not by a generic
//! extractor) so malformed and oversized requests get a clear GraphQL-shaped
//! error and never reach the schema.

use actix_web::http::header::AUTHORIZATION;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use async_graphql::Response;
use serde_json::json;

use super::middleware::RequestId;
use super::portal::Portal;
use crate::auth::{AuthError, Principal, TokenIssuer, standing};
use crate::graphql::{AppSchema, Loaders, RequestInfo};
use domain::identity::authority::Freshness;

/// The header a client sends to make a creating mutation safe to retry.
const IDEMPOTENCY_KEY: &str = "idempotency-key";
use crate::state::AppState;

fn error_response(status: actix_web::http::StatusCode, code: &str, message: &str) -> HttpResponse {
    HttpResponse::build(status).json(json!({"errors": [{"message": message, "extensions": {"code": code}}]}))
}

/// The principal of an `Authorization: Bearer` header; `None` when absent.
fn bearer_principal(tokens: &TokenIssuer, header: Option<&str>) -> Option<Result<Principal, AuthError>> {
    Some(bearer_token(header?).and_then(|token| tokens.verify(token)))
}

/// The token of an `Authorization: Bearer <token>` value (RFC 6750 §2.1).
pub(super) fn bearer_token(header: &str) -> Result<&str, AuthError> {
    let token = header.strip_prefix("Bearer ").or_else(|| header.strip_prefix("bearer "));
    token.map(str::trim).ok_or(AuthError::Malformed)
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
    let mut request = request;
    let header = req.headers().get(AUTHORIZATION).and_then(|v| v.to_str().ok());
    let principal = match bearer_principal(&state.tokens, header) {
        // Mutations act on the rights held now; reads on rights at most a
        // few seconds old (see domain::identity::authority).
        Some(Ok(principal)) => {
            let freshness = if is_mutation(&mut request) { Freshness::Now } else { Freshness::Recent };
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
    let info = RequestInfo { principal, request_id, idempotency_key };
    let response: Response = schema.execute(request.data(info).data(Loaders::default())).await;
    if response.errors.iter().any(|e| {
        e.extensions.as_ref().and_then(|x| x.get("code")).is_some_and(|c| *c == async_graphql::Value::from("INTERNAL"))
    }) {
        tracing::error!(graphql.operation = %operation, "request failed with an internal error");
    }
    HttpResponse::Ok().json(response)
}

/// Whether the operation the request runs is a mutation (parsed once: the
/// schema reuses the parse). A request that does not parse is not; the
/// schema answers its error.
fn is_mutation(request: &mut async_graphql::Request) -> bool {
    use async_graphql::parser::types::{DocumentOperations, OperationType};
    let name = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else { return false };
    let operation = match (&document.operations, name.as_deref()) {
        (DocumentOperations::Single(operation), _) => Some(operation),
        (DocumentOperations::Multiple(operations), Some(name)) => operations.get(name),
        (DocumentOperations::Multiple(operations), None) if operations.len() == 1 => operations.values().next(),
        (DocumentOperations::Multiple(_), None) => None,
    };
    operation.is_some_and(|o| o.node.ty == OperationType::Mutation)
}

/// GraphiQL from the portal build (no CDN), for a person who opens `/graphql`.
pub async fn graphiql(portal: web::Data<Portal>) -> HttpResponse {
    portal.graphiql()
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
