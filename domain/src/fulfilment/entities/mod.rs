//! sea-orm entities of the fulfilment context, reached only through
//! [`crate::platform::tenancy::TenantTx`].

pub mod package;
pub mod package_item;
pub mod pick_task;
pub mod shipment;
pub mod tracking_event;
pub mod wave;

use crate::platform::tenancy::tenant_entity;

tenant_entity!(wave);
tenant_entity!(pick_task owned by MerchantId);
tenant_entity!(package owned by MerchantId);
tenant_entity!(package_item owned by MerchantId);
tenant_entity!(shipment owned by MerchantId);
tenant_entity!(tracking_event owned by MerchantId);
