//! Starting the pieces: pools, keys, limiter, HTTP server, worker runner;
//! and the one-off commands (migrate, seed, tenant create).

use anyhow::{Context, bail};
use api::{AppState, Config};
use domain::Db;
use domain::identity::seed::{self, DemoLogin};
use domain::identity::signup::{self, NewTenant, Opened};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{Database, DatabaseConnection};
use tokio::sync::watch;
use workers::wake::redis_publisher;
use workers::{Mailer, Runner, RunnerConfig, WakeSources};

fn bind(config: &Config) -> anyhow::Result<std::net::TcpListener> {
    std::net::TcpListener::bind(config.bind).with_context(|| format!("binding {} (SILKPORT_BIND)", config.bind))
}

/// A connection for migrations: the owner role of `DATABASE_MIGRATION_URL`.
/// On PostgreSQL without it, `DATABASE_URL`'s role is tried, and a failure
/// says which variable to set.
pub async fn connect_migrator(config: &Config) -> anyhow::Result<DatabaseConnection> {
    let url = config.migration_url();
    if url.starts_with("sqlite") {
        std::fs::create_dir_all(&config.data_dir)
            .with_context(|| format!("creating the data folder {}", config.data_dir.display()))?;
    } else if config.migration_database_url.is_none() {
        tracing::warn!("DATABASE_MIGRATION_URL is not set; migrating as DATABASE_URL's role");
    }
    Database::connect(url).await.context("connecting for migrations (DATABASE_MIGRATION_URL)")
}

pub async fn migrate_up(config: &Config) -> anyhow::Result<()> {
    let db = connect_migrator(config).await?;
    Migrator::up(&db, None).await.map_err(|e| migration_error(config, e))
}

/// Names the variable to fix when the role may not change the schema.
pub fn migration_error(config: &Config, error: sea_orm::DbErr) -> anyhow::Error {
    match &config.migration_database_url {
        None if !config.is_embedded_database() => anyhow::anyhow!(
            "migrating as DATABASE_URL's role failed ({error}); set DATABASE_MIGRATION_URL to the URL of the role that owns the schema"
        ),
        _ => anyhow::anyhow!("migrating (DATABASE_MIGRATION_URL) failed: {error}"),
    }
}

/// The pool alone, for one-off commands: no keys, no Redis, no server.
async fn pool(config: &Config) -> anyhow::Result<Db> {
    let options = domain::DbOptions { url: config.database_url.clone(), max_connections: 2 };
    let db = domain::open(&options).await.context("connecting to the database (DATABASE_URL)")?;
    if let Some(behind) = domain::platform::db::check_schema(&db, Migrator::names()).await? {
        bail!(
            "the database schema is {behind} migration(s) behind: run `silkport migrate up` (as the schema owner, DATABASE_MIGRATION_URL) first"
        );
    }
    Ok(db)
}

async fn open(config: &Config) -> anyhow::Result<AppState> {
    let mut state = AppState::open(config).await?;
    if let Some(manager) = &state.redis {
        state.db = state.db.with_jobs_committed_hook(redis_publisher(manager.clone()));
    }
    Ok(state)
}

/// Seeds the demo tenant; on the embedded default it migrates first.
pub async fn seed_demo(config: &Config) -> anyhow::Result<Vec<DemoLogin>> {
    if config.is_embedded_database() {
        migrate_up(config).await?;
    }
    let db = pool(config).await?;
    let logins = seed::demo(&db).await?;
    domain::demo::warehouse(&db).await?;
    Ok(logins)
}

/// `silkport inventory check --tenant <slug>`: prints what was checked and
/// every mismatch; true when there is none.
pub async fn check_inventory(config: &Config, slug: &str) -> anyhow::Result<bool> {
    let db = pool(config).await?;
    let Some(report) = domain::inventory::check::run_for_tenant(&db, slug).await? else {
        bail!("no tenant has the slug `{slug}`");
    };
    eprintln!(
        "tenant `{slug}`: {} stock levels, {} bins, {} movements checked; {} mismatch(es)",
        report.levels,
        report.bins,
        report.movements,
        report.mismatches.len()
    );
    for m in &report.mismatches {
        let place = match (m.location_id, &m.lot, m.received_on) {
            (Some(location), lot, day) => format!(
                " location {location}{}{}",
                lot.as_ref().map(|l| format!(" lot {l}")).unwrap_or_default(),
                day.map(|d| format!(" received {d}")).unwrap_or_default()
            ),
            _ => String::new(),
        };
        eprintln!(
            "  {}: sku {} warehouse {}{place}: {} is {}, expected {}",
            m.invariant.as_str(),
            m.sku_id,
            m.warehouse_id,
            m.quantity,
            m.recorded,
            m.expected
        );
    }
    Ok(report.mismatches.is_empty())
}

/// `silkport tenant create`: a tenant and its owner, for a fresh install.
pub async fn create_tenant(config: &Config, new: NewTenant) -> anyhow::Result<()> {
    let db = pool(config).await?;
    let (slug, email) = (new.tenant_slug.clone(), new.email.clone());
    match signup::open_by_operator(&db, new).await {
        Ok(Opened::NewAccount(_)) => {
            eprintln!("Tenant `{slug}` is ready: sign in as {email} with tenant `{slug}` once `silkport serve` runs.");
            Ok(())
        }
        Ok(Opened::ExistingAccount(_)) => {
            eprintln!("Tenant `{slug}` is ready; {email} already had an account, which owns it with its own password.");
            Ok(())
        }
        Err(domain::DomainError::User(errors)) => {
            let reasons: Vec<String> = errors
                .iter()
                .map(|e| format!("{}: {}", e.field.last().map(String::as_str).unwrap_or("input"), e.message))
                .collect();
            bail!("the tenant was not created:\n  {}", reasons.join("\n  "))
        }
        Err(e) => Err(e.into()),
    }
}

/// The demo logins as a short table on standard output (the log goes to
/// standard error), headed by where to sign in.
pub fn print_logins(heading: &str, logins: &[DemoLogin]) {
    let mut text = format!(
        "\n  {heading}\n  Demo tenant `{}`, password `{}` for every login:\n\n",
        seed::DEMO_SLUG,
        seed::DEMO_PASSWORD
    );
    for login in logins {
        text.push_str(&format!("    {:<12} {}\n", login.role.as_str(), login.email));
    }
    #[expect(clippy::print_stdout, reason = "the logins are this output's point, apart from the log")]
    {
        println!("{text}");
    }
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
    // Take the port first: a second server on it changes nothing.
    let listener = bind(&config)?;
    let logins = if config.is_embedded_database() { Some(seed_demo(&config).await?) } else { None };
    let state = open(&config).await?;
    let schema = api::graphql::build_schema(state.clone());
    let (stop_workers, stopped) = watch::channel(false);
    let workers = if with_workers {
        let runner = runner(&config, &state)?;
        Some(tokio::spawn(runner.run(stopped)))
    } else {
        None
    };
    let server = api::http::start(state, schema, listener, None)?;
    tracing::info!(bind = %config.bind, workers = with_workers, "serving");
    if let Some(logins) = logins {
        let url = config.public_url.trim_end_matches('/');
        print_logins(&format!("Silkport is running at {url}  (GraphiQL: {url}/graphql)"), &logins);
    }
    server.await?;
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
