//! sea-orm entities of the inventory context, reached only through
//! [`crate::platform::tenancy::TenantTx`].

pub mod bin_stock;
pub mod count_line;
pub mod count_task;
pub mod location;
pub mod stock_level;
pub mod stock_movement;
pub mod stock_transfer;
pub mod stock_transfer_line;
pub mod warehouse;

use crate::platform::tenancy::tenant_entity;

tenant_entity!(warehouse);
tenant_entity!(location);
tenant_entity!(stock_level owned by MerchantId);
tenant_entity!(bin_stock owned by MerchantId);
tenant_entity!(stock_movement owned by MerchantId);
tenant_entity!(stock_transfer owned by MerchantId);
tenant_entity!(stock_transfer_line owned by MerchantId);
tenant_entity!(count_task);
tenant_entity!(count_line);
