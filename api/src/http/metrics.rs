//! Prometheus metrics of the HTTP edge.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use actix_web::{HttpResponse, web};
use domain::platform::db::DbStats;
use prometheus::{Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, Opts, Registry, TextEncoder};

use crate::state::AppState;

#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    db_statements: IntCounter,
    db_transactions: IntCounter,
    /// Database counts already added to the counters.
    db_seen: Arc<Mutex<(u64, u64)>>,
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
        let db_statements = IntCounter::new("db_statements_total", "SQL statements sent to the database")?;
        let db_transactions = IntCounter::new("db_transactions_total", "database transactions opened")?;
        registry.register(Box::new(requests.clone()))?;
        registry.register(Box::new(latency.clone()))?;
        registry.register(Box::new(db_statements.clone()))?;
        registry.register(Box::new(db_transactions.clone()))?;
        Ok(Self { registry, requests, latency, db_statements, db_transactions, db_seen: Arc::default() })
    }

    pub fn observe(&self, method: &str, status: u16, elapsed: Duration) {
        self.requests.with_label_values(&[method, &status.to_string()]).inc();
        self.latency.with_label_values(&[method]).observe(elapsed.as_secs_f64());
    }

    fn sync_db(&self, stats: &DbStats) {
        let mut seen = self.db_seen.lock().unwrap_or_else(|p| p.into_inner());
        let (statements, transactions) = (stats.statements(), stats.transactions());
        self.db_statements.inc_by(statements.saturating_sub(seen.0));
        self.db_transactions.inc_by(transactions.saturating_sub(seen.1));
        *seen = (statements, transactions);
    }
}

pub async fn scrape(state: web::Data<AppState>) -> HttpResponse {
    state.metrics.sync_db(state.db.stats());
    let mut buffer = Vec::new();
    match TextEncoder::new().encode(&state.metrics.registry.gather(), &mut buffer) {
        Ok(()) => HttpResponse::Ok().content_type("text/plain; version=0.0.4").body(buffer),
        Err(e) => {
            tracing::error!(error = %e, "encoding metrics failed");
            HttpResponse::InternalServerError().finish()
        }
    }
}
