//! Query cost: computed at validation (async-graphql's complexity, with
//! list fields weighted by page size), reported in `extensions.cost` like
//! the big commerce APIs do, and charged to partner clients' leaky bucket.

use std::sync::{Arc, Mutex};

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextRequest, NextValidation};
use async_graphql::{Name, Response, ServerError, ValidationResult, Value};

use super::context::RequestInfo;
use crate::auth::Principal;
use crate::ratelimit::{Decision, RateLimiter};
use crate::state::AppState;

pub struct CostLimit;

impl ExtensionFactory for CostLimit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(CostExtension::default())
    }
}

#[derive(Default)]
struct CostExtension {
    measured: Mutex<Option<(usize, Option<Decision>)>>,
}

type IndexMap = async_graphql::indexmap::IndexMap<Name, Value>;

fn cost_value(cost: usize, decision: Option<Decision>, limiter: &RateLimiter) -> Value {
    let mut map = IndexMap::new();
    map.insert(Name::new("requestedQueryCost"), Value::from(cost as u64));
    if let Some(decision) = decision {
        let config = limiter.config();
        let mut throttle = IndexMap::new();
        throttle.insert(Name::new("maximumAvailable"), Value::from(config.capacity));
        throttle.insert(Name::new("currentlyAvailable"), Value::from(decision.available.max(0.0).floor()));
        throttle.insert(Name::new("restoreRate"), Value::from(config.per_second));
        map.insert(Name::new("throttleStatus"), Value::Object(throttle));
    }
    Value::Object(map)
}

#[async_trait::async_trait]
impl Extension for CostExtension {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let response = next.run(ctx).await;
        let measured = self.measured.lock().unwrap_or_else(|p| p.into_inner()).take();
        match (measured, ctx.data_opt::<AppState>()) {
            (Some((cost, decision)), Some(state)) => {
                response.extension("cost", cost_value(cost, decision, &state.limiter))
            }
            _ => response,
        }
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await?;
        let cost = result.complexity;
        let client = ctx.data_opt::<RequestInfo>().and_then(|r| match &r.principal {
            Some(Ok(p @ Principal::Client { .. })) => Some(p.clone()),
            _ => None,
        });
        let mut decision = None;
        if let (Some(client), Some(state)) = (client, ctx.data_opt::<AppState>()) {
            let key = RateLimiter::key(client.tenant_id(), &client.key());
            match state.limiter.take(&key, cost.max(1) as f64).await {
                Ok(d) if !d.allowed => {
                    *self.measured.lock().unwrap_or_else(|p| p.into_inner()) = Some((cost, Some(d)));
                    let mut error = ServerError::new(
                        format!(
                            "Throttled: this query costs {cost} and the bucket has {:.0} left.",
                            d.available.max(0.0)
                        ),
                        None,
                    );
                    let mut extensions = async_graphql::ErrorExtensionValues::default();
                    extensions.set("code", "THROTTLED");
                    extensions.set("retryAfterMs", d.retry_after_ms);
                    error.extensions = Some(extensions);
                    return Err(vec![error]);
                }
                Ok(d) => decision = Some(d),
                // The limiter protects capacity; its store being down must
                // not take the API down with it.
                Err(e) => tracing::warn!(error = %e, "rate limiter unavailable; request admitted"),
            }
        }
        *self.measured.lock().unwrap_or_else(|p| p.into_inner()) = Some((cost, decision));
        Ok(result)
    }
}
