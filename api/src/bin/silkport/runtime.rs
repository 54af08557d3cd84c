//! Starting the pieces: pools, keys, limiter, HTTP server, worker runner.

use anyhow::Context;
use api::{AppState, Config};
use domain::identity::seed::{self, DemoLogin};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{Database, DatabaseConnection};
use tokio::sync::watch;
use workers::wake::redis_publisher;
use workers::{Mailer, Runner, RunnerConfig, WakeSources};

fn ensure_data_dir(config: &Config) -> anyhow::Result<()> {
    if config.is_embedded_database() {
        std::fs::create_dir_all(&config.data_dir)
            .with_context(|| format!("creating the data folder {}", config.data_dir.display()))?;
    }
    Ok(())
}

fn bind(config: &Config) -> anyhow::Result<std::net::TcpListener> {
    std::net::TcpListener::bind(config.bind).with_context(|| format!("binding {} (SILKPORT_BIND)", config.bind))
}

pub async fn connect_migrator(config: &Config) -> anyhow::Result<DatabaseConnection> {
    ensure_data_dir(config)?;
    Database::connect(config.migration_database_url.as_str())
        .await
        .context("connecting for migrations (DATABASE_MIGRATION_URL)")
}

async fn open(config: &Config) -> anyhow::Result<AppState> {
    let mut state = AppState::open(config).await?;
    if let Some(manager) = &state.redis {
        state.db = state.db.with_jobs_committed_hook(redis_publisher(manager.clone()));
    }
    Ok(state)
}

pub async fn seed_demo(config: &Config) -> anyhow::Result<Vec<DemoLogin>> {
    let migrator = connect_migrator(config).await?;
    Migrator::up(&migrator, None).await.context("migrating")?;
    let state = open(config).await?;
    Ok(seed::demo(&state.db).await?)
}

pub fn print_logins(config: &Config, logins: &[DemoLogin]) {
    eprintln!("\nSilkport demo tenant `{}`; password for every login: {}", seed::DEMO_SLUG, seed::DEMO_PASSWORD);
    for login in logins {
        eprintln!("  {:12} {}", login.role.as_str(), login.email);
    }
    eprintln!(
        "Portal and API: {}  (GraphQL at {}/graphql)\n",
        config.public_url,
        config.public_url.trim_end_matches('/')
    );
}

fn mailer(config: &Config) -> anyhow::Result<Mailer> {
    Ok(match &config.smtp_url {
        Some(url) => Mailer::smtp(url, &config.mail_from)?,
        None => Mailer::outbox(config.data_dir.join("outbox"), &config.mail_from)?,
    })
}

fn runner(config: &Config, state: &AppState) -> anyhow::Result<Runner> {
    let mailer = mailer(config)?;
    tracing::info!(mail = %mailer.describe(), "mail transport ready");
    let runner_config = RunnerConfig {
        concurrency: config.worker_concurrency,
        lease: config.job_lease,
        poll_interval: config.job_poll_interval,
        backoff_base: config.job_backoff_base,
        shutdown_grace: config.shutdown_grace,
        ..RunnerConfig::default()
    };
    let redis = config.redis_url.as_deref().map(redis::Client::open).transpose()?;
    let sources = WakeSources { postgres: !config.is_embedded_database(), redis };
    Ok(workers::standard_runner(&state.db, runner_config, mailer, sources))
}

pub async fn serve(config: Config, with_workers: bool) -> anyhow::Result<()> {
    if config.is_embedded_database() {
        let logins = seed_demo(&config).await?;
        print_logins(&config, &logins);
    }
    let state = open(&config).await?;
    let schema = api::graphql::build_schema(state.clone());
    let (stop_workers, stopped) = watch::channel(false);
    let workers = if with_workers {
        let runner = runner(&config, &state)?;
        Some(tokio::spawn(runner.run(stopped)))
    } else {
        None
    };
    tracing::info!(bind = %config.bind, workers = with_workers, "serving");
    let listener = bind(&config)?;
    api::http::start(state, schema, listener, None)?.await?;
    let _ = stop_workers.send(true);
    if let Some(workers) = workers {
        workers.await.ok();
    }
    Ok(())
}

pub async fn work(config: Config) -> anyhow::Result<()> {
    let state = open(&config).await?;
    let (stop_workers, stopped) = watch::channel(false);
    let runner = runner(&config, &state)?;
    let workers = tokio::spawn(runner.run(stopped));
    tracing::info!(bind = %config.bind, "worker serving probes");
    api::http::start_probes(state, bind(&config)?)?.await?;
    let _ = stop_workers.send(true);
    workers.await.ok();
    Ok(())
}
