//! Sign-up, sign-in, token refresh and tenant switch, sign-out, password
//! reset and accepting invitations: the mutations that work without a token.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use domain::DomainError;
use domain::identity::grants::SessionGrant;
use domain::identity::signup::{self, SignUp};
use domain::identity::signup_links;
use domain::identity::{self, Locale, Module, invitations, password_reset, sessions};

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
        issued_at: chrono::Utc::now().timestamp(),
    };
    Ok(AuthPayload {
        access_token: Some(access_token),
        refresh_token: Some(grant.refresh_token),
        expires_at: Some(expires_at),
        viewer: Some(Viewer(principal)),
        user_errors,
    })
}

/// The answer to a sign-up. For a new address, or one whose password did
/// not match, nothing says whether the address has an account: `mailSent`
/// is true and the mail tells the owner of the address what happened (a
/// confirmation link to follow, or a note that the account exists). Only
/// an existing, verified account's own password signs in at once.
#[derive(SimpleObject, Default)]
pub struct TenantCreatePayload {
    /// Set when signed in at once (see above).
    access_token: Option<String>,
    refresh_token: Option<String>,
    expires_at: Option<DateTime<Utc>>,
    viewer: Option<Viewer>,
    /// True when the answer is in the mail: show "check your mail".
    mail_sent: bool,
    user_errors: Vec<UserError>,
}

#[derive(InputObject)]
pub struct SignupConfirmInput {
    /// The `token` of the link in the confirmation mail.
    token: String,
}

#[derive(InputObject)]
pub struct TenantCreateInput {
    tenant_name: String,
    /// Lower-case letters, digits and dashes; used at sign-in.
    tenant_slug: String,
    /// The owner's name.
    name: String,
    email: String,
    /// 10 to 128 characters of at least two kinds (letters, digits,
    /// symbols), not a well-known one, not containing the email address.
    password: String,
    /// The owner's language and the tenant's default; `ZH_CN` when not given.
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
    /// Self-serve sign-up: a new tenant with you as its owner, confirmed by
    /// mail (see `TenantCreatePayload`).
    async fn tenant_create(&self, ctx: &Context<'_>, input: TenantCreateInput) -> Result<TenantCreatePayload> {
        let key = match idempotency_key(ctx, input.idempotency_key.as_deref()) {
            Ok(key) => key,
            Err(e) => {
                let (_, user_errors) = into_payload::<()>(Err(e))?;
                return Ok(TenantCreatePayload { user_errors, ..Default::default() });
            }
        };
        let new = signup::NewTenant {
            tenant_name: input.tenant_name,
            tenant_slug: input.tenant_slug,
            owner_name: input.name,
            email: input.email,
            password: input.password,
            locale: input.locale.map(Enum::into_inner),
            modules: input.modules.map(|m| m.into_iter().map(Enum::into_inner).collect()),
            timezone: input.timezone,
        };
        let public_url = &state(ctx).config.public_url;
        let (answer, user_errors) =
            into_payload(signup::sign_up(db(ctx), new, key.as_ref(), public_url, request_id(ctx)).await)?;
        match answer {
            Some(SignUp::SignedIn(grant)) => {
                let session = auth_payload(ctx, Ok(grant))?;
                Ok(TenantCreatePayload {
                    access_token: session.access_token,
                    refresh_token: session.refresh_token,
                    expires_at: session.expires_at,
                    viewer: session.viewer,
                    mail_sent: false,
                    user_errors,
                })
            }
            Some(SignUp::MailSent) => Ok(TenantCreatePayload { mail_sent: true, user_errors, ..Default::default() }),
            None => Ok(TenantCreatePayload { user_errors, ..Default::default() }),
        }
    }

    /// Follows the link of the sign-up confirmation mail: confirms the
    /// address and signs in to the new tenant. Errors on `token`:
    /// `INVALID_CREDENTIALS`, `LINK_USED`, `EXPIRED`.
    async fn signup_confirm(&self, ctx: &Context<'_>, input: SignupConfirmInput) -> Result<AuthPayload> {
        let result = signup_links::confirm(db(ctx), &input.token, request_id(ctx)).await;
        auth_payload(ctx, result)
    }

    /// Sign in with email and password. An address not yet confirmed gets
    /// `EMAIL_UNCONFIRMED` (with the right password) and a new link by mail.
    async fn session_create(&self, ctx: &Context<'_>, input: SessionCreateInput) -> Result<AuthPayload> {
        let public_url = &state(ctx).config.public_url;
        let slug = input.tenant_slug.as_deref();
        let result = sessions::login(db(ctx), &input.email, &input.password, slug, public_url, request_id(ctx)).await;
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
