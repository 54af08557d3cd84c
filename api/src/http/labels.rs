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

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use async_graphql::{InputType, Value};
use domain::DomainError;
use domain::identity::authority::Freshness;
use domain::inventory::labels;
use domain::inventory::locations::{Filter, LocationType};
use domain::inventory::{LOCATION, WAREHOUSE};
use domain::platform::i18n::Locale;
use serde::Deserialize;

use super::language;
use super::refusal::{Refusal, context, params};
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
    let ctx = context(req, state, locale, Freshness::Recent).await?;
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
    let ctx = context(req, state, locale, Freshness::Recent).await?;
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
