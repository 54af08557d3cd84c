//! Typed configuration from environment variables, with the embedded
//! defaults (SQLite and mail outbox under `./data`, keys generated there).
//! Validated at start; an error names the variable at fault.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
#[error("configuration error in {var}: {message}")]
pub struct ConfigError {
    pub var: &'static str,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub bind: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: String,
    /// Owner role for `migrate` (`DATABASE_MIGRATION_URL`); the app itself
    /// connects with `database_url`.
    pub migration_database_url: Option<String>,
    pub db_max_connections: u32,
    pub redis_url: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// The external URL, without a trailing slash: links in mail, and the
    /// OAuth issuer (`iss` of tokens, `issuer` of the metadata).
    pub public_url: String,
    pub signing_keys_dir: PathBuf,
    /// A built portal to serve instead of the one inside the binary.
    pub web_dir: Option<PathBuf>,
    pub cors_origins: Vec<String>,
    pub access_token_ttl: Duration,
    pub max_body_bytes: usize,
    pub max_query_depth: usize,
    pub max_query_cost: usize,
    /// Leaky bucket of partner clients: capacity in cost points, and drain rate.
    pub rate_limit_capacity: u32,
    pub rate_limit_per_second: u32,
    pub worker_concurrency: usize,
    pub job_lease: Duration,
    pub job_poll_interval: Duration,
    pub job_backoff_base: Duration,
    /// How long running jobs may take to finish after SIGTERM before they are released.
    pub shutdown_grace: Duration,
    /// JSON lines, or readable text.
    pub log_json: bool,
}

/// Reads settings through `get`, so tests can pass a map instead of the
/// process environment.
pub struct Source<F: Fn(&str) -> Option<String>>(pub F);

impl<F: Fn(&str) -> Option<String>> Source<F> {
    fn text(&self, var: &'static str) -> Option<String> {
        (self.0)(var).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
    }

    fn parse<T: std::str::FromStr>(&self, var: &'static str, default: T) -> Result<T, ConfigError>
    where
        T::Err: std::fmt::Display,
    {
        match self.text(var) {
            None => Ok(default),
            Some(raw) => raw.parse().map_err(|e: T::Err| ConfigError { var, message: format!("`{raw}`: {e}") }),
        }
    }

    fn millis(&self, var: &'static str, default_ms: u64) -> Result<Duration, ConfigError> {
        Ok(Duration::from_millis(self.parse(var, default_ms)?))
    }
}

/// `host:port` to listen on: an IP address or a name (`localhost:8080`).
fn resolve_bind(raw: &str) -> Result<SocketAddr, ConfigError> {
    use std::net::ToSocketAddrs;
    let bad = |why: String| ConfigError {
        var: "SILKPORT_BIND",
        message: format!("`{raw}`: {why} (expected host:port, e.g. 127.0.0.1:8080)"),
    };
    raw.to_socket_addrs().map_err(|e| bad(e.to_string()))?.next().ok_or_else(|| bad("resolves to no address".into()))
}

fn check_url(var: &'static str, url: &str, schemes: &[&str]) -> Result<(), ConfigError> {
    let scheme = url.split("://").next().unwrap_or_default();
    if !url.contains("://") || !schemes.contains(&scheme) {
        return Err(ConfigError { var, message: format!("expected a URL starting with one of {schemes:?}") });
    }
    Ok(())
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_source(&Source(|k| std::env::var(k).ok()))
    }

    pub fn from_source<F: Fn(&str) -> Option<String>>(env: &Source<F>) -> Result<Self, ConfigError> {
        let data_dir = PathBuf::from(env.text("SILKPORT_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let bind = match env.text("SILKPORT_BIND") {
            None => SocketAddr::from(([127, 0, 0, 1], 8080)),
            Some(raw) => resolve_bind(&raw)?,
        };
        let database_url = env
            .text("DATABASE_URL")
            .unwrap_or_else(|| format!("sqlite://{}?mode=rwc", data_dir.join("silkport.db").display()));
        check_url("DATABASE_URL", &database_url, &["sqlite", "postgres", "postgresql"])?;
        let migration_database_url = env.text("DATABASE_MIGRATION_URL");
        if let Some(url) = &migration_database_url {
            check_url("DATABASE_MIGRATION_URL", url, &["sqlite", "postgres", "postgresql"])?;
        }
        let redis_url = env.text("REDIS_URL");
        if let Some(url) = &redis_url {
            check_url("REDIS_URL", url, &["redis", "rediss"])?;
        }
        let smtp_url = env.text("SMTP_URL");
        if let Some(url) = &smtp_url {
            check_url("SMTP_URL", url, &["smtp", "smtps"])?;
        }
        let public_url = env.text("SILKPORT_PUBLIC_URL").unwrap_or_else(|| format!("http://{bind}"));
        check_url("SILKPORT_PUBLIC_URL", &public_url, &["http", "https"])?;
        // It is also the OAuth issuer, which has no query or fragment (RFC 8414 §2).
        if public_url.contains(['?', '#']) {
            return Err(ConfigError {
                var: "SILKPORT_PUBLIC_URL",
                message: format!("`{public_url}`: a URL without query or fragment"),
            });
        }
        let public_url = public_url.trim_end_matches('/').to_owned();
        let cors_origins = env
            .text("SILKPORT_CORS_ORIGINS")
            .map(|v| v.split(',').map(|o| o.trim().to_owned()).filter(|o| !o.is_empty()).collect())
            .unwrap_or_default();
        let worker_concurrency: usize = env.parse("SILKPORT_WORKER_CONCURRENCY", 4)?;
        if worker_concurrency == 0 {
            return Err(ConfigError { var: "SILKPORT_WORKER_CONCURRENCY", message: "must be at least 1".into() });
        }
        let is_sqlite = database_url.starts_with("sqlite");
        Ok(Self {
            bind,
            signing_keys_dir: env
                .text("SILKPORT_SIGNING_KEYS_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| data_dir.join("keys")),
            web_dir: env.text("SILKPORT_WEB_DIR").map(PathBuf::from),
            db_max_connections: env.parse("SILKPORT_DB_MAX_CONNECTIONS", if is_sqlite { 4 } else { 16 })?,
            database_url,
            migration_database_url,
            redis_url,
            smtp_url,
            mail_from: env.text("SILKPORT_MAIL_FROM").unwrap_or_else(|| "Silkport <no-reply@silkport.local>".into()),
            public_url,
            cors_origins,
            access_token_ttl: Duration::from_secs(env.parse("SILKPORT_ACCESS_TOKEN_TTL_SECS", 900)?),
            max_body_bytes: env.parse("SILKPORT_MAX_BODY_BYTES", 256 * 1024)?,
            // Levels of data fields; introspection has its own rule (graphql::kit::limits).
            max_query_depth: env.parse("SILKPORT_MAX_QUERY_DEPTH", 12)?,
            max_query_cost: env.parse("SILKPORT_MAX_QUERY_COST", 5000)?,
            rate_limit_capacity: env.parse("SILKPORT_RATE_LIMIT_CAPACITY", 2000)?,
            rate_limit_per_second: env.parse("SILKPORT_RATE_LIMIT_PER_SECOND", 200)?,
            worker_concurrency,
            job_lease: env.millis("SILKPORT_JOB_LEASE_MS", 30_000)?,
            job_poll_interval: env.millis("SILKPORT_JOB_POLL_MS", 2_000)?,
            job_backoff_base: env.millis("SILKPORT_JOB_BACKOFF_BASE_MS", 2_000)?,
            shutdown_grace: env.millis("SILKPORT_SHUTDOWN_GRACE_MS", 20_000)?,
            log_json: match env.text("SILKPORT_LOG_FORMAT").as_deref() {
                Some("json") => true,
                Some("pretty") => false,
                // Readable for a person at a terminal, JSON for a collector.
                None => !std::io::stderr().is_terminal(),
                Some(other) => {
                    return Err(ConfigError {
                        var: "SILKPORT_LOG_FORMAT",
                        message: format!("`{other}`: expected `json` or `pretty`"),
                    });
                }
            },
            data_dir,
        })
    }

    pub fn is_embedded_database(&self) -> bool {
        self.database_url.starts_with("sqlite")
    }

    /// Where migrations connect: `DATABASE_MIGRATION_URL`, else `DATABASE_URL`.
    pub fn migration_url(&self) -> &str {
        self.migration_database_url.as_deref().unwrap_or(&self.database_url)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_source(&Source(move |k| map.get(k).cloned()))
    }

    #[test]
    fn defaults_are_the_embedded_setup() {
        let c = config(&[]).expect("defaults are valid");
        assert_eq!(c.database_url, "sqlite://./data/silkport.db?mode=rwc");
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert!(c.redis_url.is_none() && c.smtp_url.is_none());
        assert_eq!(c.signing_keys_dir, PathBuf::from("./data/keys"));
    }

    #[test]
    fn a_bad_variable_is_named() {
        let e = config(&[("SILKPORT_BIND", "nowhere")]).expect_err("bad bind");
        assert_eq!(e.var, "SILKPORT_BIND");
        let e = config(&[("DATABASE_URL", "mysql://x")]).expect_err("bad scheme");
        assert_eq!(e.var, "DATABASE_URL");
        let e = config(&[("REDIS_URL", "localhost:6379")]).expect_err("no scheme");
        assert!(e.to_string().contains("REDIS_URL"));
        let e = config(&[("SILKPORT_WORKER_CONCURRENCY", "0")]).expect_err("zero");
        assert_eq!(e.var, "SILKPORT_WORKER_CONCURRENCY");
        let e = config(&[("SILKPORT_PUBLIC_URL", "https://silkport.example.com/?x=1")]).expect_err("a query");
        assert_eq!(e.var, "SILKPORT_PUBLIC_URL");
    }

    #[test]
    fn the_public_url_is_kept_without_a_trailing_slash() {
        let c = config(&[("SILKPORT_PUBLIC_URL", "https://silkport.example.com/")]).expect("valid");
        assert_eq!(c.public_url, "https://silkport.example.com");
    }
}
