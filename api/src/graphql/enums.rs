//! GraphQL enums mirroring the domain's, converted both ways.

use async_graphql::Enum;
use domain::access;
use domain::identity;
use domain::jobs;

macro_rules! mirror {
    ($gql:ident, $name:literal, $domain:path, [$($variant:ident),* $(,)?]) => {
        #[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
        #[graphql(name = $name)]
        pub enum $gql { $($variant),* }

        impl From<$domain> for $gql {
            fn from(value: $domain) -> Self {
                use $domain as D;
                match value { $(D::$variant => $gql::$variant),* }
            }
        }

        impl From<$gql> for $domain {
            fn from(value: $gql) -> Self {
                use $domain as D;
                match value { $($gql::$variant => D::$variant),* }
            }
        }
    };
}

mirror!(Role, "Role", access::Role, [Owner, Admin, Operator, Merchant, Seller, StoreStaff, Trainer, Trainee, Viewer]);
mirror!(
    Scope,
    "Scope",
    access::Scope,
    [
        TenantRead,
        TenantWrite,
        MembersRead,
        MembersWrite,
        ApiClientsRead,
        ApiClientsWrite,
        AuditRead,
        JobsRead,
        JobsWrite
    ]
);
mirror!(Locale, "Locale", identity::Locale, [ZhCn, En]);
mirror!(Module, "Module", identity::Module, [Warehousing, Stores, Livestream, Training]);
mirror!(JobState, "JobState", jobs::JobState, [Queued, Running, Succeeded, Dead]);

/// Who made an audited change.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum ActorKind {
    User,
    ApiClient,
    System,
}

impl ActorKind {
    pub fn parse(text: &str) -> Self {
        match text {
            "user" => ActorKind::User,
            "api_client" => ActorKind::ApiClient,
            _ => ActorKind::System,
        }
    }
}
