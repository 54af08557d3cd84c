//! The platform's GraphQL: the audit log and background jobs, which every
//! context feeds.

mod audit;
mod jobs;

use async_graphql::{MergedObject, MergedSubscription};

pub use self::audit::{AuditEntry, audit_entry_node};
pub use self::jobs::{Job, job_node};

#[derive(MergedObject, Default)]
pub struct PlatformQuery(audit::AuditQuery, jobs::JobsQuery);

#[derive(MergedObject, Default)]
pub struct PlatformMutation(jobs::JobMutations);

#[derive(MergedSubscription, Default)]
pub struct PlatformSubscription(audit::AuditSubscription);
