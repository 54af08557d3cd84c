//! The Redis event relay: committed events of any process (API replicas,
//! workers) reach the subscriptions of every API replica. Each process
//! publishes to one channel and delivers what it hears, its own included.

use std::sync::Arc;
use std::time::Duration;

use domain::Db;
use domain::db::EventRelay;
use domain::events::Event;
use futures_util::StreamExt;

pub const CHANNEL: &str = "silkport:events";

/// Publishes each committed event on [`CHANNEL`].
pub fn publisher(manager: redis::aio::ConnectionManager) -> EventRelay {
    Arc::new(move |event: &Event| {
        let payload = match serde_json::to_string(event) {
            Ok(payload) => payload,
            Err(e) => {
                tracing::error!(error = %e, "encoding an event failed");
                return;
            }
        };
        let mut manager = manager.clone();
        tokio::spawn(async move {
            let sent: redis::RedisResult<i64> =
                redis::cmd("PUBLISH").arg(CHANNEL).arg(payload).query_async(&mut manager).await;
            if let Err(e) = sent {
                tracing::warn!(error = %e, "publishing an event failed; live subscribers miss it");
            }
        });
    })
}

/// Delivers events heard on [`CHANNEL`] to this process's subscribers.
pub fn listen(db: Db, client: redis::Client) {
    tokio::spawn(async move {
        loop {
            match client.get_async_pubsub().await {
                Ok(mut pubsub) => match pubsub.subscribe(CHANNEL).await {
                    Ok(()) => {
                        let mut messages = pubsub.on_message();
                        while let Some(message) = messages.next().await {
                            let payload: String = message.get_payload().unwrap_or_default();
                            match serde_json::from_str::<Event>(&payload) {
                                Ok(event) => db.deliver(event),
                                Err(e) => tracing::warn!(error = %e, "undecodable event on the relay"),
                            }
                        }
                    }
                    Err(e) => tracing::warn!(error = %e, "subscribing to the event relay failed"),
                },
                Err(e) => tracing::warn!(error = %e, "event relay connection failed; retrying"),
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}
