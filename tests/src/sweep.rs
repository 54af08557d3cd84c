//! What the isolation sweeps are made of: each context lists its GraphQL
//! operations and seeds the objects they are run against; the sweeps in
//! `integration/isolation.rs` and `integration/owner_scoping.rs` run every
//! operation of every context as an outsider and check that nothing of the
//! victim's shows or changes.

use serde_json::{Map, Value};

/// `(root field, document)`. A document may use the ids that the seeds
/// name as variables (`$member`, `$merchant`, …) and `$refreshToken`, the
/// outsider's own refresh token.
pub type Operations = &'static [(&'static str, &'static str)];

/// What a seed made: ids by variable name, and words that must never show
/// up in an outsider's answers.
#[derive(Debug, Default, Clone)]
pub struct Seeded {
    pub ids: Map<String, Value>,
    pub secrets: Vec<String>,
}

impl Seeded {
    /// Records `gid` under `name`; its uuid becomes a secret too.
    pub fn id(&mut self, name: &str, gid: &str) {
        self.ids.insert(name.to_owned(), Value::String(gid.to_owned()));
        if let Some(uuid) = gid.rsplit('/').next() {
            self.secrets.push(uuid.to_owned());
        }
    }

    pub fn secret(&mut self, word: &str) {
        self.secrets.push(word.to_owned());
    }

    pub fn merge(&mut self, other: Seeded) {
        self.ids.extend(other.ids);
        self.secrets.extend(other.secrets);
    }

    pub fn variables(&self) -> Value {
        Value::Object(self.ids.clone())
    }
}
