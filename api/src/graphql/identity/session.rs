//! Sign-up, sign-in, token refresh and tenant switch, sign-out, password
//! reset and accepting invitations: the mutations that work without a token.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use domain::DomainError;
use domain::identity::sessions::SessionGrant;
use domain::identity::{self, Locale, Module, invitations, password_reset, sessions, tenants};

use super::types::Viewer;
use crate::auth::Principal;
use crate::graphql::kit::context::{db, idempotency_key, request_id, state};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::{UserError, gql_error, into_payload};

#[derive(Default)]
pub struct SessionMutations;

/// Tokens of a new session. The refresh token is shown once; store it safely.
#[derive(SimpleObject, Default)]
pub struct AuthPayload {
    /// Short-lived JWT for `Authorization: Bearer`.
    access_token: Option<String>,
    /// Opaque, single-use: each refresh returns a new one.
    refresh_token: Option<String>,
    /// When the access token expires.
    expires_at: Option<DateTime<Utc>>,
    viewer: Option<Viewer>,
    user_errors: Vec<UserError>,
}

fn auth_payload(ctx: &Context<'_>, result: Result<SessionGrant, DomainError>) -> Result<AuthPayload> {
    let (grant, user_errors) = into_payload(result)?;
    let Some(grant) = grant else { return Ok(AuthPayload { user_errors, ..Default::default() }) };
    let (access_token, expires_at) = state(ctx).tokens.issue_user(&grant).map_err(|e| {
        tracing::error!(error = %e, "signing access token failed");
        gql_error(DomainError::Internal("signing failed".into()))
    })?;
    let principal = Principal::User {
        user_id: grant.user_id,
        tenant_id: grant.tenant_id,
        role: grant.role,
        merchant_id: grant.merchant_id,
    };
    Ok(AuthPayload {
        access_token: Some(access_token),
        refresh_token: Some(grant.refresh_token),
        expires_at: Some(expires_at),
        viewer: Some(Viewer(principal)),
        user_errors,
    })
}

#[derive(InputObject)]
pub struct TenantCreateInput {
    tenant_name: String,
    /// Lower-case letters, digits and dashes; used at sign-in.
    tenant_slug: String,
    /// The owner's name.
    name: String,
    email: String,
    password: String,
    locale: Option<Enum<Locale>>,
    /// Defaults to every module.
    modules: Option<Vec<Enum<Module>>>,
    /// IANA time zone of the tenant's schedules; `Asia/Shanghai` for a
    /// Chinese-speaking tenant, else `UTC`.
    timezone: Option<String>,
    /// Makes a retry safe: the same key and input return the first result
    /// for 24 hours (or send an `Idempotency-Key` header).
    idempotency_key: Option<String>,
}

#[derive(InputObject)]
pub struct SessionCreateInput {
    email: String,
    password: String,
    /// Which tenant to sign in to; the first one when not given.
    tenant_slug: Option<String>,
}

#[derive(InputObject)]
pub struct SessionRefreshInput {
    refresh_token: String,
    /// Switch to another tenant the user belongs to.
    tenant_id: Option<ID>,
}

#[derive(InputObject)]
pub struct SessionRevokeInput {
    refresh_token: String,
}

#[derive(SimpleObject)]
pub struct SessionRevokePayload {
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct PasswordResetRequestInput {
    email: String,
    /// Ignored: the mail is in the language of the account it is for.
    #[graphql(deprecation = "the reset mail is in the account's language")]
    locale: Option<Enum<Locale>>,
}

#[derive(SimpleObject)]
pub struct PasswordResetRequestPayload {
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct PasswordResetInput {
    token: String,
    password: String,
}

#[derive(SimpleObject)]
pub struct PasswordResetPayload {
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct InvitationAcceptInput {
    token: String,
    /// Your name, when you do not have an account yet.
    name: String,
    /// A new password, or your existing account's password.
    password: String,
}

#[Object]
impl SessionMutations {
    /// Self-serve sign-up: a new tenant with you as its owner.
    async fn tenant_create(&self, ctx: &Context<'_>, input: TenantCreateInput) -> Result<AuthPayload> {
        let key = match idempotency_key(ctx, input.idempotency_key.as_deref()) {
            Ok(key) => key,
            Err(e) => return auth_payload(ctx, Err(e)),
        };
        let new = tenants::NewTenant {
            tenant_name: input.tenant_name,
            tenant_slug: input.tenant_slug,
            owner_name: input.name,
            email: input.email,
            password: input.password,
            locale: input.locale.map(Enum::into_inner),
            modules: input.modules.map(|m| m.into_iter().map(Enum::into_inner).collect()),
            timezone: input.timezone,
        };
        let result = tenants::create(db(ctx), new, key.as_ref(), request_id(ctx)).await;
        auth_payload(ctx, result)
    }

    /// Sign in with email and password.
    async fn session_create(&self, ctx: &Context<'_>, input: SessionCreateInput) -> Result<AuthPayload> {
        let result =
            sessions::login(db(ctx), &input.email, &input.password, input.tenant_slug.as_deref(), request_id(ctx))
                .await;
        auth_payload(ctx, result)
    }

    /// New tokens for a refresh token (which is used up), optionally for another tenant.
    async fn session_refresh(&self, ctx: &Context<'_>, input: SessionRefreshInput) -> Result<AuthPayload> {
        let result = match ids::decode_opt(identity::TENANT, "tenantId", input.tenant_id.as_ref()) {
            Ok(tenant_id) => sessions::refresh(db(ctx), &input.refresh_token, tenant_id, request_id(ctx)).await,
            Err(e) => Err(e),
        };
        auth_payload(ctx, result)
    }

    /// Sign out: the refresh token and every token rotated from it stop working.
    async fn session_revoke(&self, ctx: &Context<'_>, input: SessionRevokeInput) -> Result<SessionRevokePayload> {
        let (_, user_errors) = into_payload(sessions::revoke(db(ctx), &input.refresh_token, request_id(ctx)).await)?;
        Ok(SessionRevokePayload { user_errors })
    }

    /// Mails a reset link if the email has an account; says the same either way.
    async fn password_reset_request(
        &self,
        ctx: &Context<'_>,
        input: PasswordResetRequestInput,
    ) -> Result<PasswordResetRequestPayload> {
        let public_url = &state(ctx).config.public_url;
        let result = password_reset::request(db(ctx), &input.email, public_url, request_id(ctx)).await;
        let (_, user_errors) = into_payload(result)?;
        Ok(PasswordResetRequestPayload { user_errors })
    }

    /// Sets a new password with the token from the reset mail; signs out everywhere.
    async fn password_reset(&self, ctx: &Context<'_>, input: PasswordResetInput) -> Result<PasswordResetPayload> {
        let result = password_reset::reset(db(ctx), &input.token, &input.password, request_id(ctx)).await;
        let (_, user_errors) = into_payload(result)?;
        Ok(PasswordResetPayload { user_errors })
    }

    /// Joins the tenant of an invitation and signs in.
    async fn invitation_accept(&self, ctx: &Context<'_>, input: InvitationAcceptInput) -> Result<AuthPayload> {
        let result = invitations::accept(db(ctx), &input.token, &input.name, &input.password, request_id(ctx)).await;
        auth_payload(ctx, result)
    }
}
