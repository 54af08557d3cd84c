//! Identity: tenants, users, memberships, sessions, invitations, password
//! resets and partner API clients; the mail they send; the caches of the
//! rows nearly every request reads.

pub mod api_clients;
pub mod authority;
mod directory;
mod entities;
pub mod grants;
mod invitation_caps;
pub mod invitations;
mod lookups;
mod mail;
pub mod members;
pub mod memberships;
mod messages;
mod names;
pub mod password;
pub(crate) mod password_gate;
pub mod password_reset;
pub mod retention;
pub mod seed;
pub mod sessions;
pub mod signup;
pub mod signup_links;
mod slug_holds;
pub mod tenants;
pub mod users;

use crate::platform::bus::Topic;
use crate::platform::db::Db;
use crate::platform::ids::NodeType;
use crate::platform::text_enum::string_enum;

/// Language of a user, a tenant's default, and of the mail we send.
pub use crate::platform::i18n::Locale;

pub const TENANT: NodeType = NodeType("Tenant");
pub const USER: NodeType = NodeType("User");
pub const MEMBER: NodeType = NodeType("Member");
pub const INVITATION: NodeType = NodeType("Invitation");
pub const API_CLIENT: NodeType = NodeType("ApiClient");

string_enum!(
    /// The lines of business a tenant has switched on.
    Module {
        Warehousing = "warehousing",
        Stores = "stores",
        Livestream = "livestream",
        Training = "training",
    }
);

pub(crate) fn format_modules(modules: &[Module]) -> String {
    let mut names: Vec<&str> = modules.iter().map(|m| m.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    names.join(",")
}

pub(crate) fn parse_modules(text: &str) -> Vec<Module> {
    text.split(',').filter_map(Module::parse).collect()
}

/// A tenant's settings changed: cached copies of it are stale.
pub struct TenantChanged;

impl Topic for TenantChanged {
    const NAME: &'static str = "identity.tenant_changed";
    type Payload = ();
}

/// Hangs identity's pieces on the pool: the caches, the actor directory
/// the audit log asks, and the hook that evicts a changed tenant.
pub(crate) fn install(db: &Db) {
    lookups::install(db);
    authority::install(db);
    directory::install(db);
}
