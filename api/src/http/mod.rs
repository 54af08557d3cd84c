//! HTTP routes and middleware: GraphQL (POST, GET, GraphiQL, graphql-ws),
//! OAuth token endpoint, JWKS, location labels (PDF, SVG), shipping labels, uploads and
//! CSV downloads of imports and the catalog, health,
//! readiness, metrics, and the portal.

pub mod graphql;
pub mod health;
mod imports;
mod labels;
mod language;
mod live;
pub mod metrics;
pub mod middleware;
pub mod oauth;
pub mod portal;
mod refusal;
mod shipment_labels;
mod stock_export;

use std::net::TcpListener;

use actix_cors::Cors;
use actix_web::dev::Server;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer, web};

use crate::graphql::AppSchema;
use crate::state::AppState;

/// Every route of the API process.
pub fn api_routes(cfg: &mut web::ServiceConfig, state: &AppState, schema: &AppSchema) {
    cfg.app_data(web::Data::new(state.clone()))
        .app_data(web::Data::new(schema.clone()))
        .app_data(web::PayloadConfig::new(state.config.max_body_bytes))
        .service(web::resource("/graphql").route(web::post().to(graphql::execute)).route(web::get().to(graphql::get)))
        .service(web::resource("/graphql/ws").route(web::get().to(graphql::subscriptions)))
        .service(web::resource("/oauth/token").route(web::post().to(oauth::token)))
        .service(web::resource("/.well-known/jwks.json").route(web::get().to(oauth::jwks)))
        .service(web::resource("/.well-known/oauth-authorization-server").route(web::get().to(oauth::metadata)))
        .service(web::resource("/labels/locations.pdf").route(web::get().to(labels::sheet)))
        .service(web::resource("/labels/location.svg").route(web::get().to(labels::one)))
        .service(web::resource("/labels/shipments/{id}").route(web::get().to(shipment_labels::label)))
        .service(
            web::resource("/uploads")
                // One byte over the limit, so the domain says what the limit is.
                .app_data(web::PayloadConfig::new(domain::platform::imports::MAX_UPLOAD_BYTES + 1))
                .route(web::post().to(imports::upload)),
        )
        .service(web::resource("/imports/{id}/errors.csv").route(web::get().to(imports::error_report)))
        .service(web::resource("/order-imports/{id}/errors.csv").route(web::get().to(imports::order_error_report)))
        .service(web::resource("/exports/skus.csv").route(web::get().to(imports::export_skus)))
        .service(web::resource("/exports/stock.csv").route(web::get().to(stock_export::export_stock)));
    probe_routes(cfg, state);
    portal::routes(cfg, &portal::Portal::new(state.config.web_dir.as_deref()));
}

/// Health, readiness and metrics: all a worker process serves.
pub fn probe_routes(cfg: &mut web::ServiceConfig, state: &AppState) {
    cfg.app_data(web::Data::new(state.clone()))
        .service(web::resource("/healthz").route(web::get().to(health::healthz)))
        .service(web::resource("/readyz").route(web::get().to(health::readyz)))
        .service(web::resource("/metrics").route(web::get().to(metrics::scrape)));
}

/// Cross-origin access for the configured portal origins only.
pub fn cors(origins: &[String]) -> Cors {
    origins.iter().fold(
        Cors::default()
            .allowed_methods(["GET", "POST"])
            .allowed_headers(["authorization", "content-type", "x-request-id", "idempotency-key"])
            .expose_headers(["x-request-id"])
            .max_age(600),
        |cors, origin| cors.allowed_origin(origin),
    )
}

/// Starts the API server on `listener` (the binary and the tests alike).
pub fn start(
    state: AppState,
    schema: AppSchema,
    listener: TcpListener,
    workers: Option<usize>,
) -> std::io::Result<Server> {
    let cors = state.config.cors_origins.clone();
    let mut server = HttpServer::new(move || {
        App::new()
            .wrap(self::cors(&cors))
            .wrap(middleware::security_headers())
            .wrap(Compress::default())
            .wrap(from_fn(middleware::observe))
            .configure(|cfg| api_routes(cfg, &state, &schema))
    })
    .shutdown_timeout(30);
    if let Some(workers) = workers {
        server = server.workers(workers);
    }
    Ok(server.listen(listener)?.run())
}

/// Starts the probe server of a worker process.
pub fn start_probes(state: AppState, listener: TcpListener) -> std::io::Result<Server> {
    let server = HttpServer::new(move || {
        App::new().wrap(from_fn(middleware::observe)).configure(|cfg| probe_routes(cfg, &state))
    })
    .workers(1)
    .shutdown_timeout(30);
    Ok(server.listen(listener)?.run())
}
