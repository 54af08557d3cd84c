//! Silkport's business rules and data: entities (private), tenant-scoped
//! services and typed errors. No HTTP, no GraphQL, no token or mail format.

mod text_enum;

pub mod access;
pub mod audit;
pub mod context;
pub mod db;
mod entities;
pub mod error;
pub mod events;
pub mod identity;
pub mod ids;
pub mod jobs;
mod lookups;
pub mod page;
pub mod seed;

pub use context::{Actor, TenantCtx};
pub use db::{Db, DbOptions, TenantTx};
pub use error::{DomainError, DomainResult, UserError, UserErrorCode};
