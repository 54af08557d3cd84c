//! Starting the pieces: pools, keys, limiter, HTTP server, worker runner.

use std::sync::Arc;

use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpServer};
use anyhow::Context;
use api::auth::{SigningKeys, TokenIssuer};
use api::http::metrics::Metrics;
use api::ratelimit::{BucketConfig, RateLimiter};
use api::{AppState, Config};
use domain::jobs::mail::SEND_EMAIL;
use domain::seed::{self, DemoLogin};
use domain::{Db, DbOptions};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{Database, DatabaseConnection};
use tokio::sync::watch;
use workers::email::SendEmail;
use workers::wake::{Wake, redis_publisher};
use workers::{Mailer, Runner, RunnerConfig};

fn ensure_data_dir(config: &Config) -> anyhow::Result<()> {
    if config.is_embedded_database() {
        std::fs::create_dir_all(&config.data_dir)
            .with_context(|| format!("creating the data folder {}", config.data_dir.display()))?;
    }
    Ok(())
}

pub async fn connect_migrator(config: &Config) -> anyhow::Result<DatabaseConnection> {
    ensure_data_dir(config)?;
    Database::connect(config.migration_database_url.as_str()).await.context("connecting for migrations (DATABASE_MIGRATION_URL)")
}

async fn redis_manager(config: &Config) -> anyhow::Result<Option<redis::aio::ConnectionManager>> {
    let Some(url) = &config.redis_url else { return Ok(None) };
    let client = redis::Client::open(url.as_str()).context("REDIS_URL")?;
    Ok(Some(client.get_connection_manager().await.context("connecting to Redis (REDIS_URL)")?))
}

async fn open(config: &Config) -> anyhow::Result<(AppState, Option<redis::Client>)> {
    ensure_data_dir(config)?;
    let mut db = Db::connect(&DbOptions { url: config.database_url.clone(), max_connections: config.db_max_connections })
        .await
        .context("connecting to the database (DATABASE_URL)")?;
    let redis = redis_manager(config).await?;
    if let Some(manager) = &redis {
        db = db.with_jobs_committed_hook(redis_publisher(manager.clone()));
    }
    let generate = config.signing_keys_dir == config.data_dir.join("keys");
    let keys = SigningKeys::load(&config.signing_keys_dir, generate).context("SILKPORT_SIGNING_KEYS_DIR")?;
    let bucket = BucketConfig {
        capacity: f64::from(config.rate_limit_capacity),
        per_second: f64::from(config.rate_limit_per_second),
    };
    let limiter = match &redis {
        Some(manager) => RateLimiter::redis(bucket, manager.clone()),
        None => RateLimiter::memory(bucket),
    };
    let state = AppState {
        db,
        tokens: TokenIssuer::new(Arc::new(keys), config.access_token_ttl),
        config: Arc::new(config.clone()),
        limiter,
        redis,
        metrics: Metrics::new().context("registering metrics")?,
    };
    let redis_client = match &config.redis_url {
        Some(url) => Some(redis::Client::open(url.as_str())?),
        None => None,
    };
    Ok((state, redis_client))
}

pub async fn seed_demo(config: &Config) -> anyhow::Result<Vec<DemoLogin>> {
    let migrator = connect_migrator(config).await?;
    Migrator::up(&migrator, None).await.context("migrating")?;
    let (state, _) = open(config).await?;
    Ok(seed::demo(&state.db).await?)
}

pub fn print_logins(config: &Config, logins: &[DemoLogin]) {
    eprintln!("\nSilkport demo tenant `{}`; password for every login: {}", seed::DEMO_SLUG, seed::DEMO_PASSWORD);
    for login in logins {
        eprintln!("  {:12} {}", login.role.as_str(), login.email);
    }
    eprintln!("Portal and API: {}  (GraphQL at {}/graphql)\n", config.public_url, config.public_url.trim_end_matches('/'));
}

fn mailer(config: &Config) -> anyhow::Result<Mailer> {
    Ok(match &config.smtp_url {
        Some(url) => Mailer::smtp(url, &config.mail_from)?,
        None => Mailer::outbox(config.data_dir.join("outbox"), &config.mail_from)?,
    })
}

fn runner(config: &Config, state: &AppState, redis: Option<redis::Client>) -> anyhow::Result<Runner> {
    let wake = Wake::new(&state.db);
    if !config.is_embedded_database() {
        wake.listen_postgres(&state.db);
    }
    if let Some(client) = redis {
        wake.listen_redis(client);
    }
    let mailer = mailer(config)?;
    tracing::info!(mail = %mailer.describe(), "mail transport ready");
    let runner_config = RunnerConfig {
        concurrency: config.worker_concurrency,
        lease: config.job_lease,
        poll_interval: config.job_poll_interval,
        backoff_base: config.job_backoff_base,
        ..RunnerConfig::default()
    };
    Ok(Runner::new(state.db.clone(), runner_config, wake).handle(SEND_EMAIL, Arc::new(SendEmail { mailer })))
}

pub async fn serve(config: Config, with_workers: bool) -> anyhow::Result<()> {
    if config.is_embedded_database() {
        let logins = seed_demo(&config).await?;
        print_logins(&config, &logins);
    }
    let (state, redis) = open(&config).await?;
    let schema = api::graphql::build_schema(state.clone());
    let (stop_workers, stopped) = watch::channel(false);
    let workers = if with_workers {
        let runner = runner(&config, &state, redis)?;
        Some(tokio::spawn(runner.run(stopped)))
    } else {
        None
    };
    let http_state = state.clone();
    let cors = config.cors_origins.clone();
    tracing::info!(bind = %config.bind, workers = with_workers, "serving");
    HttpServer::new(move || {
        App::new()
            .wrap(api::http::cors(&cors))
            .wrap(api::http::middleware::security_headers())
            .wrap(Compress::default())
            .wrap(from_fn(api::http::middleware::observe))
            .configure(|cfg| api::http::api_routes(cfg, &http_state, &schema))
    })
    .shutdown_timeout(30)
    .bind(config.bind)
    .with_context(|| format!("binding {} (SILKPORT_BIND)", config.bind))?
    .run()
    .await?;
    let _ = stop_workers.send(true);
    if let Some(workers) = workers {
        workers.await.ok();
    }
    Ok(())
}

pub async fn work(config: Config) -> anyhow::Result<()> {
    let (state, redis) = open(&config).await?;
    let (stop_workers, stopped) = watch::channel(false);
    let runner = runner(&config, &state, redis)?;
    let workers = tokio::spawn(runner.run(stopped));
    let probe_state = state.clone();
    tracing::info!(bind = %config.bind, "worker serving probes");
    HttpServer::new(move || {
        App::new()
            .wrap(from_fn(api::http::middleware::observe))
            .configure(|cfg| api::http::probe_routes(cfg, &probe_state))
    })
    .workers(1)
    .shutdown_timeout(30)
    .bind(config.bind)
    .with_context(|| format!("binding {} (SILKPORT_BIND)", config.bind))?
    .run()
    .await?;
    let _ = stop_workers.send(true);
    workers.await.ok();
    Ok(())
}
