//! What every request handler shares.

use std::sync::Arc;

use domain::Db;
use redis::aio::ConnectionManager;

use crate::auth::TokenIssuer;
use crate::config::Config;
use crate::http::metrics::Metrics;
use crate::ratelimit::RateLimiter;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub tokens: TokenIssuer,
    pub config: Arc<Config>,
    pub limiter: RateLimiter,
    pub redis: Option<ConnectionManager>,
    pub metrics: Metrics,
}
