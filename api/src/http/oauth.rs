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

fn oauth_error(status: StatusCode, error: &str, description: &str, basic: bool) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response.insert_header((CACHE_CONTROL, "no-store")).insert_header((PRAGMA, "no-cache"));
    if basic && status == StatusCode::UNAUTHORIZED {
        response.insert_header((WWW_AUTHENTICATE, "Basic realm=\"silkport\""));
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
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "use application/x-www-form-urlencoded", false);
    }
    let Ok(params) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body) else {
        return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "the body is not form-encoded", false);
    };
    let mut seen = std::collections::HashSet::new();
    if let Some((name, _)) = params.iter().find(|(k, _)| !seen.insert(k.as_str())) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            &format!("parameter `{name}` is repeated"),
            false,
        );
    }
    let param = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    match param("grant_type") {
        Some("client_credentials") => {}
        Some(_) => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "only client_credentials is supported",
                false,
            );
        }
        None => return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", "grant_type is required", false),
    }
    let basic = req.headers().get(AUTHORIZATION).and_then(|v| v.to_str().ok()).filter(|h| h.starts_with("Basic "));
    let (client_id, secret) = match (basic, param("client_id"), param("client_secret")) {
        (Some(_), _, Some(_)) => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "use one client authentication method",
                false,
            );
        }
        (Some(header), _, None) => match basic_credentials(header) {
            Some(credentials) => credentials,
            None => {
                return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "malformed Basic credentials", true);
            }
        },
        (None, Some(id), Some(secret)) => (id.to_owned(), secret.to_owned()),
        (None, _, _) => {
            return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "client authentication is required", false);
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
                oauth_error(StatusCode::INTERNAL_SERVER_ERROR, "server_error", "internal error", false)
            }
        },
        Err(ClientAuthError::InvalidClient) => {
            oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "client authentication failed", basic.is_some())
        }
        Err(ClientAuthError::InvalidScope(why)) => oauth_error(StatusCode::BAD_REQUEST, "invalid_scope", &why, false),
    }
}

pub async fn jwks(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().insert_header((CACHE_CONTROL, "public, max-age=300")).json(state.tokens.keys().jwks())
}

pub async fn metadata(state: web::Data<AppState>) -> HttpResponse {
    let base = state.config.public_url.trim_end_matches('/');
    HttpResponse::Ok().json(json!({
        "issuer": crate::auth::tokens::ISSUER,
        "token_endpoint": format!("{base}/oauth/token"),
        "jwks_uri": format!("{base}/.well-known/jwks.json"),
        "grant_types_supported": ["client_credentials"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "token_endpoint_auth_signing_alg_values_supported": ["EdDSA"],
        "scopes_supported": Permission::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
    }))
}
