//! The audit entry a mutation left, checked in full: who (kind, id and
//! label of the actor), what (action), on what (subject), the state before
//! and after, the request it came from, and when.

use serde_json::{Value, json};

use crate::app::TestApp;

const LATEST: &str =
    "{ auditLog(first: 1) { nodes { id at action actor { kind id label } subjectId before after requestId } } }";

impl TestApp {
    /// The newest audit entry of the tenant `token` reads, every field.
    pub async fn latest_audit_entry(&self, token: &str) -> Value {
        let log = self.gql(Some(token), LATEST, json!({})).await;
        let entry = log["data"]["auditLog"]["nodes"][0].clone();
        assert!(entry.is_object(), "no audit entry to read: {log}");
        entry
    }

    /// Asserts that the newest audit entry of `token`'s tenant is `expected`
    /// (`action`, `actor`, `subjectId`, `before`, `after`, `requestId`; a
    /// field left out must be null) and was written within the last minute.
    pub async fn assert_latest_audit(&self, token: &str, expected: Value) -> Value {
        let entry = self.latest_audit_entry(token).await;
        assert_audit_entry(&entry, expected);
        entry
    }
}

/// Compares every field of `entry` but its id and time with `expected`
/// (missing fields are expected null), and checks the time is recent.
pub fn assert_audit_entry(entry: &Value, expected: Value) {
    let mut want =
        json!({"action": null, "actor": null, "subjectId": null, "before": null, "after": null, "requestId": null});
    for (field, value) in expected.as_object().expect("the expected entry is an object") {
        assert!(want.get(field).is_some(), "`{field}` is not a field of an audit entry");
        want[field] = value.clone();
    }
    let mut got = entry.clone();
    let at = got.as_object_mut().and_then(|o| o.remove("at")).expect("`at`");
    got.as_object_mut().and_then(|o| o.remove("id")).expect("`id`");
    assert_eq!(got, want, "the audit entry of `{}`", want["action"]);
    let at = chrono::DateTime::parse_from_rfc3339(at.as_str().expect("`at` is a string")).expect("`at` is RFC 3339");
    let age = chrono::Utc::now().signed_duration_since(at);
    assert!(age >= -chrono::Duration::seconds(5) && age < chrono::Duration::minutes(1), "written {age} ago: {entry}");
}

/// The actor of an entry: a person.
pub fn user(id: &str, email: &str) -> Value {
    json!({"kind": "USER", "id": id, "label": email})
}

/// The actor of an entry: a partner client, labelled `API client <name>`.
pub fn api_client(id: &str, name: &str) -> Value {
    json!({"kind": "API_CLIENT", "id": id, "label": format!("API client {name}")})
}
