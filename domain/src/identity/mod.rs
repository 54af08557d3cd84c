//! Identity: tenants, users, memberships, sessions, invitations, password
//! resets and partner API clients.

pub mod api_clients;
pub mod email;
pub mod invitations;
pub mod members;
pub mod password;
pub mod password_reset;
pub mod sessions;
pub mod tenants;
pub mod users;

use crate::text_enum::string_enum;

string_enum!(
    /// Language of a user, a tenant's default, and of the mail we send.
    Locale {
        ZhCn = "zh-CN",
        En = "en",
    }
);

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
