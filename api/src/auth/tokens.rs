//! Access tokens: short-lived EdDSA JWTs with `kid`, for users (a role in
//! one tenant) and partner clients (scopes, optionally a merchant). Only
//! EdDSA is accepted; `alg: none` and HMAC tokens fail before any key is
//! looked at.
//!
//! The claims are checked as RFC 7519 §4.1 has them, so that tokens any JWT
//! library makes for us and ours read the same: `iss` is the server's
//! public URL, the issuer of its RFC 8414 metadata; `aud` may be a string
//! or an array that contains [`AUDIENCE`]; `exp` and `nbf` are enforced
//! with [`LEEWAY_SECS`] of clock skew.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use domain::TenantCtx;
use domain::identity::api_clients::ClientGrant;
use domain::identity::grants::SessionGrant;
use domain::platform::access::{Permission, Role, format_scopes, parse_scopes};
use jsonwebtoken::{Algorithm, Header, Validation};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::keys::SigningKeys;

/// Clock skew tolerated on `exp` and `nbf`, in seconds.
pub const LEEWAY_SECS: u32 = 5;
pub const AUDIENCE: &str = "silkport-api";

/// The claims of the tokens we issue.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    /// User id, or the API client's id.
    pub sub: String,
    pub tid: Uuid,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
    /// `user` or `client`.
    pub typ: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The merchant a merchant-role user or merchant-bound client acts for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mid: Option<Uuid>,
}

/// The claims a principal is made of, once the token's registered claims
/// (`iss`, `aud` in either form, `exp`, `nbf`) have passed validation.
#[derive(Debug, Deserialize)]
struct Verified {
    sub: String,
    tid: Uuid,
    exp: i64,
    /// Absent: as old as can be (refused once the person's sessions were ended).
    #[serde(default)]
    iat: i64,
    typ: String,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    mid: Option<Uuid>,
}

/// Who a verified token speaks for.
#[derive(Debug, Clone)]
pub enum Principal {
    /// `issued_at`: the token's `iat` (seconds since the epoch, UTC).
    User {
        user_id: Uuid,
        tenant_id: Uuid,
        role: Role,
        merchant_id: Option<Uuid>,
        issued_at: i64,
    },
    Client {
        client_id: Uuid,
        tenant_id: Uuid,
        merchant_id: Option<Uuid>,
        scopes: Vec<Permission>,
    },
}

impl Principal {
    pub fn tenant_ctx(&self, request_id: Option<String>) -> TenantCtx {
        match self {
            Principal::User { user_id, tenant_id, role, merchant_id, .. } => {
                TenantCtx::user(*tenant_id, *user_id, *role, *merchant_id, request_id)
            }
            Principal::Client { client_id, tenant_id, merchant_id, scopes } => {
                TenantCtx::api_client(*tenant_id, *client_id, *merchant_id, scopes.clone(), request_id)
            }
        }
    }

    pub fn tenant_id(&self) -> Uuid {
        match self {
            Principal::User { tenant_id, .. } | Principal::Client { tenant_id, .. } => *tenant_id,
        }
    }

    /// The merchant whose goods alone this principal sees.
    pub fn merchant_id(&self) -> Option<Uuid> {
        match self {
            Principal::User { merchant_id, .. } | Principal::Client { merchant_id, .. } => *merchant_id,
        }
    }

    /// Stable key for per-principal limits and logs.
    pub fn key(&self) -> String {
        match self {
            Principal::User { user_id, .. } => format!("u:{user_id}"),
            Principal::Client { client_id, .. } => format!("c:{client_id}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("access token is malformed")]
    Malformed,
    #[error("access token has expired")]
    Expired,
    #[error("access token is not valid yet (`nbf`)")]
    NotYetValid,
    #[error("access token signature is not valid")]
    BadSignature,
    #[error("access token uses an unsupported algorithm")]
    BadAlgorithm,
    #[error("access token is signed by an unknown key")]
    UnknownKey,
    #[error("access token claims are not valid")]
    BadClaims,
    /// The token is valid, but its bearer's membership or client was
    /// removed or revoked since it was minted.
    #[error("access to this tenant was removed or revoked; sign in again")]
    Revoked,
    /// The rights behind the token could not be read (database down).
    #[error("access could not be checked; try again")]
    Unavailable,
}

impl AuthError {
    /// Why a token is refused, in one word (the `reason` of the
    /// catalogue's `platform-token-invalid`).
    pub fn reason(&self) -> &'static str {
        match self {
            AuthError::NotYetValid => "not_yet_valid",
            AuthError::BadSignature => "bad_signature",
            AuthError::BadAlgorithm => "bad_algorithm",
            AuthError::UnknownKey => "unknown_key",
            AuthError::BadClaims => "bad_claims",
            AuthError::Malformed => "malformed",
            AuthError::Expired => "expired",
            AuthError::Revoked => "revoked",
            AuthError::Unavailable => "unavailable",
        }
    }
}

/// How many verified tokens are remembered (each is checked once, then
/// looked up until it expires).
const VERIFIED_CAPACITY: u64 = 20_000;

#[derive(Clone)]
pub struct TokenIssuer {
    keys: Arc<SigningKeys>,
    ttl: Duration,
    /// `iss`: the public URL, as the RFC 8414 metadata names it.
    issuer: Arc<str>,
    /// Tokens whose signature and claims were checked, by their exact text,
    /// with the principal and the expiry (Unix seconds) they carry.
    verified: moka::sync::Cache<String, (Principal, i64)>,
}

impl TokenIssuer {
    /// Issues and verifies tokens of `issuer` (the public URL) that live `ttl`.
    pub fn new(keys: Arc<SigningKeys>, ttl: Duration, issuer: &str) -> Self {
        let verified = moka::sync::Cache::builder().max_capacity(VERIFIED_CAPACITY).time_to_live(ttl).build();
        Self { keys, ttl, issuer: issuer.into(), verified }
    }

    /// The `iss` of our tokens and the `issuer` of our metadata.
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    pub fn keys(&self) -> &SigningKeys {
        &self.keys
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    fn sign(&self, claims: &Claims) -> Result<String, jsonwebtoken::errors::Error> {
        let (kid, key) = self.keys.current();
        let header = Header { kid: Some(kid.to_owned()), ..Header::new(Algorithm::EdDSA) };
        jsonwebtoken::encode(&header, claims, key)
    }

    fn base_claims(&self, sub: Uuid, tenant_id: Uuid, typ: &str) -> (Claims, DateTime<Utc>) {
        let now = Utc::now();
        let exp = now + chrono::Duration::from_std(self.ttl).unwrap_or_else(|_| chrono::Duration::minutes(15));
        let claims = Claims {
            iss: self.issuer.to_string(),
            aud: AUDIENCE.into(),
            sub: sub.to_string(),
            tid: tenant_id,
            iat: now.timestamp(),
            exp: exp.timestamp(),
            jti: Uuid::now_v7().to_string(),
            typ: typ.into(),
            role: None,
            scope: None,
            mid: None,
        };
        (claims, exp)
    }

    pub fn issue_user(&self, grant: &SessionGrant) -> Result<(String, DateTime<Utc>), jsonwebtoken::errors::Error> {
        let (mut claims, exp) = self.base_claims(grant.user_id, grant.tenant_id, "user");
        claims.role = Some(grant.role.as_str().into());
        claims.mid = grant.merchant_id;
        Ok((self.sign(&claims)?, exp))
    }

    pub fn issue_client(&self, grant: &ClientGrant) -> Result<(String, DateTime<Utc>), jsonwebtoken::errors::Error> {
        let (mut claims, exp) = self.base_claims(grant.client.id, grant.tenant_id, "client");
        claims.scope = Some(format_scopes(&grant.scopes));
        claims.mid = grant.client.merchant_id;
        Ok((self.sign(&claims)?, exp))
    }

    /// The principal of a valid token. The EdDSA check runs once per token;
    /// later uses of the same text are looked up, expiry still enforced.
    pub fn verify(&self, token: &str) -> Result<Principal, AuthError> {
        self.verify_until(token).map(|(principal, _)| principal)
    }

    /// [`Self::verify`], with the Unix second from which the token is
    /// refused (what a long-lived connection must end at).
    pub fn verify_until(&self, token: &str) -> Result<(Principal, i64), AuthError> {
        if let Some((principal, exp)) = self.verified.get(token) {
            return if Utc::now().timestamp() < exp { Ok((principal, exp)) } else { Err(AuthError::Expired) };
        }
        let (principal, exp) = self.verify_signed(token)?;
        // jsonwebtoken still accepts the token during its last second; the
        // cache above does not, and neither may this first check.
        if Utc::now().timestamp() >= exp {
            return Err(AuthError::Expired);
        }
        self.verified.insert(token.to_owned(), (principal.clone(), exp));
        Ok((principal, exp))
    }

    fn verify_signed(&self, token: &str) -> Result<(Principal, i64), AuthError> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| AuthError::Malformed)?;
        if header.alg != Algorithm::EdDSA {
            return Err(AuthError::BadAlgorithm);
        }
        let kid = header.kid.ok_or(AuthError::UnknownKey)?;
        let key = self.keys.verifying(&kid).ok_or(AuthError::UnknownKey)?;
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_issuer(&[&*self.issuer]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = LEEWAY_SECS.into();
        let data = jsonwebtoken::decode::<Verified>(token, key, &validation).map_err(|e| {
            use jsonwebtoken::errors::ErrorKind;
            match e.kind() {
                ErrorKind::ExpiredSignature => AuthError::Expired,
                ErrorKind::ImmatureSignature => AuthError::NotYetValid,
                ErrorKind::InvalidSignature => AuthError::BadSignature,
                ErrorKind::InvalidAlgorithm => AuthError::BadAlgorithm,
                ErrorKind::InvalidToken | ErrorKind::Base64(_) | ErrorKind::Json(_) | ErrorKind::Utf8(_) => {
                    AuthError::Malformed
                }
                _ => AuthError::BadClaims,
            }
        })?;
        let claims = data.claims;
        let sub = Uuid::try_parse(&claims.sub).map_err(|_| AuthError::BadClaims)?;
        let principal = match claims.typ.as_str() {
            "user" => {
                let role = claims.role.as_deref().and_then(Role::parse).ok_or(AuthError::BadClaims)?;
                Principal::User {
                    user_id: sub,
                    tenant_id: claims.tid,
                    role,
                    merchant_id: claims.mid,
                    issued_at: claims.iat,
                }
            }
            "client" => {
                let scopes =
                    parse_scopes(claims.scope.as_deref().unwrap_or_default()).map_err(|_| AuthError::BadClaims)?;
                Principal::Client { client_id: sub, tenant_id: claims.tid, merchant_id: claims.mid, scopes }
            }
            _ => return Err(AuthError::BadClaims),
        };
        // The validation above allows 5 s of leeway; so does the lookup.
        Ok((principal, claims.exp + i64::from(LEEWAY_SECS)))
    }
}

/// The token of an `Authorization: Bearer <token>` value (RFC 6750 §2.1).
pub fn bearer_token(header: &str) -> Result<&str, AuthError> {
    let token = header.strip_prefix("Bearer ").or_else(|| header.strip_prefix("bearer "));
    token.map(str::trim).ok_or(AuthError::Malformed)
}
