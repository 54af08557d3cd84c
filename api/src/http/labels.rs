//! Location labels for printers, over plain HTTP because a PDF is no
//! GraphQL value (README, "Print location labels"):
//!
//! - `GET /labels/locations.pdf?warehouseId=…&type=PICK&query=A-01`: an A4
//!   sheet of every location the filters keep, as `locations` takes them
//!   (each optional), in code order, at most 5,000;
//! - `GET /labels/location.svg?id=…`: the label of one location.
//!
//! Callers authenticate as for GraphQL (`Authorization: Bearer …`) and need
//! `warehouses:read`. Refusals are GraphQL-shaped JSON (`errors[].message`,
//! in the request's language where it is the caller's to fix, and
//! `extensions.code`): 400 for bad parameters, 401, 403, and 404 for an
//! unknown location or filters that keep none.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, AUTHORIZATION};
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use async_graphql::{InputType, Value};
use domain::identity::authority::Freshness;
use domain::inventory::labels;
use domain::inventory::locations::{Filter, LocationType};
use domain::inventory::{LOCATION, WAREHOUSE};
use domain::platform::i18n::Locale;
use domain::platform::messages;
use domain::{DomainError, TenantCtx, UserErrorCode};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::json;

use super::language;
use super::middleware::RequestId;
use crate::auth::{AuthError, bearer_token, standing};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SheetParams {
    warehouse_id: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    query: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OneParams {
    id: String,
}

/// An answer other than labels: its status, code and sentences.
struct Refusal {
    status: StatusCode,
    code: &'static str,
    messages: Vec<String>,
}

impl Refusal {
    fn new(status: StatusCode, code: &'static str, message: String) -> Self {
        Self { status, code, messages: vec![message] }
    }

    /// A request malformed for any client (developer-facing, in English).
    fn bad_request(why: String) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "BAD_REQUEST", why)
    }

    fn of(error: DomainError, locale: Locale) -> Self {
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
        tracing::error!(error = %cause, "printing labels failed");
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

    fn respond(self) -> HttpResponse {
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
fn params<T: DeserializeOwned>(req: &HttpRequest) -> Result<T, Refusal> {
    serde_urlencoded::from_str(req.query_string())
        .map_err(|e| Refusal::bad_request(format!("the URL's parameters are not as documented: {e}")))
}

/// The request's context, from its bearer token and the rights its
/// bearer holds now (at most a few seconds old, as for GraphQL queries).
async fn context(req: &HttpRequest, state: &AppState, locale: Locale) -> Result<TenantCtx, Refusal> {
    let header = req.headers().get(AUTHORIZATION).and_then(|v| v.to_str().ok());
    let Some(header) = header else {
        return Err(Refusal::of(DomainError::Unauthenticated, locale));
    };
    let verified = bearer_token(header).and_then(|token| state.tokens.verify(token));
    let principal = match verified {
        Ok(principal) => standing::current(&state.db, principal, Freshness::Recent).await,
        Err(e) => Err(e),
    };
    let principal = principal.map_err(|e| Refusal::unauthenticated(&e, locale))?;
    let request_id = req.extensions().get::<RequestId>().map(|r| r.0.clone());
    Ok(principal.tenant_ctx(request_id))
}

fn location_type(text: &str) -> Result<LocationType, Refusal> {
    <Enum<LocationType> as InputType>::parse(Some(Value::String(text.to_owned()))).map(Enum::into_inner).map_err(|_| {
        let names: Vec<String> = LocationType::ALL.iter().map(|t| InputType::to_value(&Enum(*t)).to_string()).collect();
        Refusal::bad_request(format!("`type` is one of {}", names.join(", ")))
    })
}

fn attachment(content_type: &'static str, filename: &str, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CONTENT_DISPOSITION, format!("inline; filename=\"{filename}\"")))
        // Labels are a tenant's own: never kept by a shared cache.
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(body)
}

async fn print_sheet(req: &HttpRequest, state: &AppState, locale: Locale) -> Result<HttpResponse, Refusal> {
    let ctx = context(req, state, locale).await?;
    let params: SheetParams = params(req)?;
    let warehouse = params.warehouse_id.map(async_graphql::ID);
    let filter = Filter {
        warehouse_id: ids::decode_opt(WAREHOUSE, "warehouseId", warehouse.as_ref())
            .map_err(|e| Refusal::of(e, locale))?,
        kind: params.kind.as_deref().map(location_type).transpose()?,
        code_prefix: params.query,
    };
    let sheet = state.db.read(&ctx, async |tx| labels::sheet(tx, &filter).await).await;
    let sheet = sheet.map_err(|e| Refusal::of(e, locale))?;
    // Thousands of labels are milliseconds of work, but not for the thread that serves requests.
    let pdf = web::block(move || labels::pdf(&sheet)).await.unwrap_or_else(|e| Err(DomainError::internal(e)));
    Ok(attachment("application/pdf", "location-labels.pdf", pdf.map_err(|e| Refusal::of(e, locale))?))
}

async fn print_one(req: &HttpRequest, state: &AppState, locale: Locale) -> Result<HttpResponse, Refusal> {
    let ctx = context(req, state, locale).await?;
    let params: OneParams = params(req)?;
    let id = ids::decode(LOCATION, "id", &async_graphql::ID(params.id)).map_err(|e| Refusal::of(e, locale))?;
    let label = state.db.read(&ctx, async |tx| labels::one(tx, id).await).await.map_err(|e| Refusal::of(e, locale))?;
    let label = label.ok_or_else(|| Refusal::of(DomainError::not_found("id"), locale))?;
    let svg = labels::svg(&label).map_err(|e| Refusal::of(e, locale))?;
    Ok(attachment("image/svg+xml", &format!("{}.svg", label.code), svg.into_bytes()))
}

/// `GET /labels/locations.pdf`
pub async fn sheet(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let locale = language::of_request(&req);
    print_sheet(&req, &state, locale).await.unwrap_or_else(Refusal::respond)
}

/// `GET /labels/location.svg`
pub async fn one(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let locale = language::of_request(&req);
    print_one(&req, &state, locale).await.unwrap_or_else(Refusal::respond)
}
