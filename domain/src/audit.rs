//! The audit log: every mutation writes one entry (who, what, when,
//! before/after) in the same transaction as the change.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::Value as Json;
use uuid::Uuid;

use crate::access::Permission;
use crate::context::{Actor, TenantCtx};
use crate::db::{Db, TenantTx};
use crate::entities::{api_client, audit_entry, user};
use crate::error::DomainResult;
use crate::events::{Event, EventKind};
use crate::ids::new_id;
use crate::page::{self, Order, Page, PageRequest};

/// A reference to any object, in the global-id form the API shows.
pub fn subject(kind: &str, id: Uuid) -> String {
    format!("gid://silkport/{kind}/{id}")
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_kind: String,
    pub actor_id: Option<Uuid>,
    pub actor_label: String,
    pub action: String,
    pub subject_id: Option<String>,
    pub before: Option<Json>,
    pub after: Option<Json>,
    pub request_id: Option<String>,
}

impl From<audit_entry::Model> for AuditEntry {
    fn from(m: audit_entry::Model) -> Self {
        Self {
            id: m.id,
            at: m.at,
            actor_kind: m.actor_kind,
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

/// What changed, for [`record`].
pub(crate) struct Change<'a> {
    pub action: &'a str,
    pub subject: Option<String>,
    pub before: Option<Json>,
    pub after: Option<Json>,
}

pub(crate) async fn record(tx: &mut TenantTx, ctx: &TenantCtx, change: Change<'_>) -> DomainResult<()> {
    let actor_label = actor_label(tx, &ctx.actor).await?;
    let row = audit_entry::ActiveModel {
        tenant_id: Set(tx.tenant_id()),
        id: Set(new_id()),
        at: Set(Utc::now()),
        actor_kind: Set(ctx.actor.kind().to_owned()),
        actor_id: Set(ctx.actor.id()),
        actor_label: Set(actor_label),
        action: Set(change.action.to_owned()),
        subject_id: Set(change.subject),
        before: Set(change.before),
        after: Set(change.after),
        request_id: Set(ctx.request_id.clone()),
    };
    let saved = tx.insert(row).await?;
    let tenant_id = tx.tenant_id();
    tx.emit(Event { tenant_id, kind: EventKind::AuditEntryAdded(Box::new(saved.into())) });
    Ok(())
}

async fn actor_label(tx: &TenantTx, actor: &Actor) -> DomainResult<String> {
    Ok(match actor {
        Actor::User { id } => {
            #[expect(clippy::disallowed_methods, reason = "users is a global table")]
            let found = user::Entity::find_by_id(*id).one(tx.conn()).await?;
            found.map(|u| u.email).unwrap_or_else(|| id.to_string())
        }
        Actor::ApiClient { id, .. } => {
            let found = tx.find_by_id::<api_client::Entity>(*id).one(tx.conn()).await?;
            found.map(|c| format!("API client {}", c.name)).unwrap_or_else(|| id.to_string())
        }
        Actor::System => "system".to_owned(),
    })
}

/// The tenant's audit log, newest first.
pub async fn list(db: &Db, ctx: &TenantCtx, request: &PageRequest) -> DomainResult<Page<AuditEntry>> {
    ctx.require(Permission::AuditRead)?;
    let tx = db.tenant_read(ctx).await?;
    let page = page::fetch(
        tx.conn(),
        tx.find::<audit_entry::Entity>(),
        audit_entry::Column::Id,
        |m| m.id,
        Order::NewestFirst,
        request,
    )
    .await?;
    tx.commit().await?;
    Ok(page.map(AuditEntry::from))
}

pub async fn get(db: &Db, ctx: &TenantCtx, id: Uuid) -> DomainResult<Option<AuditEntry>> {
    ctx.require(Permission::AuditRead)?;
    let tx = db.tenant_read(ctx).await?;
    let found = tx.find_by_id::<audit_entry::Entity>(id).one(tx.conn()).await?;
    tx.commit().await?;
    Ok(found.map(AuditEntry::from))
}
