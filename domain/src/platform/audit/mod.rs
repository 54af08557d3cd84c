//! The audit log: every mutation writes one entry (who, what, when,
//! before/after) in the same transaction as the change, and publishes it
//! on [`AuditEntryAdded`] once committed.
//!
//! The label of the actor ("li@example.com", "API client ERP") is kept as
//! it was at the time; the platform asks the [`ActorDirectory`] the
//! identity context installs for it.

mod entity;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter, Select};
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;
use uuid::Uuid;

use super::access::Permission;
use super::bus::Topic;
use super::clock;
use super::errors::{DomainError, DomainResult, UserErrorCode};
use super::ids::{NodeType, new_id};
use super::messages;
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

impl AuditEntry {
    /// The user who acted, if a person did.
    pub fn actor_user(&self) -> Option<Uuid> {
        if self.actor_kind == ActorKind::User { self.actor_id } else { None }
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
    /// The label kept with an entry: how the actor was known at the time.
    async fn label(&self, tx: &TenantTx, actor: &Actor) -> DomainResult<String>;

    /// The present display names of the users `ids`, in one query; users
    /// it does not know are left out.
    async fn user_names(&self, tx: &TenantTx, ids: &[Uuid]) -> DomainResult<HashMap<Uuid, String>>;
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

fn directory(tx: &TenantTx) -> DomainResult<Arc<dyn ActorDirectory>> {
    let directory = tx.db().extensions().get::<Directory>().ok_or_else(|| {
        DomainError::Internal("no actor directory installed (open the pool with domain::open)".into())
    })?;
    Ok(directory.0.clone())
}

/// Writes the audit entry of `change`, by the transaction's actor.
pub async fn record(tx: &mut TenantTx, change: Change<'_>) -> DomainResult<()> {
    let actor_label = directory(tx)?.label(tx, &tx.ctx().actor).await?;
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

/// Most actions one filter may name.
pub const MAX_FILTER_ACTIONS: usize = 50;

/// Which entries to list; each criterion given narrows the list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditFilter {
    /// Entries by this actor (a user's or a partner client's id).
    pub actor_id: Option<Uuid>,
    /// Entries with one of these actions (`member.invite`); any when empty.
    pub actions: Vec<String>,
    /// Entries at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Entries before this time.
    pub until: Option<DateTime<Utc>>,
}

impl AuditFilter {
    fn check(&self) -> DomainResult<()> {
        let bad = |field: &str, message| Err(DomainError::user(field, UserErrorCode::Invalid, message));
        if self.actions.len() > MAX_FILTER_ACTIONS {
            return bad("actions", messages::audit_too_many_actions(MAX_FILTER_ACTIONS as i64));
        }
        if let (Some(since), Some(until)) = (self.since, self.until)
            && since >= until
        {
            return bad("until", messages::audit_until_before_since());
        }
        Ok(())
    }

    /// The tenant's entries that pass this filter.
    fn select(&self, tx: &TenantTx) -> Select<entity::Entity> {
        let mut select = tx.find::<entity::Entity>();
        if let Some(actor) = self.actor_id {
            select = select.filter(entity::Column::ActorId.eq(actor));
        }
        if !self.actions.is_empty() {
            select = select.filter(entity::Column::Action.is_in(self.actions.iter().map(String::as_str)));
        }
        if let Some(since) = self.since {
            select = select.filter(entity::Column::At.gte(since));
        }
        if let Some(until) = self.until {
            select = select.filter(entity::Column::At.lt(until));
        }
        select
    }
}

/// The tenant's audit log, newest first, narrowed by `filter`.
pub async fn list(tx: &TenantTx, request: &PageRequest, filter: &AuditFilter) -> DomainResult<Page<AuditEntry>> {
    tx.ctx().require(Permission::AuditRead)?;
    filter.check()?;
    let page = paging::fetch(tx, filter.select(tx), Order::NewestFirst, request).await?;
    Ok(page.map(AuditEntry::from))
}

/// How many entries pass `filter` (a count over the tenant's log: ask
/// only when the number is shown).
pub async fn count(tx: &TenantTx, filter: &AuditFilter) -> DomainResult<u64> {
    tx.ctx().require(Permission::AuditRead)?;
    filter.check()?;
    Ok(filter.select(tx).count(tx.conn()).await?)
}

/// The present display names of the people (user actors) `users`, by
/// id, in one query; partner clients and the system keep their label.
pub async fn actor_names(tx: &TenantTx, mut users: Vec<Uuid>) -> DomainResult<HashMap<Uuid, String>> {
    tx.ctx().require(Permission::AuditRead)?;
    users.sort_unstable();
    users.dedup();
    if users.is_empty() {
        return Ok(HashMap::new());
    }
    directory(tx)?.user_names(tx, &users).await
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

/// How many entries of `actions` since `since` are about one of `subjects`
/// (global ids), in the transaction's tenant.
pub async fn count_about(
    tx: &TenantTx,
    actions: &[&str],
    since: DateTime<Utc>,
    subjects: Vec<String>,
) -> DomainResult<u64> {
    use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
    if subjects.is_empty() {
        return Ok(0);
    }
    Ok(tx
        .find::<entity::Entity>()
        .filter(entity::Column::Action.is_in(actions.iter().copied()))
        .filter(entity::Column::At.gt(since))
        .filter(entity::Column::SubjectId.is_in(subjects))
        .count(tx.conn())
        .await?)
}
