//! What a resolver knows about its request, and the one way to turn it
//! into a domain [`TenantCtx`].

use async_graphql::{Context, Error};
use domain::platform::i18n::{Locale, Message};
use domain::platform::idempotency::IdempotencyKey;
use domain::platform::messages;
use domain::{Db, DomainError, DomainResult, TenantCtx, UserErrorCode};

use super::payload::{OrGql, coded};
use crate::auth::{AuthError, Principal, standing};
use crate::state::AppState;
use domain::identity::authority::Freshness;
use domain::platform::access::Permission;

/// Per-request data: the verified principal (or why there is none), the
/// request id, the idempotency key of the `Idempotency-Key` header, and
/// the language messages are written in (from `Accept-Language`).
#[derive(Debug, Clone, Default)]
pub struct RequestInfo {
    pub principal: Option<Result<Principal, AuthError>>,
    pub request_id: String,
    pub idempotency_key: Option<String>,
    pub locale: Locale,
}

pub fn state<'a>(ctx: &Context<'a>) -> &'a AppState {
    ctx.data_unchecked::<AppState>()
}

pub fn db<'a>(ctx: &Context<'a>) -> &'a Db {
    &state(ctx).db
}

pub fn request_id(ctx: &Context<'_>) -> Option<String> {
    ctx.data_opt::<RequestInfo>().map(|r| r.request_id.clone())
}

pub fn unauthenticated(reason: Message) -> Error {
    coded(vec![reason], "UNAUTHENTICATED")
}

/// The verified principal, or UNAUTHENTICATED saying why there is none.
pub fn principal<'a>(ctx: &Context<'a>) -> Result<&'a Principal, Error> {
    match ctx.data_opt::<RequestInfo>().and_then(|r| r.principal.as_ref()) {
        Some(Ok(principal)) => Ok(principal),
        Some(Err(e)) => Err(refused(e)),
        None => Err(unauthenticated(messages::unauthenticated())),
    }
}

/// Why a token gives no principal, as the GraphQL error a caller gets.
fn refused(error: &AuthError) -> Error {
    match error {
        AuthError::Unavailable => coded(vec![messages::internal()], "INTERNAL"),
        AuthError::Expired => unauthenticated(messages::token_expired()),
        AuthError::Revoked => unauthenticated(messages::access_revoked()),
        other => unauthenticated(messages::token_invalid(other.reason())),
    }
}

pub fn tenant_ctx(ctx: &Context<'_>) -> Result<TenantCtx, Error> {
    Ok(principal(ctx)?.tenant_ctx(request_id(ctx)))
}

/// The idempotency key of a creating mutation: its `idempotencyKey` input
/// field, else the request's `Idempotency-Key` header; both may be given
/// only when they agree.
pub fn idempotency_key(ctx: &Context<'_>, field: Option<&str>) -> DomainResult<Option<IdempotencyKey>> {
    let header = ctx.data_opt::<RequestInfo>().and_then(|r| r.idempotency_key.as_deref());
    match (field, header) {
        (Some(field), Some(header)) if field.trim() != header.trim() => {
            Err(DomainError::user("idempotencyKey", UserErrorCode::Invalid, messages::idempotency_key_conflict()))
        }
        (Some(key), _) | (None, Some(key)) => IdempotencyKey::parse(key).map(Some),
        (None, None) => Ok(None),
    }
}

/// The right behind a subscription, re-checked for each event it delivers:
/// a subscriber removed, demoted or revoked since subscribing hears
/// nothing more (the socket itself is closed too, see `http::live`).
#[derive(Clone)]
pub struct Recheck {
    db: Db,
    principal: Principal,
    request_id: Option<String>,
}

impl Recheck {
    pub fn of(ctx: &Context<'_>) -> Result<Self, Error> {
        Ok(Self { db: db(ctx).clone(), principal: principal(ctx)?.clone(), request_id: request_id(ctx) })
    }

    /// `Ok` while the subscriber still holds `permission`; the error is the
    /// subscription's last message.
    pub async fn allows(&self, permission: Permission) -> Result<(), Error> {
        let current =
            standing::current(&self.db, self.principal.clone(), Freshness::Recent).await.map_err(|e| refused(&e))?;
        current.tenant_ctx(self.request_id.clone()).require(permission).or_gql()
    }
}
