//! Short-lived caches of the rows nearly every request reads (the tenant
//! and user behind a token), so `viewer` costs no database round trip.
//!
//! Entries live two seconds; when one expires, one request reloads it while
//! the others wait for that load (no stampede on the pool). A change made in
//! this process evicts at once; with an event relay (Redis), a change made
//! anywhere evicts everywhere through [`super::TenantChanged`].

use std::sync::Arc;
use std::time::Duration;

use moka::future::Cache;
use uuid::Uuid;

use super::TenantChanged;
use super::tenants::Tenant;
use super::users::User;
use crate::platform::db::Db;
use crate::platform::errors::{DomainError, DomainResult};

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

pub(super) fn install(db: &Db) {
    db.extensions().insert(Lookups::default());
    let Some(lookups) = db.extensions().get::<Lookups>() else { return };
    db.bus().on::<TenantChanged>(move |event| {
        let lookups = lookups.clone();
        let tenant_id = event.tenant_id;
        tokio::spawn(async move { lookups.tenants.invalidate(&tenant_id).await });
    });
}

/// The caches of `db`.
pub(crate) fn of(db: &Db) -> DomainResult<Arc<Lookups>> {
    db.extensions()
        .get::<Lookups>()
        .ok_or_else(|| DomainError::Internal("identity not installed (open the pool with domain::open)".into()))
}

/// The error of a load that several waiting requests shared.
pub(crate) fn shared_error(error: Arc<DomainError>) -> DomainError {
    match Arc::try_unwrap(error) {
        Ok(error) => error,
        Err(shared) => DomainError::Internal(shared.to_string()),
    }
}
