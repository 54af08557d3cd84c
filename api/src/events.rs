//! The Redis event relay: committed events of any process (API replicas,
//! workers) reach the subscribers of every API replica.
//!
//! Each `(tenant, topic)` is its own channel, `silkport:{t:<tenant>}:<topic>`,
//! hash-tagged by tenant for Redis Cluster (DESIGN.md §2). A process
//! SUBSCRIBEs only to the channels it has subscribers for, so a burst on
//! one topic of one tenant reaches only the processes listening to it;
//! process-wide hooks (cache eviction) PSUBSCRIBE to their topic across
//! tenants.

use std::sync::Arc;
use std::time::Duration;

use domain::platform::bus::{Bus, Event, EventRelay};
use futures_util::StreamExt;
use redis::aio::ConnectionManager;
use tokio::sync::{mpsc, watch};
use uuid::Uuid;

/// The channel of one tenant's topic.
pub fn channel(tenant_id: Uuid, topic: &str) -> String {
    format!("silkport:{{t:{tenant_id}}}:{topic}")
}

/// The pattern of one topic across tenants.
fn pattern(topic: &str) -> String {
    format!("silkport:{{t:*}}:{topic}")
}

enum Command {
    Subscribe(String, watch::Sender<bool>),
    Unsubscribe(String),
    Watch(String),
}

pub struct RedisRelay {
    manager: ConnectionManager,
    commands: mpsc::UnboundedSender<Command>,
}

impl EventRelay for RedisRelay {
    fn publish(&self, event: &Event) {
        let payload = match serde_json::to_string(event) {
            Ok(payload) => payload,
            Err(e) => {
                tracing::error!(error = %e, "encoding an event failed");
                return;
            }
        };
        let mut manager = self.manager.clone();
        let channel = channel(event.tenant_id, &event.topic);
        tokio::spawn(async move {
            let sent: redis::RedisResult<i64> =
                redis::cmd("PUBLISH").arg(&channel).arg(payload).query_async(&mut manager).await;
            if let Err(e) = sent {
                tracing::warn!(error = %e, redis.channel = %channel, "publishing an event failed; live subscribers miss it");
            }
        });
    }

    fn subscribe(&self, tenant_id: Uuid, topic: &str, ready: watch::Sender<bool>) {
        let _ = self.commands.send(Command::Subscribe(channel(tenant_id, topic), ready));
    }

    fn unsubscribe(&self, tenant_id: Uuid, topic: &str) {
        let _ = self.commands.send(Command::Unsubscribe(channel(tenant_id, topic)));
    }

    fn watch_topic(&self, topic: &str) {
        let _ = self.commands.send(Command::Watch(pattern(topic)));
    }
}

/// Starts the relay's listener for `bus` and returns the relay to install.
pub fn start(bus: Arc<Bus>, client: redis::Client, manager: ConnectionManager) -> Arc<RedisRelay> {
    let (commands, mut queue) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            if let Err(e) = listen(&bus, &client, &mut queue).await {
                tracing::warn!(error = %e, "event relay connection lost; reconnecting");
            }
            if queue.is_closed() {
                return;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    Arc::new(RedisRelay { manager, commands })
}

/// One connection's life: subscribe to what the bus wants now, then follow
/// commands and deliver messages until the connection fails.
async fn listen(
    bus: &Bus,
    client: &redis::Client,
    queue: &mut mpsc::UnboundedReceiver<Command>,
) -> redis::RedisResult<()> {
    let (mut sink, mut stream) = client.get_async_pubsub().await?.split();
    for (tenant_id, topic) in bus.interests() {
        sink.subscribe(channel(tenant_id, &topic)).await?;
    }
    for topic in bus.hook_topics() {
        sink.psubscribe(pattern(&topic)).await?;
    }
    loop {
        tokio::select! {
            message = stream.next() => {
                let Some(message) = message else { return Ok(()) };
                let event = match serde_json::from_slice::<Event>(message.get_payload_bytes()) {
                    Ok(event) => event,
                    Err(e) => {
                        tracing::warn!(error = %e, redis.channel = message.get_channel_name(), "undecodable event on the relay");
                        continue;
                    }
                };
                // A pattern message is for the hooks; the same event also
                // arrives on its channel for the subscribers, if any.
                if message.from_pattern() {
                    bus.deliver_to_hooks(&event);
                } else {
                    bus.deliver_to_subscribers(event);
                }
            }
            command = queue.recv() => match command {
                None => return Ok(()),
                Some(Command::Subscribe(channel, ready)) => {
                    sink.subscribe(&channel).await?;
                    let _ = ready.send(true);
                }
                Some(Command::Unsubscribe(channel)) => sink.unsubscribe(&channel).await?,
                Some(Command::Watch(pattern)) => sink.psubscribe(&pattern).await?,
            },
        }
    }
}
