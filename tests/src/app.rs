//! A running Silkport API on a fresh database, called over real HTTP.

use std::collections::HashMap;
use std::net::TcpListener;
use std::path::PathBuf;

use actix_web::dev::ServerHandle;
use api::config::Source;
use api::{AppState, Config};
use serde_json::{Value, json};

use crate::db::{self, TestDb};

pub struct TestApp {
    pub url: String,
    pub state: AppState,
    pub http: reqwest::Client,
    pub dir: PathBuf,
    pub db: TestDb,
    server: ServerHandle,
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(&[]).await
    }

    /// Starts the API with extra environment settings.
    pub async fn spawn_with(vars: &[(&str, &str)]) -> Self {
        let dir = std::env::temp_dir().join(format!("silkport-test-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let db = db::fresh(&dir).await;
        Self::start(dir, db, vars).await
    }

    /// A second API replica on this app's database and signing keys, behind
    /// the same public URL (the issuer of both replicas' tokens).
    pub async fn replica(&self, vars: &[(&str, &str)]) -> Self {
        let dir = std::env::temp_dir().join(format!("silkport-test-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let db = TestDb { app_url: self.db.app_url.clone(), owner_url: self.db.owner_url.clone() };
        let keys = self.dir.join("keys").display().to_string();
        let mut vars = vars.to_vec();
        vars.push(("SILKPORT_SIGNING_KEYS_DIR", &keys));
        vars.push(("SILKPORT_PUBLIC_URL", &self.state.config.public_url));
        Self::start(dir, db, &vars).await
    }

    /// Two API replicas on one PostgreSQL database, joined by Redis
    /// (`pg_redis_…` tests: fails where that setup cannot be had).
    pub async fn replicas() -> (Self, Self) {
        crate::services::postgres();
        let redis = crate::services::redis_url();
        let first = Self::spawn_with(&[("REDIS_URL", &redis)]).await;
        let second = first.replica(&[("REDIS_URL", &redis)]).await;
        (first, second)
    }

    async fn start(dir: PathBuf, db: TestDb, vars: &[(&str, &str)]) -> Self {
        // SILKPORT_LOG=debug (or any filter) shows the server's log in a test's output.
        if std::env::var("SILKPORT_LOG").is_ok() {
            api::telemetry::init(false);
        }
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("addr");
        let url = format!("http://{addr}");
        let mut env: HashMap<String, String> = HashMap::from([
            ("SILKPORT_DATA_DIR".into(), dir.display().to_string()),
            ("DATABASE_URL".into(), db.app_url.clone()),
            ("DATABASE_MIGRATION_URL".into(), db.owner_url.clone()),
            ("SILKPORT_BIND".into(), addr.to_string()),
            ("SILKPORT_PUBLIC_URL".into(), url.clone()),
            ("SILKPORT_WEB_DIR".into(), dir.join("no-portal").display().to_string()),
        ]);
        for (key, value) in vars {
            env.insert((*key).into(), (*value).into());
        }
        let config = Config::from_source(&Source(move |k| env.get(k).cloned())).expect("test config");
        // Production shape: keys made once, shared by replicas, never made by a server.
        let keys = &config.signing_keys_dir;
        if !keys.is_dir() || std::fs::read_dir(keys).is_ok_and(|mut d| d.next().is_none()) {
            api::auth::keys::generate(keys).expect("a signing key");
        }
        let state = AppState::open(&config).await.expect("open app state");
        let schema = api::graphql::build_schema(state.clone());
        let server = api::http::start(state.clone(), schema, listener, Some(2)).expect("start server");
        let handle = server.handle();
        tokio::spawn(server);
        Self { url, state, http: reqwest::Client::new(), dir, db, server: handle }
    }

    pub fn config(&self) -> &Config {
        &self.state.config
    }

    /// POSTs a GraphQL request and returns the JSON response.
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        self.gql_with(&[], token, query, variables).await
    }

    /// Like [`Self::gql`], with an `Accept-Language` header when `language` is given.
    pub async fn gql_in(&self, language: Option<&str>, token: Option<&str>, query: &str, variables: Value) -> Value {
        let headers: Vec<_> = language.map(|l| ("Accept-Language", l)).into_iter().collect();
        self.gql_with(&headers, token, query, variables).await
    }

    /// [`TestApp::gql`] with the caller's `X-Request-Id`, which the audit
    /// entries of the request carry.
    pub async fn gql_traced(
        &self,
        token: Option<&str>,
        request_id: Option<&str>,
        query: &str,
        variables: Value,
    ) -> Value {
        let headers: Vec<_> = request_id.map(|id| ("x-request-id", id)).into_iter().collect();
        self.gql_with(&headers, token, query, variables).await
    }

    async fn gql_with(&self, headers: &[(&str, &str)], token: Option<&str>, query: &str, variables: Value) -> Value {
        let mut request =
            self.http.post(format!("{}/graphql", self.url)).json(&json!({"query": query, "variables": variables}));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("graphql request");
        response.json().await.expect("graphql response is JSON")
    }

    /// [`Self::gql`], retried as a well-behaved client does while the
    /// answer is `THROTTLED` (the password gate's hashing slots are busy,
    /// or every database connection is taken by a burst).
    pub async fn gql_patiently(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        for _ in 0..100 {
            let response = self.gql(token, query, variables.clone()).await;
            if response["errors"][0]["extensions"]["code"] != "THROTTLED" {
                return response;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("still THROTTLED after 100 tries: {query}")
    }

    /// The database round trips (statements, and BEGIN and COMMIT of each
    /// transaction) that answering `query` takes, and the answer: the
    /// fewest of three runs after one that warms the caller's cached
    /// rights, so a cache entry expiring mid-way is not counted.
    pub async fn round_trips(&self, token: &str, query: &str, variables: Value) -> (u64, Value) {
        let warm = self.gql(Some(token), query, variables.clone()).await;
        assert!(warm["errors"].is_null(), "{warm}");
        let mut fewest = u64::MAX;
        for _ in 0..3 {
            let before = self.state.db.stats().round_trips();
            let answer = self.gql(Some(token), query, variables.clone()).await;
            assert_eq!(answer, warm, "the same answer each time");
            fewest = fewest.min(self.state.db.stats().round_trips() - before);
        }
        (fewest, warm)
    }

    pub async fn healthy(&self) -> bool {
        self.http.get(format!("{}/healthz", self.url)).send().await.is_ok_and(|r| r.status().is_success())
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let handle = self.server.clone();
        tokio::spawn(async move { handle.stop(false).await });
        std::fs::remove_dir_all(&self.dir).ok();
    }
}

impl TestApp {
    /// The settings a `silkport` command needs to work on this app's
    /// database, as an operator would give them.
    pub fn command_env(&self) -> Vec<(String, String)> {
        vec![
            ("DATABASE_URL".into(), self.db.app_url.clone()),
            ("DATABASE_MIGRATION_URL".into(), self.db.owner_url.clone()),
            ("SILKPORT_DATA_DIR".into(), self.dir.display().to_string()),
            ("SILKPORT_SIGNING_KEYS_DIR".into(), self.dir.join("keys").display().to_string()),
        ]
    }
}

/// The `silkport` binary next to this test binary (built by `cargo build`).
pub fn silkport_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(|deps| deps.parent()).expect("target dir");
    let bin = dir.join("silkport");
    assert!(bin.is_file(), "{} is missing: run `cargo build --bin silkport` first", bin.display());
    bin
}
