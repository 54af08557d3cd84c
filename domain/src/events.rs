//! Facts published after their transaction commits, for live subscribers
//! in this process (subscriptions). Never the only copy of anything: every
//! event is also a committed row.

use uuid::Uuid;

use crate::audit::AuditEntry;

#[derive(Debug, Clone)]
pub struct Event {
    pub tenant_id: Uuid,
    pub kind: EventKind,
}

#[derive(Debug, Clone)]
pub enum EventKind {
    AuditEntryAdded(AuditEntry),
}
