//! Facts published after their transaction commits, for live subscribers
//! (subscriptions). In one process they go straight to the subscribers;
//! with an event relay installed (Redis, across API and worker processes)
//! they go out through it and come back in through [`crate::Db::deliver`].
//! Never the only copy of anything: every event is also a committed row.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::audit::AuditEntry;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    pub tenant_id: Uuid,
    pub kind: EventKind,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", content = "data")]
pub enum EventKind {
    AuditEntryAdded(Box<AuditEntry>),
    /// The tenant's settings changed: cached copies are stale.
    TenantChanged,
}
