//! sea-orm entities of the identity context. Private to `domain`: callers
//! go through the services, and tenant tables are reached only through
//! [`crate::platform::tenancy::TenantTx`]. `tenants`, `users`,
//! `refresh_tokens`, `password_resets`, `sign_in_attempts`,
//! `signup_confirmations` and `slug_holds` are global tables.

pub mod api_client;
pub mod invitation;
pub mod membership;
pub mod password_reset;
pub mod refresh_token;
pub mod sign_in_attempt;
pub mod signup_confirmation;
pub mod slug_hold;
pub mod tenant;
pub mod user;

use crate::platform::tenancy::tenant_entity;

tenant_entity!(api_client owned by MerchantId);
tenant_entity!(invitation);
tenant_entity!(membership);
