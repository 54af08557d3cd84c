//! Waking idle workers when jobs are committed, without busy polling:
//! in-process always, PostgreSQL LISTEN/NOTIFY when on PostgreSQL, Redis
//! pub/sub when Redis is configured. A lost signal only costs a poll
//! interval: the database, not the signal, is the source of truth.

use std::sync::Arc;
use std::time::Duration;

use domain::Db;
use domain::platform::db::JobsCommittedHook;
use domain::platform::jobs::NOTIFY_CHANNEL;
use futures_util::StreamExt;
use tokio::sync::Notify;

/// The Redis channel that carries "jobs were committed".
pub const REDIS_CHANNEL: &str = "silkport:jobs";

#[derive(Clone)]
pub struct Wake {
    notify: Arc<Notify>,
}

impl Wake {
    /// Wakes on commits made through `db` in this process.
    pub fn new(db: &Db) -> Self {
        Self { notify: db.jobs_notify() }
    }

    pub async fn wait(&self) {
        self.notify.notified().await;
    }

    /// Also wakes on NOTIFY from any process writing to this PostgreSQL.
    pub fn listen_postgres(&self, db: &Db) {
        let pool = db.connection().get_postgres_connection_pool().clone();
        let notify = self.notify.clone();
        tokio::spawn(async move {
            loop {
                let listener = async {
                    let mut listener = sea_orm::sqlx::postgres::PgListener::connect_with(&pool).await?;
                    listener.listen(NOTIFY_CHANNEL).await?;
                    loop {
                        listener.recv().await?;
                        notify.notify_one();
                    }
                    #[expect(unreachable_code, reason = "gives the async block its error type")]
                    Ok::<(), sea_orm::sqlx::Error>(())
                };
                if let Err(e) = listener.await {
                    tracing::warn!(error = %e, "job notification listener failed; reconnecting");
                }
                notify.notify_one();
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }

    /// Also wakes on messages on [`REDIS_CHANNEL`].
    pub fn listen_redis(&self, client: redis::Client) {
        let notify = self.notify.clone();
        tokio::spawn(async move {
            loop {
                match client.get_async_pubsub().await {
                    Ok(mut pubsub) => {
                        if let Err(e) = pubsub.subscribe(REDIS_CHANNEL).await {
                            tracing::warn!(error = %e, "redis subscribe failed");
                        } else {
                            let mut messages = pubsub.on_message();
                            while messages.next().await.is_some() {
                                notify.notify_one();
                            }
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "redis wake-up connection failed; retrying"),
                }
                notify.notify_one();
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }
}

/// A commit hook that publishes on [`REDIS_CHANNEL`], so workers in other
/// processes wake at once.
pub fn redis_publisher(manager: redis::aio::ConnectionManager) -> JobsCommittedHook {
    Arc::new(move || {
        let mut manager = manager.clone();
        tokio::spawn(async move {
            let published: redis::RedisResult<i64> =
                redis::cmd("PUBLISH").arg(REDIS_CHANNEL).arg("").query_async(&mut manager).await;
            if let Err(e) = published {
                tracing::warn!(error = %e, "publishing job wake-up failed");
            }
        });
    })
}
