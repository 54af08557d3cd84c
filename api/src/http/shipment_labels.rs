//! Shipping labels, over plain HTTP because a PDF is no GraphQL value:
//! `GET /labels/shipments/{id}` (the shipment's id, as in
//! `Shipment.labelUrl`: its UUID or its global id) answers the label the
//! carrier printed, as `application/pdf`, or for ZPL as
//! `text/plain; charset=utf-8`: ZPL II is a printer's program in plain
//! text with no registered media type, and text lets an operator read it
//! or send it raw to a Zebra printer (`lp -o raw`) as it is.
//!
//! Callers authenticate as for GraphQL and need `orders:read`; owner
//! scoping applies (a merchant fetches only its own orders' labels).
//! Refusals as for the location labels (`http/refusal.rs`): 401, 403, and
//! 404 for an unknown shipment or one without a label.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use domain::DomainError;
use domain::fulfilment::SHIPMENT;
use domain::fulfilment::carriers::LabelFormat;
use domain::fulfilment::shipping;
use domain::identity::authority::Freshness;
use domain::platform::i18n::Locale;
use uuid::Uuid;

use super::language;
use super::refusal::{Refusal, context};
use crate::graphql::kit::ids;
use crate::state::AppState;

fn shipment_id(raw: &str, locale: Locale) -> Result<Uuid, Refusal> {
    if let Ok(id) = Uuid::parse_str(raw) {
        return Ok(id);
    }
    ids::decode(SHIPMENT, "id", &async_graphql::ID(raw.to_owned())).map_err(|e| Refusal::of(e, locale))
}

async fn fetch(req: &HttpRequest, state: &AppState, locale: Locale, raw: &str) -> Result<HttpResponse, Refusal> {
    let ctx = context(req, state, locale, Freshness::Recent).await?;
    let id = shipment_id(raw, locale)?;
    let label = state.db.read(&ctx, async |tx| shipping::label(tx, id).await).await;
    let label = label.map_err(|e| Refusal::of(e, locale))?;
    let label = label.ok_or_else(|| Refusal::of(DomainError::not_found("id"), locale))?;
    let (content_type, extension) = match label.format {
        LabelFormat::Pdf => ("application/pdf", "pdf"),
        LabelFormat::Zpl => ("text/plain; charset=utf-8", "zpl"),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{}.{extension}\"", label.tracking_number),
        ))
        // Labels carry a recipient's address: never kept by a shared cache.
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(label.bytes))
}

/// `GET /labels/shipments/{id}`
pub async fn label(req: HttpRequest, state: web::Data<AppState>, path: web::Path<String>) -> HttpResponse {
    let locale = language::of_request(&req);
    fetch(&req, &state, locale, &path).await.unwrap_or_else(Refusal::respond)
}
