//! Stock as CSV over plain HTTP (README, "Stock and its ledger"):
//!
//! - `GET /exports/stock.csv?warehouseId=…&merchantId=…&by=level|bin`: one
//!   row per stock level (default) or per bin, with codes, every quantity
//!   and, per bin, the stock age.
//!
//! Callers authenticate as for GraphQL; `inventory:read`; a merchant-bound
//! caller gets its own merchant's stock only.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use domain::catalog::MERCHANT;
use domain::identity::authority::Freshness;
use domain::inventory::WAREHOUSE;
use domain::inventory::export::{self, ExportFilter};
use domain::platform::i18n::Locale;
use serde::Deserialize;

use super::language;
use super::refusal::{Refusal, context, params};
use crate::graphql::kit::ids;
use crate::state::AppState;

#[derive(Deserialize, Default, PartialEq, Eq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Grain {
    #[default]
    Level,
    Bin,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StockParams {
    warehouse_id: Option<String>,
    merchant_id: Option<String>,
    #[serde(default)]
    by: Grain,
}

async fn stock(req: &HttpRequest, state: &AppState, locale: Locale) -> Result<HttpResponse, Refusal> {
    let ctx = context(req, state, locale, Freshness::Recent).await?;
    let query: StockParams = params(req)?;
    let decode = |kind, field, raw: Option<String>| {
        ids::decode_opt(kind, field, raw.map(async_graphql::ID).as_ref()).map_err(|e| Refusal::of(e, locale))
    };
    let filter = ExportFilter {
        warehouse_id: decode(WAREHOUSE, "warehouseId", query.warehouse_id)?,
        merchant_id: decode(MERCHANT, "merchantId", query.merchant_id)?,
    };
    let file = match query.by {
        Grain::Level => state.db.read(&ctx, async |tx| export::levels_csv(tx, &filter).await).await,
        Grain::Bin => state.db.read(&ctx, async |tx| export::bins_csv(tx, &filter).await).await,
    };
    let file = file.map_err(|e| Refusal::of(e, locale))?;
    let name = if query.by == Grain::Bin { "stock-bins.csv" } else { "stock.csv" };
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        // A tenant's own data: never kept by a shared cache.
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(file))
}

/// `GET /exports/stock.csv`
pub async fn export_stock(req: HttpRequest, state: web::Data<AppState>) -> HttpResponse {
    let locale = language::of_request(&req);
    stock(&req, &state, locale).await.unwrap_or_else(Refusal::respond)
}
