//! Short-lived caches of the rows nearly every request reads (the tenant
//! and user behind a token), so `viewer` costs no database round trip.
//!
//! Entries live two seconds; when one expires, one request reloads it while
//! the others wait for that load (no stampede on the pool). A change made in
//! this process evicts at once;
//! with an event relay (Redis), a change made anywhere evicts everywhere
//! through [`crate::events::EventKind::TenantChanged`].

use std::time::Duration;

use moka::future::Cache;
use uuid::Uuid;

use crate::error::DomainError;
use crate::identity::tenants::Tenant;
use crate::identity::users::User;

const TTL: Duration = Duration::from_secs(2);
const CAPACITY: u64 = 50_000;

pub(crate) struct Lookups {
    pub tenants: Cache<Uuid, Tenant>,
    /// `None` is cached too: an unknown id stays unknown for the moment.
    pub users: Cache<Uuid, Option<User>>,
}

impl Default for Lookups {
    fn default() -> Self {
        Self {
            tenants: Cache::builder().time_to_live(TTL).max_capacity(CAPACITY).build(),
            users: Cache::builder().time_to_live(TTL).max_capacity(CAPACITY).build(),
        }
    }
}

/// The error of a load that several waiting requests shared.
pub(crate) fn shared_error(error: std::sync::Arc<DomainError>) -> DomainError {
    match std::sync::Arc::try_unwrap(error) {
        Ok(error) => error,
        Err(shared) => DomainError::Internal(shared.to_string()),
    }
}
