//! The conventions every context's GraphQL follows, written once: Relay
//! connections with their arguments and cost, global ids, payloads with
//! `userErrors`, money, GraphQL enums mirrored from the domain, dataloaders, the
//! request context and its language, the cost limit, the limits on a
//! document and the codes of request errors, the fast resolution of
//! plain list items, unit quantities as `Int`, and the row faults of
//! imported files.

pub mod connection;
pub mod context;
pub mod cost;
pub mod enums;
pub mod ids;
pub mod imports;
pub mod limits;
pub mod loaders;
pub mod locale;
pub mod money;
pub mod payload;
pub mod plain;
pub mod request_errors;
pub mod units;
