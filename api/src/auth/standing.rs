//! A verified token's principal, brought up to date: the role and merchant
//! of the membership as it is now, the scopes of the partner client as it
//! is now (never more than the token carries), or [`AuthError::Revoked`]
//! when the membership or the client is gone, or the person's sessions were
//! ended (a password reset) after the token was issued. See
//! `domain::identity::authority` for how fresh "now" is.

use domain::Db;
use domain::identity::authority::{self, Freshness};

use super::{AuthError, Principal};

/// The principal with the rights it holds now.
pub async fn current(db: &Db, principal: Principal, freshness: Freshness) -> Result<Principal, AuthError> {
    match principal {
        Principal::User { user_id, tenant_id, issued_at, .. } => {
            let standing = authority::member(db, tenant_id, user_id, freshness).await.map_err(unavailable)?;
            let standing = standing.ok_or(AuthError::Revoked)?;
            // `iat` has whole seconds: a token of the reset's own second stays.
            if standing.sessions_revoked_at.is_some_and(|at| issued_at < at.timestamp()) {
                return Err(AuthError::Revoked);
            }
            Ok(Principal::User {
                user_id,
                tenant_id,
                role: standing.role,
                merchant_id: standing.merchant_id,
                issued_at,
            })
        }
        Principal::Client { client_id, tenant_id, scopes, .. } => {
            let standing = authority::client(db, tenant_id, client_id, freshness).await.map_err(unavailable)?;
            let standing = standing.ok_or(AuthError::Revoked)?;
            // A token asked for some of the client's scopes; a narrowed
            // client narrows its live tokens, a widened one does not widen them.
            let scopes = scopes.into_iter().filter(|s| standing.scopes.contains(s)).collect();
            Ok(Principal::Client { client_id, tenant_id, merchant_id: standing.merchant_id, scopes })
        }
    }
}

fn unavailable(error: domain::DomainError) -> AuthError {
    tracing::error!(error = %error, "reading the standing of a token's principal failed");
    AuthError::Unavailable
}
