//! sea-orm entities of the catalog context, reached only through
//! [`crate::platform::tenancy::TenantTx`].

pub mod merchant;

use crate::platform::tenancy::tenant_entity;

tenant_entity!(merchant owned by Id);
