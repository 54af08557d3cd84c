//! Idempotency keys (DESIGN.md §5; the IETF `Idempotency-Key` header
//! draft): a creating mutation retried with the same key returns its first
//! result instead of running again.
//!
//! - Keys are scoped by tenant and principal (the user or partner client;
//!   `signup` for self-serve sign-up) and expire after [`TTL`].
//! - The key is claimed in the same transaction as the work, by an insert
//!   into a unique index: a concurrent retry waits on that index until the
//!   first commits (then replays its result) or rolls back (then runs), so
//!   the work runs exactly once.
//! - The same key with a different request (another operation, or other
//!   input) is refused with [`UserErrorCode::IdempotencyKeyReused`].
//! - A failed first attempt commits nothing, the key included, so a retry
//!   runs afresh.

mod entity;
mod seal;

use chrono::Duration;
use sea_orm::{ActiveValue::Set, ColumnTrait, IntoActiveModel, QueryFilter};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use super::clock;
use super::errors::{DomainError, DomainResult, UserErrorCode};
use super::ids::{hex, new_id};
use super::jobs::schedule::{Schedule, Zone};
use super::messages;
use super::tenancy::{TenantTx, tenant_entity};

tenant_entity!(entity);

/// How long a key is remembered.
pub const TTL: Duration = Duration::hours(24);

/// The principal of self-serve sign-up, which has no user or client yet.
pub(crate) const SIGNUP: &str = "signup";

/// A key chosen by the caller: 1 to 255 visible ASCII characters (a UUID
/// is the usual choice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(raw: &str) -> DomainResult<Self> {
        let key = raw.trim();
        if key.is_empty() || key.len() > 255 || !key.chars().all(|c| c.is_ascii_graphic()) {
            return Err(DomainError::user(
                "idempotencyKey",
                UserErrorCode::Invalid,
                messages::idempotency_key_format(),
            ));
        }
        Ok(Self(key.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// SHA-256 of the operation and its input: what "the same request" means.
pub(crate) fn fingerprint(operation: &str, request: &impl Serialize) -> DomainResult<String> {
    let body = serde_json::to_vec(request).map_err(DomainError::internal)?;
    let mut hasher = Sha256::new();
    hasher.update(operation.as_bytes());
    hasher.update([0]);
    hasher.update(&body);
    Ok(hex(&hasher.finalize()))
}

fn reused() -> DomainError {
    DomainError::user("idempotencyKey", UserErrorCode::IdempotencyKeyReused, messages::idempotency_key_reused())
}

/// A remembered first result of `principal`'s `key`, if one has not expired.
pub(crate) async fn recall<T: DeserializeOwned>(
    tx: &TenantTx,
    principal: &str,
    key: &IdempotencyKey,
    operation: &str,
    fingerprint: &str,
) -> DomainResult<Option<T>> {
    let Some(row) = find(tx, principal, key).await? else { return Ok(None) };
    if row.expires_at <= clock::now() {
        return Ok(None);
    }
    if row.operation != operation || row.request_hash != fingerprint {
        return Err(reused());
    }
    let Some(sealed) = row.response else {
        // Only the claiming transaction can see its own unfinished row.
        return Err(DomainError::Internal("idempotency key read before its result was stored".into()));
    };
    let plain = seal::open(tx.tenant_id(), principal, key.as_str(), &sealed)?;
    Ok(Some(serde_json::from_slice(&plain).map_err(DomainError::internal)?))
}

async fn find(tx: &TenantTx, principal: &str, key: &IdempotencyKey) -> DomainResult<Option<entity::Model>> {
    Ok(tx
        .find::<entity::Entity>()
        .filter(entity::Column::Principal.eq(principal))
        .filter(entity::Column::Key.eq(key.as_str()))
        .one(tx.conn())
        .await?)
}

/// Inserts the key of `principal`, with `response` sealed when given;
/// false when the key exists (the insert waited for its transaction).
async fn insert(
    tx: &TenantTx,
    principal: &str,
    key: &IdempotencyKey,
    operation: &str,
    fingerprint: &str,
    response: Option<String>,
) -> DomainResult<bool> {
    let now = clock::now();
    let row = entity::ActiveModel {
        tenant_id: Set(tx.tenant_id()),
        id: Set(new_id()),
        principal: Set(principal.to_owned()),
        key: Set(key.as_str().to_owned()),
        operation: Set(operation.to_owned()),
        request_hash: Set(fingerprint.to_owned()),
        response: Set(response),
        created_at: Set(now),
        expires_at: Set(now + TTL),
    };
    tx.insert_unless_exists(row, [entity::Column::TenantId, entity::Column::Principal, entity::Column::Key]).await
}

/// Stores `value` as the first result of `principal`'s `key` (for work
/// whose uniqueness another constraint already guards, like sign-up's slug).
pub(crate) async fn remember<T: Serialize>(
    tx: &TenantTx,
    principal: &str,
    key: &IdempotencyKey,
    operation: &str,
    fingerprint: &str,
    value: &T,
) -> DomainResult<()> {
    let plain = serde_json::to_vec(value).map_err(DomainError::internal)?;
    let sealed = seal::seal(tx.tenant_id(), principal, key.as_str(), &plain)?;
    if insert(tx, principal, key, operation, fingerprint, Some(sealed)).await? { Ok(()) } else { Err(reused()) }
}

/// Runs `work` once per key: the first call runs it and remembers its
/// result; a retry with the same key and request returns that result.
/// Without a key, `work` simply runs.
pub async fn once<T, R>(
    tx: &mut TenantTx,
    key: Option<&IdempotencyKey>,
    operation: &'static str,
    request: &R,
    work: impl AsyncFnOnce(&mut TenantTx) -> DomainResult<T>,
) -> DomainResult<T>
where
    T: Serialize + DeserializeOwned,
    R: Serialize,
{
    let Some(key) = key else { return work(tx).await };
    let principal = tx.ctx().actor.key();
    let fingerprint = fingerprint(operation, request)?;
    if !insert(tx, &principal, key, operation, &fingerprint, None).await? {
        if let Some(first) = recall(tx, &principal, key, operation, &fingerprint).await? {
            return Ok(first);
        }
        // The key expired: it is free again.
        let stale =
            find(tx, &principal, key).await?.ok_or_else(|| DomainError::Internal("idempotency key vanished".into()))?;
        tx.delete_many::<entity::Entity>().filter(entity::Column::Id.eq(stale.id)).exec(tx.conn()).await?;
        if !insert(tx, &principal, key, operation, &fingerprint, None).await? {
            return Err(DomainError::Internal("expired idempotency key could not be reclaimed".into()));
        }
    }
    let value = work(tx).await?;
    let plain = serde_json::to_vec(&value).map_err(DomainError::internal)?;
    let sealed = seal::seal(tx.tenant_id(), &principal, key.as_str(), &plain)?;
    let Some(row) = find(tx, &principal, key).await? else {
        return Err(DomainError::Internal("claimed idempotency key vanished".into()));
    };
    let mut active = row.into_active_model();
    active.response = Set(Some(sealed));
    tx.update(active).await?;
    Ok(value)
}

/// Every night at 03:40 in the tenant's zone.
pub const PURGE_EXPIRED: Schedule = Schedule::each_tenant("idempotency.purge_expired", "0 40 3 * * *", Zone::Tenant);

/// Forgets keys that expired more than a day ago; returns how many.
pub async fn purge_expired(tx: &TenantTx) -> DomainResult<u64> {
    let before = clock::now() - Duration::days(1);
    let deleted =
        tx.delete_many::<entity::Entity>().filter(entity::Column::ExpiresAt.lt(before)).exec(tx.conn()).await?;
    Ok(deleted.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_visible_ascii_of_bounded_length() {
        assert!(IdempotencyKey::parse("0195f0c2-7a1e-7cc3-9b55-2d1e3f4a5b6c").is_ok());
        assert!(IdempotencyKey::parse("").is_err());
        assert!(IdempotencyKey::parse("has space").is_err());
        assert!(IdempotencyKey::parse("密钥").is_err());
        assert!(IdempotencyKey::parse(&"k".repeat(256)).is_err());
    }

    #[test]
    fn fingerprints_tell_operations_and_inputs_apart() {
        let a = fingerprint("apiClientCreate", &serde_json::json!({"name": "ERP"})).expect("hash");
        assert_eq!(a, fingerprint("apiClientCreate", &serde_json::json!({"name": "ERP"})).expect("hash"));
        assert_ne!(a, fingerprint("apiClientCreate", &serde_json::json!({"name": "WMS"})).expect("hash"));
        assert_ne!(a, fingerprint("memberInvite", &serde_json::json!({"name": "ERP"})).expect("hash"));
    }
}
