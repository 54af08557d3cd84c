//! `silkport`: the one binary. The composition root: reads configuration,
//! opens pools, and starts the API, the workers, or both.

mod runtime;

use std::process::ExitCode;

use api::Config;
use clap::{Parser, Subcommand};
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
        Command::Seed { what: SeedWhat::Demo } => {
            runtime::seed_demo(&config).await.map(|logins| runtime::print_logins(&config, &logins))
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

async fn migrate(config: &Config, action: MigrateAction) -> anyhow::Result<()> {
    let db = runtime::connect_migrator(config).await?;
    match action {
        MigrateAction::Up => Migrator::up(&db, None).await?,
        MigrateAction::Down => Migrator::down(&db, Some(1)).await?,
        MigrateAction::Status => {
            let applied: Vec<String> =
                Migrator::get_applied_migrations(&db).await?.iter().map(|m| m.name().to_owned()).collect();
            for migration in Migrator::migrations() {
                let name = migration.name().to_owned();
                let state = if applied.contains(&name) { "applied" } else { "pending" };
                eprintln!("{state:8} {name}");
            }
        }
    }
    Ok(())
}
