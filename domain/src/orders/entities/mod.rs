//! sea-orm entities of the orders context, reached only through
//! [`crate::platform::tenancy::TenantTx`].

pub mod order;
pub mod order_allocation;
pub mod order_event;
pub mod order_import;
pub mod order_line;

use crate::platform::tenancy::tenant_entity;

tenant_entity!(order owned by MerchantId);
tenant_entity!(order_line owned by MerchantId);
tenant_entity!(order_allocation owned by MerchantId);
tenant_entity!(order_event owned by MerchantId);
tenant_entity!(order_import owned by MerchantId);
