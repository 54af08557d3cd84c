//! sea-orm entities of the inventory context, reached only through
//! [`crate::platform::tenancy::TenantTx`].

pub mod bin_stock;
pub mod location;
pub mod stock_level;
pub mod stock_movement;
pub mod warehouse;

use crate::platform::tenancy::tenant_entity;

tenant_entity!(warehouse);
tenant_entity!(location);
tenant_entity!(stock_level owned by MerchantId);
tenant_entity!(bin_stock owned by MerchantId);
tenant_entity!(stock_movement owned by MerchantId);
