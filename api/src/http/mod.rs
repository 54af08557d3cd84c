//! HTTP routes and middleware: GraphQL (POST, GraphiQL on GET, graphql-ws),
//! OAuth token endpoint, JWKS, health, readiness, metrics, and the portal.

pub mod graphql;
pub mod health;
pub mod metrics;
pub mod middleware;
pub mod oauth;
pub mod portal;

use actix_cors::Cors;
use actix_web::web;

use crate::graphql::AppSchema;
use crate::state::AppState;

/// Every route of the API process.
pub fn api_routes(cfg: &mut web::ServiceConfig, state: &AppState, schema: &AppSchema) {
    cfg.app_data(web::Data::new(state.clone()))
        .app_data(web::Data::new(schema.clone()))
        .app_data(web::PayloadConfig::new(state.config.max_body_bytes))
        .service(
            web::resource("/graphql")
                .route(web::post().to(graphql::execute))
                .route(web::get().to(graphql::graphiql)),
        )
        .service(web::resource("/graphql/ws").route(web::get().to(graphql::subscriptions)))
        .service(web::resource("/oauth/token").route(web::post().to(oauth::token)))
        .service(web::resource("/.well-known/jwks.json").route(web::get().to(oauth::jwks)))
        .service(web::resource("/.well-known/oauth-authorization-server").route(web::get().to(oauth::metadata)));
    probe_routes(cfg, state);
    portal::routes(cfg, &state.config.web_dir);
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
            .allowed_headers(["authorization", "content-type", "x-request-id"])
            .expose_headers(["x-request-id"])
            .max_age(600),
        |cors, origin| cors.allowed_origin(origin),
    )
}
