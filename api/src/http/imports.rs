//! Files in and out, over plain HTTP because a file is no GraphQL value
//! (README, "Import and export SKUs", "Import orders"):
//!
//! - `POST /uploads?filename=products.csv`: the raw file as the body (any
//!   content type, at most 10 MiB); answers `201` with `{"id": "gid://
//!   silkport/Upload/…", "filename", "sizeBytes", "sha256"}` for
//!   `skuImportStart` or `orderImportStart`. A plain body rather than
//!   GraphQL's multipart request: no multipart parser in the way, the size
//!   limit is the framework's payload limit, and a browser sends a `File`
//!   as it is.
//! - `GET /imports/{uuid}/errors.csv`: a SKU import's faults,
//!   `line,column,code,message`, in the request's language.
//! - `GET /order-imports/{uuid}/errors.csv`: an order import's faults and
//!   notices (code `skipped`), alike.
//! - `GET /exports/skus.csv?merchantId=…`: a merchant's SKUs in Silkport's
//!   own CSV, which an import reads back.
//!
//! Callers authenticate as for GraphQL (`Authorization: Bearer …`); an
//! upload needs `catalog:write` or `orders:write`, the downloads
//! `catalog:read` (SKUs) or `orders:read` (orders), and a merchant-bound
//! caller reaches only its own merchant's. Another tenant's or merchant's
//! import is not found (404).

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use domain::DomainError;
use domain::catalog::MERCHANT;
use domain::catalog::import::{self, export};
use domain::identity::authority::Freshness;
use domain::orders::import as order_import;
use domain::platform::i18n::Locale;
use domain::platform::imports::{UPLOAD, upload as uploads};
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use super::language;
use super::refusal::{Refusal, context, params};
use crate::graphql::kit::ids;
use crate::state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UploadParams {
    filename: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ExportParams {
    merchant_id: Option<String>,
}

fn csv_file(filename: &str, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{filename}\"")))
        // A tenant's own data: never kept by a shared cache.
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(body)
}

async fn store(req: &HttpRequest, state: &AppState, body: web::Bytes, locale: Locale) -> Result<HttpResponse, Refusal> {
    let ctx = context(req, state, locale, Freshness::Now).await?;
    let params: UploadParams = params(req)?;
    let name = params.filename.unwrap_or_default();
    let saved = state.db.write(&ctx, async |tx| uploads::store(tx, &name, body.to_vec()).await).await;
    let saved = saved.map_err(|e| Refusal::of(e, locale))?;
    let answer = json!({"id": ids::encode(UPLOAD, saved.id).to_string(), "filename": saved.filename,
                        "sizeBytes": saved.size_bytes, "sha256": saved.sha256});
    Ok(HttpResponse::build(StatusCode::CREATED).content_type("application/json").body(answer.to_string()))
}

/// Which imports a report is of.
#[derive(Clone, Copy)]
enum Imports {
    Skus,
    Orders,
}

async fn errors(
    req: &HttpRequest,
    state: &AppState,
    id: &str,
    of: Imports,
    locale: Locale,
) -> Result<HttpResponse, Refusal> {
    let ctx = context(req, state, locale, Freshness::Recent).await?;
    let not_found = || Refusal::of(DomainError::not_found("id"), locale);
    let id = Uuid::try_parse(id).map_err(|_| not_found())?;
    let report = state
        .db
        .read(&ctx, async |tx| match of {
            Imports::Skus => import::report_csv(tx, id, locale).await,
            Imports::Orders => order_import::report_csv(tx, id, locale).await,
        })
        .await;
    let report = report.map_err(|e| Refusal::of(e, locale))?.ok_or_else(not_found)?;
    Ok(csv_file(&format!("import-{id}-errors.csv"), report))
}

async fn skus(req: &HttpRequest, state: &AppState, locale: Locale) -> Result<HttpResponse, Refusal> {
    let ctx = context(req, state, locale, Freshness::Recent).await?;
    let params: ExportParams = params(req)?;
    let merchant = params.merchant_id.map(async_graphql::ID);
    let merchant = ids::decode_opt(MERCHANT, "merchantId", merchant.as_ref()).map_err(|e| Refusal::of(e, locale))?;
    let file = state.db.read(&ctx, async |tx| export::skus_csv(tx, merchant).await).await;
    let file = file.map_err(|e| Refusal::of(e, locale))?;
    let file = file.ok_or_else(|| Refusal::of(DomainError::not_found("merchantId"), locale))?;
    Ok(csv_file("skus.csv", file))
}

/// `POST /uploads`
pub async fn upload(req: HttpRequest, state: web::Data<AppState>, body: web::Bytes) -> HttpResponse {
    let locale = language::of_request(&req);
    store(&req, &state, body, locale).await.unwrap_or_else(Refusal::respond)
}

/// `GET /imports/{id}/errors.csv`
pub async fn error_report(req: HttpRequest, state: web::Data<AppState>, id: web::Path<String>) -> HttpResponse {
    let locale = language::of_request(&req);
    errors(&req, &state, &id, Imports::Skus, locale).await.unwrap_or_else(Refusal::respond)
}

/// `GET /order-imports/{id}/errors.csv`
pub async fn order_error_report(req: HttpRequest, state: web::Data<AppState>, id: web::Path<String>) -> HttpResponse {
    let locale = language::of_request(&req);
    errors(&req, &state, &id, Imports::Orders, locale).await.unwrap_or_else(Refusal::respond)
}

/// `GET /exports/skus.csv`
pub async fn export_skus(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let locale = language::of_request(&req);
    skus(&req, &state, locale).await.unwrap_or_else(Refusal::respond)
}
