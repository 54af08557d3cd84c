//! The platform: the audit log, jobs and schedules, idempotency keys, the
//! event bus and subscriptions, the HTTP edge, row-level security, the
//! portal served by the binary. Its operations for the isolation sweeps.

mod anonymous;
mod audit;
mod audit_filters;
mod bad_input;
mod fast_lists;
mod graphql_http;
mod http_edge;
mod idempotency;
mod jobs;
mod language;
mod logging;
mod portal;
mod request_limits;
mod row_level_security;
mod scheduler;
mod subscriptions;

use domain::platform::access::Permission::*;
use serde_json::json;
use silkport_tests::sweep::Needs::All;
use silkport_tests::sweep::{Operations, Seeded};
use silkport_tests::{Session, TestApp};

pub const OPERATIONS: Operations = &[
    ("node", All(&[JobsRead]), "query($job: ID!) { node(id: $job) { id } }"),
    ("node", All(&[AuditRead]), "query($auditEntry: ID!) { node(id: $auditEntry) { id } }"),
    (
        "auditLog",
        All(&[AuditRead]),
        "query { auditLog(first: 50) { totalCount nodes { id action subjectId actor { id label name } before after } } }",
    ),
    (
        "auditLog",
        All(&[AuditRead]),
        "query($user: ID!) { auditLog(first: 50, offset: 1, filter: {actorId: $user, actions: [\"member.invite\", \"member.join\"]}) { totalCount nodes { id actor { name } after } } }",
    ),
    ("jobs", All(&[JobsRead]), "query { jobs(first: 50) { nodes { id kind state } } }"),
    (
        "jobSchedules",
        All(&[JobsRead]),
        "query { jobSchedules { name timezone nextRunAt lastRunAt lastJob { id kind } } }",
    ),
    (
        "jobRetry",
        All(&[JobsWrite]),
        "mutation($job: ID!) { jobRetry(input: {id: $job}) { job { id state } userErrors { code } } }",
    ),
];

/// The victim's platform state, as its owner reads it.
pub const SNAPSHOT: &str = "jobs(first: 50) { nodes { id state attempts } }
    auditLog(first: 250) { nodes { id } }";

/// A job and an audit entry of `owner`'s tenant (its invitations made both).
pub async fn seed(app: &TestApp, owner: &Session) -> Seeded {
    let mut seeded = Seeded::default();
    let t = Some(owner.access_token.as_str());
    let jobs = app.gql(t, "{ jobs(first: 1) { nodes { id } } }", json!({})).await;
    seeded.id("job", jobs["data"]["jobs"]["nodes"][0]["id"].as_str().unwrap_or_else(|| panic!("a job: {jobs}")));
    let log = app.gql(t, "{ auditLog(first: 1) { nodes { id } } }", json!({})).await;
    seeded.id("auditEntry", log["data"]["auditLog"]["nodes"][0]["id"].as_str().unwrap_or_else(|| panic!("{log}")));
    seeded
}
