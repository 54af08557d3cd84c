//! Tenancy: the context of a request ([`TenantCtx`]), the transaction it
//! opens ([`TenantTx`]), and the trait that tells that transaction how to
//! scope a table ([`TenantEntity`]). DESIGN.md §3.

mod ctx;
mod entity;
mod tx;

pub use self::ctx::{Actor, ActorKind, TenantCtx};
pub use self::entity::TenantEntity;
pub(crate) use self::entity::tenant_entity;
pub use self::tx::TenantTx;
