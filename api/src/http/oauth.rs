//! OAuth 2.0 client credentials (RFC 6749 §4.4) for partner API clients,
//! the JWKS that verifies the tokens, and authorization server metadata
//! (RFC 8414) so standard clients discover both.

use actix_web::http::StatusCode;
use actix_web::http::header::{AUTHORIZATION, CACHE_CONTROL, PRAGMA, WWW_AUTHENTICATE};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use domain::identity::api_clients::{self, ClientAuthError};
use domain::platform::access::{Permission, format_scopes};
use serde_json::json;

use crate::state::AppState;

/// An error response of RFC 6749 §5.2. Every 401 (`invalid_client`)
/// names the scheme to authenticate with in `WWW-Authenticate`.
fn oauth_error(status: StatusCode, error: &str, description: &str) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((CACHE_CONTROL, "no-store")).insert_header((PRAGMA, "no-cache"));
    if status == StatusCode::UNAUTHORIZED {
        response.insert_header((WWW_AUTHENTICATE, "Basic realm=\"silkport\", charset=\"UTF-8\""));
    }
    response.json(json!({"error": error, "error_description": description}))
}

/// Client credentials from HTTP Basic (RFC 6749 §2.3.1: both parts are
/// form-urlencoded before base64).
fn basic_credentials(header: &str) -> Option<(String, String)> {
    let encoded = header.strip_prefix("Basic ")?;
    let decoded = String::from_utf8(STANDARD.decode(encoded.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    let unescape =
        |s: &str| serde_urlencoded::from_str::<Vec<(String, String)>>(&format!("v={s}")).ok()?.pop().map(|(_, v)| v);
    Some((unescape(id)?, unescape(secret)?))
}

pub async fn token(req: HttpRequest, body: web::Bytes, state: web::Data<AppState>) -> HttpResponse {
    if !req.content_type().eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "use application/x-www-form-urlencoded");
    }
    let Ok(params) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body) else {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "the body is not form-encoded");
    };
    let mut seen = std::collections::HashSet::new();
    if let Some((name, _)) = params.iter().find(|(k, _)| !seen.insert(k.as_str())) {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", &format!("parameter `{name}` is repeated"));
    }
    let param = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    match param("grant_type") {
        Some("client_credentials") => {}
        Some(_) => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "only client_credentials is supported",
            );
        }
        None => return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "grant_type is required"),
    }
    let basic = req.headers().get(AUTHORIZATION).and_then(|v| v.to_str().ok()).filter(|h| h.starts_with("Basic "));
    let (client_id, secret) = match (basic, param("client_id"), param("client_secret")) {
        (Some(_), _, Some(_)) => {
            return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "use one client authentication method");
        }
        (Some(header), body_id, None) => match basic_credentials(header) {
            // RFC 6749 §2.3: one client per request; a `client_id` in the
            // body may only repeat the one authenticated by Basic.
            Some((id, _)) if body_id.is_some_and(|body_id| body_id != id) => {
                return oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "the client_id in the body differs from the client authenticated by HTTP Basic",
                );
            }
            Some(credentials) => credentials,
            None => return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "malformed Basic credentials"),
        },
        (None, Some(id), Some(secret)) => (id.to_owned(), secret.to_owned()),
        (None, _, _) => {
            return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "client authentication is required");
        }
    };
    match api_clients::authenticate(&state.db, &client_id, &secret, param("scope")).await {
        Ok(grant) => match state.tokens.issue_client(&grant) {
            Ok((access_token, _)) => HttpResponse::Ok()
                .insert_header((CACHE_CONTROL, "no-store"))
                .insert_header((PRAGMA, "no-cache"))
                .json(json!({
                    "access_token": access_token,
                    "token_type": "Bearer",
                    "expires_in": state.tokens.ttl().as_secs(),
                    "scope": format_scopes(&grant.scopes),
                })),
            Err(e) => {
                tracing::error!(error = %e, "signing client token failed");
                oauth_error(StatusCode::INTERNAL_SERVER_ERROR, "server_error", "internal error")
            }
        },
        Err(ClientAuthError::InvalidClient) => {
            oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "client authentication failed")
        }
        Err(ClientAuthError::InvalidScope(why)) => oauth_error(StatusCode::BAD_REQUEST, "invalid_scope", &why),
    }
}

pub async fn jwks(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().insert_header((CACHE_CONTROL, "public, max-age=300")).json(state.tokens.keys().jwks())
}

/// RFC 8414 metadata. `issuer` is the public URL, the `iss` of every token
/// we sign. `response_types_supported` is required there although no
/// grant of ours uses an authorization endpoint: `none` (OAuth 2.0
/// Multiple Response Type Encoding Practices §4) says that none is issued.
pub async fn metadata(state: web::Data<AppState>) -> HttpResponse {
    let issuer = state.tokens.issuer();
    HttpResponse::Ok().insert_header((CACHE_CONTROL, "public, max-age=300")).json(json!({
        "issuer": issuer,
        "token_endpoint": format!("{issuer}/oauth/token"),
        "jwks_uri": format!("{issuer}/.well-known/jwks.json"),
        "grant_types_supported": ["client_credentials"],
        "response_types_supported": ["none"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "scopes_supported": Permission::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
    }))
}
