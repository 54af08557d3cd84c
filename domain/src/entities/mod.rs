//! sea-orm entities. Private to `domain`: callers go through the services,
//! and tenant tables are only reached through [`crate::db::TenantTx`].

pub mod api_client;
pub mod audit_entry;
pub mod invitation;
pub mod job;
pub mod membership;
pub mod password_reset;
pub mod refresh_token;
pub mod tenant;
pub mod user;

/// A tenant-owned entity: knows its `tenant_id` column so the scoped
/// transaction can add the filter to every query.
pub trait TenantEntity: sea_orm::EntityTrait {
    fn tenant_column() -> Self::Column;
    fn id_column() -> Self::Column;
}

macro_rules! tenant_entity {
    ($($module:ident),*) => {
        $(impl TenantEntity for $module::Entity {
            fn tenant_column() -> Self::Column {
                $module::Column::TenantId
            }

            fn id_column() -> Self::Column {
                $module::Column::Id
            }
        })*
    };
}

tenant_entity!(api_client, audit_entry, invitation, job, membership);
