//! sea-orm entities of the returns context, reached only through
//! [`crate::platform::tenancy::TenantTx`].

pub mod rma;
pub mod rma_line;

use crate::platform::tenancy::tenant_entity;

tenant_entity!(rma owned by MerchantId);
tenant_entity!(rma_line owned by MerchantId);
