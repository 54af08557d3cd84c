//! Prometheus metrics of the HTTP edge.

use std::time::Duration;

use actix_web::{HttpResponse, web};
use prometheus::{Encoder, HistogramOpts, HistogramVec, IntCounterVec, Opts, Registry, TextEncoder};

use crate::state::AppState;

#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
}

impl Metrics {
    pub fn new() -> Result<Self, prometheus::Error> {
        let registry = Registry::new_custom(Some("silkport".into()), None)?;
        let requests =
            IntCounterVec::new(Opts::new("http_requests_total", "HTTP requests served"), &["method", "status"])?;
        let latency = HistogramVec::new(
            HistogramOpts::new("http_request_duration_seconds", "HTTP request latency")
                .buckets(vec![0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5]),
            &["method"],
        )?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        Ok(Self { registry, requests, latency })
    }

    pub fn observe(&self, method: &str, status: u16, elapsed: Duration) {
        self.requests.with_label_values(&[method, &status.to_string()]).inc();
        self.latency.with_label_values(&[method]).observe(elapsed.as_secs_f64());
    }
}

pub async fn scrape(state: web::Data<AppState>) -> HttpResponse {
    let mut buffer = Vec::new();
    match TextEncoder::new().encode(&state.metrics.registry.gather(), &mut buffer) {
        Ok(()) => HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(buffer),
        Err(e) => {
            tracing::error!(error = %e, "encoding metrics failed");
            HttpResponse::InternalServerError().finish()
        }
    }
}
