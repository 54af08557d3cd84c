//! The one gate every password check passes: sign-in, sign-up with an
//! existing account, invitation acceptance, and whatever comes later.
//!
//! In order, for one attempt:
//! 1. a hashing slot is taken, or the attempt is refused at once with
//!    [`DomainError::Throttled`] (argon2id takes 19 MiB and a core for tens
//!    of milliseconds; slots are about the core count, so a burst neither
//!    queues without bound nor grows memory);
//! 2. the attempt is counted for the email, atomically and before any
//!    hashing, and refused while the address is locked or while earlier
//!    attempts still being checked have used up its [`MAX_FAILED_ATTEMPTS`];
//! 3. the password is checked (against a dummy hash when there is no
//!    account, so both cost the same);
//! 4. success clears the count; the failure that fills it locks the address
//!    for [`LOCKOUT`].
//!
//! Addresses with and without an account are counted and locked alike, so
//! neither the answers nor their timing tell whether an account exists
//! (OWASP Authentication Cheat Sheet, "Login Throttling" and "Account
//! enumeration"). Failed attempts and lockouts of an account are audited as
//! security events in each of its tenants, without the password.
#![expect(clippy::disallowed_methods, reason = "sign_in_attempts is a global table")]

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordVerifier};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect,
};
use serde_json::json;
use sha2::{Digest, Sha256};
use tokio::sync::{Semaphore, SemaphorePermit};

use super::entities::{sign_in_attempt, user};
use super::memberships::memberships_of_user;
use super::{USER, messages};
use crate::platform::audit::{self, Change};
use crate::platform::clock;
use crate::platform::db::{Db, scope_to_user};
use crate::platform::email::Email;
use crate::platform::errors::{DomainError, DomainResult, UserErrorCode};
use crate::platform::tenancy::{TenantCtx, TenantTx};

/// Failed attempts on one address that lock it for [`LOCKOUT`].
pub const MAX_FAILED_ATTEMPTS: i32 = 5;
/// How long a locked address stays locked.
pub const LOCKOUT: Duration = Duration::minutes(15);

/// Seconds a throttled caller is told to wait.
const THROTTLED_RETRY_SECS: u64 = 1;

static HASHING: LazyLock<Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    Semaphore::new(cores.max(2))
});

/// A slot for one argon2id computation; the process holds at most about
/// one per core.
pub(crate) struct HashingSlot {
    _permit: SemaphorePermit<'static>,
}

/// A hashing slot now, or [`DomainError::Throttled`] when all are busy.
pub(crate) fn hashing_slot() -> DomainResult<HashingSlot> {
    HASHING
        .try_acquire()
        .map(|permit| HashingSlot { _permit: permit })
        .map_err(|_| DomainError::Throttled { retry_after_secs: THROTTLED_RETRY_SECS })
}

/// A valid argon2id hash of a password nobody has, checked when the
/// address has no account, so unknown and known addresses cost the same.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2lsa3BvcnRkdW1teQ$wBmBwUR0+W/5Xv6rTAdOgILxu5Mu+k1lTGJhLxDaw9w";

/// Passes one password attempt for `email` through the gate.
///
/// `account` is the user of that address, if any. `Ok(true)`: the password
/// is the account's. `Ok(false)`: it is not, or there is no account (the
/// caller answers the same either way). Errors: `TOO_MANY_ATTEMPTS` (user
/// error on `field`) while the address is locked or its attempts are used
/// up; [`DomainError::Throttled`] when every hashing slot is busy.
pub(crate) async fn check(
    db: &Db,
    field: &str,
    email: &Email,
    password: &str,
    account: Option<&user::Model>,
    request_id: Option<String>,
) -> DomainResult<bool> {
    check_counting(db, field, email, password, account, Clears::OnMatch, request_id).await
}

/// Whether a matching password forgives the address's failed attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Clears {
    OnMatch,
    /// A match counts like a failure: at sign-up, where the password of an
    /// account nobody has confirmed proves nothing, and an address must
    /// lock alike whether or not it has one.
    Never,
}

/// [`check`], with the say of a match over the count given by `clears`.
pub(crate) async fn check_counting(
    db: &Db,
    field: &str,
    email: &Email,
    password: &str,
    account: Option<&user::Model>,
    clears: Clears,
    request_id: Option<String>,
) -> DomainResult<bool> {
    let slot = hashing_slot()?;
    let key = email_key(email);
    count_attempt(db, field, &key).await?;
    let matched = verify(&slot, password, account.map(|u| u.password_hash.as_str())).await;
    drop(slot);
    let locked_now = settle(db, &key, matched && clears == Clears::OnMatch).await?;
    if !matched {
        tracing::info!(user.email = %email.redacted(), locked = locked_now, "password check failed");
        if let Some(account) = account {
            audit_failure(db, account, locked_now, request_id).await?;
        }
    }
    Ok(matched)
}

/// Forgets the failed attempts of `email` (after a password reset).
pub(crate) async fn clear(conn: &impl ConnectionTrait, email: &Email) -> DomainResult<()> {
    if let Some(row) = sign_in_attempt::Entity::find_by_id(email_key(email)).lock_exclusive().one(conn).await? {
        reset(conn, row).await?;
    }
    Ok(())
}

/// Zero failures, no lock. The row stays (deleting it would race the
/// insert-then-lock of a concurrent attempt); the purge removes idle rows.
async fn reset(conn: &impl ConnectionTrait, row: sign_in_attempt::Model) -> DomainResult<()> {
    let mut active = row.into_active_model();
    active.failures = Set(0);
    active.locked_until = Set(None);
    active.updated_at = Set(clock::now());
    sign_in_attempt::Entity::update(active).exec(conn).await?;
    Ok(())
}

/// Deletes the counts of addresses idle for a day and not locked; returns
/// how many.
pub(crate) async fn purge_idle(conn: &impl ConnectionTrait) -> DomainResult<u64> {
    let now = clock::now();
    let deleted = sign_in_attempt::Entity::delete_many()
        .filter(sign_in_attempt::Column::UpdatedAt.lt(now - Duration::days(1)))
        .filter(
            Condition::any()
                .add(sign_in_attempt::Column::LockedUntil.is_null())
                .add(sign_in_attempt::Column::LockedUntil.lt(now)),
        )
        .exec(conn)
        .await?;
    Ok(deleted.rows_affected)
}

/// How the gate (and a slug hold) keys an address: its SHA-256, so the
/// table holds no addresses.
pub(crate) fn email_key(email: &Email) -> String {
    let digest = Sha256::digest(email.as_str().as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn locked(field: &str, until: DateTime<Utc>, now: DateTime<Utc>) -> DomainError {
    let minutes = (until - now).num_minutes() + 1;
    DomainError::user(field, UserErrorCode::TooManyAttempts, messages::locked(minutes))
}

/// Counts one attempt on `key`, or refuses it while the address is locked
/// or its budget is taken by attempts still in flight. The row is locked
/// for the read-then-write (`FOR UPDATE` on PostgreSQL; SQLite's write
/// transactions take the database lock up front).
async fn count_attempt(db: &Db, field: &str, key: &str) -> DomainResult<()> {
    let now = clock::now();
    let tx = db.global_tx().await?;
    let fresh = sign_in_attempt::ActiveModel {
        email_key: Set(key.to_owned()),
        failures: Set(0),
        locked_until: Set(None),
        updated_at: Set(now),
    };
    // The purge may delete the row between the insert and the lock; then
    // insert again.
    let mut row = None;
    for _ in 0..3 {
        sign_in_attempt::Entity::insert(fresh.clone())
            .on_conflict(OnConflict::column(sign_in_attempt::Column::EmailKey).do_nothing().to_owned())
            .exec_without_returning(&tx)
            .await?;
        row = sign_in_attempt::Entity::find_by_id(key.to_owned()).lock_exclusive().one(&tx).await?;
        if row.is_some() {
            break;
        }
    }
    let row = row.ok_or_else(|| DomainError::Internal("sign-in attempt row deleted three times over".into()))?;
    let failures = match row.locked_until {
        Some(until) if until > now => return Err(locked(field, until, now)),
        Some(_) => 0,
        None => row.failures,
    };
    if failures >= MAX_FAILED_ATTEMPTS {
        return Err(locked(field, now + LOCKOUT, now));
    }
    let mut active = row.into_active_model();
    active.failures = Set(failures + 1);
    active.locked_until = Set(None);
    active.updated_at = Set(now);
    sign_in_attempt::Entity::update(active).exec(&tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Records the outcome of a counted attempt; `true` when this failure
/// locked the address.
async fn settle(db: &Db, key: &str, matched: bool) -> DomainResult<bool> {
    let tx = db.global_tx().await?;
    let row = sign_in_attempt::Entity::find_by_id(key.to_owned()).lock_exclusive().one(&tx).await?;
    let mut locked_now = false;
    match row {
        Some(row) if matched => {
            reset(&tx, row).await?;
        }
        Some(row) if row.failures >= MAX_FAILED_ATTEMPTS && row.locked_until.is_none() => {
            let now = clock::now();
            let mut active = row.into_active_model();
            active.locked_until = Set(Some(now + LOCKOUT));
            active.updated_at = Set(now);
            sign_in_attempt::Entity::update(active).exec(&tx).await?;
            locked_now = true;
        }
        _ => {}
    }
    tx.commit().await?;
    Ok(locked_now)
}

async fn verify(_slot: &HashingSlot, password: &str, stored: Option<&str>) -> bool {
    let password = password.to_owned();
    let known = stored.is_some();
    let stored = stored.unwrap_or(DUMMY_HASH).to_owned();
    let matched = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .is_ok_and(|hash| Argon2::default().verify_password(password.as_bytes(), &hash).is_ok())
    })
    .await
    .unwrap_or(false);
    known && matched
}

/// `session.login_failed` (and `session.locked`) in every tenant of the
/// account: operators see attacks on their people.
async fn audit_failure(
    db: &Db,
    account: &user::Model,
    locked_now: bool,
    request_id: Option<String>,
) -> DomainResult<()> {
    let tx = db.global_tx().await?;
    scope_to_user(&tx, account.id).await?;
    let tenants: Vec<_> = memberships_of_user(&tx, account.id).await?.into_iter().map(|m| m.tenant_id).collect();
    tx.commit().await?;
    for tenant_id in tenants {
        let request_id = request_id.clone();
        let mut ctx = TenantCtx::system(tenant_id);
        ctx.request_id = request_id;
        db.write(&ctx, async |tx: &mut TenantTx| {
            let failed = Change::of("session.login_failed", USER, account.id).after(json!({"email": account.email}));
            audit::record(tx, failed).await?;
            if locked_now {
                let until = clock::now() + LOCKOUT;
                let change = Change::of("session.locked", USER, account.id)
                    .after(json!({"email": account.email, "lockedUntil": until.to_rfc3339()}));
                audit::record(tx, change).await?;
            }
            Ok(())
        })
        .await?;
    }
    Ok(())
}
