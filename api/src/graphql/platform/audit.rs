//! The audit log: its entries, the `auditLog` connection and the
//! `auditEntryAdded` subscription.

use std::collections::HashMap;

use async_graphql::{Context, ID, InputObject, Json, Object, Result, Subscription, Value};
use chrono::{DateTime, Utc};
use domain::identity;
use domain::platform::access::Permission;
use domain::platform::audit::{self, AUDIT_ENTRY, AuditEntryAdded};
use domain::platform::bus;
use domain::platform::ids::NodeType;
use domain::platform::messages;
use domain::platform::tenancy::ActorKind;
use domain::{DomainError, DomainResult, UserErrorCode};
use futures_util::Stream;
use uuid::Uuid;

use crate::graphql::kit::connection::{CountedConnection, counted, page_request};
use crate::graphql::kit::context::{Recheck, db, tenant_ctx};
use crate::graphql::kit::enums::Enum;
use crate::graphql::kit::ids;
use crate::graphql::kit::payload::OrGql;
use crate::graphql::kit::plain::{Fast, Plain, PlainValue, Selection};

/// Who did it.
pub struct AuditActor {
    kind: ActorKind,
    id: Option<ID>,
    user_id: Option<Uuid>,
    label: String,
    /// The present name, when the listing looked it up for the page.
    name: Option<String>,
}

#[Object]
impl AuditActor {
    async fn kind(&self) -> Enum<ActorKind> {
        Enum(self.kind)
    }
    async fn id(&self) -> Option<&ID> {
        self.id.as_ref()
    }
    /// Email of a user, name of an API client, or `system`, as it was then.
    async fn label(&self) -> &str {
        &self.label
    }
    /// What to call them now: a person's present display name (the label
    /// when the account is gone); the label for clients and the system.
    async fn name(&self, ctx: &Context<'_>) -> Result<String> {
        if let Some(name) = &self.name {
            return Ok(name.clone());
        }
        let Some(user) = self.user_id else { return Ok(self.label.clone()) };
        let names = db(ctx).read(&tenant_ctx(ctx)?, async |tx| audit::actor_names(tx, vec![user]).await).await;
        Ok(names.or_gql()?.remove(&user).unwrap_or_else(|| self.label.clone()))
    }
}

/// One audited change. The second field is the actor's present name when
/// the listing looked names up for its page.
pub struct AuditEntry(pub audit::AuditEntry, pub Option<String>);

#[Object]
impl AuditEntry {
    pub(crate) async fn id(&self) -> ID {
        ids::encode(AUDIT_ENTRY, self.0.id)
    }
    async fn at(&self) -> DateTime<Utc> {
        self.0.at
    }
    async fn actor(&self) -> AuditActor {
        AuditActor::of(self)
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
    fn of(entry: &AuditEntry) -> Self {
        let AuditEntry(entry, name) = entry;
        let kind = match entry.actor_kind {
            ActorKind::User => Some(identity::USER),
            ActorKind::ApiClient => Some(identity::API_CLIENT),
            ActorKind::System => None,
        };
        let id = kind.zip(entry.actor_id).map(|(kind, id): (NodeType, Uuid)| ids::encode(kind, id));
        AuditActor {
            kind: entry.actor_kind,
            id,
            user_id: entry.actor_user(),
            label: entry.actor_label.clone(),
            name: name.clone(),
        }
    }
}

impl Plain for AuditActor {
    fn field(&self, name: &str, _: Selection<'_>) -> Option<Value> {
        Some(match name {
            "kind" => Enum(self.kind).plain(),
            "id" => self.id.plain(),
            "label" => self.label.plain(),
            // The listing looks names up whenever `name` is selected.
            "name" => self.name.as_ref().unwrap_or(&self.label).plain(),
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
            "actor" => selection.object(&AuditActor::of(self)),
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
    let found = db(ctx).read(&tenant_ctx(ctx)?, async |tx| audit::get(tx, id).await).await.or_gql()?;
    Ok(found.map(|entry| AuditEntry(entry, None)))
}

/// Narrows the audit log; each field given narrows it further.
#[derive(InputObject, Default)]
pub struct AuditLogFilter {
    /// Only what this person (a `User` id) or partner client (an
    /// `ApiClient` id) did.
    actor_id: Option<ID>,
    /// Only these actions (`member.invite`, `session.login_failed`); at
    /// most 50.
    actions: Option<Vec<String>>,
    /// Only entries at or after this time.
    since: Option<DateTime<Utc>>,
    /// Only entries before this time.
    until: Option<DateTime<Utc>>,
}

impl AuditLogFilter {
    fn parse(self) -> DomainResult<audit::AuditFilter> {
        let actor_id = match &self.actor_id {
            Some(id) => Some(identity::USER.parse(id).or_else(|| identity::API_CLIENT.parse(id)).ok_or_else(|| {
                DomainError::user("actorId", UserErrorCode::Invalid, messages::invalid_id("User or ApiClient"))
            })?),
            None => None,
        };
        Ok(audit::AuditFilter {
            actor_id,
            actions: self.actions.unwrap_or_default(),
            since: self.since,
            until: self.until,
        })
    }
}

/// Whether the selection under the connection asks for `actor { name }`.
fn wants_actor_names(ctx: &Context<'_>) -> bool {
    let look = ctx.look_ahead();
    look.field("nodes").field("actor").field("name").exists()
        || look.field("edges").field("node").field("actor").field("name").exists()
}

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// Every audited change in the tenant, newest first, narrowed by
    /// `filter`. `offset` skips entries for page-number navigation (page
    /// `n` of size `s`: `first: s, offset: (n - 1) * s`), up to 100,000;
    /// `totalCount` counts the filtered log, and only when selected.
    #[graphql(complexity = "crate::graphql::kit::connection::cost(first, last, child_complexity)")]
    #[expect(clippy::too_many_arguments, reason = "the Relay arguments, the offset and the filter")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
        offset: Option<i32>,
        filter: Option<AuditLogFilter>,
    ) -> Result<CountedConnection<Fast<AuditEntry>>> {
        let mut request = page_request(first, after, last, before)?;
        request.offset = offset;
        let filter = filter.unwrap_or_default().parse().or_gql()?;
        let count_too = ctx.look_ahead().field("totalCount").exists();
        let names_too = wants_actor_names(ctx);
        let (page, total, names) = db(ctx)
            .read(&tenant_ctx(ctx)?, async |tx| {
                let page = audit::list(tx, &request, &filter).await?;
                let total = if count_too { audit::count(tx, &filter).await? } else { 0 };
                let names = if names_too {
                    audit::actor_names(tx, page.items.iter().filter_map(|(_, e)| e.actor_user()).collect()).await?
                } else {
                    HashMap::new()
                };
                Ok((page, total, names))
            })
            .await
            .or_gql()?;
        Ok(counted(page, total, |entry| {
            let name = names_too.then(|| {
                entry
                    .actor_user()
                    .and_then(|user| names.get(&user).cloned())
                    .unwrap_or_else(|| entry.actor_label.clone())
            });
            Fast(AuditEntry(entry, name))
        }))
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
                    Ok(()) => (Ok(AuditEntry(entry, None)), Some((subscription, recheck))),
                    Err(refused) => (Err(refused), None),
                });
            }
        }))
    }
}
