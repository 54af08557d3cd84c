//! What the plain-HTTP routes (labels, uploads, CSV downloads) share:
//! the caller's context from its bearer token, and refusals shaped as
//! GraphQL's errors (`errors[].message` in the request's language where
//! it is the caller's to fix, and `extensions.code`).

use actix_web::http::StatusCode;
use actix_web::http::header::{self, AUTHORIZATION};
use actix_web::{HttpMessage, HttpRequest, HttpResponse};
use domain::identity::authority::Freshness;
use domain::platform::i18n::Locale;
use domain::platform::messages;
use domain::{DomainError, TenantCtx, UserErrorCode};
use serde::de::DeserializeOwned;
use serde_json::json;

use super::middleware::RequestId;
use crate::auth::{AuthError, bearer_token, standing};
use crate::state::AppState;

/// An answer other than the file asked for: its status, code and sentences.
pub(super) struct Refusal {
    status: StatusCode,
    code: &'static str,
    messages: Vec<String>,
}

impl Refusal {
    pub(super) fn new(status: StatusCode, code: &'static str, message: String) -> Self {
        Self { status, code, messages: vec![message] }
    }

    /// A request malformed for any client (developer-facing, in English).
    pub(super) fn bad_request(why: String) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "BAD_REQUEST", why)
    }

    pub(super) fn of(error: DomainError, locale: Locale) -> Self {
        match error {
            DomainError::User(errors) => {
                let (status, code) = if errors.iter().all(|e| e.code == UserErrorCode::NotFound) {
                    (StatusCode::NOT_FOUND, "NOT_FOUND")
                } else {
                    (StatusCode::BAD_REQUEST, "BAD_USER_INPUT")
                };
                Self { status, code, messages: errors.iter().map(|e| e.message.render(locale)).collect() }
            }
            DomainError::Unauthenticated => {
                Self::new(StatusCode::UNAUTHORIZED, "UNAUTHENTICATED", messages::unauthenticated().render(locale))
            }
            DomainError::Forbidden(permission) => {
                Self::new(StatusCode::FORBIDDEN, "FORBIDDEN", messages::forbidden(permission).render(locale))
            }
            DomainError::Throttled { retry_after_secs } => {
                let seconds = i64::try_from(retry_after_secs).unwrap_or(i64::MAX);
                Self::new(StatusCode::TOO_MANY_REQUESTS, "THROTTLED", messages::throttled(seconds).render(locale))
            }
            DomainError::Database(cause) => Self::internal(locale, &cause),
            DomainError::Internal(cause) => Self::internal(locale, &cause),
        }
    }

    fn internal(locale: Locale, cause: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "answering a plain HTTP request failed");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL", messages::internal().render(locale))
    }

    /// Why a bearer token gives no principal, as GraphQL answers it.
    fn unauthenticated(error: &AuthError, locale: Locale) -> Self {
        let message = match error {
            AuthError::Unavailable => return Self::internal(locale, error),
            AuthError::Expired => messages::token_expired(),
            AuthError::Revoked => messages::access_revoked(),
            other => messages::token_invalid(&other.to_string()),
        };
        Self::new(StatusCode::UNAUTHORIZED, "UNAUTHENTICATED", message.render(locale))
    }

    pub(super) fn respond(self) -> HttpResponse {
        let code = self.code;
        let errors: Vec<_> =
            self.messages.iter().map(|m| json!({"message": m, "extensions": {"code": code}})).collect();
        let mut response = HttpResponse::build(self.status);
        if self.status == StatusCode::UNAUTHORIZED {
            response.insert_header((header::WWW_AUTHENTICATE, "Bearer"));
        }
        response.content_type("application/json").body(json!({"errors": errors}).to_string())
    }
}

/// The query parameters of `req`, every one known.
pub(super) fn params<T: DeserializeOwned>(req: &HttpRequest) -> Result<T, Refusal> {
    serde_urlencoded::from_str(req.query_string())
        .map_err(|e| Refusal::bad_request(format!("the URL's parameters are not as documented: {e}")))
}

/// The request's context, from its bearer token and the rights its
/// bearer holds now: read afresh for a change (`Freshness::Now`), at most
/// a few seconds old for a read, as for GraphQL.
pub(super) async fn context(
    req: &HttpRequest,
    state: &AppState,
    locale: Locale,
    freshness: Freshness,
) -> Result<TenantCtx, Refusal> {
    let header = req.headers().get(AUTHORIZATION).and_then(|v| v.to_str().ok());
    let Some(header) = header else {
        return Err(Refusal::of(DomainError::Unauthenticated, locale));
    };
    let verified = bearer_token(header).and_then(|token| state.tokens.verify(token));
    let principal = match verified {
        Ok(principal) => standing::current(&state.db, principal, freshness).await,
        Err(e) => Err(e),
    };
    let principal = principal.map_err(|e| Refusal::unauthenticated(&e, locale))?;
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone());
    Ok(principal.tenant_ctx(request_id))
}
