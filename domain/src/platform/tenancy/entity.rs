//! The tenant-entity trait: what [`super::TenantTx`] needs to know about a
//! table to scope every query of it by tenant and, for tables whose rows
//! belong to a merchant, by owner.

/// A tenant-owned entity (`PRIMARY KEY (tenant_id, id)`).
pub trait TenantEntity: sea_orm::EntityTrait {
    fn tenant_column() -> Self::Column;
    fn id_column() -> Self::Column;
    /// The column naming the merchant a row belongs to, for entities with
    /// an owner. A merchant-bound context reads and writes only rows whose
    /// owner is its merchant (rows with no owner are the tenant's own).
    fn owner_column() -> Option<Self::Column> {
        None
    }
}

/// Declares entity modules tenant-owned: `tenant_entity!(job, audit_entry)`,
/// or with an owner column: `tenant_entity!(api_client owned by MerchantId)`.
macro_rules! tenant_entity {
    ($module:ident) => {
        impl $crate::platform::tenancy::TenantEntity for $module::Entity {
            fn tenant_column() -> Self::Column {
                $module::Column::TenantId
            }

            fn id_column() -> Self::Column {
                $module::Column::Id
            }
        }
    };
    ($module:ident owned by $owner:ident) => {
        impl $crate::platform::tenancy::TenantEntity for $module::Entity {
            fn tenant_column() -> Self::Column {
                $module::Column::TenantId
            }

            fn id_column() -> Self::Column {
                $module::Column::Id
            }

            fn owner_column() -> Option<Self::Column> {
                Some($module::Column::$owner)
            }
        }
    };
}

pub(crate) use tenant_entity;
