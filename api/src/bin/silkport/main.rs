//! `silkport`: the one binary. The composition root: reads configuration,
//! opens pools, and starts the API, the workers, or both.

mod runtime;

/// mimalloc: the server allocates many small short-lived values per request
/// (GraphQL values, rows, JSON); glibc's allocator spent a fifth of the CPU
/// of a 50-row list on them (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use api::Config;
use clap::{Parser, Subcommand};
use domain::identity::Locale;
use domain::identity::signup::NewTenant;
use migrations::{Migrator, MigratorTrait};

#[derive(Parser)]
#[command(name = "silkport", version, about = "Silkport: cross-border e-commerce operations for a pilot zone")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and portal (the default). Runs the workers too unless --no-workers.
    Serve {
        /// API only, for production API pods (workers run as `silkport work`).
        #[arg(long)]
        no_workers: bool,
    },
    /// Run the background workers only (with /healthz, /readyz, /metrics).
    Work,
    /// Database migrations.
    Migrate {
        #[command(subcommand)]
        action: MigrateAction,
    },
    /// Load data.
    Seed {
        #[command(subcommand)]
        what: SeedWhat,
    },
    /// Tenants.
    Tenant {
        #[command(subcommand)]
        action: TenantAction,
    },
    /// Stock.
    Inventory {
        #[command(subcommand)]
        action: InventoryAction,
    },
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Signing keys.
    Keys {
        #[command(subcommand)]
        action: KeysAction,
    },
}

#[derive(Subcommand)]
enum MigrateAction {
    /// Apply every pending migration.
    Up,
    /// Revert the last migration.
    Down,
    /// List migrations and whether they are applied.
    Status,
}

#[derive(Subcommand)]
enum SeedWhat {
    /// The demo tenant with one user per role.
    Demo,
}

#[derive(Subcommand)]
enum TenantAction {
    /// Create a tenant and its owner (the first one of a fresh install, say).
    /// The owner's password is read from SILKPORT_OWNER_PASSWORD, else from
    /// the first line of standard input.
    Create {
        /// The tenant's name.
        #[arg(long)]
        name: String,
        /// Lower-case letters, digits and dashes; used at sign-in.
        #[arg(long)]
        slug: String,
        #[arg(long)]
        owner_email: String,
        #[arg(long)]
        owner_name: String,
        /// `zh-CN` or `en`.
        #[arg(long, default_value = "zh-CN")]
        locale: String,
        /// IANA time zone of the tenant's schedules; by the locale when not given.
        #[arg(long)]
        timezone: Option<String>,
    },
}

#[derive(Subcommand)]
enum InventoryAction {
    /// Verify the stock ledger of a tenant: every level equals the sum of its
    /// movements and bins, nothing below zero. Names every mismatch and
    /// exits with status 1 when there is one.
    Check {
        /// The tenant's slug.
        #[arg(long)]
        tenant: String,
    },
}

#[derive(Subcommand)]
enum KeysAction {
    /// Add a new signing key; it signs from the next start, older keys still verify.
    Rotate,
}

#[actix_web::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Schema) = cli.command {
        #[expect(clippy::print_stdout, reason = "the SDL is this command's output")]
        {
            print!("{}", api::graphql::sdl());
        }
        return ExitCode::SUCCESS;
    }
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("silkport: {e}");
            return ExitCode::from(2);
        }
    };
    api::telemetry::init(config.log_json);
    let result = match cli.command.unwrap_or(Command::Serve { no_workers: false }) {
        Command::Serve { no_workers } => runtime::serve(config, !no_workers).await,
        Command::Work => runtime::work(config).await,
        Command::Migrate { action } => migrate(&config, action).await,
        Command::Seed { what: SeedWhat::Demo } => runtime::seed_demo(&config).await.map(|logins| {
            runtime::print_logins(
                &format!("Seeded; sign in at {} once `silkport serve` runs.", config.public_url),
                &logins,
            )
        }),
        Command::Tenant { action: TenantAction::Create { name, slug, owner_email, owner_name, locale, timezone } } => {
            match (owner_password(), Locale::parse(&locale)) {
                (Ok(password), Some(locale)) => {
                    let new = NewTenant {
                        tenant_name: name,
                        tenant_slug: slug,
                        owner_name,
                        email: owner_email,
                        password,
                        locale: Some(locale),
                        modules: None,
                        timezone,
                    };
                    runtime::create_tenant(&config, new).await
                }
                (Err(e), _) => Err(e),
                (_, None) => Err(anyhow::anyhow!("--locale must be `zh-CN` or `en`")),
            }
        }
        Command::Inventory { action: InventoryAction::Check { tenant } } => {
            match runtime::check_inventory(&config, &tenant).await {
                Ok(true) => Ok(()),
                Ok(false) => return ExitCode::from(1),
                Err(e) => Err(e),
            }
        }
        Command::Keys { action: KeysAction::Rotate } => api::auth::keys::generate(&config.signing_keys_dir)
            .map(|path| eprintln!("new signing key: {}", path.display()))
            .map_err(Into::into),
        Command::Schema => Ok(()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!(error = format!("{e:#}"), "silkport failed");
            eprintln!("silkport: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The new owner's password: `SILKPORT_OWNER_PASSWORD`, or the first line
/// of standard input (never an argument, which `ps` would show).
fn owner_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("SILKPORT_OWNER_PASSWORD") {
        return Ok(password);
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let password = line.trim_end_matches(['\r', '\n']).to_owned();
    if password.is_empty() {
        anyhow::bail!("give the owner's password in SILKPORT_OWNER_PASSWORD or on standard input");
    }
    Ok(password)
}

async fn migrate(config: &Config, action: MigrateAction) -> anyhow::Result<()> {
    let db = runtime::connect_migrator(config).await?;
    match action {
        MigrateAction::Up => Migrator::up(&db, None).await.map_err(|e| runtime::migration_error(config, e))?,
        MigrateAction::Down => Migrator::down(&db, Some(1)).await.map_err(|e| runtime::migration_error(config, e))?,
        MigrateAction::Status => {
            let applied: Vec<String> = Migrator::get_applied_migrations(&db)
                .await
                .map_err(|e| runtime::migration_error(config, e))?
                .iter()
                .map(|m| m.name().to_owned())
                .collect();
            for migration in Migrator::migrations() {
                let name = migration.name().to_owned();
                let state = if applied.contains(&name) { "applied" } else { "pending" };
                eprintln!("{state:8} {name}");
            }
        }
    }
    Ok(())
}
