//! What a resolver knows about its request, and the one way to turn it
//! into a domain [`TenantCtx`].

use async_graphql::{Context, Error};
use domain::platform::i18n::{Locale, Message};
use domain::platform::idempotency::IdempotencyKey;
use domain::platform::messages;
use domain::{Db, DomainError, DomainResult, TenantCtx, UserErrorCode};

use super::payload::coded;
use crate::auth::{AuthError, Principal};
use crate::state::AppState;

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
        Some(Err(AuthError::Expired)) => Err(unauthenticated(messages::token_expired())),
        Some(Err(e)) => Err(unauthenticated(messages::token_invalid(&e.to_string()))),
        None => Err(unauthenticated(messages::unauthenticated())),
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
