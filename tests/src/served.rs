//! A real `silkport serve` process started in an empty folder, as a
//! newcomer starts it: the embedded default, nothing configured but what
//! the test passes.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use crate::app::silkport_bin;

pub struct Served {
    pub url: String,
    pub folder: PathBuf,
    child: tokio::process::Child,
}

impl Served {
    /// Starts `silkport serve` in a new empty folder with `vars` (and no
    /// database, Redis or SMTP settings of the test's environment); its
    /// log goes to `server.log` in that folder. Waits until it is ready.
    pub async fn start(vars: &[(&str, &str)]) -> Self {
        let folder = std::env::temp_dir().join(format!("silkport-served-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&folder).expect("an empty folder");
        let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
        let log = std::fs::File::create(folder.join("server.log")).expect("log file");
        let mut command = tokio::process::Command::new(silkport_bin());
        command
            .arg("serve")
            .current_dir(&folder)
            .env("SILKPORT_BIND", format!("127.0.0.1:{port}"))
            .stdout(Stdio::null())
            .stderr(log)
            .kill_on_drop(true);
        for name in ["DATABASE_URL", "DATABASE_MIGRATION_URL", "REDIS_URL", "SMTP_URL", "SILKPORT_WEB_DIR"] {
            command.env_remove(name);
        }
        for (name, value) in vars {
            command.env(name, value);
        }
        let child = command.spawn().expect("start silkport serve");
        let url = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        while !http.get(format!("{url}/readyz")).send().await.is_ok_and(|r| r.status().is_success()) {
            assert!(tokio::time::Instant::now() < deadline, "silkport serve did not get ready");
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Self { url, folder, child }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.folder.join("server.log")).unwrap_or_default()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
        std::fs::remove_dir_all(&self.folder).ok();
    }
}
