//! sea-orm entities of the inbound context, reached only through
//! [`crate::platform::tenancy::TenantTx`].

pub mod inbound_line;
pub mod inbound_shipment;

use crate::platform::tenancy::tenant_entity;

tenant_entity!(inbound_shipment owned by MerchantId);
tenant_entity!(inbound_line owned by MerchantId);
