//! The event bus: facts published after their transaction commits, keyed
//! by tenant and topic, for live subscribers (GraphQL subscriptions) and
//! process-wide hooks (cache eviction). Never the only copy of anything:
//! every event is also a committed row.
//!
//! A subscriber listens to one `(tenant, topic)` and hears nothing else,
//! so a burst on one topic of one tenant wakes only that topic's
//! subscribers. In one process events go straight to them; with an
//! [`EventRelay`] installed (Redis, across API and worker processes) they
//! go out through it and come back in through [`Bus::deliver`], and the
//! relay listens only to the `(tenant, topic)` pairs this process has
//! subscribers for.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use tokio::sync::{broadcast, watch};
use uuid::Uuid;

/// How many events a slow subscriber may fall behind before it skips.
const CHANNEL_CAPACITY: usize = 256;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub tenant_id: Uuid,
    /// A [`Topic::NAME`], `<context>.<fact>`.
    pub topic: String,
    pub payload: Json,
}

/// A kind of event, declared by the context that publishes it.
pub trait Topic {
    const NAME: &'static str;
    type Payload: Serialize + DeserializeOwned + Send + 'static;
}

/// Decodes the payload of an event of topic `T`.
pub fn decode<T: Topic>(event: &Event) -> Option<T::Payload> {
    if event.topic != T::NAME {
        return None;
    }
    serde_json::from_value(event.payload.clone())
        .inspect_err(|e| tracing::warn!(error = %e, event.topic = T::NAME, "undecodable event"))
        .ok()
}

/// Carries events between processes. Calls must not block: they are made
/// while the bus holds its lock.
pub trait EventRelay: Send + Sync {
    fn publish(&self, event: &Event);
    /// This process now has subscribers of `topic` in `tenant_id`; the relay
    /// sends `true` on `ready` once it hears that pair.
    fn subscribe(&self, tenant_id: Uuid, topic: &str, ready: watch::Sender<bool>);
    /// This process no longer has subscribers of `topic` in `tenant_id`.
    fn unsubscribe(&self, tenant_id: Uuid, topic: &str);
    /// A process-wide hook wants `topic` of every tenant.
    fn watch_topic(&self, topic: &str);
}

/// How long a new subscriber waits for the relay to hear its channel
/// before it goes on (and may miss what is published meanwhile).
const READY_TIMEOUT: Duration = Duration::from_secs(5);

type Hook = Arc<dyn Fn(&Event) + Send + Sync>;
type Key = (Uuid, String);

struct Channel {
    sender: broadcast::Sender<Arc<Event>>,
    /// True once the relay (if any) hears this channel.
    ready: watch::Receiver<bool>,
}

#[derive(Default)]
pub struct Bus {
    channels: Mutex<HashMap<Key, Channel>>,
    hooks: RwLock<HashMap<String, Vec<Hook>>>,
    relay: OnceLock<Arc<dyn EventRelay>>,
}

impl Bus {
    pub(crate) fn set_relay(&self, relay: Arc<dyn EventRelay>) {
        for topic in self.hook_topics() {
            relay.watch_topic(&topic);
        }
        if self.relay.set(relay).is_err() {
            tracing::warn!("an event relay was already installed; the second is ignored");
        }
    }

    /// Sends a committed event on its way.
    pub(crate) fn publish(&self, event: Event) {
        match self.relay.get() {
            Some(relay) => relay.publish(&event),
            None => {
                self.deliver_to_hooks(&event);
                self.deliver_to_subscribers(event);
            }
        }
    }

    /// Hands an event that came through the relay on a `(tenant, topic)`
    /// subscription to this process's subscribers of that pair.
    pub fn deliver_to_subscribers(&self, event: Event) {
        let key = (event.tenant_id, event.topic.clone());
        let sender = self.channels.lock().unwrap_or_else(|p| p.into_inner()).get(&key).map(|c| c.sender.clone());
        if let Some(sender) = sender {
            // No receiver left is not an error: the rows are committed.
            let _ = sender.send(Arc::new(event));
        }
    }

    /// Hands an event that came through the relay on a watched topic to
    /// this process's hooks of that topic.
    pub fn deliver_to_hooks(&self, event: &Event) {
        let hooks = self.hooks.read().unwrap_or_else(|p| p.into_inner()).get(&event.topic).cloned();
        for hook in hooks.into_iter().flatten() {
            hook(event);
        }
    }

    /// Runs `hook` for every event of `T` of any tenant, in this process.
    pub fn on<T: Topic>(&self, hook: impl Fn(&Event) + Send + Sync + 'static) {
        self.hooks
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .entry(T::NAME.to_owned())
            .or_default()
            .push(Arc::new(hook));
        if let Some(relay) = self.relay.get() {
            relay.watch_topic(T::NAME);
        }
    }

    /// Events of `T` in `tenant_id` committed from now on (once the relay,
    /// if any, hears the channel, which this waits for).
    pub async fn subscribe<T: Topic>(self: &Arc<Self>, tenant_id: Uuid) -> Subscription {
        let key = (tenant_id, T::NAME.to_owned());
        let (receiver, mut ready) = {
            let mut channels = self.channels.lock().unwrap_or_else(|p| p.into_inner());
            match channels.get(&key) {
                Some(channel) => (channel.sender.subscribe(), channel.ready.clone()),
                None => {
                    let (sender, receiver) = broadcast::channel(CHANNEL_CAPACITY);
                    let (set_ready, ready) = watch::channel(self.relay.get().is_none());
                    if let Some(relay) = self.relay.get() {
                        relay.subscribe(tenant_id, T::NAME, set_ready);
                    }
                    channels.insert(key.clone(), Channel { sender, ready: ready.clone() });
                    (receiver, ready)
                }
            }
        };
        let subscription = Subscription { bus: self.clone(), key, receiver };
        if tokio::time::timeout(READY_TIMEOUT, ready.wait_for(|ready| *ready)).await.is_err() {
            tracing::warn!(tenant.id = %tenant_id, event.topic = T::NAME, "event relay slow to subscribe; going on");
        }
        subscription
    }

    /// The `(tenant, topic)` pairs this process has subscribers for, for a
    /// relay that reconnects.
    pub fn interests(&self) -> Vec<(Uuid, String)> {
        self.channels.lock().unwrap_or_else(|p| p.into_inner()).keys().cloned().collect()
    }

    /// The topics this process's hooks watch.
    pub fn hook_topics(&self) -> Vec<String> {
        self.hooks.read().unwrap_or_else(|p| p.into_inner()).keys().cloned().collect()
    }

    fn unsubscribe(&self, key: &Key) {
        let mut channels = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        // The leaving subscription's receiver is still alive here.
        if channels.get(key).is_some_and(|channel| channel.sender.receiver_count() <= 1) {
            channels.remove(key);
            if let Some(relay) = self.relay.get() {
                relay.unsubscribe(key.0, &key.1);
            }
        }
    }
}

/// One subscriber of one `(tenant, topic)`; unsubscribes when dropped.
pub struct Subscription {
    bus: Arc<Bus>,
    key: Key,
    receiver: broadcast::Receiver<Arc<Event>>,
}

impl Subscription {
    /// The next event; `None` once the bus is gone. A subscriber that fell
    /// more than the channel's capacity behind skips what it missed.
    pub async fn recv(&mut self) -> Option<Arc<Event>> {
        loop {
            match self.receiver.recv().await {
                Ok(event) => return Some(event),
                Err(broadcast::error::RecvError::Lagged(missed)) => {
                    tracing::warn!(tenant.id = %self.key.0, event.topic = %self.key.1, missed, "slow subscriber skipped events");
                }
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.bus.unsubscribe(&self.key);
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    struct Ping;
    impl Topic for Ping {
        const NAME: &'static str = "test.ping";
        type Payload = u32;
    }

    struct Pong;
    impl Topic for Pong {
        const NAME: &'static str = "test.pong";
        type Payload = u32;
    }

    fn event<T: Topic>(tenant_id: Uuid, n: u32) -> Event {
        Event { tenant_id, topic: T::NAME.to_owned(), payload: json!(n) }
    }

    #[tokio::test]
    async fn a_subscriber_hears_only_its_tenant_and_topic() {
        let bus = Arc::new(Bus::default());
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let mut pings_of_a = bus.subscribe::<Ping>(a).await;
        bus.publish(event::<Ping>(b, 1));
        bus.publish(event::<Pong>(a, 2));
        bus.publish(event::<Ping>(a, 3));
        let heard = pings_of_a.recv().await.expect("an event");
        assert_eq!(decode::<Ping>(&heard), Some(3));
        assert!(pings_of_a.receiver.is_empty(), "nothing else was delivered");
    }

    #[tokio::test]
    async fn the_last_subscriber_leaving_removes_the_channel() {
        let bus = Arc::new(Bus::default());
        let tenant = Uuid::now_v7();
        let first = bus.subscribe::<Ping>(tenant).await;
        let second = bus.subscribe::<Ping>(tenant).await;
        drop(first);
        assert_eq!(bus.interests().len(), 1);
        drop(second);
        assert!(bus.interests().is_empty());
    }

    #[test]
    fn hooks_hear_every_tenant_of_their_topic() {
        let bus = Arc::new(Bus::default());
        let heard = Arc::new(Mutex::new(Vec::new()));
        let sink = heard.clone();
        bus.on::<Pong>(move |e| sink.lock().expect("lock").push(e.tenant_id));
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        bus.publish(event::<Pong>(a, 1));
        bus.publish(event::<Ping>(a, 1));
        bus.publish(event::<Pong>(b, 1));
        assert_eq!(*heard.lock().expect("lock"), vec![a, b]);
    }
}
