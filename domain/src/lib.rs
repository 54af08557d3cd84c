//! Silkport's business rules and data, cut by business context.
//!
//! - [`platform`]: what every context uses (tenancy, access, the pool, the
//!   event bus, jobs, audit, paging, ids, errors); it imports no context.
//! - [`identity`]: tenants, people, sessions and partner clients.
//! - [`catalog`]: merchants, their products and SKUs (barcodes, customs data).
//! - [`inventory`]: warehouses and their locations, stock and its ledger.
//! - [`inbound`]: inbound shipments (ASNs), receiving and putaway.
//! - [`orders`]: outbound orders, their addresses and allocation.
//! - [`fulfilment`]: getting orders to their recipients (so far, carriers).
//! - [`returns`]: returns (RMA), received and inspected.
//! - [`demo`]: the living demo warehouse `silkport seed demo` adds.
//!
//! Entities are private; callers go through the services of a context,
//! most of which run inside a [`TenantTx`] the caller holds so that several
//! compose into one transaction. No HTTP, no GraphQL, no token or MIME format.

pub mod catalog;
pub mod demo;
pub mod fulfilment;
pub mod identity;
pub mod inbound;
pub mod inventory;
pub mod orders;
pub mod platform;
pub mod returns;

pub use platform::db::{Db, DbOptions};
pub use platform::errors::{DomainError, DomainResult, UserError, UserErrorCode};
pub use platform::tenancy::{Actor, TenantCtx, TenantTx};

/// Opens the pool and hangs on it what the contexts need (caches, the
/// audit log's actor directory, event hooks). Every process opens it so.
pub async fn open(options: &DbOptions) -> Result<Db, sea_orm::DbErr> {
    let db = Db::connect(options).await?;
    identity::install(&db);
    Ok(db)
}
