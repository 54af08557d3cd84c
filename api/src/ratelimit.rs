//! Per-client rate limiting by query cost: a leaky bucket per principal,
//! in Redis when configured (shared by every API replica, keys hash-tagged
//! by tenant for Redis Cluster), in memory otherwise.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use redis::aio::ConnectionManager;
use uuid::Uuid;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    pub allowed: bool,
    /// Points left in the bucket after this request.
    pub available: f64,
    pub retry_after_ms: u64,
}

#[derive(Debug, Clone, Copy)]
pub struct BucketConfig {
    pub capacity: f64,
    pub per_second: f64,
}

#[derive(Clone)]
pub enum RateLimiter {
    Memory { config: BucketConfig, buckets: Arc<Mutex<HashMap<String, (f64, Instant)>>> },
    Redis { config: BucketConfig, manager: ConnectionManager, script: Arc<redis::Script> },
}

/// Level drains at `rate` per second; a request adds its cost if it fits.
/// Uses the server's clock so all replicas agree.
const LEAKY_BUCKET: &str = r"
local cap = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local v = redis.call('HMGET', KEYS[1], 'level', 'ts')
local level = tonumber(v[1]) or 0
local ts = tonumber(v[2]) or now
level = math.max(0, level - (now - ts) * rate / 1000)
if level + cost > cap then
  return {0, tostring(level), math.ceil((level + cost - cap) * 1000 / rate)}
end
level = level + cost
redis.call('HSET', KEYS[1], 'level', tostring(level), 'ts', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(cap * 1000 / rate) + 1000)
return {1, tostring(level), 0}
";

impl RateLimiter {
    pub fn memory(config: BucketConfig) -> Self {
        Self::Memory { config, buckets: Arc::new(Mutex::new(HashMap::new())) }
    }

    pub fn redis(config: BucketConfig, manager: ConnectionManager) -> Self {
        Self::Redis { config, manager, script: Arc::new(redis::Script::new(LEAKY_BUCKET)) }
    }

    pub fn config(&self) -> BucketConfig {
        match self {
            RateLimiter::Memory { config, .. } | RateLimiter::Redis { config, .. } => *config,
        }
    }

    /// Key of a principal's bucket: `{t:<tenant>}` keeps a tenant's keys in
    /// one Redis Cluster slot.
    pub fn key(tenant_id: Uuid, principal: &str) -> String {
        format!("{{t:{tenant_id}}}:ratelimit:{principal}")
    }

    /// Takes `cost` points from the bucket at `key`, if they fit.
    pub async fn take(&self, key: &str, cost: f64) -> Result<Decision, redis::RedisError> {
        match self {
            RateLimiter::Memory { config, buckets } => {
                let now = Instant::now();
                let mut buckets = buckets.lock().unwrap_or_else(|p| p.into_inner());
                let (level, at) = buckets.entry(key.to_owned()).or_insert((0.0, now));
                let drained = (*level - now.duration_since(*at).as_secs_f64() * config.per_second).max(0.0);
                *at = now;
                if drained + cost > config.capacity {
                    *level = drained;
                    let wait = (drained + cost - config.capacity) / config.per_second;
                    return Ok(Decision {
                        allowed: false,
                        available: config.capacity - drained,
                        retry_after_ms: (wait * 1000.0).ceil() as u64,
                    });
                }
                *level = drained + cost;
                Ok(Decision { allowed: true, available: config.capacity - *level, retry_after_ms: 0 })
            }
            RateLimiter::Redis { config, manager, script } => {
                let mut conn = manager.clone();
                let (allowed, level, retry_after_ms): (i64, String, u64) = script
                    .key(key)
                    .arg(config.capacity)
                    .arg(config.per_second)
                    .arg(cost)
                    .invoke_async(&mut conn)
                    .await?;
                let level: f64 = level.parse().unwrap_or(0.0);
                Ok(Decision { allowed: allowed == 1, available: config.capacity - level, retry_after_ms })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_bucket_admits_up_to_capacity_then_refills() {
        let limiter = RateLimiter::memory(BucketConfig { capacity: 10.0, per_second: 1000.0 });
        assert!(limiter.take("k", 6.0).await.expect("memory").allowed);
        let denied = limiter.take("k", 6.0).await.expect("memory");
        assert!(!denied.allowed && denied.retry_after_ms >= 1);
        assert!(limiter.take("other", 6.0).await.expect("memory").allowed, "buckets are per key");
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        assert!(limiter.take("k", 6.0).await.expect("memory").allowed, "the bucket drained");
    }
}
