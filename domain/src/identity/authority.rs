//! Who may act now. An access token says who its bearer was when it was
//! minted; what they may do is read here, from the membership or the
//! partner client as it is now, so a removed or demoted member, or a
//! revoked client, loses its rights with the next request, not when the
//! token expires.
//!
//! Mutations ask [`Freshness::Now`] (one read of the row). Reads may take an
//! answer at most [`TTL`] old from a cache that every change evicts at once
//! in this process and, through [`AuthorityChanged`] on the event relay, in
//! every other process. A read that began before an eviction may finish
//! after it; its answer is stamped with the eviction count it began under
//! and not trusted once that moved, so it cannot put the old rights back.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use moka::future::Cache;
use sea_orm::{ColumnTrait, QueryFilter};
use uuid::Uuid;

use super::entities::{api_client, membership};
use super::grants::parse_role;
use crate::platform::access::{Permission, Role, parse_scopes};
use crate::platform::bus::Topic;
use crate::platform::db::Db;
use crate::platform::errors::{DomainError, DomainResult};
use crate::platform::tenancy::{TenantCtx, TenantTx};

/// The longest a read may act on rights that changed on another replica
/// whose eviction did not arrive (the relay is down).
pub const TTL: Duration = Duration::from_secs(5);
const CAPACITY: u64 = 100_000;

/// What a member may do in a tenant now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberStanding {
    pub role: Role,
    /// The merchant a merchant-role member acts for.
    pub merchant_id: Option<Uuid>,
}

/// What a partner client may do now (`None` from [`client`] once revoked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientStanding {
    pub scopes: Vec<Permission>,
    pub merchant_id: Option<Uuid>,
}

/// How old an answer may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// Read the row now (mutations, opening a subscription).
    Now,
    /// At most [`TTL`] old, evicted on every change (reads).
    Recent,
}

/// The rights of a user or a partner client in a tenant changed (role
/// change, removal, revocation); the payload is the user's or client's id.
pub struct AuthorityChanged;

impl Topic for AuthorityChanged {
    const NAME: &'static str = "identity.authority_changed";
    type Payload = Uuid;
}

/// A cached answer and the eviction count its read began under.
type Stamped<T> = (u64, T);

struct Standings {
    members: Cache<(Uuid, Uuid), Stamped<Option<MemberStanding>>>,
    clients: Cache<(Uuid, Uuid), Stamped<Option<ClientStanding>>>,
    /// Evictions so far in this process.
    evictions: AtomicU64,
}

pub(super) fn install(db: &Db) {
    db.extensions().insert(Standings {
        members: Cache::builder().time_to_live(TTL).max_capacity(CAPACITY).build(),
        clients: Cache::builder().time_to_live(TTL).max_capacity(CAPACITY).build(),
        evictions: AtomicU64::new(0),
    });
    let Some(standings) = db.extensions().get::<Standings>() else { return };
    db.bus().on::<AuthorityChanged>(move |event| {
        let Some(subject) = crate::platform::bus::decode::<AuthorityChanged>(event) else { return };
        let standings = standings.clone();
        let tenant_id = event.tenant_id;
        tokio::spawn(async move { standings.evict(tenant_id, subject).await });
    });
}

impl Standings {
    async fn evict(&self, tenant_id: Uuid, subject: Uuid) {
        self.evictions.fetch_add(1, Ordering::SeqCst);
        self.members.invalidate(&(tenant_id, subject)).await;
        self.clients.invalidate(&(tenant_id, subject)).await;
    }

    fn stamp(&self) -> u64 {
        self.evictions.load(Ordering::SeqCst)
    }
}

/// The answer for `key` from `cache` (one load for concurrent callers),
/// unless an eviction happened since its read began: then read again.
async fn recent<T, F>(
    standings: &Standings,
    cache: &Cache<(Uuid, Uuid), Stamped<T>>,
    key: (Uuid, Uuid),
    load: impl Fn() -> F,
) -> DomainResult<T>
where
    T: Clone + Send + Sync + 'static,
    F: Future<Output = DomainResult<T>> + Send,
{
    let stamped = async {
        let stamp = standings.stamp();
        Ok::<_, DomainError>((stamp, load().await?))
    };
    let (stamp, answer) = cache.try_get_with(key, stamped).await.map_err(shared_error)?;
    if stamp == standings.stamp() {
        return Ok(answer);
    }
    cache.invalidate(&key).await;
    let stamp = standings.stamp();
    let answer = load().await?;
    cache.insert(key, (stamp, answer.clone())).await;
    Ok(answer)
}

fn standings(db: &Db) -> DomainResult<Arc<Standings>> {
    db.extensions()
        .get::<Standings>()
        .ok_or_else(|| DomainError::Internal("identity not installed (open the pool with domain::open)".into()))
}

/// The user's membership of the tenant now; `None` when they are not (or
/// no longer) a member.
pub async fn member(
    db: &Db,
    tenant_id: Uuid,
    user_id: Uuid,
    freshness: Freshness,
) -> DomainResult<Option<MemberStanding>> {
    let load = move || async move {
        let tx = db.begin_read(&TenantCtx::system(tenant_id)).await?;
        let row = tx.find::<membership::Entity>().filter(membership::Column::UserId.eq(user_id)).one(tx.conn()).await?;
        tx.commit().await?;
        row.map(|m| Ok(MemberStanding { role: parse_role(&m.role)?, merchant_id: m.merchant_id })).transpose()
    };
    let standings = standings(db)?;
    match freshness {
        Freshness::Now => {
            let stamp = standings.stamp();
            let standing = load().await?;
            standings.members.insert((tenant_id, user_id), (stamp, standing)).await;
            Ok(standing)
        }
        Freshness::Recent => recent(&standings, &standings.members, (tenant_id, user_id), load).await,
    }
}

/// The partner client's scopes now; `None` once it is revoked or gone.
pub async fn client(
    db: &Db,
    tenant_id: Uuid,
    client_id: Uuid,
    freshness: Freshness,
) -> DomainResult<Option<ClientStanding>> {
    let load = move || async move {
        let tx = db.begin_read(&TenantCtx::system(tenant_id)).await?;
        let row = tx
            .find_by_id::<api_client::Entity>(client_id)
            .filter(api_client::Column::RevokedAt.is_null())
            .one(tx.conn())
            .await?;
        tx.commit().await?;
        Ok::<_, DomainError>(row.map(|c| ClientStanding {
            scopes: parse_scopes(&c.scopes).unwrap_or_default(),
            merchant_id: c.merchant_id,
        }))
    };
    let standings = standings(db)?;
    match freshness {
        Freshness::Now => {
            let stamp = standings.stamp();
            let standing = load().await?;
            standings.clients.insert((tenant_id, client_id), (stamp, standing.clone())).await;
            Ok(standing)
        }
        Freshness::Recent => recent(&standings, &standings.clients, (tenant_id, client_id), load).await,
    }
}

/// Tells every process that `subject`'s rights in the transaction's tenant
/// changed, and evicts this process's copy once committed.
pub(crate) fn changed(tx: &mut TenantTx, subject: Uuid) -> DomainResult<()> {
    tx.emit::<AuthorityChanged>(&subject)?;
    let cache = standings(tx.db())?;
    let tenant_id = tx.tenant_id();
    tx.after_commit(async move { cache.evict(tenant_id, subject).await });
    Ok(())
}

fn shared_error(error: Arc<DomainError>) -> DomainError {
    super::lookups::shared_error(error)
}
