//! What every request handler shares.

use std::sync::Arc;

use domain::{Db, DbOptions};
use redis::aio::ConnectionManager;

use crate::auth::{SigningKeys, TokenIssuer};
use crate::config::Config;
use crate::http::metrics::Metrics;
use crate::ratelimit::{BucketConfig, RateLimiter};

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("creating the data folder {0}: {1}")]
    DataDir(std::path::PathBuf, std::io::Error),
    #[error("connecting to the database (DATABASE_URL)")]
    Database(#[from] sea_orm::DbErr),
    #[error("connecting to Redis (REDIS_URL)")]
    Redis(#[from] redis::RedisError),
    #[error("signing keys (SILKPORT_SIGNING_KEYS_DIR)")]
    Keys(#[from] crate::auth::keys::KeyError),
    #[error("metrics")]
    Metrics(#[from] prometheus::Error),
    #[error(
        "the database schema is {0} migration(s) behind: run `silkport migrate up` (as the schema owner, DATABASE_MIGRATION_URL) first"
    )]
    NotMigrated(usize),
    #[error(
        "DATABASE_URL connects as `{0}`, which {1}: row-level security would not fence tenants. Connect as the application role (see the README's PostgreSQL roles)"
    )]
    UnfencedRole(String, &'static str),
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub tokens: TokenIssuer,
    pub config: Arc<Config>,
    pub limiter: RateLimiter,
    pub redis: Option<ConnectionManager>,
    pub metrics: Metrics,
}

impl AppState {
    /// Opens the pools, keys and limiter that `config` describes.
    pub async fn open(config: &Config) -> Result<Self, StartError> {
        if config.is_embedded_database() {
            std::fs::create_dir_all(&config.data_dir).map_err(|e| StartError::DataDir(config.data_dir.clone(), e))?;
        }
        let mut db =
            domain::open(&DbOptions { url: config.database_url.clone(), max_connections: config.db_max_connections })
                .await?;
        let redis = match &config.redis_url {
            Some(url) => {
                let client = redis::Client::open(url.as_str())?;
                let manager = client.get_connection_manager().await?;
                let relay = crate::events::start(db.bus().clone(), client, manager.clone());
                db = db.with_event_relay(relay);
                Some(manager)
            }
            None => None,
        };
        domain::platform::db::check_schema(&db, migrations::Migrator::names())
            .await?
            .map_or(Ok(()), |behind| Err(StartError::NotMigrated(behind)))?;
        if let Some((role, why)) = domain::platform::db::unfenced_role(&db).await? {
            return Err(StartError::UnfencedRole(role, why));
        }
        // Keys are generated only for the embedded setup, in its default
        // folder; elsewhere every replica must mount the same keys.
        let generate = config.is_embedded_database() && config.signing_keys_dir == config.data_dir.join("keys");
        let keys = SigningKeys::load(&config.signing_keys_dir, generate)?;
        let bucket = BucketConfig {
            capacity: f64::from(config.rate_limit_capacity),
            per_second: f64::from(config.rate_limit_per_second),
        };
        let limiter = match &redis {
            Some(manager) => RateLimiter::redis(bucket, manager.clone()),
            None => RateLimiter::memory(bucket),
        };
        Ok(Self {
            db,
            tokens: TokenIssuer::new(Arc::new(keys), config.access_token_ttl, &config.public_url),
            config: Arc::new(config.clone()),
            limiter,
            redis,
            metrics: Metrics::new()?,
        })
    }
}
