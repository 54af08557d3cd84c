//! What the isolation sweeps and the permission matrix are made of: each
//! context lists its GraphQL operations, with what each needs of its
//! caller, and seeds the objects they are run against. The sweeps in
//! `integration/isolation.rs` and `integration/owner_scoping.rs` run every
//! operation of every context as an outsider and check that nothing of the
//! victim's shows or changes; `integration/permissions.rs` runs every one
//! as every role and partner scope and checks it is allowed exactly when
//! the access table says.

use domain::platform::access::Permission;
use serde_json::{Map, Value};

/// What an operation needs of its caller, in the terms of the access table
/// (`permissions!` in `domain/src/platform/access.rs`): every permission
/// the document's fields check, nested fields included.
#[derive(Debug, Clone, Copy)]
pub enum Needs {
    /// Each of these (none: anyone, signed in or not).
    All(&'static [Permission]),
    /// Each of these when the caller is bound to a merchant (it concerns
    /// that merchant); nothing otherwise.
    WhenBound(&'static [Permission]),
    /// Each of these, by a caller bound to no merchant: the operation makes
    /// something no merchant owns yet (owner scoping refuses it to a
    /// merchant-bound caller, `TenantTx::insert`).
    Unbound(&'static [Permission]),
    /// A person of any role; a partner client has no account of its own.
    Person,
}

/// `(root field, needs, document)`. A document may use the ids that the
/// seeds name as variables (`$member`, `$merchant`, …) and `$refreshToken`,
/// the caller's own refresh token. A document that checks two permissions
/// masks the one of them a caller lacking both is refused by; so documents
/// are kept to one root field and few nested reads, and the matrix has
/// callers holding every single scope.
pub type Operations = &'static [(&'static str, Needs, &'static str)];

/// What a seed made: ids by variable name, and words that must never show
/// up in an outsider's answers.
#[derive(Debug, Default, Clone)]
pub struct Seeded {
    pub ids: Map<String, Value>,
    pub secrets: Vec<String>,
    /// The secrets a merchant owns: hidden from other merchants of the
    /// same tenant too (owner scoping), not only from other tenants.
    pub owned: Vec<String>,
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

    /// Records `gid` under `name` as a row a merchant owns: its uuid is
    /// secret from other merchants of the tenant too.
    pub fn owned_id(&mut self, name: &str, gid: &str) {
        self.id(name, gid);
        if let Some(uuid) = gid.rsplit('/').next() {
            self.owned.push(uuid.to_owned());
        }
    }

    /// A word only the owning merchant (and its tenant's staff) may see.
    pub fn owned_secret(&mut self, word: &str) {
        self.secret(word);
        self.owned.push(word.to_owned());
    }

    /// Keeps only the merchant-owned secrets: what another merchant of the
    /// same tenant must not see (warehouses, locations and waves are the
    /// tenant's, shown to its merchants).
    pub fn keep_owned_secrets(&mut self) {
        self.secrets = self.owned.clone();
    }

    pub fn merge(&mut self, other: Seeded) {
        self.ids.extend(other.ids);
        self.secrets.extend(other.secrets);
        self.owned.extend(other.owned);
    }

    pub fn variables(&self) -> Value {
        Value::Object(self.ids.clone())
    }
}
