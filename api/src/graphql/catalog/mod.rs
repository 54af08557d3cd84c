//! The catalog context's GraphQL: merchants (later products and SKUs).

mod merchants;

pub use self::merchants::{CatalogMutation, CatalogQuery, Merchant, merchant_node};
