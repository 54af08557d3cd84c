//! The catalog context's GraphQL: merchants, products and SKUs.

mod merchants;
mod products;
mod skus;

use async_graphql::MergedObject;

pub use self::merchants::{Merchant, merchant_node};
pub use self::products::{Product, product_node};
pub use self::skus::{Sku, sku_node};

#[derive(MergedObject, Default)]
pub struct CatalogQuery(merchants::MerchantQuery, products::ProductQuery, skus::SkuQuery);

#[derive(MergedObject, Default)]
pub struct CatalogMutation(merchants::MerchantMutation, products::ProductMutation, skus::SkuMutation);
