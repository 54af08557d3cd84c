//! sea-orm entities of the catalog context, reached only through
//! [`crate::platform::tenancy::TenantTx`].

pub mod merchant;
pub mod product;
pub mod sku;
pub mod sku_barcode;
pub mod sku_import;

use crate::platform::tenancy::tenant_entity;

tenant_entity!(merchant owned by Id);
tenant_entity!(product owned by MerchantId);
tenant_entity!(sku owned by MerchantId);
tenant_entity!(sku_barcode owned by MerchantId);
tenant_entity!(sku_import owned by MerchantId);
