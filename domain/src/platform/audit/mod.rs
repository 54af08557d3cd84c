//! The audit log: every mutation writes one entry (who, what, when,
//! before/after) in the same transaction as the change, and publishes it
//! on [`AuditEntryAdded`] once committed.
//!
//! The label of the actor ("li@example.com", "API client ERP") is kept as
//! it was at the time; the platform asks the [`ActorDirectory`] the
//! identity context installs for it.

mod entity;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use uuid::Uuid;

use super::access::Permission;
use super::bus::Topic;
use super::clock;
use super::errors::{DomainError, DomainResult};
use super::ids::{NodeType, new_id};
use super::paging::{self, Order, Page, PageRequest};
use super::tenancy::{Actor, ActorKind, TenantTx, tenant_entity};

tenant_entity!(entity);

pub const AUDIT_ENTRY: NodeType = NodeType("AuditEntry");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_kind: ActorKind,
    pub actor_id: Option<Uuid>,
    pub actor_label: String,
    /// `<object>.<verb>`, e.g. `member.invite`.
    pub action: String,
    /// Global id of the object changed.
    pub subject_id: Option<String>,
    pub before: Option<Json>,
    pub after: Option<Json>,
    pub request_id: Option<String>,
}

impl From<entity::Model> for AuditEntry {
    fn from(m: entity::Model) -> Self {
        Self {
            id: m.id,
            at: m.at,
            // Only ever written from `ActorKind`.
            actor_kind: ActorKind::parse(&m.actor_kind).unwrap_or(ActorKind::System),
            actor_id: m.actor_id,
            actor_label: m.actor_label,
            action: m.action,
            subject_id: m.subject_id,
            before: m.before,
            after: m.after,
            request_id: m.request_id,
        }
    }
}

/// Each new audit entry of a tenant, after its transaction commits.
pub struct AuditEntryAdded;

impl Topic for AuditEntryAdded {
    const NAME: &'static str = "audit.entry_added";
    type Payload = AuditEntry;
}

/// Names actors for the log; installed by the identity context.
#[async_trait::async_trait]
pub trait ActorDirectory: Send + Sync {
    async fn label(&self, tx: &TenantTx, actor: &Actor) -> DomainResult<String>;
}

/// The installed [`ActorDirectory`], kept in the pool's extensions.
pub struct Directory(pub Arc<dyn ActorDirectory>);

/// What changed, for [`record`].
pub struct Change<'a> {
    pub action: &'a str,
    /// The object changed, when there is one.
    pub subject: Option<(NodeType, Uuid)>,
    pub before: Option<Json>,
    pub after: Option<Json>,
}

impl<'a> Change<'a> {
    /// A change of `subject` with no before/after to show.
    pub fn of(action: &'a str, subject: NodeType, id: Uuid) -> Self {
        Self { action, subject: Some((subject, id)), before: None, after: None }
    }

    /// An action with no object (signing in, say).
    pub fn action(action: &'a str) -> Self {
        Self { action, subject: None, before: None, after: None }
    }

    pub fn before(mut self, before: Json) -> Self {
        self.before = Some(before);
        self
    }

    pub fn after(mut self, after: Json) -> Self {
        self.after = Some(after);
        self
    }
}

/// Writes the audit entry of `change`, by the transaction's actor.
pub async fn record(tx: &mut TenantTx, change: Change<'_>) -> DomainResult<()> {
    let directory = tx.db().extensions().get::<Directory>().ok_or_else(|| {
        DomainError::Internal("no actor directory installed (open the pool with domain::open)".into())
    })?;
    let actor_label = directory.0.label(tx, &tx.ctx().actor).await?;
    let ctx = tx.ctx();
    let row = entity::ActiveModel {
        tenant_id: Set(ctx.tenant_id),
        id: Set(new_id()),
        at: Set(clock::now()),
        actor_kind: Set(ctx.actor.kind().as_str().to_owned()),
        actor_id: Set(ctx.actor.id()),
        actor_label: Set(actor_label),
        action: Set(change.action.to_owned()),
        subject_id: Set(change.subject.map(|(kind, id)| kind.gid(id))),
        before: Set(change.before),
        after: Set(change.after),
        request_id: Set(ctx.request_id.clone()),
    };
    let saved: AuditEntry = tx.insert(row).await?.into();
    tx.emit::<AuditEntryAdded>(&saved)
}

/// The tenant's audit log, newest first.
pub async fn list(tx: &TenantTx, request: &PageRequest) -> DomainResult<Page<AuditEntry>> {
    tx.ctx().require(Permission::AuditRead)?;
    let page = paging::fetch(tx, tx.find::<entity::Entity>(), Order::NewestFirst, request).await?;
    Ok(page.map(AuditEntry::from))
}

pub async fn get(tx: &TenantTx, id: Uuid) -> DomainResult<Option<AuditEntry>> {
    tx.ctx().require(Permission::AuditRead)?;
    Ok(tx.find_by_id::<entity::Entity>(id).one(tx.conn()).await?.map(AuditEntry::from))
}

/// How many entries of `actions` the tenant recorded after `since` (by
/// `actor` only, if given): what caps on mail and the like count, since
/// every such send is audited. Not a read of the log by a person, so no
/// permission is asked.
pub async fn count_since(
    tx: &TenantTx,
    actions: &[&str],
    since: DateTime<Utc>,
    actor: Option<Uuid>,
) -> DomainResult<u64> {
    use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
    let mut query = tx
        .find::<entity::Entity>()
        .filter(entity::Column::Action.is_in(actions.iter().copied()))
        .filter(entity::Column::At.gt(since));
    if let Some(actor) = actor {
        query = query.filter(entity::Column::ActorId.eq(actor));
    }
    Ok(query.count(tx.conn()).await?)
}
