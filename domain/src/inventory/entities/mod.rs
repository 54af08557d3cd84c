//! sea-orm entities of the inventory context, reached only through
//! [`crate::platform::tenancy::TenantTx`].

pub mod location;
pub mod warehouse;

use crate::platform::tenancy::tenant_entity;

tenant_entity!(warehouse);
tenant_entity!(location);
