//! The audit log: its entries, the `auditLog` connection and the
//! `auditEntryAdded` subscription.

use async_graphql::{Context, ID, Json, Object, Result, SimpleObject, Subscription, Value};
use chrono::{DateTime, Utc};
use domain::identity;
use domain::platform::access::Permission;
use domain::platform::audit::{self, AUDIT_ENTRY, AuditEntryAdded};
use domain::platform::bus;
use domain::platform::ids::NodeType;
use domain::platform::tenancy::ActorKind;
use futures_util::Stream;
use uuid::Uuid;

use crate::graphql::kit::connection::{UncountedConnection, page_request, uncounted};
use crate::graphql::kit::context::{Recheck, db, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::OrGql;
use crate::graphql::kit::plain::{Fast, Plain, PlainValue, Selection};

#[derive(SimpleObject)]
pub struct AuditActor {
    pub kind: Enum<ActorKind>,
    pub id: Option<ID>,
    /// Email of a user, name of an API client, or `system`.
    pub label: String,
}

pub struct AuditEntry(pub audit::AuditEntry);

#[Object]
impl AuditEntry {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(AUDIT_ENTRY, self.0.id)
    }
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
    async fn actor(&self) -> AuditActor {
        AuditActor::of(&self.0)
    }
    /// What was done, as `<object>.<verb>`, e.g. `member.invite`.
    async fn action(&self) -> &str {
        &self.0.action
    }
    /// Global id of the object changed.
    async fn subject_id(&self) -> Option<ID> {
        self.0.subject_id.clone().map(ID)
    }
    async fn before(&self) -> Option<Json<&serde_json::Value>> {
        self.0.before.as_ref().map(Json)
    }
    async fn after(&self) -> Option<Json<&serde_json::Value>> {
        self.0.after.as_ref().map(Json)
    }
    async fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }
}

impl AuditActor {
    fn of(entry: &audit::AuditEntry) -> Self {
        let kind = match entry.actor_kind {
            ActorKind::User => Some(identity::USER),
            ActorKind::ApiClient => Some(identity::API_CLIENT),
            ActorKind::System => None,
        };
        let id = kind.zip(entry.actor_id).map(|(kind, id): (NodeType, Uuid)| ids::encode(kind, id));
        AuditActor { kind: Enum(entry.actor_kind), id, label: entry.actor_label.clone() }
    }
}

impl Plain for AuditActor {
    fn field(&self, name: &str, _: Selection<'_>) -> Option<Value> {
        Some(match name {
            "kind" => self.kind.plain(),
            "id" => self.id.plain(),
            "label" => self.label.plain(),
            _ => return None,
        })
    }
}

impl Plain for AuditEntry {
    const INTERFACES: &'static [&'static str] = &["Node"];

    fn field(&self, name: &str, selection: Selection<'_>) -> Option<Value> {
        let entry = &self.0;
        Some(match name {
            "id" => ids::encode(AUDIT_ENTRY, entry.id).plain(),
            "at" => entry.at.plain(),
            "actor" => selection.object(&AuditActor::of(entry)),
            "action" => entry.action.plain(),
            "subjectId" => entry.subject_id.plain(),
            "before" => entry.before.plain(),
            "after" => entry.after.plain(),
            "requestId" => entry.request_id.plain(),
            _ => return None,
        })
    }
}

pub async fn audit_entry_node(ctx: &Context<'_>, id: Uuid) -> Result<Option<AuditEntry>> {
    Ok(db(ctx).read(&tenant_ctx(ctx)?, async |tx| audit::get(tx, id).await).await.or_gql()?.map(AuditEntry))
}

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// Every audited change in the tenant, newest first.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> Result<UncountedConnection<Fast<AuditEntry>>> {
        let request = page_request(first, after, last, before)?;
        let page = db(ctx).read(&tenant_ctx(ctx)?, async |tx| audit::list(tx, &request).await).await.or_gql()?;
        Ok(uncounted(page, |entry| Fast(AuditEntry(entry))))
    }
}

#[derive(Default)]
pub struct AuditSubscription;

#[Subscription]
impl AuditSubscription {
    /// Each new audit entry of the tenant, as it is committed, while the
    /// subscriber may read the audit log (checked again for each entry).
    async fn audit_entry_added(&self, ctx: &Context<'_>) -> Result<impl Stream<Item = Result<AuditEntry>> + use<>> {
        let tctx = tenant_ctx(ctx)?;
        tctx.require(Permission::AuditRead).or_gql()?;
        let recheck = Recheck::of(ctx)?;
        let subscription = db(ctx).bus().subscribe::<AuditEntryAdded>(tctx.tenant_id).await;
        Ok(futures_util::stream::unfold(Some((subscription, recheck)), |state| async move {
            let (mut subscription, recheck) = state?;
            loop {
                let event = subscription.recv().await?;
                let Some(entry) = bus::decode::<AuditEntryAdded>(&event) else { continue };
                return Some(match recheck.allows(Permission::AuditRead).await {
                    Ok(()) => (Ok(AuditEntry(entry)), Some((subscription, recheck))),
                    Err(refused) => (Err(refused), None),
                });
            }
        }))
    }
}
